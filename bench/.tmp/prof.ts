import { SearchEngine } from '../../electron/core/search/index.js';
import { makePack, makeQueries } from '../corpus.js';
const n = Number(process.argv[2] ?? 1000);
const docs = makePack(n);
const e = process.argv[3] === "load" ? SearchEngine.load(SearchEngine.build(docs).serialize()) : SearchEngine.build(docs);
const qs = makeQueries(docs, 200);
for (const q of qs.slice(0, 30)) e.search({ query: q, limit: 20 });
const times: Array<[number, string, number]> = [];
for (let rep = 0; rep < 3; rep++) for (const q of qs) { const t = performance.now(); const r = e.search({ query: q, limit: 20 }); times.push([performance.now() - t, q, r.total]); }
times.sort((a, b) => b[0] - a[0]);
for (const t of times.slice(0, 25)) console.log(t[0].toFixed(2), t[2], JSON.stringify(t[1]));
const s = times.map(t => t[0]).sort((a,b)=>a-b); console.log('p50', s[s.length>>1].toFixed(2), 'p95', s[Math.floor(s.length*0.95)].toFixed(2));
