import type { SearchHit } from '../../../../electron/contract';
import { articleHref } from '../../app/route';

/** Where a hit leads; articles carry the matched words so the reader can mark them. */
export function hitHref(hit: SearchHit, query: string): string {
  if (hit.kind === 'role') return '#/roles/' + encodeURIComponent(hit.id.slice('role:'.length));
  if (hit.kind === 'track') return '#/onboarding';
  const words = [...new Set(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e)))].slice(0, 8);
  const hl = words.length ? words.join('\u0001') : query;
  return `${articleHref(hit.id)}?hl=${encodeURIComponent(hl)}`;
}
