import type { Category } from '../../../electron/contract';
import { useI18n } from '../i18n/i18n';

export function CategoryTree({ categories, current, onSelect }: { categories: Category[]; current: string; onSelect: (id: string) => void }) {
  const { t, locale } = useI18n();
  const total = categories.filter((c) => !c.id.includes('/')).reduce((n, c) => n + c.count, 0);
  return (
    <nav className="category-tree" aria-label={t('library.categories')}>
      <h2 className="small-heading">{t('library.categories')}</h2>
      <ul>
        <li>
          <button type="button" aria-current={current === '' ? 'true' : undefined} onClick={() => onSelect('')}>
            {t('library.all')} <span className="count">{total}</span>
          </button>
        </li>
        {categories.map((c) => (
          <li key={c.id} style={{ paddingInlineStart: `${(c.id.split('/').length - 1) * 0.9}rem` }}>
            <button type="button" aria-current={current === c.id ? 'true' : undefined} onClick={() => onSelect(c.id)}>
              {locale === 'en' ? c.nameEn : c.name} <span className="count">{c.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
