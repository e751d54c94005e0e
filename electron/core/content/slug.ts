/**
 * Heading anchor: lower-cased, anything but letters (any script), digits, spaces and hyphens
 * removed, spaces to hyphens. `## 3. 退款时效` → `3-退款时效`. Quizzes cite sections by it.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Gives repeated headings distinct anchors, as GitHub does: `a`, `a-1`, `a-2`. */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = slugify(text) || 'section';
    const n = seen.get(base);
    seen.set(base, (n ?? 0) + 1);
    return n === undefined ? base : `${base}-${n}`;
  };
}
