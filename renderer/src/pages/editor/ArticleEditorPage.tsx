import { errorText } from '../../i18n/errorText';
import { useEffect, useRef, useState } from 'react';
import type { ArticleFieldValues, ArticleSource, ArticleTemplate } from '../../../../electron/contract';
import { api, ApiError } from '../../api';
import { articleHref, editHref, href } from '../../app/route';
import { ConfirmDialog } from '../../components/editor/ConfirmDialog';
import { ConflictDialog } from '../../components/editor/ConflictDialog';
import { DraftRestored } from '../../components/editor/DraftRestored';
import { dropIfExpired } from '../../components/editor/editSession';
import { FrontMatterForm } from '../../components/editor/FrontMatterForm';
import { imageToBase64 } from '../../components/editor/images';
import { MarkdownEditor, type MarkdownEditorHandle } from '../../components/editor/MarkdownEditor';
import { NewArticleForm } from '../../components/editor/NewArticleForm';
import { PreviewPane } from '../../components/editor/PreviewPane';
import { RenameDialog } from '../../components/editor/RenameDialog';
import { SaveStatus, type SaveState } from '../../components/editor/SaveStatus';
import { PageState } from '../../components/PageState';
import { useI18n } from '../../i18n/i18n';
import { draftStorageKey, dropDraft, readDraft, useDraftKeeper, useDraftScope } from '../../state/drafts';
import { useLoad } from '../../state/useLoad';
import { useAckPolicyEditor } from '../../components/acknowledge/useAckPolicyEditor';

const EMPTY: ArticleFieldValues = { title: '', summary: '', tags: [], roles: [], owner: '', reviewed: '', review_every: '', status: 'draft', platforms: [] };
const TABLE = '\n| 列 1 | 列 2 | 列 3 |\n| --- | --- | --- |\n|  |  |  |\n|  |  |  |\n';

interface Doc { id: string; baseHash: string | null; fields: ArticleFieldValues; body: string; folders: string[] }
/** A new article's draft is kept under `new` (its page is `#/edit/new` until the first save). */
const draftName = (id: string | null) => 'article:' + (id ?? 'new');

