import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'library'; query: URLSearchParams }
  | { name: 'article'; id: string; query: URLSearchParams }
  | { name: 'search'; query: URLSearchParams }
  | { name: 'onboarding' }
  | { name: 'roles'; id: string | null }
  | { name: 'trainer'; profileId: string | null }
  | { name: 'quiz'; trackId: string; stepId: string }
  | { name: 'certificate'; trackId: string; profileId: string | null }
  | { name: 'settings' }
  | { name: 'edit'; id: string; query: URLSearchParams }
  | { name: 'health' }
  | { name: 'changes' }
  | { name: 'mistakes' }
  | { name: 'notFound'; path: string };

/** Hash routes, as the contract fixes them: `#/article/<id>`, `#/search?q=`, `#/roles/<id>` … */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  const query = new URLSearchParams(qs);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const [head, ...rest] = parts;
  switch (head) {
    case undefined: return { name: 'home' };
    case 'library': return { name: 'library', query };
    case 'article': return rest.length ? { name: 'article', id: rest.join('/'), query } : { name: 'library', query };
    case 'search': return { name: 'search', query };
    case 'onboarding': return { name: 'onboarding' };
    case 'roles': return { name: 'roles', id: rest[0] ?? null };
    case 'trainer': return { name: 'trainer', profileId: rest[0] ?? null };
    case 'quiz': return rest.length === 2 ? { name: 'quiz', trackId: rest[0], stepId: rest[1] } : { name: 'notFound', path };
    case 'certificate': return rest.length === 1 ? { name: 'certificate', trackId: rest[0], profileId: query.get('profile') } : { name: 'notFound', path };
    case 'settings': return { name: 'settings' };
    case 'edit': return { name: 'edit', id: rest.join('/'), query };
    case 'health': return { name: 'health' };
    case 'changes': return { name: 'changes' };
    case 'mistakes': return { name: 'mistakes' };
    default: return { name: 'notFound', path };
  }
}

/** A route to link to: the query may be left out, or given as plain pairs. */
type Queryless<R> = R extends { query: URLSearchParams } ? Omit<R, 'query'> & { query?: URLSearchParams | Record<string, string> } : R;
export type RouteLink = Queryless<Route>;

/** One path segment; `:` stays readable (`#/edit/quiz:<id>`), everything else is encoded. */
const seg = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':');
/** An id that may span folders (`customer-service/returns`): each folder is its own segment. */
const segs = (id: string) => id.split('/').map(seg).join('/');
const qs = (q: URLSearchParams | Record<string, string> | undefined) => {
  const s = new URLSearchParams(q ?? {}).toString();
  return s ? '?' + s : '';
};

/** The address of a route: the inverse of `parseRoute`, so `parseRoute(href(r))` gives `r` back. */
export function href(route: RouteLink): string {
  switch (route.name) {
    case 'home': return '#/';
    case 'library': return '#/library' + qs(route.query);
    case 'article': return '#/article/' + segs(route.id) + qs(route.query);
    case 'search': return '#/search' + qs(route.query);
    case 'onboarding': return '#/onboarding';
    case 'roles': return '#/roles' + (route.id ? '/' + seg(route.id) : '');
    case 'trainer': return '#/trainer' + (route.profileId ? '/' + seg(route.profileId) : '');
    case 'quiz': return `#/quiz/${seg(route.trackId)}/${seg(route.stepId)}`;
    case 'certificate': return `#/certificate/${seg(route.trackId)}` + qs(route.profileId ? { profile: route.profileId } : undefined);
    case 'settings': return '#/settings';
    case 'edit': return '#/edit' + (route.id ? '/' + segs(route.id) : '') + qs(route.query);
    case 'health': return '#/health';
    case 'changes': return '#/changes';
    case 'mistakes': return '#/mistakes';
    case 'notFound': return '#' + route.path;
  }
}

export const articleHref = (id: string) => href({ name: 'article', id });
/** The editor of an article (`<id>`, `new`), a role guide (`role:<id>`), a track or a quiz. */
export const editHref = (id: string) => href({ name: 'edit', id });

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
