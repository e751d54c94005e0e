import { describe, expect, it } from 'vitest';
import { pinyinAlternatives, segmentPinyin, titlePinyinTerms } from '../../../../electron/core/search/pinyin.js';

describe('pinyin', () => {
  it('indexes titles as syllable pairs and initial pairs', () => {
    expect(titlePinyinTerms('客服手册')).toEqual(['kefu', 'kf', 'fushou', 'fs', 'shouce', 'sc']);
    expect(titlePinyinTerms('A 店')).toEqual(['dian']);
    // separate lines (title, headings, tags) never form pairs across the break
    expect(titlePinyinTerms('客服\n千川')).toEqual(['kefu', 'kf', 'qianchuan', 'qc']);
  });
  it('segments typed pinyin, preferring longer syllables', () => {
    expect(segmentPinyin('kefugongzuo')).toEqual(['ke', 'fu', 'gong', 'zuo']);
    expect(segmentPinyin('xian')).toEqual(['xian']);
    expect(segmentPinyin('qwrt')).toBeNull();
  });
  it('reads a word as full pinyin and as initials', () => {
    expect(pinyinAlternatives('kefu')).toEqual([['kefu']]);
    expect(pinyinAlternatives('kf')).toEqual([['kf']]);
    expect(pinyinAlternatives('kfgz')).toEqual([['kf', 'fg', 'gz']]);
    expect(pinyinAlternatives('退款')).toEqual([]);
  });
});
