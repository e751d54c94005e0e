import { Dialog } from '../Dialog';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';

const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = mac ? '⌘' : 'Ctrl';
const rows: Array<[string[], MessageKey]> = [
  [[mod, 'K'], 'help.search'],
  [[mod, 'F'], 'help.find'],
  [['Alt', '←'], 'help.back'],
  [['Alt', '→'], 'help.forward'],
  [[mod, ','], 'help.settings'],
  [['?'], 'help.help'],
  [['Esc'], 'help.close'],
  [['Tab'], 'help.tab'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('help.title')} onClose={onClose} labelledBy="help-title">
      <table className="shortcut-table">
        <tbody>
          {rows.map(([keys, label]) => (
            <tr key={label}>
              <td>{keys.map((k, i) => <span key={k}>{i > 0 && ' + '}<kbd>{k}</kbd></span>)}</td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>{t('common.close')}</button>
      </div>
    </Dialog>
  );
}
