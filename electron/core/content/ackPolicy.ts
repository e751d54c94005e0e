import type { AckPolicy } from '../../contract.js';

/**
 * Where the policy lives: in the article's own front matter, under `acknowledge`. It is a fact about
 * the content (which text people must confirm, by when, in which version), so it travels with the
 * content to every PC through git, is changed only by whoever may change content (the protected
 * `main` branch), and a pack zip or a copy of the folder carries it. The data folder holds only
 * what people did: the confirmations.
 *
 * ```yaml
 * acknowledge:
 *   roles: [customer-service, operations]   # or: all
 *   due: 2026-12-20
 *   version: 2          # goes up with each material change
 *   since: 2026-12-02   # the day this version began
 * ```
 */
export const ACK_FIELD = 'acknowledge';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ROLE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const realDate = (s: string) => DATE.test(s) && new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) === s;

export interface PolicyRead { policy: AckPolicy | null; problems: string[] }

/** Reads `acknowledge` from front matter; anything malformed is reported and the policy ignored (never half-applied). */
export function readAckPolicy(data: Record<string, unknown>): PolicyRead {
  const raw = data[ACK_FIELD];
  if (raw == null) return { policy: null, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy: null, problems: ['acknowledge should be a mapping with roles and due'] };
  const o = raw as Record<string, unknown>;
  const problems: string[] = [];
  let roles: AckPolicy['roles'] | null = null;
  if (o.roles === 'all') roles = 'all';
  else if (Array.isArray(o.roles) && o.roles.length > 0 && o.roles.every((r) => typeof r === 'string' && ROLE.test(r))) roles = [...new Set(o.roles as string[])];
  else problems.push('acknowledge.roles should be "all" or a list of role ids');
  const due = typeof o.due === 'string' && realDate(o.due) ? o.due : null;
  if (!due) problems.push(`acknowledge.due should be a date like 2026-01-31, got ${JSON.stringify(o.due ?? null)}`);
  const version = o.version == null ? 1 : o.version;
  if (!Number.isInteger(version) || (version as number) < 1) problems.push('acknowledge.version should be a whole number from 1');
  const since = typeof o.since === 'string' && realDate(o.since) ? o.since : null;
  if (o.since != null && !since) problems.push('acknowledge.since should be a date like 2026-01-31');
  if (problems.length || !roles || !due) return { policy: null, problems };
  return { policy: { roles, due, version: version as number, since }, problems };
}
