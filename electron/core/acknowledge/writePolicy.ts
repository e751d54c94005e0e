import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import type { AckPolicy } from '../../contract.js';
import { badRequest } from '../api/errors.js';
import { splitFile } from '../authoring/frontMatter.js';
import { ACK_FIELD } from './policy.js';

/** `acknowledge:` as a block mapping with a flow list of roles, in the sample pack's style. */
function render(policy: AckPolicy): string {
  const value: Record<string, unknown> = { roles: policy.roles, due: policy.due, version: policy.version };
  if (policy.since) value.since = policy.since;
  const doc = new Document({ [ACK_FIELD]: value });
  const roles = doc.getIn([ACK_FIELD, 'roles'], true);
  if (isSeq(roles)) (roles as YAMLSeq).flow = true;
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}

/**
 * The file with its `acknowledge` field set (or removed, for null), every other byte as it was:
 * the span of that one key is replaced, so comments, order and other fields stay as written.
 * A front matter block that does not parse is refused: the editor's own save handles those.
 */
export function writePolicy(original: string, policy: AckPolicy | null): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const text = original.replace(/\r\n?/g, '\n');
  const { yaml, body } = splitFile(text);
  const doc = yaml === null ? null : parseDocument(yaml, { uniqueKeys: true });
  if (yaml !== null && (!doc || doc.errors.length > 0 || !(doc.contents === null || isMap(doc.contents)))) {
    throw badRequest('the front matter of this article does not parse: fix it in the editor first', 'ackFrontMatter');
  }
  let head = yaml ?? '';
  const map = doc && isMap(doc.contents) ? doc.contents : null;
  const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === ACK_FIELD);
  const next = policy ? render(policy) : '';
  if (pair) {
    const k = pair.key as { range: [number, number, number] };
    const v = pair.value as { range?: [number, number, number] } | null;
    const from = head.lastIndexOf('\n', k.range[0] - 1) + 1;
    // A block mapping's range ends after its last newline; a flow value's before it.
    let to = v?.range ? v.range[1] : k.range[2];
    if (head[to - 1] !== '\n') {
      const nl = head.indexOf('\n', to);
      to = nl < 0 ? head.length : nl + 1;
    }
    head = head.slice(0, from) + next + head.slice(to);
  } else if (next) {
    head = head.replace(/\n*$/, head.trim() ? '\n' : '') + next;
  }
  const out = head.trim() ? `---\n${head.replace(/\n*$/, '\n')}---\n${body}` : body;
  return eol === '\n' ? out : out.replace(/\n/g, eol);
}
