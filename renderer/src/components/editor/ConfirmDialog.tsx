import { useI18n } from '../../i18n/i18n';
import { Dialog } from '../Dialog';

export function ConfirmDialog({ title, body, confirm, onConfirm, onClose }: { title: string; body: string; confirm: string; onConfirm(): void; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog title={title} onClose={onClose} labelledBy="confirm-title">
      <p>{body}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>{t('profile.cancel')}</button>
        <button type="button" className="primary" onClick={onConfirm} data-testid="confirm">{confirm}</button>
      </div>
    </Dialog>
  );
}
