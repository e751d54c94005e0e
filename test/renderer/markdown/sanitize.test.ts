// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type RenderContext } from '../../../electron/core/content/markdown.js';
import { sanitizeArticleHtml } from '../../../renderer/src/markdown/sanitize.js';

/** Resolution as a real pack does it, minus the disk: every relative link is "broken". */
const ctx: RenderContext = {
  resolveLink: (href) => (/^(https?:|mailto:)/i.test(href) ? { kind: 'external', href } : href.startsWith('#') ? { kind: 'anchor', anchor: href.slice(1) } : { kind: 'broken', reason: 'x' }),
  resolveWiki: (t) => ({ kind: 'article', id: t }),
  imageUrl: (src) => (src.startsWith('ok/') ? 'pack-file/' + src : null),
};

const clean = (md: string) => sanitizeArticleHtml(renderMarkdown(md, ctx).html);
/** Parses the sanitized output so assertions look at the DOM, not at string spellings. */
const dom = (md: string) => {
  const div = document.createElement('div');
  div.innerHTML = clean(md);
  return div;
};
const allAttrs = (root: Element) => [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => [el.tagName.toLowerCase(), a.name, a.value] as const));

const DANGEROUS_URL = /^\s*(javascript|vbscript|data|file|blob):/i;

describe('sanitizeArticleHtml(renderMarkdown(…))', () => {
  it('removes script in every spelling', () => {
    for (const md of ['<script>alert(1)</script>', '<SCRIPT SRC=//x.js></SCRIPT>', '<scr<script>ipt>alert(1)</script>', 'x <script>alert(1)</script> y', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">']) {
      const d = dom(md);
      expect(d.querySelector('script'), md).toBeNull();
      expect(allAttrs(d).filter(([, n]) => n.startsWith('on')), md).toEqual([]);
    }
  });

  it('removes event handlers', () => {
    const d = dom('<img src="ok/a.png" onerror="alert(1)"> <a href="https://x.org" onclick="alert(1)" onmouseover=alert(1)>x</a> <div onload=alert(1)>y</div> <details open ontoggle=alert(1)>z</details>');
    expect(allAttrs(d).filter(([, n]) => /^on/i.test(n))).toEqual([]);
  });

  it('removes javascript:, vbscript: and data: URLs, also entity- and whitespace-obfuscated', () => {
    const urls = [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'jav&#x09;ascript:alert(1)', 'jav&#x0A;ascript:alert(1)', '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
      '&#x6A;avascript:alert(1)', ' javascript:alert(1)', 'java\u0000script:alert(1)', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'data:image/svg+xml,<svg onload=alert(1)>', 'file:///etc/passwd',
    ];
    for (const u of urls) {
      for (const md of [`<a href="${u}">x</a>`, `[x](${u})`, `<img src="${u}">`, `![x](${u})`, `<a href='${u}'>x</a>`, `<area href="${u}">`, `<form action="${u}"><button formaction="${u}">x</button></form>`]) {
        const d = dom(md);
        for (const [tag, name, value] of allAttrs(d)) {
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'background', 'poster'].includes(name)) {
            expect(value, `${md} → <${tag} ${name}>`).not.toMatch(DANGEROUS_URL);
            expect(value.replace(/[\s\u0000-\u001f]/g, ''), md).not.toMatch(DANGEROUS_URL);
          }
        }
      }
    }
  });

  it('keeps safe links and images: web, mail, in-app hash routes and pack files', () => {
    const d = dom('[a](https://example.com) [m](mailto:a@b.cn) [[cs/returns]] ![i](ok/x.png) [s](#top)');
    const hrefs = [...d.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.com', 'mailto:a@b.cn', '#/article/cs/returns', '#']);
    expect(d.querySelector('img')!.getAttribute('src')).toBe('pack-file/ok/x.png');
    expect(d.querySelector('a[data-article]')!.getAttribute('data-article')).toBe('cs/returns');
  });

  it('forces external links to open in a new window without a handle on the app', () => {
    const d = dom('[a](https://example.com) <a href="https://evil.example" target="_top">t</a>');
    for (const a of d.querySelectorAll('a[target]')) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('removes frames, objects, embeds, forms, meta refresh, base, link and style', () => {
    const md = [
      '<iframe src="https://x.org"></iframe>', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', '<frameset><frame src=x></frameset>',
      '<object data="x.swf"></object>', '<embed src="x.swf">', '<applet code=x></applet>',
      '<form action="https://x.org"><input name=a><button>go</button><textarea></textarea><select><option>1</option></select></form>',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<base href="https://evil.example/">', '<link rel=stylesheet href=https://x.org/a.css>',
      '<style>body{display:none}</style>', '<p style="background:url(javascript:alert(1))">s</p>', '<portal src=x></portal>', '<template><script>alert(1)</script></template>',
      '<video src=x poster=javascript:alert(1)></video>', '<audio src=x></audio>', '<dialog open>d</dialog>',
    ].join('\n\n');
    const d = dom(md);
    expect(d.querySelectorAll('iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, option, meta, base, link, style, portal, template, video, audio, dialog')).toHaveLength(0);
    expect(allAttrs(d).filter(([, n]) => n === 'style' || n === 'srcdoc')).toEqual([]);
  });

  it('removes SVG and MathML, including their script and link vectors', () => {
    const d = dom([
      '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>x</text></a><animate attributeName=href to=javascript:alert(1) /></svg>',
      '<svg onload=alert(1)><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<math href="javascript:alert(1)"><mi>x</mi></math>',
    ].join('\n\n'));
    expect(d.querySelectorAll('svg, math, script, use, animate, mglyph, style')).toHaveLength(0);
    expect(allAttrs(d).filter(([, n, v]) => /^on/i.test(n) || DANGEROUS_URL.test(v))).toEqual([]);
  });

  it('does not let ids or names clobber the app (DOM clobbering)', () => {
    const d = dom('<img name="getElementById"> <form id="content"></form> <a id="root" href="#">x</a>\n\n## content');
    for (const el of d.querySelectorAll('[id], [name]')) {
      expect(el.getAttribute('id') ?? el.getAttribute('name')).toMatch(/^user-content-/);
    }
  });

  it('survives mutation XSS classics', () => {
    for (const md of [
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
      '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>"></path></textarea></mtext></svg></mglyph></mi></math>',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    ]) {
      const d = dom(md);
      expect(allAttrs(d).filter(([, n]) => /^on/i.test(n)), md).toEqual([]);
      // Re-parsing the output must not create anything new either.
      const again = document.createElement('div');
      again.innerHTML = d.innerHTML;
      expect(allAttrs(again).filter(([, n]) => /^on/i.test(n)), md).toEqual([]);
    }
  });

  it('keeps what articles need: tables, task lists, code, callouts, anchors', () => {
    const d = dom('## 标题\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] 完成\n\n```js\nlet a = 1;\n```\n\n> [!WARNING]\n> 注意\n\n[回到标题](#标题)');
    expect(d.querySelector('table td')!.textContent).toBe('1');
    const box = d.querySelector('input[type=checkbox]') as HTMLInputElement;
    expect(box.checked && box.disabled).toBe(true);
    expect(d.querySelector('pre code.language-js')!.textContent).toContain('let a = 1;');
    const callout = d.querySelector('.callout-warning')!;
    expect(callout.getAttribute('data-callout')).toBe('warning');
    expect(callout.querySelector('.callout-title')).not.toBeNull();
    expect(d.querySelector('h2')!.id).toBe('user-content-标题');
    expect(d.querySelector('a[data-anchor]')!.getAttribute('data-anchor')).toBe('标题');
  });

  it('drops arbitrary data- attributes and unknown URL schemes', () => {
    const d = dom('<a href="ms-settings:privacy" data-x="1">a</a> <a href="chrome://settings">b</a> <a href="\\\\evil\\share">c</a>');
    for (const a of d.querySelectorAll('a')) {
      expect(a.getAttribute('data-x')).toBeNull();
      expect(a.getAttribute('href') ?? '').not.toMatch(/^(ms-settings|chrome):|^\\\\/);
    }
  });
});
