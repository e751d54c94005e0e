import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useErrorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { currentEditToken } from '../editor/editSession';

/** The trainer's form on a learner's page: a named recognition with a short note, signed by the core. */
export function GiveRecognitionForm({ profileId, learnerName, onGiven }: { profileId: string; learnerName: string; onGiven: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const given = await api.giveRecognition({ token: currentEditToken() ?? '', profileId, title, note });
      setTitle('');
      setNote('');
      setMessage({ ok: true, text: t('rec.given', { title: given.title, name: learnerName }) });
      onGiven();
    } catch (err) {
      // What was typed stays in the form: nothing is lost on an error.
      setMessage({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card give-recognition" onSubmit={submit} noValidate aria-labelledby="give-rec-title" data-testid="give-recognition">
      <h2 id="give-rec-title">{t('rec.give')}</h2>
      <p className="muted small">{t('rec.giveHint')}</p>
      <label className="field">
        {t('rec.name')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={60} list="rec-suggestions" required data-testid="rec-title" />
      </label>
      <datalist id="rec-suggestions">
        <option value={t('rec.suggest1')} />
        <option value={t('rec.suggest2')} />
        <option value={t('rec.suggest3')} />
      </datalist>
      <label className="field">
        {t('rec.note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} data-testid="rec-note" />
      </label>
      <p className="button-row">
        <button type="submit" className="primary" disabled={busy} data-testid="rec-send">{t('rec.send')}</button>
      </p>
      <p role="status" className={message ? (message.ok ? 'notice' : 'notice notice-error') : undefined}>{message?.text}</p>
    </form>
  );
}
