import { errorText } from '../../i18n/errorText';
import { EditorHeader } from '../../components/editor/EditorHeader';
import { useEffect, useState } from 'react';
import type { ArticleSummary, TrackDraft } from '../../../../electron/contract';
import { api } from '../../api';
import { DraftRestored } from '../../components/editor/DraftRestored';
import { dropIfExpired } from '../../components/editor/editSession';
import { PhaseCard } from '../../components/editor/PhaseCard';
import { moveItem, moveStep, neighbour, type StepPos } from '../../components/editor/reorder';
import { SaveStatus, type SaveState } from '../../components/editor/SaveStatus';
import { PageState } from '../../components/PageState';
import { useI18n } from '../../i18n/i18n';
import { useRoleName } from '../../i18n/useRoleName';
import { useSession } from '../../state/session';
import { draftStorageKey, dropDraft, readDraft, useDraftKeeper, useDraftScope } from '../../state/drafts';
import { useLoad } from '../../state/useLoad';
import { editHref } from '../../app/route';

/** What is kept of unsaved work when the trainer leaves the page (see state/drafts.ts). */
interface KeptTrack { track: TrackDraft; trackId: string; baseHash: string | null }

const NEW_TRACK: TrackDraft = { title: '', titleEn: '', roleId: '', description: '', phases: [{ id: 'day1', title: '入职第一天', titleEn: 'Day 1', dueDay: 1, steps: [] }] };

/** `#/edit/track:<id>` (or `track:new`): a track as a form; saved as YAML the loader accepts. */
export function TrackEditorPage({ token, id }: { token: string; id: string }) {
  const isNew = id === 'new';
  const [state, retry] = useLoad(async () => {
    const [source, list, quizzes] = await Promise.all([
      isNew ? Promise.resolve(null) : api.getTrackSource({ token, id }),
      api.listArticles({ sort: 'title' }),
      api.listQuizzes({ token }),
    ]);
    return { source, articles: list.articles, quizzes };
  }, [id, token]);
  return (
    <PageState state={state} retry={retry}>
      {(d) => <TrackForm token={token} id={isNew ? null : id} hash={d.source?.hash ?? null} initial={d.source?.track ?? NEW_TRACK} articles={d.articles} quizzes={d.quizzes} />}
    </PageState>
  );
}

