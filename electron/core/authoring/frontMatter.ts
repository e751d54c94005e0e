import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Scalar, type YAMLSeq } from 'yaml';
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
  // A new file states every field the form filled in (even the defaults), so it reads clearly.
  const before = text.trim() ? readFields(text).fields : ({} as Partial<ArticleFieldValues>);
  const edits: Array<[FormField, unknown]> = [];
  for (const key of FORM_FIELDS) {
    if (!(key in changes)) continue;
    const next = normalize(key, changes[key]);
    // Unchanged as the reader sees it: leave the line alone (`tags: a, b` stays a string, no
    // `status: published` is added to files that rely on the default).
    if (!same(next, (before as any)[key])) edits.push([key, next]);
  }
  let head: string;
  const parsed = yaml === null ? null : parseDocument(yaml, { uniqueKeys: true });
  if (yaml !== null && parsed && parsed.errors.length === 0 && (parsed.contents === null || isMap(parsed.contents))) {
    head = patchYaml(yaml, parsed, edits);
  } else {
    head = patchYaml('', parseDocument(''), edits);
    // A block that does not parse is not thrown away: it stays, commented out, under the new one.
    if (yaml !== null) head += '# The editor could not read the front matter below; it is kept here as it was:\n' + yaml.split('\n').filter((l) => l.length).map((l) => '# ' + l).join('\n') + '\n';
  }
  const out = head.trim() ? `---\n${head.replace(/\n*$/, '\n')}---\n${body.replace(/^\n+/, '')}` : body;
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}

/**
 * Edits the YAML text itself, one field at a time, at the source ranges the parser reports: every
 * byte not belonging to a changed field stays as the author wrote it (comments, spacing, quotes,
 * key order, unknown fields). A changed list keeps its style (flow `[a, b]` or block `- a`).
 */
function patchYaml(yaml: string, doc: Document, edits: Array<[FormField, unknown]>): string {
  let out = yaml;
  const map = isMap(doc.contents) ? doc.contents : null;
  const spans: Array<{ from: number; to: number; text: string }> = [];
  let appended = '';
  for (const [key, value] of edits) {
    const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) {
      if (!isEmpty(value)) appended += render(key, value, true);
      continue;
    }
    const k = pair.key as Scalar;
    const v = pair.value as Node | null;
    const lineStart = out.lastIndexOf('\n', k.range![0] - 1) + 1;
    if (isEmpty(value)) {
      const end = v?.range ? v.range[2] : k.range![2];
      const lineEnd = out.indexOf('\n', Math.max(end - 1, k.range![1]));
      spans.push({ from: lineStart, to: lineEnd < 0 ? out.length : lineEnd + 1, text: '' });
      continue;
    }
    const flow = !(isSeq(v) && !(v as YAMLSeq).flow);
    const text = render(key, value, flow).replace(/\n$/, '');
    const valueEnd = v?.range ? v.range[1] : out.indexOf(':', k.range![1]) + 1;
    const indented = LIST_FIELDS.has(key) && !flow ? text.replace(/\n/g, '\n' + ' '.repeat(k.range![0] - lineStart)) : text;
    // A block list's range ends after its last newline; a scalar's before it.
    spans.push({ from: k.range![0], to: valueEnd, text: indented + (out[valueEnd - 1] === '\n' ? '\n' : '') });
  }
  for (const s of spans.sort((a, b) => b.from - a.from)) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  if (appended) out = out.replace(/\n*$/, out.trim() ? '\n' : '') + appended;
  return out;
}

/** One `key: value` line (or block list) in the style of the sample pack: `tags: [a, b]`. */
function render(key: string, value: unknown, flow: boolean): string {
  const doc = new Document({ [key]: value });
  const node = doc.get(key, true);
  if (isSeq(node)) (node as YAMLSeq).flow = flow;
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
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
