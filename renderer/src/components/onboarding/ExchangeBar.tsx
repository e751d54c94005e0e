import { useRef, useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { saveFile } from './download';

/** Export for Excel or another PC; import a learner's file from another PC. */
export function ExchangeBar({ token, onImported }: { token: string; onImported: () => void }) {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const exportAs = async (format: 'csv' | 'json') => {
    setMessage(null);
    try {
      saveFile(await api.exportProgress({ token, format, language: locale }));
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    try {
      const r = await api.importProgress({ token, data: await file.text() });
      setMessage({ kind: 'ok', text: r.unchanged ? t('trainer.importNothing') : t('trainer.imported', { added: r.profilesAdded, matched: r.profilesMatched, changes: r.changes }) });
      onImported();
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="exchange-bar">
      <button type="button" onClick={() => exportAs('csv')} data-testid="export-csv">{t('trainer.exportCsv')}</button>
      <button type="button" onClick={() => exportAs('json')} data-testid="export-json">{t('trainer.exportJson')}</button>
      <label className="button file-button">
        {t('trainer.import')}
        <input ref={input} type="file" accept=".json,application/json" className="visually-hidden" data-testid="import-file"
          onChange={(e) => importFile(e.target.files?.[0])} />
      </label>
      {message && <p className={message.kind === 'ok' ? 'notice notice-success' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>{message.text}</p>}
    </div>
  );
}
