import { markdown } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';

export interface MarkdownEditorHandle {
  /** Replaces the selection (or inserts at the cursor) and focuses the editor. */
  insert(text: string): void;
  setValue(text: string): void;
  getValue(): string;
}

interface Props {
  initial: string;
  label: string;
  onChange(text: string): void;
  onSave(): void;
  /** An image pasted or dropped: resolves to the markdown to insert, or null. */
  onImage(file: File): Promise<string | null>;
  ref?: Ref<MarkdownEditorHandle>;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '15px', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono, ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace)', lineHeight: '1.7' },
  '.cm-content': { caretColor: 'var(--text)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 45%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--focus) 30%, transparent)' },
});

/**
 * CodeMirror 6 with markdown. The view is created once and owns its document: React never
 * re-renders it per keystroke, so Chinese IME composition (which CodeMirror handles itself) is
 * never interrupted. Changes flow out through `onChange`; the latest callbacks are read from a ref.
 */
export function MarkdownEditor({ initial, label, onChange, onSave, onImage, ref }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const handlers = useRef({ onChange, onSave, onImage });
  handlers.current = { onChange, onSave, onImage };

  useEffect(() => {
    const images = (files: FileList | null | undefined, v: EditorView) => {
      const list = [...(files ?? [])].filter((f) => f.type.startsWith('image/'));
      if (!list.length) return false;
      for (const f of list) {
        handlers.current.onImage(f).then((md) => {
          if (md) v.dispatch(v.state.replaceSelection(md));
        });
      }
      return true;
    };
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial,
        extensions: [
          keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => { handlers.current.onSave(); return true; } }]),
          basicSetup,
          markdown(),
          EditorView.lineWrapping,
          theme,
          EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'markdown-editor', spellcheck: 'false' }),
          EditorView.updateListener.of((u) => { if (u.docChanged) handlers.current.onChange(u.state.doc.toString()); }),
          EditorView.domEventHandlers({
            paste: (e, v) => (images(e.clipboardData?.files, v) ? (e.preventDefault(), true) : false),
            drop: (e, v) => (images(e.dataTransfer?.files, v) ? (e.preventDefault(), true) : false),
          }),
        ],
      }),
    });
    view.current = v;
    return () => { v.destroy(); view.current = null; };
    // Created once per mount: `initial` only seeds the document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useImperativeHandle(ref, () => ({
    insert(text) {
      const v = view.current;
      if (!v) return;
      v.dispatch(v.state.replaceSelection(text));
      v.focus();
    },
    setValue(text) {
      const v = view.current;
      if (v) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
    },
    getValue: () => view.current?.state.doc.toString() ?? '',
  }), []);

  return <div className="md-editor" ref={host} />;
}
