import { useSession } from '../state/session';
import { useI18n } from './i18n';

/** A role's display name in the UI language; the id when the pack has no guide for it. */
export function useRoleName(): (id: string) => string {
  const { roles } = useSession();
  const { locale } = useI18n();
  return (id) => {
    const r = roles.find((x) => x.id === id);
    return r ? (locale === 'en' ? r.titleEn : r.title) : id;
  };
}
