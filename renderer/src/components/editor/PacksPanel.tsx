import { errorText } from '../../i18n/errorText';
import { useState } from 'react';
import type { PackImportPreview } from '../../../../electron/contract';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../state/useLoad';
import { PageState } from '../PageState';

const CHUNK = 512 * 1024;
const toBase64 = (buf: Uint8Array) => {
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(bin);
};
function download(filename: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export the pack as a zip; import one (see what changes first, then all or nothing); restore a
 * replaced pack. `onContentChanged` lets the page around it show the new articles at once.
 */
export function PacksPanel({ token, onContentChanged }: { token: string; onContentChanged?: () => void }) {
  const { t } = useI18n();
  const [backups, reloadBackups] = useLoad(() => api.listPackBackups({ token }), [token]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState<{ uploadId: string; name: string; preview: PackImportPreview } | null>(null);
  const run = async (job: () => Promise<string | void>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await job();
      if (text) setMessage({ kind: 'ok', text });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  const exportPack = () => run(async () => {
    const r = await api.exportPack({ token });
    download(r.filename, r.base64);
    return t('packs.exported', { files: r.files, file: r.filename });
  });
  const upload = (file: File) => run(async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let uploadId: string | undefined;
    for (let off = 0; off === 0 || off < bytes.length; off += CHUNK) {
      uploadId = (await api.uploadPackChunk({ token, uploadId, offset: off, data: toBase64(bytes.subarray(off, off + CHUNK)) })).uploadId;
      if (off + CHUNK >= bytes.length) break;
    }
    setPending({ uploadId: uploadId!, name: file.name, preview: await api.previewPackImport({ token, uploadId: uploadId! }) });
  });
  const apply = () => run(async () => {
    const r = await api.applyPackImport({ token, uploadId: pending!.uploadId });
    setPending(null);
    reloadBackups();
    onContentChanged?.();
    return t('packs.imported', { added: r.added, changed: r.changed, removed: r.removed });
  });
  const restore = (id: string) => run(async () => {
    await api.restorePackBackup({ token, backupId: id });
    reloadBackups();
    onContentChanged?.();
    return t('packs.restored');
  });
  return (
    <section className="card packs-panel" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('packs.title')}</h2>
      <p className="muted small">{t('packs.hint')}</p>
      <div className="button-row">
        <button type="button" onClick={exportPack} disabled={busy} data-testid="pack-export">{t('packs.export')}</button>
        <label className="button">
          {t('packs.import')}
          <input type="file" accept=".zip,application/zip" hidden disabled={busy} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) upload(f); }} />
        </label>
      </div>
      {message && <p className={message.kind === 'ok' ? 'notice' : 'notice notice-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>{message.text}</p>}
      {pending && (
        <div className="import-preview" data-testid="import-preview">
          <h3>{t('packs.previewTitle', { name: pending.preview.pack.name, version: pending.preview.pack.version })}</h3>
          <ChangeList label={t('packs.added')} items={pending.preview.added} />
          <ChangeList label={t('packs.changed')} items={pending.preview.changed} />
          <ChangeList label={t('packs.removed')} items={pending.preview.removed} />
          <p className="muted small">{t('packs.unchanged', { count: pending.preview.unchanged })}{pending.preview.problems ? ' · ' + t('packs.problems', { count: pending.preview.problems }) : ''}</p>
          <div className="button-row">
            <button type="button" onClick={() => setPending(null)} disabled={busy}>{t('profile.cancel')}</button>
            <button type="button" className="primary" onClick={apply} disabled={busy}>{t('packs.apply')}</button>
          </div>
        </div>
      )}
      <h3>{t('packs.backups')}</h3>
      <PageState state={backups} retry={reloadBackups}>
        {(list) => list.length === 0 ? <p className="muted small">{t('packs.noBackups')}</p> : (
          <ul className="plain-list">
            {list.map((b) => (
              <li key={b.id}>
                <span>{b.packName} · {new Date(b.createdAt).toLocaleString()} · {t('packs.files', { count: b.files })}</span>
                <button type="button" className="small" disabled={busy} onClick={() => restore(b.id)}>{t('packs.restore')}</button>
              </li>
            ))}
          </ul>
        )}
      </PageState>
    </section>
  );
}

function ChangeList({ label, items }: { label: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <details open={items.length <= 8}>
      <summary>{label} ({items.length})</summary>
      <ul className="change-list">{items.map((i) => <li key={i}><code>{i}</code></li>)}</ul>
    </details>
  );
}
