import { useState, type FormEvent } from 'react';
import type { TeamJoinProgress, TeamStatusInfo, TeamSyncInfo } from '../../../../electron/contract';
import { api } from '../../api';
import { errorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { useLoad } from '../../state/useLoad';
import { ConflictDialog } from '../editor/ConflictDialog';
import { useEditSession } from '../editor/editSession';
import { TeamPublishPanel } from './TeamPublishPanel';
import { TeamReviewPanel } from './TeamReviewPanel';
import { TeamStatusLine } from './TeamStatusLine';

/** Settings → Team: join a team's git repository, see where this PC stands, check now, settle conflicts. */
export function TeamSection() {
  const { t } = useI18n();
  const [state, reload] = useLoad(() => api.getTeamStatus({}), []);
  const status = state.status === 'ready' ? state.data : null;
  return (
    <div className="card team-section" data-testid="team-section">
      <h2>{t('team.title')}</h2>
      {!status ? null : status.joined ? <Joined status={status} reload={reload} /> : <JoinForm />}
    </div>
  );
}

function Joined({ status, reload }: { status: TeamStatusInfo; reload(): void }) {
  const { t } = useI18n();
  const { token } = useEditSession();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const check = async () => {
    setBusy(true);
    setResult(null);
    try {
      // Only an unlocked trainer's check commits and publishes content; anyone's fetches and moves progress.
      const r: TeamSyncInfo = await api.syncTeam(token ? { token } : {});
      const text = r.publishRefused ? t('team.result.refused') : r.heldBack ? t('team.result.heldBack') : t(`team.result.${r.outcome}`, { count: r.pulled });
      setResult({ ok: !r.publishRefused && !r.heldBack && r.outcome !== 'conflict', text: `${text} ${t('team.records', { pushed: r.records.pushed, pulled: r.records.pulled })}` });
    } catch (err) {
      setResult({ ok: false, text: errorText(err, t) });
    } finally {
      setBusy(false);
      reload();
    }
  };
  return (
    <>
      <dl className="paths">
        <dt>{status.mode === 'folder' ? t('team.sharedFolder') : t('team.server')}</dt><dd><code>{status.url}</code></dd>
      </dl>
      <TeamStatusLine status={status} />
      {!token && status.state === 'unpublished' && <p className="hint" data-testid="team-publish-hint">{t('team.publishNeedsTrainer')}</p>}
      <div className="button-row">
        <button type="button" className="primary" onClick={check} disabled={busy} data-testid="team-check">{busy ? t('team.checking') : t('team.checkNow')}</button>
        <a className="button" href="#/changes">{t('team.whatChanged')}</a>
      </div>
      {result && <p className={result.ok ? 'notice' : 'notice notice-error'} role="status" data-testid="team-result">{result.text}</p>}
      {!!status.conflicts?.length && <Conflicts conflicts={status.conflicts} reload={reload} />}
      <TeamPublishPanel onPublished={reload} />
      {status.mode !== 'folder' && <TeamReviewPanel onMerged={reload} />}
    </>
  );
}

function Conflicts({ conflicts, reload }: { conflicts: NonNullable<TeamStatusInfo['conflicts']>; reload(): void }) {
  const { t } = useI18n();
  const { token } = useEditSession();
  const [open, setOpen] = useState<{ path: string; mine: string; theirs: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async (path: string) => {
    if (!token) return;
    try {
      const v = await api.getTeamConflict({ token, path });
      setOpen({ path, mine: v.mine ?? '', theirs: v.theirs ?? '' });
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const choose = async (choice: 'mine' | 'theirs') => {
    if (!token || !open) return;
    await api.resolveTeamConflict({ token, path: open.path, choice }).catch((err) => setError(errorText(err, t)));
    setOpen(null);
    reload();
  };
  return (
    <div className="team-conflicts">
      <h3>{t('team.conflicts')}</h3>
      {!token && <p className="muted small">{t('team.trainerOnly')}</p>}
      <ul className="plain-list">
        {conflicts.map((c) => (
          <li key={c.path}>
            <code>{c.path}</code>{' '}
            {c.choice ? <span className="muted small">{t(`team.chosen.${c.choice}`)}</span>
              : <button type="button" className="small" disabled={!token} onClick={() => show(c.path)} data-testid="team-resolve">{t('team.resolve')}</button>}
          </li>
        ))}
      </ul>
      {error && <p className="form-error" role="alert">{error}</p>}
      {open && (
        <ConflictDialog
          mine={open.mine} theirs={open.theirs}
          title={t('team.conflictTitle')} body={t('team.conflictBody', { path: open.path })} theirsLabel={t('team.server')}
          onKeepMine={() => choose('mine')} onTakeTheirs={() => choose('theirs')} onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

/** Where a team keeps its handbook: each mode asks only what it needs. */
type JoinMode = 'server' | 'folder';

function JoinForm() {
  const { t } = useI18n();
  const { profile } = useSession();
  const { token } = useEditSession();
  const [mode, setMode] = useState<JoinMode>('server');
  const [f, setF] = useState({ url: '', name: profile?.name ?? '', email: '', username: '', password: '', contentDir: '', share: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [progress, setProgress] = useState<TeamJoinProgress | null>(null);
  const field = (k: keyof typeof f) => ({ value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }), name: `team-${k}` });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!token) return;
    setBusy(true);
    setMessage(null);
    // The join answers when it is done; meanwhile the status says how far it is.
    const poll = setInterval(() => { api.getTeamStatus({}).then((s) => setProgress(s.joining ?? null), () => {}); }, 400);
    try {
      // A shared folder is read where it is: no author, no credentials, no copy.
      const { share, ...server } = f;
      const r = await api.joinTeam(mode === 'folder' ? { token, url: share } : { token, ...server });
      setMessage({ ok: true, text: r.switched ? t('team.joined') : t('team.joinedRestart', { dir: r.contentDir }) });
      if (r.switched) setTimeout(() => location.reload(), 1200);
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, t) });
    } finally {
      clearInterval(poll);
      setProgress(null);
      setBusy(false);
    }
  };
  return (
    <>
      <p>{t('team.intro')}</p>
      {!token && <p className="muted small">{t('team.trainerOnly')}</p>}
      <form className="form" onSubmit={submit} data-testid="team-join-form">
        <fieldset className="options team-mode" data-testid="team-mode">
          <legend>{t('team.mode.legend')}</legend>
          {(['server', 'folder'] as const).map((m) => (
            <label key={m} className="option-row">
              <input type="radio" name="team-mode" value={m} checked={mode === m} onChange={() => { setMode(m); setMessage(null); }} data-testid={`team-mode-${m}`} />
              {t(`team.mode.${m}`)}
            </label>
          ))}
        </fieldset>
        {mode === 'folder' ? (
          <>
            <label>{t('team.shareFolder')}<input {...field('share')} required placeholder={t('team.shareFolderPlaceholder')} aria-describedby="team-share-hint" /></label>
            <p className="muted small" id="team-share-hint">{t('team.shareFolderHint')}</p>
          </>
        ) : (
          <>
            <label>{t('team.url')}<input {...field('url')} type="text" inputMode="url" required placeholder={t('team.urlPlaceholder')} /></label>
            <label>{t('team.name')}<input {...field('name')} required autoComplete="name" /></label>
            <label>{t('team.email')}<input {...field('email')} type="email" required autoComplete="email" /></label>
            <label>{t('team.username')}<input {...field('username')} autoComplete="username" /></label>
            <label>{t('team.password')}<input {...field('password')} type="password" autoComplete="current-password" /></label>
            <p className="muted small">{t('team.passwordHint')}</p>
            <label>{t('team.folder')}<input {...field('contentDir')} required placeholder={t('content.placeholder')} /></label>
          </>
        )}
        {message && <p className={message.ok ? 'notice' : 'form-error'} role={message.ok ? 'status' : 'alert'} data-testid="team-join-message">{message.text}</p>}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || !token} data-testid="team-join">{busy ? t('team.joining') : t('team.join')}</button>
        </div>
        {busy && mode === 'server' && <JoinProgressBar progress={progress} />}
      </form>
    </>
  );
}

/** The join's progress: a share of the files while checking out, activity before (the server rarely says a total). */
function JoinProgressBar({ progress }: { progress: TeamJoinProgress | null }) {
  const { t } = useI18n();
  const phase = progress?.phase ?? 'connecting';
  const total = progress?.total ?? null;
  const text = total ? t('team.joinProgress.count', { phase: t(`team.joinPhase.${phase}`), loaded: progress!.loaded, total }) : t(`team.joinPhase.${phase}`);
  return (
    <div className="join-progress" data-testid="team-join-progress">
      <progress id="team-join-bar" aria-label={t('team.joinProgress.label')} aria-valuetext={text} {...(total ? { max: total, value: Math.min(progress!.loaded, total) } : {})} />
      <p className="muted small" aria-live="polite">{text}</p>
    </div>
  );
}
