import { useI18n } from '../../i18n/i18n';

export type SaveState = { kind: 'clean' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

/** One short line saying whether the work is safe on disk. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useI18n();
  const text = state.kind === 'dirty' ? t('editor.unsaved')
    : state.kind === 'saving' ? t('editor.saving')
    : state.kind === 'saved' ? t('editor.savedAt', { time: state.at.toLocaleTimeString() })
    : state.kind === 'error' ? state.message
    : '';
  return <span className={`save-status save-${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'} data-testid="save-status">{text}</span>;
}
