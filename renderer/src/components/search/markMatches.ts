/**
 * Marks the words a search matched inside rendered article HTML and scrolls to the first one.
 * Works on text nodes only, so no markup can be injected through the words.
 */
export function markMatches(container: HTMLElement, words: string[], className = 'search-mark'): HTMLElement | null {
  const wanted = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 0))].sort((a, b) => b.length - a.length).slice(0, 12);
  if (!wanted.length) return null;
  const pattern = new RegExp(wanted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('mark, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let first: HTMLElement | null = null;
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const m of text.matchAll(pattern)) {
      if (m.index! > at) frag.append(text.slice(at, m.index));
      const mark = document.createElement('mark');
      mark.className = className;
      mark.textContent = m[0];
      frag.append(mark);
      first ??= mark;
      at = m.index! + m[0].length;
    }
    frag.append(text.slice(at));
    node.replaceWith(frag);
  }
  return first;
}

/** The `hl` route parameter: words separated by U+0001 (as hitHref writes them). */
export const parseHighlight = (hl: string | null): string[] => (hl ? hl.split('\u0001') : []);
