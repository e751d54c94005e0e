import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../../electron/contract.js';
import { STEP_TITLE_MAX } from '../../../../electron/contract.js';
import { readTrack, type TrackRefs } from '../../../../electron/core/content/trackFile.js';
import { parseYamlText } from '../../../../electron/core/content/yamlFile.js';

const REFS: TrackRefs = { articleExists: (id) => id === 'cs/refunds', quizExists: (id) => id === 'cs-basics', articleTitle: (id) => (id === 'cs/refunds' ? '退款处理' : undefined) };

/** One phase whose single step is `step` (YAML flow mapping), read as the loader reads it. */
function readStep(step: string) {
  const problems: Problem[] = [];
  const text = `title: 客服入职\nroleId: customer-service\nphases:\n  - id: day1\n    title: 第一天\n    dueDay: 1\n    steps:\n      - ${step}\n`;
  const track = readTrack(parseYamlText('tracks/cs.yaml', text, 'h', problems)!, 'cs', REFS, problems);
  return { step: track!.phases[0].steps[0], problems };
}

describe('track file: a step\'s title_en', () => {
  it('is carried trimmed as titleEn on a task step', () => {
    const { step, problems } = readStep('{ id: task-login, type: task, title: 登录千牛, title_en: "  Log in to Qianniu  " }');
    expect(problems).toEqual([]);
    expect(step).toMatchObject({ title: '登录千牛', titleEn: 'Log in to Qianniu' });
  });

  it('is allowed on read and quiz steps too', () => {
    expect(readStep('{ id: r, type: read, article: cs/refunds, title_en: Refunds SOP }').step).toMatchObject({ title: '退款处理', titleEn: 'Refunds SOP' });
    expect(readStep('{ id: q, type: quiz, quiz: cs-basics, title_en: CS quiz }').step).toMatchObject({ titleEn: 'CS quiz' });
  });

  it('is absent when the file has none, or only blanks', () => {
    const none = readStep('{ id: task-login, type: task, title: 登录千牛 }');
    expect(none.problems).toEqual([]);
    expect(none.step).not.toHaveProperty('titleEn');
    expect(readStep('{ id: task-login, type: task, title: 登录千牛, title_en: "   " }').step).not.toHaveProperty('titleEn');
  });

  it('reads a number as text, as title does', () => {
    expect(readStep('{ id: t, type: task, title: 双十一, title_en: 1111 }').step.titleEn).toBe('1111');
  });

  it('reports a list, a mapping or a boolean with its line, and leaves the step as it was', () => {
    for (const [value, said] of [['[a, b]', 'a list'], ['{ a: b }', 'a mapping'], ['true', 'true']]) {
      const { step, problems } = readStep(`{ id: task-login, type: task, title: 登录千牛, title_en: ${value} }`);
      expect(step).toMatchObject({ id: 'task-login', title: '登录千牛' });
      expect(step).not.toHaveProperty('titleEn');
      expect(problems).toEqual([{ path: 'tracks/cs.yaml', line: 8, severity: 'warning', code: 'step', message: `step "task-login": title_en must be text, got ${said}` }]);
    }
  });

  it(`takes ${STEP_TITLE_MAX} characters and reports one more`, () => {
    expect(readStep(`{ id: t, type: task, title: 任务, title_en: ${'a'.repeat(STEP_TITLE_MAX)} }`).step.titleEn).toHaveLength(STEP_TITLE_MAX);
    const { step, problems } = readStep(`{ id: t, type: task, title: 任务, title_en: ${'a'.repeat(STEP_TITLE_MAX + 1)} }`);
    expect(step).not.toHaveProperty('titleEn');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', message: `step "t": title_en is ${STEP_TITLE_MAX + 1} characters long; at most ${STEP_TITLE_MAX}` })]);
  });
});
