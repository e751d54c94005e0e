import type { RoleSummary } from '../../../electron/contract';
import { api } from '../api';
import { PageState } from '../components/PageState';
import { SafeHtml } from '../components/SafeHtml';
import { Toc } from '../components/Toc';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../state/useLoad';
import { href } from '../app/route';

function TeamMap({ roles }: { roles: RoleSummary[] }) {
  const { t, locale } = useI18n();
  const name = (id: string) => {
    const r = roles.find((x) => x.id === id);
    return r ? (locale === 'en' ? r.titleEn : r.title) : id;
  };
  return (
    <section className="page">
      <h1>{t('role.teamMap')}</h1>
      <p className="muted">{t('role.teamMapHint')}</p>
      <ul className="team-map">
        {roles.map((r) => (
          <li key={r.id}>
            <a className="role-card" href={href({ name: 'roles', id: r.id })}>
              <strong>{locale === 'en' ? r.titleEn : r.title}</strong>
              <span className="muted small">{r.summary}</span>
              {r.worksWith.length > 0 && <span className="small">{t('role.worksWithList', { roles: r.worksWith.map(name).join(' · ') })}</span>}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RoleGuide({ id }: { id: string }) {
  const [state, retry] = useLoad(() => api.getRole({ id }), [id]);
  return (
    <PageState state={state} retry={retry}>
      {(role) => (
        <div className="article-layout">
          <article className="article">
            <header className="article-header"><h1>{role.title}</h1><p className="muted">{role.summary}</p></header>
            <SafeHtml className="prose" html={role.html} />
          </article>
          <Toc entries={role.toc} />
        </div>
      )}
    </PageState>
  );
}

export function RolesPage({ id }: { id: string | null }) {
  const [roles, retry] = useLoad(() => api.listRoles({}), []);
  if (id) return <RoleGuide id={id} />;
  return <PageState state={roles} retry={retry}>{(list) => <TeamMap roles={list} />}</PageState>;
}
