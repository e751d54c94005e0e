import { useState } from 'react';
import type { TeamPublishing } from '../../../../electron/contract';
import { api } from '../../api';
import { errorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../state/useLoad';
import { useEditSession } from '../editor/editSession';

/**
 * Settings → Team, for trainers: what this PC's saves hold that the team has not got yet, "Publish",
 * and how publishing works here (auto-publish, review before publish).
 */
export function TeamPublishPanel({ onPublished }: { onPublished(): void }) {
  const { t } = useI18n();
  const { token } = useEditSession();
  const [state, reload] = useLoad(() => api.getTeamPublishing({}), []);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const info: TeamPublishing | null = state.status === 'ready' ? state.data : null;
  if (!info?.joined) return null;
  const publish = async () => {
    if (!token) return;
    setBusy(true);
    setResult(null);
    try {
      const r = await api.publishTeam({ token });
      const text = r.outcome === 'published' && r.branch !== 'main' ? t('teamPublish.result.review', { branch: r.branch }) : t(`teamPublish.result.${r.outcome}`);
      setResult({ ok: r.outcome === 'published' || r.outcome === 'nothing', text });
    } catch (err) {
      setResult({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(false);
      reload();
      onPublished();
    }
  };
  const set = async (patch: Partial<Pick<TeamPublishing, 'autoPublish' | 'review'>>) => {
    if (!token) return;
    try {
      await api.setTeamPublishing({ token, autoPublish: info.autoPublish, review: info.review, ...patch });
    } catch (err) {
      setResult({ ok: false, text: errorText(err, t) });
    }
    reload();
  };
  return (
    <section className="form team-publish" aria-labelledby="team-publish-title" data-testid="team-publish">
      <h3 id="team-publish-title">{t('teamPublish.title')}</h3>
      <p data-testid="team-unpublished">{info.unpublished ? t('teamPublish.waiting', { count: info.unpublished }) : t('teamPublish.none')}</p>
      {!token && <p className="muted small">{t('teamPublish.trainerOnly')}</p>}
      <div className="button-row">
        <button type="button" className="primary" onClick={publish} disabled={busy || !token} data-testid="team-publish-button">
          {busy ? t('teamPublish.publishing') : info.review ? t('teamPublish.sendForReview') : t('teamPublish.publish')}
        </button>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={info.autoPublish} disabled={!token} onChange={(e) => set({ autoPublish: e.target.checked })} data-testid="team-auto-publish" />
        {t('teamPublish.auto')}
      </label>
      <p className="muted small">{t('teamPublish.autoHint')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={info.review} disabled={!token} onChange={(e) => set({ review: e.target.checked })} data-testid="team-review" />
        {t('teamPublish.review')}
      </label>
      <p className="muted small">{info.reviewBranch ? t('teamPublish.reviewOn', { branch: info.reviewBranch }) : t('teamPublish.reviewHint')}</p>
      {result && <p className={result.ok ? 'notice' : 'notice notice-error'} role="status" data-testid="team-publish-result">{result.text}</p>}
    </section>
  );
}
