import type { ArticleTemplate } from '../../contract.js';

/**
 * Starting points for new articles. Each gives trainers the structure the sample pack uses, so a
 * new SOP reads like the others (purpose → scope → steps → time limits → records).
 */
export const TEMPLATES: ArticleTemplate[] = [
  {
    id: 'sop', name: '标准作业流程 SOP', nameEn: 'Standard operating procedure',
    fields: { status: 'draft', review_every: '90d' },
    body: {
      'zh-CN': `# 标题\n\n一句话说明这份 SOP 解决什么问题、谁来执行。\n\n## 1. 适用范围\n\n- 适用平台：\n- 适用岗位：\n\n## 2. 处理步骤\n\n1. 第一步\n2. 第二步\n3. 第三步\n\n## 3. 时效要求\n\n| 环节 | 时限 | 负责人 |\n| --- | --- | --- |\n| 首次响应 |  |  |\n| 处理完成 |  |  |\n\n## 4. 常见问题\n\n> [!TIP]\n> 把新人最常问的问题写在这里。\n\n## 5. 记录与交接\n\n处理结果记录在哪里、交给谁。\n`,
      en: `# Title\n\nOne sentence: what this SOP solves and who carries it out.\n\n## 1. Scope\n\n- Platforms:\n- Roles:\n\n## 2. Steps\n\n1. First step\n2. Second step\n3. Third step\n\n## 3. Time limits\n\n| Stage | Limit | Owner |\n| --- | --- | --- |\n| First response |  |  |\n| Resolved |  |  |\n\n## 4. Common questions\n\n> [!TIP]\n> Write down what new hires ask most.\n\n## 5. Records and hand-over\n\nWhere the result is recorded and who takes over.\n`,
    },
  },
  {
    id: 'policy', name: '制度 / 规定', nameEn: 'Policy',
    fields: { status: 'draft', review_every: '180d' },
    body: {
      'zh-CN': `# 标题\n\n## 目的\n\n为什么有这条规定。\n\n## 规定内容\n\n1. \n2. \n\n## 例外与审批\n\n哪些情况可以例外，由谁批准。\n\n## 违反后果\n\n> [!WARNING]\n> 写清楚违反规定的后果。\n\n## 生效日期\n\n`,
      en: `# Title\n\n## Purpose\n\nWhy this rule exists.\n\n## The rule\n\n1. \n2. \n\n## Exceptions and approval\n\nWhen an exception is allowed and who approves it.\n\n## Consequences\n\n> [!WARNING]\n> What happens when the rule is broken.\n\n## Effective from\n\n`,
    },
  },
  {
    id: 'checklist', name: '检查清单', nameEn: 'Checklist',
    fields: { status: 'draft', review_every: '90d' },
    body: {
      'zh-CN': `# 标题\n\n什么时候用这份清单。\n\n## 开始前\n\n- [ ] \n- [ ] \n\n## 进行中\n\n- [ ] \n- [ ] \n\n## 完成后\n\n- [ ] \n- [ ] \n`,
      en: `# Title\n\nWhen to use this checklist.\n\n## Before\n\n- [ ] \n- [ ] \n\n## During\n\n- [ ] \n- [ ] \n\n## After\n\n- [ ] \n- [ ] \n`,
    },
  },
  {
    id: 'role', name: '岗位指南', nameEn: 'Role guide',
    fields: { status: 'draft', review_every: '180d' },
    body: {
      'zh-CN': `# 岗位名称\n\n## 岗位职责\n\n- \n\n## 一天的工作\n\n| 时间 | 工作内容 |\n| --- | --- |\n| 09:00 |  |\n\n## 考核指标\n\n- \n\n## 常用工具\n\n- \n\n## 协作对象\n\n- \n`,
      en: `# Role name\n\n## Responsibilities\n\n- \n\n## A typical day\n\n| Time | Work |\n| --- | --- |\n| 09:00 |  |\n\n## Targets\n\n- \n\n## Tools\n\n- \n\n## Works with\n\n- \n`,
    },
  },
];
