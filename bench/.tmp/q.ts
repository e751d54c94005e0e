import { SearchEngine } from '../../electron/core/search/index.js';
import { planQuery } from '../../electron/core/search/plan.js';
import { makePack } from '../corpus.js';
const docs = makePack(10000);
const e = SearchEngine.load(SearchEngine.build(docs).serialize());
const qs = ['yyzs', 'submit inovices', 'cancel customer messages', '据，重点关注促销价、', '仓库管理员每天需要下架哪些投诉？', '主图'];
for (let rep = 0; rep < 3; rep++) for (const q of qs) {
  let t = performance.now(); const p = planQuery(e as any, q); const tp = performance.now() - t;
  t = performance.now(); e.matchIds({ query: q }); const tm = performance.now() - t;
  t = performance.now(); const r = e.search({ query: q }); const ts = performance.now() - t;
  if (rep === 2) console.log(q, 'plan', tp.toFixed(2), 'phaseA+ids', tm.toFixed(2), 'search', ts.toFixed(2), r.total, p.clauses.length, p.clauses.map(c => c.alts.length).join(','));
}