/** `#/edit/<id>` and `#/edit/new`: loads (or starts) an article, then hands it to the editor. */
export function ArticleEditorPage({ token, id, query }: { token: string; id: string; query: URLSearchParams }) {
  const { t, locale } = useI18n();
  const isNew = id === 'new';
  const [state, retry] = useLoad(async () => {
    if (!isNew) {
      const src = await api.getArticleSource({ token, id });
      return { templates: [] as ArticleTemplate[], doc: fromSource(src) };
    }
    const [templates, list] = await Promise.all([api.listTemplates({}), api.listArticles({})]);
    return { templates, doc: null, folders: list.categories.map((c) => c.id) };
  }, [id, token]);
  const scope = useDraftScope();
  // A new article left before its first save comes back where it was, not as an empty form.
  const [started, setStarted] = useState<Doc | null>(() => (isNew ? readDraft<Doc>(draftStorageKey(scope, draftName(null)))?.value ?? null : null));
  return (
    <PageState state={state} retry={retry}>
      {(d) => {
        const doc = d.doc ?? started;
        if (doc) return <ArticleEditor key={doc.id} token={token} doc={doc} />;
        return (
          <section className="page">
            <h1>{t('editor.newArticle')}</h1>
            <NewArticleForm
              templates={d.templates} folders={'folders' in d ? d.folders ?? [] : []} initialFolder={query.get('folder') ?? ''}
              onCreate={({ template, id: newId, title }) => {
                const body = (template?.body[locale] ?? `# ${title}\n\n`).replace(/^# .*$/m, `# ${title}`);
                setStarted({ id: newId, baseHash: null, fields: { ...EMPTY, ...template?.fields, title }, body, folders: [] });
              }}
            />
          </section>
        );
      }}
    </PageState>
  );
}

const fromSource = (s: ArticleSource): Doc => ({ id: s.id, baseHash: s.hash, fields: s.fields, body: s.body, folders: s.folders });

function ArticleEditor({ token, doc: loaded }: { token: string; doc: Doc }) {
  const { t } = useI18n();
  const scope = useDraftScope();
  const [draftKey, setDraftKey] = useState(() => draftStorageKey(scope, draftName(loaded.baseHash ? loaded.id : null)));
  // Unsaved work kept when the trainer last left this article (any way at all) starts the editor.
  const [restored, setRestored] = useState(() => {
    const d = readDraft<Doc>(draftKey);
    const differs = !loaded.baseHash || d?.value.body !== loaded.body || JSON.stringify(d?.value.fields) !== JSON.stringify(loaded.fields);
    return d && d.value.id === loaded.id && differs ? d : null;
  });
  const initial = restored?.value ?? loaded;
  const editor = useRef<MarkdownEditorHandle>(null);
  const body = useRef(initial.body);
  const [doc, setDoc] = useState(initial);
  const [fields, setFields] = useState(initial.fields);
  const [preview, setPreview] = useState(initial.body);
  const [save, setSave] = useState<SaveState>({ kind: initial.baseHash && !restored ? 'clean' : 'dirty' });
  const [conflict, setConflict] = useState<ArticleSource | null>(null);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const previewTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const dirty = save.kind === 'dirty' || save.kind === 'error';
  const unsaved = dirty || save.kind === 'saving';
  const draft = useDraftKeeper(draftKey, () => (unsaved ? { ...doc, fields, body: body.current } : null));
  useEffect(() => draft.touch(), [draft, unsaved, fields, doc]);
  const discardDraft = () => {
    dropDraft(draftKey);
    setRestored(null);
    if (!loaded.baseHash) {
      location.hash = editHref('');
      return;
    }
    editor.current?.setValue(loaded.body);
    body.current = loaded.body;
    setPreview(loaded.body);
    setFields(loaded.fields);
    setDoc(loaded);
    setSave({ kind: 'clean' });
  };

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => { if (dirty) e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onChange = (text: string) => {
    body.current = text;
    setSave((s) => (s.kind === 'dirty' ? s : { kind: 'dirty' }));
    draft.touch();
    clearTimeout(previewTimer.current);
    previewTimer.current = setTimeout(() => setPreview(text), 150);
  };
  const ack = useAckPolicyEditor(token, doc.id, doc.baseHash !== null && !doc.id.startsWith('role:'), () => setSave({ kind: 'dirty' }));
  const changeFields = (f: ArticleFieldValues) => {
    setFields(f);
    setSave({ kind: 'dirty' });
  };

  const doSave = async (baseHash = doc.baseHash) => {
    const ackProblem = ack.problem();
    if (ackProblem) return setSave({ kind: 'error', message: ackProblem });
    setSave({ kind: 'saving' });
    try {
      const r = await api.saveArticle({ token, id: doc.id, baseHash, fields, body: body.current });
      setDoc((d) => ({ ...d, baseHash: r.hash }));
      // The 阅读确认 policy goes into the front matter right after, against the hash just saved.
      if (baseHash !== null) { const hash = await ack.apply(r.hash); setDoc((d) => ({ ...d, baseHash: hash })); }
      setSave({ kind: 'saved', at: new Date() });
      setConflict(null);
      setRestored(null);
      // A new article now has an address; no reload (that would lose the undo history).
      if (baseHash === null) {
        history.replaceState(null, '', editHref(doc.id));
        dropDraft(draftKey);
        setDraftKey(draftStorageKey(scope, draftName(doc.id)));
      }
    } catch (err) {
      dropIfExpired(err);
      if (err instanceof ApiError && err.code === 'conflict' && baseHash !== null) {
        try {
          setConflict(await api.getArticleSource({ token, id: doc.id }));
          setSave({ kind: 'dirty' });
          return;
        } catch { /* deleted meanwhile: report the save error below */ }
      }
      setSave({ kind: 'error', message: errorText(err, t) });
    }
  };

  const takeTheirs = (theirs: ArticleSource) => {
    editor.current?.setValue(theirs.body);
    body.current = theirs.body;
    setPreview(theirs.body);
    setFields(theirs.fields);
    setDoc((d) => ({ ...d, baseHash: theirs.hash }));
    setConflict(null);
    setSave({ kind: 'clean' });
  };

  const onImage = async (file: File): Promise<string | null> => {
    try {
      const asset = await api.saveAsset({ token, articleId: doc.id, name: file.name || 'image.png', data: await imageToBase64(file) });
      const alt = file.name && file.name !== 'image.png' ? file.name.replace(/\.[^.]+$/, '') : t('editor.imageAlt');
      return `![${alt}](${asset.href})`;
    } catch (err) {
      dropIfExpired(err);
      setNotice(errorText(err, t) === 'image too large' ? t('editor.imageTooLarge') : errorText(err, t));
      return null;
    }
  };
  const pickImage = async (files: FileList | null) => {
    for (const f of [...(files ?? [])]) {
      const md = await onImage(f);
      // A picked image is its own paragraph (pasted ones go exactly where the cursor is).
      if (md) editor.current?.insert(`\n\n${md}\n`);
    }
  };

  const saved = doc.baseHash !== null;
  const isRole = doc.id.startsWith('role:');
  return (
    <div className="editor-page">
      <header className="editor-header">
        <div>
          <h1>{fields.title || t('editor.untitled')}</h1>
          <p className="muted small editor-path">{isRole ? `roles/${doc.id.slice(5)}.md` : `articles/${doc.id}.md`}</p>
        </div>
        <div className="editor-actions">
          <SaveStatus state={save} />
          <label className="button">
            {t('editor.insertImage')}
            <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" multiple hidden onChange={(e) => { pickImage(e.target.files); e.target.value = ''; }} data-testid="insert-image" />
          </label>
          <button type="button" onClick={() => editor.current?.insert(TABLE)} data-testid="insert-table">{t('editor.insertTable')}</button>
          {saved && !isRole && <button type="button" onClick={() => setDialog('rename')}>{t('editor.rename')}</button>}
          {saved && <button type="button" onClick={() => setDialog('delete')}>{t('editor.delete')}</button>}
          {saved && <a className="button" href={isRole ? href({ name: 'roles', id: doc.id.slice(5) }) : articleHref(doc.id)}>{t('editor.view')}</a>}
          {ack.materialBox}
          <button type="button" className="primary" onClick={() => doSave()} disabled={save.kind === 'saving'} data-testid="save-article">{t('editor.save')}</button>
        </div>
      </header>
      {restored && <DraftRestored at={restored.at} onDiscard={discardDraft} />}
      {notice && <p className="notice notice-warning" role="alert">{notice} <button type="button" className="ghost small" onClick={() => setNotice(null)}>{t('editor.dismiss')}</button></p>}
      <details className="fm-panel" open={!saved}>
        <summary>{t('editor.properties')}</summary>
        <FrontMatterForm value={fields} onChange={changeFields} titlePlaceholder={t('editor.titlePlaceholder')} />
        {!isRole && ack.panel}
      </details>
      <div className="editor-split">
        <MarkdownEditor ref={editor} initial={initial.body} label={t('editor.body')} onChange={onChange} onSave={() => doSave()} onImage={onImage} />
        <PreviewPane token={token} id={doc.id} title={fields.title} markdown={preview} />
      </div>
      {conflict && (
        <ConflictDialog
          mine={body.current} theirs={conflict.body}
          onKeepMine={() => doSave(conflict.hash)} onTakeTheirs={() => takeTheirs(conflict)} onClose={() => setConflict(null)}
        />
      )}
      {dialog === 'rename' && (
        <RenameDialog id={doc.id} folders={doc.folders} onClose={() => setDialog(null)} onRename={async (newId) => {
          const r = await api.renameArticle({ token, id: doc.id, newId });
          setDialog(null);
          location.hash = editHref(r.newId);
        }} />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog title={t('editor.deleteTitle')} body={t('editor.deleteBody')} confirm={t('editor.delete')} onClose={() => setDialog(null)} onConfirm={async () => {
          await api.deleteContent({ token, kind: 'article', id: doc.id });
          location.hash = editHref('');
        }} />
      )}
    </div>
  );
}
