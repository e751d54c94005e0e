import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../../contract.js';
import { readPackText } from './files.js';
import { hashBytes } from './hash.js';

export interface YamlFile {
  rel: string;
  value: unknown;
  hash: string;
  /** 1-based line of the node at a path like ['phases', 0, 'steps', 2, 'id'], for problem reports. */
  lineAt(path: Array<string | number>): number | undefined;
}

/** Reads and parses a YAML file of the pack; problems are reported with their line. */
export function readYamlFile(root: string, rel: string, problems: Problem[]): YamlFile | null {
  const read = readPackText(root, rel, problems);
  if (!read) return null;
  return parseYamlText(rel, read.text, hashBytes(read.buf), problems);
}

/** Parses YAML text that is not in the folder (a blob from git); `hash` identifies the bytes. */
export function parseYamlText(rel: string, text: string, hash: string, problems: Problem[]): YamlFile | null {
  const read = { text };
  const lines = new LineCounter();
  const doc: Document = parseDocument(read.text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    problems.push({ path: rel, line: lines.linePos(e.pos[0]).line, severity: 'error', code: 'yaml', message: 'invalid YAML: ' + e.message.split('\n')[0] });
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    problems.push({ path: rel, severity: 'error', code: 'yaml', message: 'invalid YAML: ' + (err as Error).message });
    return null;
  }
  return {
    rel,
    value,
    hash,
    lineAt(path) {
      for (let p = path.length; p >= 0; p--) {
        const node = doc.getIn(path.slice(0, p), true);
        if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

