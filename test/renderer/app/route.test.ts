import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from '../../../renderer/src/app/route';

/** Routes compare by value; a URLSearchParams only by what it holds. */
const plain = (r: Route) => ('query' in r ? { ...r, query: r.query.toString() } : r);

const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/'));
const id = fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join('/'));
const query = fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 10 }), { maxKeys: 3 })
  .map((d) => new URLSearchParams(d));

const route: fc.Arbitrary<Route> = fc.oneof(
  fc.constant<Route>({ name: 'home' }),
  fc.constant<Route>({ name: 'onboarding' }),
  fc.constant<Route>({ name: 'settings' }),
  fc.constant<Route>({ name: 'health' }),
  query.map((q): Route => ({ name: 'library', query: q })),
  query.map((q): Route => ({ name: 'search', query: q })),
  fc.tuple(id, query).map(([i, q]): Route => ({ name: 'article', id: i, query: q })),
  fc.tuple(fc.oneof(fc.constant(''), id, segment.map((s) => 'quiz:' + s)), query).map(([i, q]): Route => ({ name: 'edit', id: i, query: q })),
  fc.option(segment, { nil: null }).map((i): Route => ({ name: 'roles', id: i })),
  fc.option(segment, { nil: null }).map((i): Route => ({ name: 'trainer', profileId: i })),
  fc.tuple(segment, segment).map(([a, b]): Route => ({ name: 'quiz', trackId: a, stepId: b })),
  fc.tuple(segment, fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), { nil: null })).map(([a, p]): Route => ({ name: 'certificate', trackId: a, profileId: p })),
);

describe('href: the inverse of parseRoute', () => {
  it('gives back every route it is handed, whatever the ids hold (/, ?, #, %, spaces, Chinese)', () => {
    fc.assert(fc.property(route, (r) => {
      expect(plain(parseRoute(href(r)))).toEqual(plain(r));
    }), { numRuns: 2000 });
  });

  it('writes the addresses the contract fixes, readable where it can be', () => {
    expect(href({ name: 'home' })).toBe('#/');
    expect(href({ name: 'article', id: 'customer-service/returns-refunds' })).toBe('#/article/customer-service/returns-refunds');
    expect(href({ name: 'article', id: 'ops/退款 规则', query: { section: '2-处理步骤' } })).toBe('#/article/ops/%E9%80%80%E6%AC%BE%20%E8%A7%84%E5%88%99?section=2-%E5%A4%84%E7%90%86%E6%AD%A5%E9%AA%A4');
    expect(href({ name: 'search', query: { q: '退款 多久' } })).toBe('#/search?q=%E9%80%80%E6%AC%BE+%E5%A4%9A%E4%B9%85');
    expect(href({ name: 'edit', id: 'quiz:customer-service-basics' })).toBe('#/edit/quiz:customer-service-basics');
    expect(href({ name: 'edit', id: '' })).toBe('#/edit');
    expect(href({ name: 'roles', id: null })).toBe('#/roles');
    expect(href({ name: 'certificate', trackId: 'cs', profileId: 'p 1' })).toBe('#/certificate/cs?profile=p+1');
  });

  it('reads every address it writes back to the same address', () => {
    fc.assert(fc.property(route, (r) => {
      expect(href(parseRoute(href(r)))).toBe(href(r));
    }), { numRuns: 500 });
  });
});
