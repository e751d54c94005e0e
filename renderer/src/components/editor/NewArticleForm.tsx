import { useState, type FormEvent } from 'react';
import type { ArticleTemplate } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';

/** A safe file name from a title: letters of any script, digits and hyphens. */
export const slugFromTitle = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);

/** Step one of a new article: which template, which folder, which name. */
export function NewArticleForm({ templates, folders, initialFolder, onCreate }: {
  templates: ArticleTemplate[]; folders: string[]; initialFolder: string;
  onCreate(r: { template: ArticleTemplate | null; id: string; title: string }): void;
}) {
  const { t, locale } = useI18n();
  const [template, setTemplate] = useState<string>('sop');
  const [folder, setFolder] = useState(initialFolder);
  const [title, setTitle] = useState('');
  const [name, setName] = useState('');
  const file = name || slugFromTitle(title);
  const role = template === 'role';
  // Role guides live in roles/ and are named by a role id (lowercase latin letters, digits, hyphens).
  const id = role ? 'role:' + file : [folder.trim().replace(/^\/+|\/+$/g, ''), file].filter(Boolean).join('/');
  const path = role ? `roles/${file || '…'}.md` : `articles/${id || '…'}.md`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCreate({ template: templates.find((x) => x.id === template) ?? null, id, title: title.trim() });
  };
  return (
    <form className="card new-article" onSubmit={submit} noValidate>
      <fieldset className="template-grid">
        <legend>{t('editor.template')}</legend>
        {[...templates, null].map((x) => (
          <label key={x?.id ?? 'blank'} className={`template-card ${template === (x?.id ?? 'blank') ? 'selected' : ''}`}>
            <input type="radio" name="template" value={x?.id ?? 'blank'} checked={template === (x?.id ?? 'blank')} onChange={() => setTemplate(x?.id ?? 'blank')} />
            <strong>{x ? (locale === 'en' ? x.nameEn : x.name) : t('editor.blank')}</strong>
            <span className="muted small">{t(`editor.templateHint.${x?.id ?? 'blank'}` as 'editor.templateHint.sop')}</span>
          </label>
        ))}
      </fieldset>
      <label>
        {t('editor.field.title')}
        <input required value={title} onChange={(e) => setTitle(e.target.value)} data-testid="new-title" autoFocus />
      </label>
      <div className="form-row">
        {!role && <label>
          {t('editor.folder')}
          <input list="article-folders" value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="new-folder" />
          <datalist id="article-folders">{folders.map((f) => <option key={f} value={f} />)}</datalist>
        </label>}
        <label>
          {t('editor.fileName')}
          <input value={name} placeholder={role ? 'customer-service' : slugFromTitle(title)} pattern={role ? '[a-z0-9][a-z0-9-]*' : undefined} onChange={(e) => setName(e.target.value)} data-testid="new-name" />
        </label>
      </div>
      <p className="muted small">{t('editor.willBeSaved', { path })}</p>
      <button type="submit" className="primary" disabled={!file || !title.trim() || (role && !/^[a-z0-9][a-z0-9-]*$/.test(file))} data-testid="new-create">{t('editor.startWriting')}</button>
    </form>
  );
}
