import { SearchEngine } from '../../electron/core/search/index.js';
import { makePack, makeQueries } from '../corpus.js';
const docs = makePack(1000);
const e = SearchEngine.load(SearchEngine.build(docs).serialize());
const qs = ['kefu', 'cancel customer messages', '遇到恶意差评时应该怎么发布物流信息', 'cancelf ulfillment fees'];
for (let rep = 0; rep < 4; rep++) { const row = []; for (const q of qs) { const t = performance.now(); e.search({ query: q }); row.push((performance.now() - t).toFixed(2)); } console.log(row.join('  ')); }
for (const q of makeQueries(docs, 200)) e.search({ query: q });
const row = []; for (const q of qs) { const t = performance.now(); e.search({ query: q }); row.push((performance.now() - t).toFixed(2)); } console.log('after 200', row.join('  '));
