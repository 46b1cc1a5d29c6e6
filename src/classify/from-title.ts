// Reading the limit class from a 公文 title: 发文机关 + 关于…的 + 文种 (domain.md). The 文种 is the
// title's last word; for a 通知 that 印发 a document, the attachment decides; a 报告 on one matter is a
// special report, a report on a year's or a body's whole work a comprehensive one.
import type { Locale } from '../api.js';
import words from './title-words.json' with { type: 'json' };

export interface TitleClass {
  id: 'policy' | 'task' | 'comprehensive-report' | 'special-report' | 'other';
  wenzhong?: string;
  reason: { zh: string; en: string };
}

const TRAILING = new RegExp(words.trailingNotes);
const PERIODS = new RegExp(words.reportPeriods, 'g');
/** A period and nothing else before the work summed up: "2023年工作总结", "上半年工作情况". */
const PERIOD_WORK = new RegExp(`(?:${words.reportPeriods})+${words.periodWork}`);
/** The issuing body and nothing else before it: "市人民政府工作报告", "办公室工作总结". */
const BODY_WORK = new RegExp(words.bodyWork);

/** The longest word of the list that ends the text (实施细则 rather than 细则). */
const endsWithAny = (text: string, list: string[]): string | undefined => [...list].sort((a, b) => b.length - a.length).find((w) => text.endsWith(w));
const includesAny = (text: string, list: string[]): string | undefined => list.find((w) => text.includes(w));

/** The title without its trailing note (（试行）, （征求意见稿）), surrounding space and a closing mark a title
 * should not have (。！ — format-elements reports that; the 文种 before it still names the type). */
export function cleanTitle(title: string): string {
  let t = title.replace(/[\s\u3000]+/g, '').replace(/[。．.！!；;，,]+$/u, '');
  for (let i = 0; i < 3 && TRAILING.test(t); i++) t = t.replace(TRAILING, '');
  return t;
}

/** The kind of a document named in a title, e.g. 《…实施方案》 → task. */
function kindOfDocumentName(name: string): { id: 'policy' | 'task'; word: string } | undefined {
  const n = cleanTitle(name);
  const task = endsWithAny(n, words.taskDocuments);
  const policy = endsWithAny(n, words.policyDocuments);
  // "…实施意见" ends with both "意见" (policy) and nothing task-like; "…工作方案" only task-like.
  if (task && (!policy || task.length >= policy.length)) return { id: 'task', word: task };
  if (policy) return { id: 'policy', word: policy };
  return undefined;
}

type Reason = { zh: string; en: string };
const r = (zh: string, en: string): Reason => ({ zh, en });

/**
 * A report's class. Comprehensive when it sums up a period's or a body's whole work (only a period or the
 * body stands before 工作总结/工作情况/工作报告) or says so (述职, 综合报告); special when it names a matter.
 */
function reportClass(title: string, what: { zh: string; en: string }): { id: 'comprehensive-report' | 'special-report'; reason: Reason } {
  const whole = PERIOD_WORK.exec(title)?.[0] ?? BODY_WORK.exec(title)?.[0];
  if (whole) return { id: 'comprehensive-report', reason: r(`${what.zh}，标题含"${whole}"：一段时期的全面工作，综合报告`, `${what.en} summing up "${whole}": a comprehensive report`) };
  // "关于2023年度的报告": a period and nothing that names a matter.
  const matter = title.replace(/^.*?关于/, '').replace(PERIODS, '');
  const period = title.match(PERIODS)?.[0];
  if (period && /^(?:全面)?(?:工作)?(?:情况)?的?(?:报告|总结|汇报)$/.test(matter)) {
    return { id: 'comprehensive-report', reason: r(`${what.zh}，标题只写了时期"${period}"：综合报告`, `${what.en} naming only the period "${period}": a comprehensive report`) };
  }
  const comprehensive = includesAny(title, words.comprehensiveReport);
  if (comprehensive) return { id: 'comprehensive-report', reason: r(`${what.zh}，标题含"${comprehensive}"：综合报告`, `${what.en} with "${comprehensive}" in the title: a comprehensive report`) };
  if (title.endsWith('情况的报告')) return { id: 'special-report', reason: r('标题以"情况的报告"结尾：专项报告', 'the title ends with "情况的报告": a special report') };
  const cue = includesAny(title, words.specialReport);
  if (cue) return { id: 'special-report', reason: r(`标题含"${cue}"：专项报告`, `the title has "${cue}": a special report`) };
  return { id: 'special-report', reason: r(`${what.zh}，写一个事项：专项报告`, `${what.en} on one matter: a special report`) };
}

