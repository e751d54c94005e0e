import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { badRequest } from '../api/errors.js';
import type { Problem } from '../../contract.js';
import type { YamlFile } from '../content/yamlFile.js';
import { hashBytes } from '../content/hash.js';

/** A candidate file as the loader would see it, so the loader's own validation can judge it before it is written. */
export function yamlFileFromText(rel: string, text: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) throw badRequest('cannot save: the generated YAML does not parse: ' + doc.errors[0].message.split('\n')[0], 'invalid.yaml');
  return {
    rel, value: doc.toJS({ maxAliasCount: 50 }), hash: hashBytes(text),
    lineAt(path) {
      for (let p = path.length; p >= 0; p--) {
        const node = doc.getIn(path.slice(0, p), true);
        if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

/** Parses a YAML file to edit in place, or a fresh mapping when there is none or it is unreadable. */
export function editableDoc(text: string | null): Document {
  if (text !== null) {
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length === 0 && doc.contents && (doc.contents as any).items) return doc;
  }
  const doc = parseDocument('{}');
  (doc.contents as any).flow = false;
  return doc;
}

/** Sets a key, or removes it when the value is empty, leaving an unchanged node (and its formatting) alone. */
export function setOrDelete(node: any, doc: Document, key: string, value: unknown, opts: { flow?: boolean } = {}): void {
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) {
    node.delete(key);
    return;
  }
  const current = node.get(key, true);
  const currentJs = isNode(current) ? current.toJSON() : current;
  if (JSON.stringify(currentJs) === JSON.stringify(value)) return;
  const created = doc.createNode(value) as any;
  if (opts.flow !== undefined && created && 'flow' in created) created.flow = opts.flow;
  node.set(key, created);
}

/**
 * Problems as one sentence for the trainer; line numbers mean nothing in a form. The UI says the
 * first problem in the trainer's language: its key comes from the loader's problem code, with the
 * question or step it names (the loader quotes ids: `question "q1": …`, `duplicate step id "x"`).
 */
export function refusal(what: 'quiz' | 'track', problems: Array<Pick<Problem, 'code' | 'message'>>): Error {
  const list = [...new Set(problems.map((p) => p.message))];
  const first = problems[0];
  const id = first ? /"([^"]*)"/.exec(first.message)?.[1] ?? '' : '';
  const key = `invalid.${what}.${first?.code ?? what}`;
  return badRequest(`cannot save the ${what}: ${list.slice(0, 5).join('; ')}${list.length > 5 ? ` (and ${list.length - 5} more)` : ''}`,
    key, { id, more: Math.max(0, list.length - 1) });
}
