import type { AckArticleReport } from '../../contract.js';
import { csvCell } from '../onboarding/csv.js';

export type PackLanguage = 'zh-CN' | 'en';
/** The pack's language decides the words: the reminder goes to the team's chat, not to the trainer's screen. */
export const packLanguage = (language: string): PackLanguage => (language.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

/** Who has not confirmed what, to paste into the team chat; empty when nobody is missing. */
export function reminderText(articles: AckArticleReport[], lang: PackLanguage): string {
  const lines: string[] = [];
  for (const a of articles) {
    const missing = a.people.filter((p) => p.state !== 'confirmed');
    if (!missing.length) continue;
    const names = missing.map((p) => p.name + (p.overdue ? (lang === 'en' ? ' (overdue)' : '（已逾期）') : ''));
    lines.push(lang === 'en'
      ? `• ${a.title} (version ${a.policy.version}, due ${a.policy.due}): ${names.join(', ')}`
      : `• 《${a.title}》（第 ${a.policy.version} 版，截止 ${a.policy.due}）：${names.join('、')}`);
  }
  if (!lines.length) return '';
  const head = lang === 'en'
    ? 'Reminder: please read these policies in Handbook and confirm "I have read and understood" (Home → To confirm).'
    : '【阅读确认提醒】请在 Handbook 中阅读以下制度，并点击“我已阅读并理解”（首页 → 待确认）。';
  return [head, ...lines].join('\n');
}

const HEAD: Record<PackLanguage, string[]> = {
  'zh-CN': ['制度', '文章', '当前版本', '截止日期', '姓名', '岗位', '状态', '已确认版本', '确认时间', '内容哈希', '已逾期'],
  en: ['Policy', 'Article', 'Current version', 'Due', 'Name', 'Role', 'State', 'Confirmed version', 'Confirmed at', 'Content hash', 'Overdue'],
};
const STATE: Record<PackLanguage, Record<string, string>> = {
  'zh-CN': { confirmed: '已确认', outdated: '旧版已确认', pending: '未确认', yes: '是', no: '否' },
  en: { confirmed: 'Confirmed', outdated: 'Earlier version only', pending: 'Not confirmed', yes: 'yes', no: 'no' },
};

/** One row per person and policy; UTF-8 with BOM so Excel shows Chinese, formulas neutralised. */
export function ackCsv(articles: AckArticleReport[], lang: PackLanguage): string {
  const w = STATE[lang];
  const rows = [HEAD[lang]];
  for (const a of articles) {
    for (const p of a.people) {
      rows.push([a.title, a.articleId, String(a.policy.version), p.due, p.name, p.roleId, w[p.state], p.confirmedVersion == null ? '' : String(p.confirmedVersion), p.confirmedAt ?? '', p.contentHash ?? '', p.overdue ? w.yes : w.no]);
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
