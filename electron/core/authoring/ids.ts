import { badRequest } from '../api/errors.js';

/** Letters of any script (Chinese file names are fine), digits, `-` and `_`; no dots, no spaces. */
const SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,79}$/u;
/** Names Windows refuses as file names, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const SIMPLE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** Checks an article id (`folder/name`) a trainer typed; the message says what to change. */
export function checkArticleId(id: string): string {
  const parts = id.split('/');
  if (parts.length > 5) throw badRequest(`"${id}": at most 4 folders deep`, 'tooDeep', { id });
  for (const p of parts) {
    if (!SEGMENT.test(p)) throw badRequest(`"${id}": use letters, digits, - and _ in names (no spaces, dots or other signs)`, 'badName', { id });
    if (RESERVED.test(p)) throw badRequest(`"${id}": "${p}" cannot be used as a file name on Windows`, 'reservedName', { id, name: p });
  }
  return id;
}

/** `role:<id>` → roles/<id>.md; anything else is an article under articles/. */
export function relOfEditable(id: string): { rel: string; role: boolean; bareId: string } {
  if (id.startsWith('role:')) {
    const roleId = id.slice(5);
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(roleId)) throw badRequest('role id: lowercase letters, digits and hyphens', 'badRoleId');
    return { rel: `roles/${roleId}.md`, role: true, bareId: roleId };
  }
  checkArticleId(id);
  return { rel: `articles/${id}.md`, role: false, bareId: id };
}

/** Track and quiz ids are file names the onboarding code also uses as step references. */
export function checkSimpleId(kind: string, id: string): string {
  if (!SIMPLE.test(id) || RESERVED.test(id)) throw badRequest(`${kind} id "${id}": use letters, digits, - and _ (starting with a letter or digit)`, 'badId', { id });
  return id;
}
