import { useEffect, useState } from 'react';
import type { Category } from '../../../../electron/contract';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';

/**
 * A category's display name (客服 / Customer service) in the UI language, for search filters that
 * carry folder ids; the id itself until the names are loaded or when the pack has no such folder.
 */
export function useCategoryName(): (id: string) => string {
  const { locale } = useI18n();
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    let live = true;
    api.listArticles({}).then(
      (list) => live && setCategories(list.categories),
      () => undefined, // names are a nicety: the ids stay readable
    );
    return () => {
      live = false;
    };
  }, []);
  return (id) => {
    const c = categories.find((x) => x.id === id);
    return c ? (locale === 'en' ? c.nameEn : c.name) : id;
  };
}
