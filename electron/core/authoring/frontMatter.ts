import { isMap, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import type { ArticleFieldValues } from '../../contract.js';
import { HandbookError } from '../api/errors.js';
import { parseFrontMatter } from '../content/frontmatter.js';
import { readArticleMeta } from '../content/meta.js';

/** The fields the form edits, in the order a new file lists them. */
export const FORM_FIELDS = ['title', 'summary', 'tags', 'roles', 'owner', 'reviewed', 'review_every', 'status', 'platforms'] as const;
type FormField = (typeof FORM_FIELDS)[number];
const LIST_FIELDS = new Set<FormField>(['tags', 'roles', 'platforms']);

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

interface Split { yaml: string | null; body: string }

/** Front matter text (null when the file has none) and the markdown after it. */
export function splitFile(text: string): Split {
  const open = OPEN.exec(text);
  if (!open) return { yaml: null, body: text };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { yaml: null, body: text };
  return { yaml: rest.slice(0, close.index), body: rest.slice(close.index + close[0].length).replace(/^\r?\n/, '') };
}

/** What the form shows for a file: the documented fields as the reader interprets them. */
export function readFields(text: string): { fields: ArticleFieldValues; otherFields: string[]; body: string } {
  const fm = parseFrontMatter(text.replace(/\r\n?/g, '\n'));
  const { meta } = readArticleMeta(fm.data);
  const fields: ArticleFieldValues = {
    title: meta.title ?? '', summary: meta.summary, tags: meta.tags, roles: meta.roles, owner: meta.owner,
    reviewed: meta.reviewed ?? '', review_every: meta.reviewEvery ?? '', status: meta.status, platforms: meta.platforms,
  };
  const otherFields = Object.keys(fm.data).filter((k) => !(FORM_FIELDS as readonly string[]).includes(k));
  return { fields, otherFields, body: splitFile(text.replace(/\r\n?/g, '\n')).body };
}

const isEmpty = (v: unknown) => v === '' || v == null || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The file's new text: the existing front matter edited in place through the YAML Document API, so
 * comments, key order, quoting, flow lists and fields the form does not know survive. A field is
 * touched only when its value changed; a form field emptied is removed. A front matter block that
 * does not parse is not thrown away: it is kept, commented out, under the new one.
 */
export function writeFile(original: string, changes: Partial<ArticleFieldValues>, body: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const text = original.replace(/\r\n?/g, '\n');
  const { yaml } = splitFile(text);
  const before = readFields(text).fields;
  let doc: Document | null = null;
  let kept = '';
  if (yaml !== null) {
    const parsed = parseDocument(yaml, { uniqueKeys: true });
    if (parsed.errors.length === 0 && (parsed.contents === null || isMap(parsed.contents))) doc = parsed;
    else kept = yaml.split('\n').filter((l) => l.length).map((l) => '# ' + l).join('\n');
  }
  doc ??= parseDocument('{}');
  if (doc.contents === null) doc = parseDocument('{}');
  const map = doc.contents as any;
  if (map.flow) map.flow = false; // an empty `{}` we created: write block style like every sample
  for (const key of FORM_FIELDS) {
    if (!(key in changes)) continue;
    const next = normalize(key, changes[key]);
    // Unchanged as the reader sees it: leave the node alone (`tags: a, b` stays a string, no
    // `status: published` is added to files that rely on the default).
    if (same(next, (before as any)[key])) continue;
    if (isEmpty(next)) {
      doc.delete(key);
      continue;
    }
    const old = doc.get(key, true);
    const node = doc.createNode(next);
    if (LIST_FIELDS.has(key) && node instanceof YAMLSeq) node.flow = !isSeq(old) || (old as YAMLSeq).flow !== false;
    doc.set(key, node);
  }
  let head = '';
  const hasFields = isMap(doc.contents) && (doc.contents as any).items.length > 0;
  if (hasFields || doc.commentBefore || doc.comment) head = String(doc).replace(/\n+$/, '\n');
  if (kept) head += '# The editor could not read the front matter below; it is kept here as it was:\n' + kept + '\n';
  const out = head ? `---\n${head}---\n${body.replace(/^\n+/, '')}` : body;
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}

function normalize(key: FormField, v: unknown): unknown {
  if (LIST_FIELDS.has(key)) {
    if (!Array.isArray(v)) throw new HandbookError('bad_request', `${key}: a list is expected`);
    return [...new Set(v.map((x) => String(x).trim()).filter(Boolean))];
  }
  if (typeof v !== 'string') throw new HandbookError('bad_request', `${key}: text is expected`);
  const s = v.trim();
  if (key === 'review_every' && s && !/^\d{1,4}\s*[dwmy]$/i.test(s)) throw new HandbookError('bad_request', `review interval should look like 90d, 12w, 6m or 1y, got "${s}"`);
  return s;
}
