import { LineCounter, parseDocument } from 'yaml';

export interface FrontMatter {
  /** Parsed mapping, or {} when there is none or it is broken. */
  data: Record<string, unknown>;
  /** Markdown after the front matter. */
  body: string;
  /** Line in the file where `body` starts (1-based), so body problems can cite file lines. */
  bodyLine: number;
  error?: { line: number; message: string };
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Splits `---` YAML front matter from markdown; a broken block is reported with its line. */
export function parseFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, body: text, bodyLine: 1 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return { data: {}, body: text, bodyLine: 1, error: { line: 1, message: 'front matter is not closed: a line with --- is missing' } };
  }
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyLine = 1 + countLines(text.slice(0, text.length - afterClose.length));
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length) {
    const err = doc.errors[0];
    // +1: the YAML starts on the line after the opening ---.
    const line = 1 + lines.linePos(err.pos[0]).line;
    return { data: {}, body: afterClose, bodyLine, error: { line, message: 'invalid YAML: ' + err.message.split('\n')[0] } };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    // Alias bombs ("billion laughs") and the like: refuse, do not expand.
    return { data: {}, body: afterClose, bodyLine, error: { line: 2, message: 'invalid YAML: ' + (err as Error).message } };
  }
  if (data == null) return { data: {}, body: afterClose, bodyLine };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { data: {}, body: afterClose, bodyLine, error: { line: 2, message: 'front matter must be a mapping of fields' } };
  }
  return { data: data as Record<string, unknown>, body: afterClose, bodyLine };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
