import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../../electron/core/index';

/** A small but complete pack: a customer-service track over three phases, one quiz of each question type. */
export const PACK: Record<string, string> = {
  'handbook.yaml': 'id: onboarding-test\nname: 入职测试包\nversion: 1.0.0\nlanguage: zh-CN\n',
  'articles/cs/refunds.md': '---\ntitle: 退款处理\n---\n# 退款处理\n\n## 处理步骤\n\n先核实物流。\n',
  'articles/cs/presales.md': '---\ntitle: 售前接待\n---\n# 售前接待\n\n## 响应时限\n\n15 秒内回复。\n',
  'roles/customer-service.md': '---\ntitle: 客服\ntitle_en: Customer service\ntrack: customer-service\n---\n# 客服\n',
  'tracks/customer-service.yaml': `title: 客服入职
title_en: Customer service onboarding
roleId: customer-service
phases:
  - id: day1
    title: 入职第一天
    title_en: Day 1
    dueDay: 1
    steps:
      - { id: read-refunds, type: read, article: cs/refunds }
      - { id: task-login, type: task, title: 登录客服工作台 }
      - { id: quiz-basics, type: quiz, quiz: cs-basics }
      - { id: signoff-day1, type: signoff, title: 带教确认 }
  - id: week1
    title: 第一周
    title_en: Week 1
    dueDay: 7
    steps:
      - { id: read-presales, type: read, article: cs/presales }
      - { id: task-shadow, type: task, title: 旁听老员工接待, required: false }
  - id: month1
    title: 第一个月
    title_en: Month 1
    dueDay: 30
    steps:
      - { id: task-solo, type: task, title: 独立接待 }
`,
  'quizzes/cs-basics.yaml': `title: 客服基础
title_en: CS basics
passMark: 67
questions:
  - id: q1
    type: single
    prompt: 首次响应时限？
    options: [5 秒, 15 秒, 1 分钟]
    answer: 1
    explanation: 15 秒内。
    source: cs/presales#响应时限
  - id: q2
    type: multiple
    prompt: 哪些是禁止的？
    options: [绝对化用语, 推荐活动价, 站外导流]
    answer: [0, 2]
    explanation: 绝对化用语与站外导流都禁止。
  - id: q3
    type: truefalse
    prompt: 可以复述完整手机号。
    answer: false
    explanation: 只说尾号。
    source: cs/refunds#处理步骤
`,
};

export const TRACK = 'customer-service';
export const ALL_RIGHT = { q1: 1, q2: [2, 0], q3: false };

export function tempDir(prefix = 'hb-onb-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writePack(files: Record<string, string> = PACK): string {
  const root = tempDir('hb-onb-pack-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const open: Core[] = [];
/** A real core on a temp pack and a temp data folder (a real lowdb file). */
export async function openCore(contentDir = writePack(), dataDir = tempDir()): Promise<Core> {
  const core = await createCore({ contentDir, dataDir });
  open.push(core);
  return core;
}
export async function closeAll(): Promise<void> {
  for (const c of open.splice(0)) await c.close().catch(() => {});
}

export const PASSPHRASE = 'correct horse 2468';

/**
 * A learner and a trainer, both in customer service, with their sessions: `lt` the learner's own
 * (no PIN), `tt` the trainer's unlocked with the passphrase.
 */
export async function people(core: Core, startDate = '2026-03-02') {
  const learner = await core.createProfile({ name: '王小明', roleId: 'customer-service', startDate });
  const trainer = await core.createProfile({ name: '李老师', roleId: 'customer-service', startDate: '2025-01-01', trainer: true, passphrase: PASSPHRASE });
  const lt = (await core.openProfileSession({ profileId: learner.id })).token;
  const tt = (await core.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE })).token;
  return { learner, trainer, lt, tt };
}

/** A profile's own session on a core (profiles without a PIN). */
export async function own(core: Core, profileId: string): Promise<string> {
  return (await core.openProfileSession({ profileId })).token;
}

/** A trainer on a core (the first one needs no session), unlocked. */
export async function trainerOn(core: Core, name = '带教老师'): Promise<{ id: string; token: string }> {
  const t = await core.createProfile({ name, roleId: 'customer-service', trainer: true, passphrase: PASSPHRASE });
  return { id: t.id, token: (await core.openEditSession({ profileId: t.id, passphrase: PASSPHRASE })).token };
}
