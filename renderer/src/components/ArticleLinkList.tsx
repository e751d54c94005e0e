import type { LinkRef } from '../../../electron/contract';
import { articleHref } from '../app/route';

export function ArticleLinkList({ items, empty }: { items: LinkRef[]; empty: string }) {
  if (items.length === 0) return empty ? <p className="muted small">{empty}</p> : null;
  return (
    <ul className="link-list">
      {items.map((a) => <li key={a.id}><a href={articleHref(a.id)}>{a.title}</a></li>)}
    </ul>
  );
}
