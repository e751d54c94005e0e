import path from 'node:path';

/**
 * Rewrites the links of one markdown file after articles moved.
 * - `moved`: old pack path → new pack path, e.g. `articles/cs/a.md` → `articles/ops/b.md`
 *   (lower-cased keys: links resolve case-insensitively, as the loader does).
 * - `wiki`: old article id → new id, lower-cased keys, for `[[id]]`, `[[id#section]]`, `[[id|label]]`.
 * - `from`/`to`: where this file was and will be; when it moves itself, every relative link in it is
 *   re-aimed so it still reaches the same file.
 * Code blocks and inline code are left alone: a link shown as an example is not a link.
 */
export function rewriteLinks(text: string, from: string, to: string, moved: Map<string, string>, wiki: Map<string, string>): string {
  const fromDir = path.posix.dirname(from);
  const toDir = path.posix.dirname(to);
  const fixHref = (href: string): string => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/') || href.startsWith('//')) return href;
    const m = /^([^?#]*)([?#].*)?$/.exec(href)!;
    const rawPath = m[1];
    if (!rawPath) return href;
    const encoded = /%[0-9a-f]{2}/i.test(rawPath);
    let decoded = rawPath;
    try { decoded = decodeURIComponent(rawPath); } catch { /* keep as written */ }
    const target = path.posix.normalize(path.posix.join(fromDir, decoded));
    if (target.startsWith('../')) return href;
    const newTarget = moved.get(target.toLowerCase()) ?? target;
    if (newTarget === target && fromDir === toDir) return href;
    let rel = path.posix.relative(toDir, newTarget);
    if (rawPath.startsWith('./') && !rel.startsWith('../')) rel = './' + rel;
    if (encoded) rel = rel.split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');
    else rel = rel.replace(/[ ()]/g, (c) => encodeURIComponent(c));
    return rel + (m[2] ?? '');
  };
  // Angle-bracketed hrefs (<with spaces>) keep their brackets.
  const relink = (_all: string, lead: string, href: string) => (href.startsWith('<') ? `${lead}<${fixHref(href.slice(1, -1))}>` : lead + fixHref(href));
  return outsideCode(text, (chunk) =>
    chunk
      // Inline links and images: [text](href "title") / ![alt](<href with spaces>)
      .replace(/(\]\(\s*)(<[^>\n]+>|[^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*)/g, relink)
      // Reference definitions: [label]: href
      .replace(/^([ ]{0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]+>|\S+)/gm, relink)
      .replace(/\[\[([^\[\]\n|#]{1,200})(#[^\[\]\n|]*)?(\|[^\[\]\n]*)?\]\]/g, (all, target: string, anchor = '', label = '') => {
        const next = wiki.get(target.trim().toLowerCase());
        return next ? `[[${next}${anchor}${label}]]` : all;
      }),
  );
}

/** Applies `fn` to the text outside fenced code blocks and inline code spans. */
export function outsideCode(text: string, fn: (chunk: string) => string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let plain: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (plain.length) out.push(inlineOutsideCode(plain.join('\n'), fn));
    plain = [];
  };
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      out.push(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (m) {
      flush();
      fence = m[1];
      out.push(line);
    } else plain.push(line);
  }
  flush();
  return out.join('\n');
}

function inlineOutsideCode(text: string, fn: (chunk: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/(`+)[^`][\s\S]*?\1(?!`)/g)) {
    out += fn(text.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + fn(text.slice(last));
}
