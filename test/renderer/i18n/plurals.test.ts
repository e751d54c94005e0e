import { describe, expect, it } from 'vitest';
import { intervalText } from '../../../renderer/src/i18n/interval';
import { en } from '../../../renderer/src/i18n/en';
import { translator } from '../../../renderer/src/i18n/i18n';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

describe('plural forms through Intl.PluralRules', () => {
  const t = translator('en');
  const zh = translator('zh-CN');
  it('says 1 result, 2 results; 1 attempt, 3 attempts', () => {
    expect(t('search.count', { count: 1, ms: 4 })).toBe('1 result (4 ms)');
    expect(t('search.count', { count: 2, ms: 4 })).toBe('2 results (4 ms)');
    expect(t('search.count', { count: 0, ms: 4 })).toBe('0 results (4 ms)');
    expect(t('onb.quizBest', { score: 80, attempts: 1 })).toBe('Best 80% · 1 attempt');
    expect(t('onb.quizBest', { score: 80, attempts: 3 })).toBe('Best 80% · 3 attempts');
    expect(t('trainer.imported', { added: 1, matched: 2, changes: 1 })).toBe('Imported: 1 new learner, 2 matched, 1 update.');
    expect(zh('onb.quizBest', { score: 80, attempts: 1 })).not.toMatch(/plural|#/);
  });
  it('reads review intervals as words: 每 30 天, every 30 days, every 1 year', () => {
    expect(zh('editor.every', { interval: intervalText('30d', zh) })).toBe('每 30 天');
    expect(t('editor.every', { interval: intervalText('30d', t) })).toBe('every 30 days');
    expect(t('editor.every', { interval: intervalText('1y', t) })).toBe('every 1 year');
    expect(zh('editor.every', { interval: intervalText('6m', zh) })).toBe('每 6 个月');
  });
  it('leaves no English “(s)” and no plural block unclosed in either dictionary', () => {
    for (const [k, v] of Object.entries(en)) {
      expect(v, k).not.toMatch(/\(s\)/);
      // Every number a plural block of this message counts, as 2: an unclosed block is left unrendered.
      const counts = Object.fromEntries([...v.matchAll(/\{(\w+), plural/g)].map((m) => [m[1], 2]));
      expect(t(k as keyof typeof en, counts)).not.toMatch(/plural/);
    }
    for (const [k, v] of Object.entries(zhCN)) expect(v, k).not.toMatch(/plural/);
  });
});
