import DOMPurify from 'dompurify';

/** Links may only be web/mail links, in-app hash routes, or the pack's own files. */
const ALLOWED_URI = /^(?:https?:|mailto:|#|pack-file\/)/i;

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta', 'link', 'svg', 'math', 'template', 'audio', 'video', 'source', 'track', 'dialog', 'portal'];

/**
 * The only way article HTML reaches the DOM. Whatever an author (or an imported pack) wrote: no
 * script, handler, frame, form, inline style, or URL outside the allow-list survives.
 */
export function sanitizeArticleHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'ping', 'background', 'poster'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['data-article', 'data-anchor', 'data-external', 'data-callout', 'target'],
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  // Any link that opens elsewhere must not hand the new page a handle on ours.
  if (node.tagName === 'A' && node.getAttribute('target')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});
