import { useState } from 'react';
import type { TeamReview, TeamReviewFile } from '../../../../electron/contract';
import { api } from '../../api';
import { errorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { TextDiff } from '../TextDiff';
import { useEditSession } from '../editor/editSession';

/**
 * Settings → Team, for trainers: the proposals other trainers sent for review (`review/<name>`),
 * each with its files and diffs, and "Merge into the team". Listing asks the server, so it runs when
 * the trainer asks for it rather than on every visit to Settings.
 */
export function TeamReviewPanel({ onMerged }: { onMerged(): void }) {
  const { t } = useI18n();
  const { token } = useEditSession();
  const [reviews, setReviews] = useState<TeamReview[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (!token) return null;
  const load = async () => {
    setBusy('list');
    setResult(null);
    try {
      setReviews((await api.listTeamReviews({ token })).reviews);
    } catch (err) {
      setResult({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(null);
    }
  };
  const merge = async (r: TeamReview) => {
    setBusy(r.branch);
    setResult(null);
    try {
      const m = await api.mergeTeamReview({ token, branch: r.branch, oid: r.oid });
      setResult({ ok: m.outcome === 'merged' || m.outcome === 'nothing', text: t(`teamReview.result.${m.outcome}`, { branch: r.branch }) });
      setReviews((await api.listTeamReviews({ token })).reviews);
    } catch (err) {
      setResult({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(null);
      onMerged();
    }
  };
  return (
    <section className="form team-reviews" aria-labelledby="team-reviews-title" data-testid="team-reviews">
      <h3 id="team-reviews-title">{t('teamReview.title')}</h3>
      <p className="muted small">{t('teamReview.intro')}</p>
      <div className="button-row">
        <button type="button" onClick={load} disabled={!!busy} data-testid="team-reviews-load">
          {busy === 'list' ? t('teamReview.loading') : reviews ? t('teamReview.refresh') : t('teamReview.load')}
        </button>
      </div>
      {reviews && reviews.length === 0 && <p className="notice" data-testid="team-reviews-empty">{t('teamReview.none')}</p>}
      {reviews && reviews.length > 0 && (
        <ul className="plain-list changes-list" data-testid="team-reviews-list">
          {reviews.map((r) => <ReviewItem key={r.branch} review={r} busy={busy} onMerge={() => merge(r)} />)}
        </ul>
      )}
      {result && <p className={result.ok ? 'notice' : 'notice notice-error'} role="status" data-testid="team-reviews-result">{result.text}</p>}
    </section>
  );
}

function ReviewItem({ review, busy, onMerge }: { review: TeamReview; busy: string | null; onMerge(): void }) {
  const { t, locale } = useI18n();
  const at = new Date(review.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  const headId = 'review-' + review.branch.replace(/[^a-zA-Z0-9]/g, '-');
  return (
    <li className="card change-item" aria-labelledby={headId} data-testid="team-review-item">
      <div className="change-head">
        <strong id={headId}>{t('teamReview.from', { author: review.author, branch: review.branch })}</strong>
        {review.own && <span className="badge">{t('teamReview.own')}</span>}
      </div>
      <p className="muted small">{at}{review.message && <> — {review.message}</>}</p>
      <p className="small">{t('teamReview.files', { count: review.files.length })}</p>
      <ul className="plain-list">
        {review.files.map((f) => <ReviewFile key={f.path} file={f} branch={review.branch} />)}
      </ul>
      <div className="button-row">
        <button type="button" className="primary" onClick={onMerge} disabled={!!busy} data-testid="team-review-merge">
          {busy === review.branch ? t('teamReview.merging') : t('teamReview.merge')}
        </button>
      </div>
    </li>
  );
}

function ReviewFile({ file, branch }: { file: TeamReviewFile; branch: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const diffId = 'review-diff-' + (branch + '-' + file.path).replace(/[^a-zA-Z0-9]/g, '-');
  return (
    <li className="review-file">
      <div className="change-head">
        <span className={`badge change-${file.kind}`}>{t(`team.kind.${file.kind}`)}</span> <span>{file.title}</span>{' '}
        {file.diff.length > 0 && (
          <button type="button" className="small" aria-expanded={open} aria-controls={diffId} onClick={() => setOpen(!open)}>{open ? t('team.hideDiff') : t('team.showDiff')}</button>
        )}
      </div>
      {open && <TextDiff id={diffId} label={t('team.diffLabel', { title: file.title })} diff={file.diff} />}
    </li>
  );
}
