import { pinyin } from 'pinyin-pro';

/*
 * Pinyin for titles. A title's Han runs are indexed (field `pinyin`) as pairs of adjacent
 * characters, once as full syllables ("kefu") and once as initials ("kf"), mirroring the bigram
 * scheme of the text fields: a query typed in pinyin is cut the same way, so `kefu`, `kf`,
 * `kefugongzuo` and `kfgz` all find 客服工作… without indexing every prefix.
 */

const SYLLABLES = (
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng ' +
  'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu ' +
  'cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en ' +
  'eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui ' +
  'gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie ' +
  'jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo ' +
  'la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve ma mai man ' +
  'mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang ' +
  'niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping ' +
  'po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ' +
  'ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai ' +
  'shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong ' +
  'tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan ' +
  'xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai ' +
  'zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui ' +
  'zun zuo'
).split(' ');
const SYLLABLE_SET = new Set(SYLLABLES);
const MAX_SYLLABLE = 6;
/** letters a pinyin syllable can start with (no syllable starts with i, u or v) */
const INITIAL_LETTERS = /^[abcdefghjklmnopqrstwxyz]+$/;

const HAN_RUN = /\p{Script=Han}+/gu;

interface Reading {
  /** UTF-16 offset of the character in the title */
  pos: number;
  len: number;
  syllable: string;
}

/** syllables of each Han character of `text`, grouped by run; pinyin-pro resolves polyphones from context */
function readings(text: string): Reading[][] {
  const runs: Reading[][] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    let syl: string[];
    try {
      syl = pinyin(run, { toneType: 'none', type: 'array', v: true }) as string[];
    } catch {
      continue;
    }
    const chars = Array.from(run);
    if (syl.length !== chars.length) continue;
    const out: Reading[] = [];
    let pos = m.index!;
    for (let i = 0; i < chars.length; i++) {
      out.push({ pos, len: chars[i]!.length, syllable: syl[i]!.toLowerCase() });
      pos += chars[i]!.length;
    }
    runs.push(out);
  }
  return runs;
}

/** index terms of the `pinyin` field for a text (title, headings and tags joined by line breaks) */
export function titlePinyinTerms(title: string): string[] {
  const terms: string[] = [];
  for (const run of readings(title)) {
    if (run.length === 1) {
      terms.push(run[0]!.syllable);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run[i]!.syllable;
      const b = run[i + 1]!.syllable;
      terms.push(a + b, a[0]! + b[0]!);
    }
  }
  return terms;
}

/** split a letter string into pinyin syllables, preferring fewer (longer) syllables; null if impossible */
export function segmentPinyin(word: string): string[] | null {
  const n = word.length;
  const best: number[] = new Array(n + 1).fill(Infinity);
  const prev: number[] = new Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    for (let l = 1; l <= MAX_SYLLABLE && i + l <= n; l++) {
      if (SYLLABLE_SET.has(word.slice(i, i + l)) && best[i]! + 1 < best[i + l]!) {
        best[i + l] = best[i]! + 1;
        prev[i + l] = i;
      }
    }
  }
  if (best[n] === Infinity) return null;
  const out: string[] = [];
  for (let i = n; i > 0; i = prev[i]!) out.unshift(word.slice(prev[i]!, i));
  return out;
}

/**
 * Ways to read a typed Latin word as pinyin of a title: each alternative is a list of
 * `pinyin`-field terms that must all be present.
 */
export function pinyinAlternatives(word: string): string[][] {
  if (!/^[a-z]{2,30}$/.test(word)) return [];
  const alts: string[][] = [];
  const syl = segmentPinyin(word);
  if (syl && syl.length >= 2) {
    const pairs: string[] = [];
    for (let i = 0; i + 1 < syl.length; i++) pairs.push(syl[i]! + syl[i + 1]!);
    alts.push(pairs);
  }
  if (word.length <= 8 && INITIAL_LETTERS.test(word)) {
    const pairs: string[] = [];
    for (let i = 0; i + 1 < word.length; i++) pairs.push(word.slice(i, i + 2));
    alts.push(pairs);
  }
  return alts;
}

/** title ranges covered by matched pinyin terms, for highlighting */
export function pinyinHighlights(title: string, matched: Set<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (matched.size === 0) return out;
  for (const run of readings(title)) {
    if (run.length === 1) {
      if (matched.has(run[0]!.syllable)) out.push([run[0]!.pos, run[0]!.pos + run[0]!.len]);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run[i]!;
      const b = run[i + 1]!;
      if (matched.has(a.syllable + b.syllable) || matched.has(a.syllable[0]! + b.syllable[0]!)) {
        out.push([a.pos, b.pos + b.len]);
      }
    }
  }
  return out;
}
