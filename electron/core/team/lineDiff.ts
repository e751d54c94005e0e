export type DiffLine = { op: '+' | '-' | ' '; text: string };

/**
 * Line diff (longest common subsequence) with `context` unchanged lines around each change; long
 * runs of unchanged lines are left out. Texts past `maxLines` are compared as removed/added whole,
 * which keeps the work bounded for a page people read.
 */
export function lineDiff(before: string, after: string, context = 2, maxLines = 3000): DiffLine[] {
  const a = before ? before.split('\n') : [];
  const b = after ? after.split('\n') : [];
  let ops: DiffLine[];
  if (a.length > maxLines || b.length > maxLines) {
    ops = [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
  } else {
    const n = a.length;
    const m = b.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    ops = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[i] === b[j]) { ops.push({ op: ' ', text: a[i] }); i++; j++; }
      else if (lcs[i + 1][j] >= lcs[i][j + 1]) ops.push({ op: '-', text: a[i++] });
      else ops.push({ op: '+', text: b[j++] });
    }
    while (i < n) ops.push({ op: '-', text: a[i++] });
    while (j < m) ops.push({ op: '+', text: b[j++] });
  }
  const keep = ops.map((o, k) => o.op !== ' ' || ops.slice(Math.max(0, k - context), k + context + 1).some((x) => x.op !== ' '));
  return ops.filter((_, k) => keep[k]);
}
