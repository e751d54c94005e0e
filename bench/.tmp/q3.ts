import { SearchEngine } from '../../electron/core/search/index.js';
import { makePack } from '../corpus.js';
const docs = makePack(1000);
const e = SearchEngine.load(SearchEngine.build(docs).serialize());
const qs = ['submit inovices', 'track claims', 'Shopee 商品标题 price alerts', 'kf'];
for (let rep = 0; rep < 300; rep++) for (const q of qs) e.search({ query: q });
const row = []; for (const q of qs) { const t = performance.now(); for (let i = 0; i < 20; i++) e.search({ query: q }); row.push(((performance.now() - t)/20).toFixed(2)); } console.log(row.join('  '));
