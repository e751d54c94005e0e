import { errorText } from '../../i18n/errorText';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Dialog } from '../Dialog';

/** Rename or move: the new id is folder/name; links everywhere are rewritten by the core. */
export function RenameDialog({ id, folders, onRename, onClose }: { id: string; folders: string[]; onRename(newId: string): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  const cut = id.lastIndexOf('/');
  const [folder, setFolder] = useState(cut >= 0 ? id.slice(0, cut) : '');
  const [name, setName] = useState(id.slice(cut + 1));
  const [error, setError] = useState<string | null>(null);
  const newId = [folder.trim().replace(/^\/+|\/+$/g, ''), name.trim()].filter(Boolean).join('/');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await onRename(newId);
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <Dialog title={t('editor.renameTitle')} onClose={onClose} labelledBy="rename-title">
      <form className="form" onSubmit={submit} noValidate>
        <label>
          {t('editor.folder')}
          <input list="rename-folders" value={folder} onChange={(e) => setFolder(e.target.value)} />
          <datalist id="rename-folders">{folders.map((f) => <option key={f} value={f} />)}</datalist>
        </label>
        <label>
          {t('editor.fileName')}
          <input required value={name} onChange={(e) => setName(e.target.value)} data-testid="rename-name" />
        </label>
        <p className="muted small">{t('editor.renameHint')}</p>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>{t('profile.cancel')}</button>
          <button type="submit" className="primary" disabled={!name.trim() || newId === id}>{t('editor.rename')}</button>
        </div>
      </form>
    </Dialog>
  );
}
