import type { ReactNode } from 'react';

/** Title on the left, actions on the right: the header every trainer page shares. */
export function EditorHeader({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <header className="editor-header">
      <h1>{title}</h1>
      <div className="editor-actions">{children}</div>
    </header>
  );
}
