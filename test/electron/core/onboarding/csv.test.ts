import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, people, writePack } from './fixture';
import { STEP_TITLES_PACK } from './stepTitlesPack';

afterEach(closeAll);

const STEP_COLUMN = 7;
/** The CSV's "Step" column, row by row (no cell here holds a comma or a quote). */
const stepColumn = (content: string) => content.slice(1).split('\r\n').filter(Boolean).slice(1).map((line) => line.split(',')[STEP_COLUMN]);

describe('progress CSV: step titles', () => {
  it('in English gives each step\'s English title where it has one, the Chinese one otherwise', async () => {
    const core = await openCore(writePack(STEP_TITLES_PACK));
    const { tt } = await people(core);
    const en = await core.exportProgress({ token: tt, format: 'csv', language: 'en' });
    expect(en.content.slice(1).split('\r\n')[0].split(',')[STEP_COLUMN]).toBe('Step');
    expect(stepColumn(en.content)).toEqual([
      'Refunds SOP', 'Log in to the service desk', 'CS basics', 'Trainer confirms day 1',
      '售前接待', '旁听老员工接待', 'Basics once more', '只有中文', '独立接待',
    ]);
  });

  it('in Chinese keeps the Chinese titles', async () => {
    const core = await openCore(writePack(STEP_TITLES_PACK));
    const { tt } = await people(core);
    const zh = await core.exportProgress({ token: tt, format: 'csv', language: 'zh-CN' });
    expect(stepColumn(zh.content)).toEqual(['退款处理', '登录客服工作台', '客服基础', '带教确认', '售前接待', '旁听老员工接待', '再测一次', '只有中文', '独立接待']);
  });
});
