import type { ArticleFieldValues } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { intervalText } from '../../i18n/interval';
import { useRoleName } from '../../i18n/useRoleName';
import { useSession } from '../../state/session';

const splitList = (s: string) => s.split(/[,，、;；]/).map((x) => x.trim()).filter(Boolean);
const today = () => new Date().toLocaleDateString('sv-SE');

/** The front matter as a form: trainers never see YAML. */
export function FrontMatterForm({ value, onChange, titlePlaceholder }: { value: ArticleFieldValues; onChange(next: ArticleFieldValues): void; titlePlaceholder: string }) {
  const { t } = useI18n();
  const { roles } = useSession();
  const roleName = useRoleName();
  const set = <K extends keyof ArticleFieldValues>(k: K, v: ArticleFieldValues[K]) => onChange({ ...value, [k]: v });
  const toggleRole = (id: string) => set('roles', value.roles.includes(id) ? value.roles.filter((r) => r !== id) : [...value.roles, id]);
  return (
    <fieldset className="fm-form">
      <legend className="visually-hidden">{t('editor.properties')}</legend>
      <label className="fm-wide">
        {t('editor.field.title')}
        <input value={value.title} placeholder={titlePlaceholder} onChange={(e) => set('title', e.target.value)} data-testid="fm-title" />
      </label>
      <label className="fm-wide">
        {t('editor.field.summary')}
        <textarea rows={2} value={value.summary} onChange={(e) => set('summary', e.target.value)} />
      </label>
      <label>
        {t('editor.field.tags')}
        <ListInput value={value.tags} onChange={(v) => set('tags', v)} placeholder={t('editor.listHint')} testId="fm-tags" />
      </label>
      <label>
        {t('editor.field.platforms')}
        <ListInput value={value.platforms} onChange={(v) => set('platforms', v)} placeholder={t('editor.listHint')} />
      </label>
      <label>
        {t('editor.field.owner')}
        <input value={value.owner} onChange={(e) => set('owner', e.target.value)} data-testid="fm-owner" />
      </label>
      <label>
        {t('editor.field.status')}
        <select value={value.status} onChange={(e) => set('status', e.target.value as ArticleFieldValues['status'])} data-testid="fm-status">
          <option value="draft">{t('status.draft')}</option>
          <option value="published">{t('status.published')}</option>
          <option value="archived">{t('status.archived')}</option>
        </select>
      </label>
      <label>
        {t('editor.field.reviewed')}
        <span className="fm-inline">
          <input type="date" value={value.reviewed} onChange={(e) => set('reviewed', e.target.value)} />
          <button type="button" className="ghost small" onClick={() => set('reviewed', today())}>{t('editor.today')}</button>
        </span>
      </label>
      <label>
        {t('editor.field.reviewEvery')}
        <select value={value.review_every} onChange={(e) => set('review_every', e.target.value)}>
          <option value="">{t('editor.noReview')}</option>
          {['30d', '90d', '180d', '1y'].concat(['30d', '90d', '180d', '1y', ''].includes(value.review_every) ? [] : [value.review_every]).map((v) => (
            <option key={v} value={v}>{t('editor.every', { interval: intervalText(v, t) })}</option>
          ))}
        </select>
      </label>
      <div className="fm-wide fm-roles" role="group" aria-label={t('editor.field.roles')}>
        <span>{t('editor.field.roles')}</span>
        {roles.map((r) => (
          <label key={r.id} className="chip">
            <input type="checkbox" checked={value.roles.includes(r.id)} onChange={() => toggleRole(r.id)} />
            {roleName(r.id)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A comma separated list (Chinese commas and 、 too), kept as typed until the field is left. */
function ListInput({ value, onChange, placeholder, testId }: { value: string[]; onChange(v: string[]): void; placeholder: string; testId?: string }) {
  return (
    <input
      key={value.join('\u0000')}
      defaultValue={value.join(', ')}
      placeholder={placeholder}
      data-testid={testId}
      onBlur={(e) => { const next = splitList(e.target.value); if (next.join('\u0000') !== value.join('\u0000')) onChange(next); }}
    />
  );
}
