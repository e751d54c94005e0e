import { useEffect, useRef, useState } from 'react';
import type { AckPolicy } from '../../../../electron/contract';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useRoleName } from '../../i18n/useRoleName';
import { useSession } from '../../state/session';

interface Draft { on: boolean; everyone: boolean; roles: string[]; due: string }
const fromPolicy = (p: AckPolicy | null): Draft => ({ on: !!p, everyone: !p || p.roles === 'all', roles: p && p.roles !== 'all' ? p.roles : [], due: p?.due ?? '' });
const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The article editor's 阅读确认 part: the policy form (in the properties panel) and the "material
 * change" box beside Save. The policy is written into the article's front matter by its own call
 * right after the article is saved (`apply`), only when it or the material box changed.
 */
export function useAckPolicyEditor(token: string, articleId: string, saved: boolean, onChange: () => void) {
  const { t } = useI18n();
  const { roles } = useSession();
  const roleName = useRoleName();
  const [loaded, setLoaded] = useState<AckPolicy | null>(null);
  const [draft, setDraft] = useState<Draft>(fromPolicy(null));
  const [material, setMaterial] = useState(false);
  const base = useRef<Draft>(fromPolicy(null));
  useEffect(() => {
    if (!saved) return;
    let live = true;
    api.getAcknowledgementPolicy({ token, articleId }).then((s) => {
      if (!live) return;
      setLoaded(s.policy);
      base.current = fromPolicy(s.policy);
      setDraft(base.current);
    }, () => {});
    return () => { live = false; };
  }, [token, articleId, saved]);
  const change = (d: Partial<Draft>) => { setDraft((x) => ({ ...x, ...d })); onChange(); };

  /** Why the policy cannot be saved as it stands, or null. */
  const problem = (): string | null => {
    if (!draft.on) return null;
    if (!draft.everyone && draft.roles.length === 0) return t('ack.needRole');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.due)) return t('ack.needDue');
    return null;
  };
  /** After the article's save: writes the policy when it changed; returns the file's hash after it. */
  const apply = async (hash: string): Promise<string> => {
    if (same(draft, base.current) && !(material && draft.on)) return hash;
    const policy = draft.on ? { roles: draft.everyone ? ('all' as const) : draft.roles, due: draft.due } : null;
    const r = await api.setAcknowledgementPolicy({ token, articleId, baseHash: hash, policy, material: material && !!loaded });
    setLoaded(r.policy);
    base.current = fromPolicy(r.policy);
    setDraft(base.current);
    setMaterial(false);
    return r.hash;
  };

  const panel = !saved ? <p className="muted small">{t('ack.editorSaveFirst')}</p> : (
    <fieldset className="fm-form ack-policy-form" data-testid="ack-policy">
      <legend>{t('ack.editorTitle')}</legend>
      <label className="fm-wide chip">
        <input type="checkbox" checked={draft.on} onChange={(e) => change({ on: e.target.checked })} data-testid="ack-on" />
        {t('ack.editorRequire')}
      </label>
      {draft.on && (
        <>
          <div className="fm-wide fm-roles" role="group" aria-label={t('ack.editorRoles')}>
            <span>{t('ack.editorRoles')}</span>
            <label className="chip"><input type="checkbox" checked={draft.everyone} onChange={(e) => change({ everyone: e.target.checked })} data-testid="ack-everyone" />{t('ack.editorEveryone')}</label>
            {!draft.everyone && roles.map((r) => (
              <label key={r.id} className="chip">
                <input type="checkbox" checked={draft.roles.includes(r.id)} onChange={() => change({ roles: draft.roles.includes(r.id) ? draft.roles.filter((x) => x !== r.id) : [...draft.roles, r.id] })} />
                {roleName(r.id)}
              </label>
            ))}
          </div>
          <label>
            {t('ack.editorDue')}
            <input type="date" value={draft.due} onChange={(e) => change({ due: e.target.value })} data-testid="ack-due" />
          </label>
          {loaded && <p className="muted small">{t('ack.editorVersion', { version: loaded.version, since: loaded.since ?? '—' })}</p>}
        </>
      )}
    </fieldset>
  );
  const materialBox = saved && loaded && draft.on ? (
    <label className="chip" title={t('ack.materialHint')}>
      <input type="checkbox" checked={material} onChange={(e) => { setMaterial(e.target.checked); onChange(); }} data-testid="ack-material" />
      {t('ack.material')}
    </label>
  ) : null;
  return { panel, materialBox, problem, apply };
}
