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
    default: return { name: 'notFound', path };
  }
}

export const articleHref = (id: string) => '#/article/' + id.split('/').map(encodeURIComponent).join('/');

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
