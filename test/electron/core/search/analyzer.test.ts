import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, normalizeText, tokenize } from '../../../../electron/core/search/analyzer.js';

const terms = (s: string) => tokenize(s);

describe('analyzer', () => {
  it('cuts Chinese runs into overlapping bigrams', () => {
    expect(terms('退货退款')).toEqual(['退货', '货退', '退款']);
  });

  it('keeps a one-character run as a unigram', () => {
    expect(terms('A 店 B')).toEqual(['店', 'b']);
    expect(terms('货')).toEqual(['货']);
  });

  it('lower-cases and stems English, drops stop words', () => {
    expect(terms('Returns and Refunds Policy')).toEqual(['return', 'refund', 'polici']);
    expect(terms('shipping shipped')).toEqual(['ship', 'ship']);
  });

  it('handles mixed scripts without spaces', () => {
    expect(terms('Amazon标题keywords优化')).toEqual(['amazon', '标题', 'keyword', '优化']);
  });

  it('splits on Chinese and ASCII punctuation', () => {
    expect(terms('退款，审核。发货！物流？售后、仓库；财务：“话术”‘好’（括号）【方括号】《书名》…—·～')).toEqual([
      '退款', '审核', '发货', '物流', '售后', '仓库', '财务', '话术', '好', '括号', '方括', '括号', '书名',
    ]);
    expect(terms('a-b/c.d,e')).toEqual(['b', 'c', 'd', 'e']);
  });

  it('normalises full-width characters (NFKC) and keeps digits', () => {
    expect(terms('ＳＫＵ１２３，退款')).toEqual(['sku', '123', '退款']);
    expect(terms('7天无理由')).toEqual(['7', '天无', '无理', '理由']);
    expect(terms('iPhone15')).toEqual(['iphon', '15']);
  });

  it('reports offsets into the original string', () => {
    const t = analyze('你好，ＡＢＣ 退款');
    expect(t.map((x) => [x.term, x.start, x.end])).toEqual([
      ['你好', 0, 2],
      ['abc', 3, 6],
      ['退款', 7, 9],
    ]);
  });

  it('handles kana and hangul like Chinese, emoji and lone surrogates as separators', () => {
    expect(terms('カタカナ')).toEqual(['カタ', 'タカ', 'カナ']);
    expect(terms('😀退款\uD800好')).toEqual(['退款', '好']);
    expect(terms('')).toEqual([]);
    expect(terms('，。！？')).toEqual([]);
  });

  it('normalizeText folds width and case', () => {
    expect(normalizeText('ＡＢＣ，Ｘ')).toBe('abc,x');
    expect(normalizeText('\uDC00x')).toBe('\uFFFDx');
  });

  it('never throws and offsets stay inside the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        for (const t of analyze(s)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.start).toBeLessThan(t.end);
          expect(t.term.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
