import { createRequire } from 'node:module';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { tokenize, type SearchDoc } from '../electron/core/search/index.js';

/*
 * The two baselines every figure is compared with, used only through their public APIs:
 * MiniSearch fed with Handbook's own bigram tokenizer, and lunr with lunr-languages' Chinese
 * support (word segmentation by @node-rs/jieba, its stop words and trimmer).
 */

const isLatin = (t: string): boolean => /^[a-z]/.test(t);

export const msOptions = {
  fields: ['title', 'headings', 'body'],
  idField: 'id',
  tokenize,
  processTerm: (t: string) => t,
  extractField: (doc: Record<string, unknown>, field: string) => {
    const v = doc[field];
    return Array.isArray(v) ? v.join('\n') : (v as string);
  },
  searchOptions: {
    boost: { title: 5, headings: 2 },
    combineWith: 'OR' as const,
    fuzzy: (term: string) => (isLatin(term) && term.length >= 4 ? (term.length >= 8 ? 2 : 1) : false),
    prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && isLatin(term),
  },
};

export function buildMiniSearch(docs: SearchDoc[]): MiniSearch {
  const ms = new MiniSearch(msOptions);
  ms.addAll(docs as unknown as Array<Record<string, unknown>>);
  return ms;
}

type LunrPlugin = (l: typeof lunr) => void;
interface LunrZh {
  zh: lunr.Builder.Plugin & { tokenizer(text: string): lunr.Token[] };
}
let zhReady = false;
/** lunr-languages are UMD modules that extend the lunr object they are given */
function lunrWithZh(): typeof lunr & LunrZh {
  if (!zhReady) {
    const require = createRequire(import.meta.url);
    (require('lunr-languages/lunr.stemmer.support.js') as LunrPlugin)(lunr);
    (require('lunr-languages/lunr.zh.js') as LunrPlugin)(lunr);
    zhReady = true;
  }
  return lunr as typeof lunr & LunrZh;
}

export function buildLunrZh(docs: SearchDoc[]): lunr.Index {
  const l = lunrWithZh();
  return l(function () {
    this.use(l.zh);
    this.ref('id');
    this.field('title', { boost: 5 });
    this.field('headings', { boost: 2 });
    this.field('body');
    for (const d of docs) this.add({ id: d.id, title: d.title, headings: d.headings.join('\n'), body: d.body });
  });
}

/** the query segmented by lunr.zh's tokenizer, every word an optional term (lunr's query syntax would reject ':' or '~' in user text) */
export function searchLunrZh(idx: lunr.Index, q: string): lunr.Index.Result[] {
  const tokens = lunrWithZh().zh.tokenizer(q);
  return idx.query((query) => {
    for (const t of tokens) query.term(t.toString(), {});
  });
}
