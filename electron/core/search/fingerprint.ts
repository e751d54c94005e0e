import { createHash } from 'node:crypto';
import { ENGINE_VERSION } from './schema.js';
import type { EngineOptions, SearchDoc } from './types.js';

/** Cache key of a doc set + options + engine version; independent of document order. */
export function fingerprint(docs: Pick<SearchDoc, 'id' | 'hash'>[], opts?: EngineOptions): string {
  const h = createHash('sha256');
  h.update(`handbook-search:${ENGINE_VERSION}\n`);
  h.update(JSON.stringify(opts?.synonyms ?? []));
  h.update('\n');
  const rows = docs.map((d) => `${String(d.id)}\u0000${String(d.hash)}`).sort();
  for (const r of rows) h.update(r + '\n');
  return h.digest('hex').slice(0, 32);
}
