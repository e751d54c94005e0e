import type { QuizSourceState } from '../../contract.js';
import type { Pack } from './pack.js';
import { sectionHash } from './sections.js';

/**
 * Each question with a source remembers a hash of that section's text as it was when the question
 * was written (`source_hash`). Content health compares it with the section today: a question whose
 * section changed may now be wrong.
 */
export const SOURCE_HASH = 'source_hash';

export function sourceState(pack: Pack, source: string | null, recorded: string | null): QuizSourceState['state'] {
  if (!source) return 'none';
  const now = sectionHash(pack, source);
  if (now === null) return 'missing';
  if (!recorded) return 'unrecorded';
  return now === recorded ? 'ok' : 'changed';
}
