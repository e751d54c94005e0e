// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown, type RenderContext } from '../../../electron/core/content/markdown.js';
import { SafeHtml } from '../../../renderer/src/components/SafeHtml.js';
import { I18nProvider, type Locale } from '../../../renderer/src/i18n/i18n.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ctx: RenderContext = { resolveLink: (h) => (h.startsWith('#') ? { kind: 'anchor', anchor: h.slice(1) } : { kind: 'broken', reason: '' }), resolveWiki: (id) => ({ kind: 'article', id }), imageUrl: () => null };
const MD = '> [!NOTE]\n> 一\n\n> [!TIP]\n> 二\n\n> [!WARNING]\n> 三\n\n> [!IMPORTANT] 自己的标题\n> 四\n\n## 小节\n\n[跳转](#小节) 退款 和 退货';

const mounted: Array<() => void> = [];
afterEach(() => { for (const unmount of mounted.splice(0)) unmount(); });

function mount(locale: Locale, highlight: string[] = []) {
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  mounted.push(() => { act(() => root.unmount()); el.remove(); });
  const render = (l: Locale) => act(() => root.render(<I18nProvider locale={l}><SafeHtml html={renderMarkdown(MD, ctx).html} highlight={highlight} /></I18nProvider>));
  render(locale);
  return { el, render };
}

describe('SafeHtml', () => {
  it('labels callouts in the reader’s language, and relabels when it changes', () => {
    const { el, render } = mount('zh-CN');
    const titles = () => [...el.querySelectorAll('.callout-title')].map((t) => t.textContent);
    expect(titles()).toEqual(['说明', '提示', '警告', '自己的标题']);
    render('en');
    expect(titles()).toEqual(['Note', 'Tip', 'Warning', '自己的标题']);
  });

  it('marks search matches and links in-page anchors to prefixed heading ids', () => {
    Element.prototype.scrollIntoView = function () { (this as Element).setAttribute('data-scrolled', ''); };
    const { el } = mount('zh-CN', ['退款', '退货']);
    expect([...el.querySelectorAll('mark.search-mark')].map((m) => m.textContent)).toEqual(['退款', '退货']);
    const heading = el.querySelector('h2')!;
    expect(heading.id).toBe('user-content-小节');
    act(() => (el.querySelector('a[data-anchor]') as HTMLElement).click());
    expect(heading.hasAttribute('data-scrolled')).toBe(true);
  });
});
