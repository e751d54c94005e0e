import { useI18n } from '../i18n/i18n';

export function FacetSelect({ label, value, options, display = (s) => s, onChange, name }: {
  label: string; value: string; options: Record<string, number>; display?: (key: string) => string; onChange: (v: string) => void; name: string;
}) {
  const { t } = useI18n();
  const keys = Object.keys(options).sort((a, b) => options[b] - options[a] || a.localeCompare(b));
  return (
    <label className="facet">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} name={name}>
        <option value="">{t('library.any')}</option>
        {keys.map((k) => <option key={k} value={k}>{display(k)} ({options[k]})</option>)}
      </select>
    </label>
  );
}
