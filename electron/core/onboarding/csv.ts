import type { Pack } from '../content/pack.js';
import { learnerTracks, type LearnerSource } from './dashboard.js';

export type CsvLanguage = 'zh-CN' | 'en';

const HEAD: Record<CsvLanguage, string[]> = {
  'zh-CN': ['学员', '岗位', '入职日期', '路线', '完成度%', '阶段', '截止日期', '步骤', '类型', '必做', '状态', '完成时间', '签核人', '测验最高分', '测验次数', '需重读'],
  en: ['Learner', 'Role', 'Start date', 'Track', 'Track % done', 'Phase', 'Due date', 'Step', 'Type', 'Required', 'Status', 'Completed at', 'Signed off by', 'Best quiz score', 'Quiz attempts', 'Needs re-read'],
};
const WORDS: Record<CsvLanguage, Record<string, string>> = {
  'zh-CN': { read: '阅读', task: '任务', quiz: '测验', signoff: '签核', confirm: '阅读确认', done: '已完成', open: '未完成', overdue: '已逾期', yes: '是', no: '否', unverified: '未验证' },
  en: { read: 'Read', task: 'Task', quiz: 'Quiz', signoff: 'Sign-off', confirm: 'Policy confirmation', done: 'Done', open: 'Open', overdue: 'Overdue', yes: 'yes', no: 'no', unverified: 'unverified' },
};

/** RFC 4180 quoting; a leading = + - @ is neutralised so Excel never runs a cell as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Local wall-clock time, minutes precision: what a trainer reads in a spreadsheet. */
function localTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * One row per learner × step, UTF-8 with a BOM (without it Excel on Windows reads the Chinese as
 * GBK and shows mojibake) and CRLF line ends, as Excel writes them.
 */
export function progressCsv(data: LearnerSource, pack: Pack, today: string, lang: CsvLanguage, profileId?: string): string {
  const w = WORDS[lang];
  const rows: string[][] = [HEAD[lang]];
  const tracks = learnerTracks(data, pack, today);
  for (const [i, { profile, track, overdueConfirmations }] of tracks.entries()) {
    if (profileId && profile.id !== profileId) continue;
    const roleTitle = pack.roles.get(profile.roleId)?.summary;
    for (const phase of track.phases) {
      for (const s of phase.steps) {
        const status = s.done ? w.done : phase.overdue && s.required ? w.overdue : w.open;
        rows.push([
          profile.name, (lang === 'en' ? roleTitle?.titleEn : roleTitle?.title) ?? profile.roleId, profile.startDate,
          lang === 'en' ? track.titleEn : track.title, String(track.percent),
          lang === 'en' ? phase.titleEn : phase.title, phase.dueDate,
          (lang === 'en' && s.titleEn) || s.title, w[s.type], s.required ? w.yes : w.no, status, localTime(s.completedAt), s.signedBy?.name ?? (s.unverified ? `${s.unverified.claimedBy ?? '?'} (${w.unverified})` : ''),
          s.quiz && s.quiz.bestScore !== null ? String(s.quiz.bestScore) : '', s.quiz ? String(s.quiz.attempts) : '',
          s.needsReread ? w.yes : '',
        ]);
      }
    }
    // Overdue confirmations make a learner behind as overdue steps do: listed once, after their last track.
    if (tracks[i + 1]?.profile.id === profile.id) continue;
    for (const c of overdueConfirmations) {
      rows.push([
        profile.name, (lang === 'en' ? roleTitle?.titleEn : roleTitle?.title) ?? profile.roleId, profile.startDate,
        '', '', '', c.due, c.title, w.confirm, w.yes, w.overdue, '', '', '', '', '',
      ]);
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
