import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../../electron/core/index';
import { tempPack } from '../content/tempPack';

/** A small pack with links of every kind pointing at `cs/refunds`, a track and a quiz that use it. */
export const AUTHORING_PACK: Record<string, string> = {
  'articles/cs/refunds.md': `---
# 负责人每季度复核
title: 退款处理   # 标题
owner: 王敏
custom_field: { keep: me }
tags: [售后, 退款]
reviewed: 2020-01-01
review_every: 90d
---
# 退款处理

## 处理步骤

先核实物流，见 [售前](presales.md) 与 ![流程](../../assets/flow.png)。

## 时效

24 小时内处理。
`,
  'articles/cs/presales.md': '---\ntitle: 售前接待\n---\n# 售前接待\n\n退款问题看 [退款](refunds.md#处理步骤)、[[cs/refunds]] 和 [[cs/refunds#时效|时效]]。\n\n```\n[示例](refunds.md)\n```\n\n行内 `[x](refunds.md)` 不改。\n',
  'articles/ops/listing.md': '---\ntitle: 上新\n---\n# 上新\n\n参考 [退款](../cs/refunds.md) 和 [参考式][r]。\n\n[r]: ../cs/refunds.md\n',
  'articles/ops/orphan.md': '---\ntitle: 没人链接\n---\n# 没人链接\n\n断链 [x](nowhere.md)。\n',
  'assets/flow.png': 'png',
  'roles/customer-service.md': '---\ntitle: 客服\ntrack: customer-service\n---\n# 客服\n\n先读 [退款](../articles/cs/refunds.md)。\n',
  'tracks/customer-service.yaml': `# 客服入职路线
title: 客服入职
roleId: customer-service
phases:
  - id: day1
    title: 第一天
    dueDay: 1
    steps:
      - id: read-refunds   # 最重要
        type: read
        article: cs/refunds
        required: true
      - { id: quiz-basics, type: quiz, quiz: cs-basics, required: true }
      - id: read-presales
        type: read
        article: cs/presales
        required: false
`,
  'quizzes/cs-basics.yaml': `title: 客服基础
passMark: 50
questions:
  - id: q1
    type: single
    prompt: 多久处理？
    options: [1 小时, 24 小时]
    answer: 1
    explanation: 24 小时内。
    source: cs/refunds#时效
`,
};

export const PASSPHRASE = 'trainer-pass-4321';
const cores: Core[] = [];

/** A core over a fresh copy of the pack, with a trainer and a learner; `token` is the trainer's edit session. */
export async function openAuthoring(files: Record<string, string> = AUTHORING_PACK) {
  const root = tempPack(files);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-auth-data-'));
  const core = await createCore({ contentDir: root, dataDir });
  cores.push(core);
  const trainer = await core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASSPHRASE });
  const learner = await core.createProfile({ name: '小王', roleId: 'customer-service', pin: '1111' });
  const { token } = await core.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE });
  const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
  return { core, root, dataDir, trainer, learner, token, read };
}

export async function closeAll() {
  for (const c of cores.splice(0)) await c.close();
}
