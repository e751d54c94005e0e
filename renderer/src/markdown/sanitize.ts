import DOMPurify from 'dompurify';

/** Links may only be web/mail links, in-app hash routes, or the pack's own files. */
const ALLOWED_URI = /^(?:https?:|mailto:|#|pack-file\/)/i;
/** Images only ever come from the pack (the app is offline; remote or data: images are refused). */
const ALLOWED_IMG = /^pack-file\//i;
const URL_ATTRS = ['href', 'src', 'xlink:href', 'action', 'formaction', 'cite', 'longdesc', 'usemap', 'manifest', 'codebase', 'data'];

const FORBID_TAGS = ['style', 'form', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'svg', 'math', 'template', 'audio', 'video', 'source', 'track', 'dialog', 'portal', 'area', 'map', 'noscript'];

/** A private instance: our hooks must not change how anyone else's DOMPurify behaves. */
const purify = DOMPurify(window);

purify.addHook('uponSanitizeElement', (node, data) => {
  // The only input an article has is a task-list checkbox; anything else is a form control.
  if (data.tagName === 'input' && (node as Element).getAttribute?.('type')?.toLowerCase() !== 'checkbox') node.parentNode?.removeChild(node);
});

purify.addHook('afterSanitizeAttributes', (node) => {
  const el = node as Element;
  if (!el.getAttribute) return;
  // Our allow-list on top of DOMPurify's: it admits data: images and unknown relative URLs, we don't.
  // (Not via ALLOWED_URI_REGEXP: DOMPurify applies that to every non-URL attribute value too, which
  // strips `type="checkbox"`, `data-article="…"` and the like.)
  for (const name of URL_ATTRS) {
    const v = el.getAttribute(name);
    if (v === null) continue;
    const plain = v.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '');
    const ok = el.tagName === 'IMG' && name === 'src' ? ALLOWED_IMG.test(plain) : ALLOWED_URI.test(plain);
    if (!ok) el.removeAttribute(name);
  }
  if (el.tagName === 'INPUT') el.setAttribute('disabled', '');
  // Any link that opens elsewhere must not hand the new page a handle on ours.
  if (el.tagName === 'A' && (el.getAttribute('target') || el.getAttribute('data-external'))) {
    el.setAttribute('target', '_blank');
    el.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * The only way article HTML reaches the DOM. Whatever an author (or an imported pack) wrote: no
 * script, handler, frame, form, inline style, or URL outside the allow-list survives. Ids and names
 * get a `user-content-` prefix so a heading called "root" cannot clobber the app's own elements.
 */
export function sanitizeArticleHtml(html: string): string {
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'ping', 'background', 'poster', 'srcdoc', 'form'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['data-article', 'data-anchor', 'data-external', 'data-callout', 'target'],
    ALLOW_UNKNOWN_PROTOCOLS: false,
    SANITIZE_NAMED_PROPS: true,
  }) as string;
}

/** Element id of a heading anchor in sanitized article HTML (see SANITIZE_NAMED_PROPS). */
export const anchorId = (anchor: string) => 'user-content-' + anchor;