function TrackForm({ token, id, hash, initial, articles, quizzes }: {
  token: string; id: string | null; hash: string | null; initial: TrackDraft; articles: ArticleSummary[]; quizzes: Array<{ id: string; title: string }>;
}) {
  const { t } = useI18n();
  const { roles } = useSession();
  const roleName = useRoleName();
  const scope = useDraftScope();
  const [draftKey, setDraftKey] = useState(() => draftStorageKey(scope, 'track:' + (id ?? 'new')));
  const [restored, setRestored] = useState(() => readDraft<KeptTrack>(draftKey));
  const [track, setTrack] = useState(restored?.value.track ?? initial);
  const [trackId, setTrackId] = useState(restored?.value.trackId ?? id ?? '');
  const [baseHash, setBaseHash] = useState(restored ? restored.value.baseHash : hash);
  const [save, setSave] = useState<SaveState>({ kind: restored ? 'dirty' : 'clean' });
  const unsaved = save.kind === 'dirty' || save.kind === 'error' || save.kind === 'saving';
  const draft = useDraftKeeper(draftKey, (): KeptTrack | null => (unsaved ? { track, trackId, baseHash } : null));
  useEffect(() => draft.touch(), [draft, unsaved, track, trackId]);
  const discard = () => {
    dropDraft(draftKey);
    setRestored(null);
    setTrack(initial);
    setTrackId(id ?? '');
    setBaseHash(hash);
    setSave({ kind: 'clean' });
  };
  const change = (next: TrackDraft) => { setTrack(next); setSave({ kind: 'dirty' }); };
  const setPhases = (phases: TrackDraft['phases']) => change({ ...track, phases });
  const last = (phases: TrackDraft['phases']) => { for (let p = phases.length - 1; p >= 0; p--) if (phases[p].steps.length) return { phase: p, index: phases[p].steps.length - 1 }; return null; };
  const first = track.phases.findIndex((p) => p.steps.length);
  const lastPos = last(track.phases);

  const moveByKey = (from: StepPos, dir: -1 | 1) => {
    const to = neighbour(track.phases, from, dir);
    if (!to) return;
    setPhases(moveStep(track.phases, from, to));
    // Keep the keyboard focus on the step that moved.
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-step-pos="${to.phase}-${to.index}"] .move-${dir < 0 ? 'up' : 'down'}`)?.focus());
  };
  const submit = async () => {
    setSave({ kind: 'saving' });
    try {
      const r = await api.saveTrack({ token, id: trackId.trim(), baseHash, track });
      setBaseHash(r.hash);
      setSave({ kind: 'saved', at: new Date() });
      setRestored(null);
      if (!id) {
        history.replaceState(null, '', editHref('track:' + r.id));
        dropDraft(draftKey);
        setDraftKey(draftStorageKey(scope, 'track:' + r.id));
      }
    } catch (err) {
      dropIfExpired(err);
      setSave({ kind: 'error', message: errorText(err, t) });
    }
  };
  return (
    <section className="page track-editor">
      <EditorHeader title={track.title || t('trackEditor.newTrack')}>
          <SaveStatus state={save} />
          <a className="button" href={editHref('')}>{t('editor.backToContent')}</a>
          <button type="button" className="primary" onClick={submit} disabled={save.kind === 'saving'} data-testid="save-track">{t('editor.save')}</button>
      </EditorHeader>
      {restored && <DraftRestored at={restored.at} onDiscard={discard} />}
      <div className="card form-grid">
        <label>{t('trackEditor.title')}<input value={track.title} onChange={(e) => change({ ...track, title: e.target.value })} /></label>
        <label>{t('trackEditor.titleEn')}<input value={track.titleEn ?? ''} onChange={(e) => change({ ...track, titleEn: e.target.value })} /></label>
        <label>
          {t('trackEditor.role')}
          <select value={track.roleId} onChange={(e) => change({ ...track, roleId: e.target.value })}>
            <option value="">{t('trackEditor.pickRole')}</option>
            {roles.map((r) => <option key={r.id} value={r.id}>{roleName(r.id)}</option>)}
          </select>
        </label>
        <label>{t('trackEditor.id')}<input value={trackId} disabled={!!id} onChange={(e) => setTrackId(e.target.value)} placeholder="customer-service" /></label>
        <label className="fm-wide">{t('trackEditor.description')}<textarea rows={2} value={track.description ?? ''} onChange={(e) => change({ ...track, description: e.target.value })} /></label>
      </div>
      <p className="muted small">{t('trackEditor.reorderHint')}</p>
      {track.phases.map((p, i) => (
        <PhaseCard
          key={i} phase={p} index={i} count={track.phases.length} articles={articles} quizzes={quizzes}
          isFirstStep={(pos) => pos.phase === first && pos.index === 0}
          isLastStep={(pos) => !!lastPos && pos.phase === lastPos.phase && pos.index === lastPos.index}
          onChange={(x) => setPhases(track.phases.map((q, j) => (j === i ? x : q)))}
          onMovePhase={(dir) => setPhases(moveItem(track.phases, i, i + dir))}
          onRemovePhase={() => setPhases(track.phases.filter((_, j) => j !== i))}
          onMoveStep={moveByKey}
          onDropStep={(from, to) => setPhases(moveStep(track.phases, from, to))}
        />
      ))}
      <button type="button" onClick={() => setPhases([...track.phases, { id: `phase-${track.phases.length + 1}`, title: '', dueDay: (track.phases.at(-1)?.dueDay ?? 0) + 7, steps: [] }])}>{t('trackEditor.addPhase')}</button>
    </section>
  );
}
