import { useState } from 'react';
import type { TeamChange, TeamChanges } from '../../../electron/contract';
import { api } from '../api';
import { articleHref } from '../app/route';
import { PageState } from '../components/PageState';
import { TextDiff } from '../components/TextDiff';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../state/session';
import { useLoad } from '../state/useLoad';

/** `#/changes`: what the team changed since this profile last looked — who, when, why, and the text diff. */
export function ChangesPage({ onPickProfile }: { onPickProfile: () => void }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const [status] = useLoad(() => api.getTeamStatus({}), []);
  if (status.status === 'ready' && !status.data.joined) {
    return <section className="page"><h1>{t('team.changesTitle')}</h1><p className="notice">{t('team.notJoined')}</p></section>;
  }
  if (!profile) {
    return (
      <section className="page">
        <h1>{t('team.changesTitle')}</h1>
        <div className="notice"><p>{t('team.pickProfile')}</p><button type="button" className="primary" onClick={onPickProfile}>{t('profile.choose')}</button></div>
      </section>
    );
  }
  return <Changes profileId={profile.id} />;
}

function Changes({ profileId }: { profileId: string }) {
  const { t } = useI18n();
  const [state, reload] = useLoad(() => api.listTeamChanges({ profileId }), [profileId]);
  const seen = async () => {
    await api.markTeamChangesSeen({ profileId });
    reload();
  };
  return (
    <section className="page changes-page">
      <h1>{t('team.changesTitle')}</h1>
      <p className="muted">{t('team.changesIntro')}</p>
      <PageState state={state} retry={reload}>
        {(c: TeamChanges) => c.changes.length === 0 ? <p className="notice" data-testid="changes-empty">{t('team.noChanges')}</p> : (
          <>
            <ul className="plain-list changes-list" data-testid="changes-list">
              {c.changes.map((ch) => <ChangeItem key={ch.path} change={ch} />)}
            </ul>
            <button type="button" onClick={seen} data-testid="changes-seen">{t('team.markSeen')}</button>
          </>
        )}
      </PageState>
    </section>
  );
}

function ChangeItem({ change }: { change: TeamChange }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const at = change.at ? new Date(change.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : '';
  const diffId = 'diff-' + change.path.replace(/[^a-zA-Z0-9]/g, '-');
  return (
    <li className="card change-item">
      <div className="change-head">
        <span className={`badge change-${change.kind}`}>{t(`team.kind.${change.kind}`)}</span>
        <strong>{change.articleId && change.kind !== 'removed' ? <a href={articleHref(change.articleId)}>{change.title}</a> : change.title}</strong>
      </div>
      {/* A shared folder has no commits: who is known only when the front matter says so. */}
      <p className="muted small">{change.author ? t('team.by', { author: change.author, at }) : at}{change.message && <> — {change.message}</>}</p>
      <button type="button" className="small" aria-expanded={open} aria-controls={diffId} onClick={() => setOpen(!open)}>{open ? t('team.hideDiff') : t('team.showDiff')}</button>
      {open && (
        <TextDiff id={diffId} label={t('team.diffLabel', { title: change.title })} diff={change.diff} />
      )}
    </li>
  );
}