export function classifyTitle(rawTitle: string, locale: Locale = 'zh'): TitleClass | undefined {
  const title = cleanTitle(rawTitle);
  if (!title) return undefined;
  void locale;
  // 审计报告, 可行性报告: reports of another kind that happen to end in the 文种's name.
  const otherReport = endsWithAny(title, words.nonWenzhongReports);
  if (otherReport) return { id: 'other', reason: r(`标题以"${otherReport}"结尾：不是公文文种的报告，其他文种`, `the title ends with "${otherReport}": not the 文种 报告, another kind`) };
  const wz = endsWithAny(title, words.wenzhong);

  if (!wz) {
    // A summing-up with no 文种: "XX局2023年工作总结和2024年工作计划", "…工作情况汇报".
    const reportName = includesAny(title, words.reportNames);
    if (reportName) {
      const cls = reportClass(title, { zh: reportName, en: `a ${reportName} (summing-up)` });
      return { id: cls.id, reason: cls.reason };
    }
    // Titles of a document itself (…实施细则, …工作方案), as drafts of attachments often are.
    const own = kindOfDocumentName(title);
    if (!own) return undefined;
    return own.id === 'policy'
      ? { id: 'policy', reason: r(`标题以"${own.word}"结尾：政策性文件`, `the title ends with "${own.word}": a policy document`) }
      : { id: 'task', reason: r(`标题以"${own.word}"结尾：部署具体任务的文件`, `the title ends with "${own.word}": a task document`) };
  }

  switch (wz) {
    case '通知': {
      const attached = /(?:印发|转发|颁发|发布)(?:《([^》]+)》|(.+?)的通知$)/.exec(title);
      if (attached) {
        const name = attached[1] ?? attached[2] ?? '';
        const kind = kindOfDocumentName(name);
        if (kind?.id === 'policy') return { id: 'policy', wenzhong: wz, reason: r(`印发"${kind.word}"的通知：政策性文件`, `a notice issuing a ${kind.word}: a policy document`) };
        if (kind?.id === 'task') return { id: 'task', wenzhong: wz, reason: r(`印发"${kind.word}"的通知：部署具体任务的文件`, `a notice issuing a ${kind.word}: a task document`) };
      }
      const cue = includesAny(title, words.taskWording);
      return { id: 'task', wenzhong: wz, reason: r(cue ? `通知，标题含"${cue}"：部署专项工作或具体任务` : '通知：部署具体工作', cue ? `a notice about "${cue}": special work or a concrete task` : 'a notice deploying work') };
    }
    case '决定': {
      // 表彰, 任免, 处分: a decision about people, not a policy.
      const personal = includesAny(title, words.personnelDecisions);
      if (personal) return { id: 'other', wenzhong: wz, reason: r(`决定，标题含"${personal}"：关于人事或奖惩，不是政策性文件，其他文种`, `a decision with "${personal}" in the title: about people, not a policy; another kind`) };
      return { id: 'policy', wenzhong: wz, reason: r(`标题以"${wz}"结尾：政策性文件`, `the title ends with "${wz}": a policy document`) };
    }
    case '意见':
      return { id: 'policy', wenzhong: wz, reason: r(`标题以"${wz}"结尾：政策性文件`, `the title ends with "${wz}": a policy document`) };
    case '报告':
      return { ...reportClass(title, { zh: '报告', en: 'a report' }), wenzhong: wz };
    case '请示': {
      const kind = /(?:印发|出台|制定)/.test(title) ? kindOfDocumentName(title.replace(/的请示$/, '').replace(/^.*?《([^》]+)》.*$/, '$1')) : undefined;
      if (kind?.id === 'policy') return { id: 'policy', wenzhong: wz, reason: r(`请示出台"${kind.word}"：政策性文件`, `a request to issue a ${kind.word}: a policy document`) };
      return { id: 'special-report', wenzhong: wz, reason: r('请示一事一报：按专项报告掌握', 'a request carries one matter: treated as a special report') };
    }
    default:
      return { id: 'other', wenzhong: wz, reason: r(`标题以"${wz}"结尾：其他文种`, `the title ends with "${wz}": another kind`) };
  }
}
