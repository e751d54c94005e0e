import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Dialog } from '../Dialog';

/**
 * The file changed on disk while it was being edited. Never a silent overwrite: the trainer keeps
 * their version (saved over the new one), takes the other one, or compares both side by side first.
 */
export function ConflictDialog({ mine, theirs, onKeepMine, onTakeTheirs, onClose, title, body, theirsLabel }: {
  mine: string; theirs: string; onKeepMine(): void; onTakeTheirs(): void; onClose(): void;
  /** Other callers (team sync) say where "theirs" came from. */
  title?: string; body?: string; theirsLabel?: string;
}) {
  const { t } = useI18n();
  const [both, setBoth] = useState(false);
  return (
    <Dialog title={title ?? t('editor.conflictTitle')} onClose={onClose} labelledBy="conflict-title">
      <p>{body ?? t('editor.conflictBody')}</p>
      {both && (
        <div className="conflict-compare" data-testid="conflict-compare" tabIndex={0} role="region" aria-label={t('editor.seeBoth')}>
          <section>
            <h3>{t('editor.mine')}</h3>
            <pre>{mine}</pre>
          </section>
          <section>
            <h3>{theirsLabel ?? t('editor.theirs')}</h3>
            <pre>{theirs}</pre>
          </section>
        </div>
      )}
      <div className="dialog-actions">
        {!both && <button type="button" onClick={() => setBoth(true)} data-testid="conflict-both">{t('editor.seeBoth')}</button>}
        <button type="button" onClick={onTakeTheirs} data-testid="conflict-theirs">{t('editor.takeTheirs')}</button>
        <button type="button" className="primary" onClick={onKeepMine} data-testid="conflict-mine">{t('editor.keepMine')}</button>
      </div>
    </Dialog>
  );
}
