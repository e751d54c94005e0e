/** Nesting beyond this is refused: marked recurses per level and a hostile file could exhaust the stack. */
export const MAX_NESTING = 64;

/** One container opener: a blockquote `>`, or a bullet / ordered list marker followed by a space. */
const CONTAINER = /[ \t]{0,3}(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/y;

/**
 * Deepest blockquote / list nesting, measured cheaply on the raw text before marked sees it.
 * Counts indentation (two columns a level) plus every container marker at the start of a line, so
 * `> > > x`, `- - - x`, `1. 1. x` and staircase-indented lists all count.
 */
export function nestingDepth(body: string): { depth: number; line: number } {
  let max = 0;
  let at = 1;
  const lines = body.split('\n');
  let fence: string | null = null;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    // Indentation inside fenced code (deep JSON, YAML samples) is content, not nesting.
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length) fence = null;
      continue;
    }
    if (f) { fence = f; continue; }
    let i = 0;
    let cols = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) cols += line[i++] === '\t' ? 4 : 1;
    let depth = Math.floor(cols / 2);
    CONTAINER.lastIndex = i;
    while (CONTAINER.exec(line)) depth++;
    if (depth > max) [max, at] = [depth, n + 1];
  }
  return { depth: max, line: at };
}

/** The body as one fenced block, with a fence longer than any backtick run inside, so nothing escapes it. */
export function asPlainTextBlock(body: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body.replace(/\n$/, '')}\n${fence}\n`;
}
