import { badRequest } from '../api/errors.js';

/** Letters of any script (Chinese file names are fine), digits, `-` and `_`; no dots, no spaces. */
const SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
/**
 * Names Windows refuses as file names, whatever follows a dot (`con.md`, `CON.tar.gz`); COM and LPT
 * take the superscript digits too (`COM¹`, `LPT²`).
 */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/iu;
const SIMPLE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ROLE = /^[a-z0-9][a-z0-9-]*$/;

/** Longest file name (in bytes) ext4, APFS and NTFS all take. */
export const MAX_FILE_NAME_BYTES = 255;
/**
 * The longest name we create from a file's name: its temporary file during an atomic write,
 * `.<name>.<pid>.<8 hex>.tmp`, with the largest Linux pid (7 digits).
 */
const longestDerived = (fileName: string) => `.${fileName}.4194304.ffffffff.tmp`;

/**
 * The one check for every name that becomes a file (articles, roles, tracks, quizzes, assets, what the
 * trash keeps): allowed characters, no Windows device name, no trailing dot or space, and short enough
 * in bytes for the longest file name made from it (its temporary file) on every disk.
 */
export function checkFileName(name: string, ext: string, pattern: RegExp = SEGMENT, id = name): string {
  if (!pattern.test(name) || /[. ]$/.test(name)) throw badRequest(`"${id}": use letters, digits, - and _ in names (no spaces, dots or other signs)`, 'badName', { name: id });
  if (RESERVED.test(name)) throw badRequest(`"${id}": "${name}" cannot be used as a file name on Windows`, 'reservedName', { name });
  // macOS stores names decomposed (NFD), which can be longer in bytes than what was typed.
  const bytes = Math.max(...['NFC', 'NFD'].map((f) => Buffer.byteLength(longestDerived(name.normalize(f) + ext))));
  if (bytes > MAX_FILE_NAME_BYTES) {
    const max = MAX_FILE_NAME_BYTES - (bytes - Buffer.byteLength(name));
    throw badRequest(`"${id}": "${name}" is too long for a file name (${Buffer.byteLength(name)} bytes in UTF-8; at most ${max})`, 'nameTooLong', { name, max });
  }
  return name;
}

/** Checks an article id (`folder/name`) a trainer typed; the message says what to change. */
export function checkArticleId(id: string): string {
  const parts = id.split('/');
  if (parts.length > 5) throw badRequest(`"${id}": at most 4 folders deep`, 'tooDeep', { id });
  parts.forEach((p, i) => checkFileName(p, i === parts.length - 1 ? '.md' : '', SEGMENT, id));
  return id;
}

/** `role:<id>` → roles/<id>.md; anything else is an article under articles/. */
export function relOfEditable(id: string): { rel: string; role: boolean; bareId: string } {
  if (id.startsWith('role:')) {
    const roleId = id.slice(5);
    checkFileName(roleId, '.md', ROLE, id);
    return { rel: `roles/${roleId}.md`, role: true, bareId: roleId };
  }
  checkArticleId(id);
  return { rel: `articles/${id}.md`, role: false, bareId: id };
}

/** Track and quiz ids are file names the onboarding code also uses as step references. */
export function checkSimpleId(kind: string, id: string): string {
  try {
    return checkFileName(id, '.yaml', SIMPLE, id);
  } catch (err) {
    throw badRequest(`${kind} id "${id}": ${(err as Error).message.replace(/^"[^"]*": /, '')}`, (err as { key?: string }).key, { name: id });
  }
}
