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

/** The longest word of the list that ends the text (实施细则 rather than 细则). */
const endsWithAny = (text: string, list: string[]): string | undefined => [...list].sort((a, b) => b.length - a.length).find((w) => text.endsWith(w));
const includesAny = (text: string, list: string[]): string | undefined => list.find((w) => text.includes(w));

/** The title without its trailing note (（试行）, （征求意见稿）) and surrounding space. */
export function cleanTitle(title: string): string {
  let t = title.replace(/[\s\u3000]+/g, '');
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

export function classifyTitle(rawTitle: string, locale: Locale = 'zh'): TitleClass | undefined {
  const title = cleanTitle(rawTitle);
  if (!title) return undefined;
  const wz = endsWithAny(title, words.wenzhong);
  const r = (zh: string, en: string): { zh: string; en: string } => ({ zh, en });
  void locale;

  if (!wz) {
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
    case '意见':
    case '决定':
      return { id: 'policy', wenzhong: wz, reason: r(`标题以"${wz}"结尾：政策性文件`, `the title ends with "${wz}": a policy document`) };
    case '报告': {
      // A period (2023年度, 上半年) says when, not what: a report is comprehensive when it names no
      // matter besides the period ("关于2023年工作情况的报告"), or says so (工作报告, 总结, 综合).
      const matter = title.replace(/^.*?关于/, '').replace(PERIODS, '');
      const generic = /^(?:全面)?(?:工作)?(?:情况)?的?报告$/.test(matter);
      const comprehensive = includesAny(title, words.comprehensiveReport);
      const special = includesAny(title, words.specialReport);
      if (comprehensive || generic) {
        const w = comprehensive ?? '工作情况';
        return { id: 'comprehensive-report', wenzhong: wz, reason: r(`报告，标题含"${w}"：综合报告`, `a report with "${w}" in the title: a comprehensive report`) };
      }
      if (special) {
        const ends = title.endsWith('情况的报告');
        return {
          id: 'special-report',
          wenzhong: wz,
          reason: r(ends ? '标题以"情况的报告"结尾：专项报告' : `标题含"${special}"：专项报告`, ends ? 'the title ends with "情况的报告": a special report' : `the title has "${special}": a special report`),
        };
      }
      return { id: 'special-report', wenzhong: wz, reason: r('报告一个事项：专项报告', 'a report on one matter: a special report') };
    }
    case '请示': {
      const kind = /(?:印发|出台|制定)/.test(title) ? kindOfDocumentName(title.replace(/的请示$/, '').replace(/^.*?《([^》]+)》.*$/, '$1')) : undefined;
      if (kind?.id === 'policy') return { id: 'policy', wenzhong: wz, reason: r(`请示出台"${kind.word}"：政策性文件`, `a request to issue a ${kind.word}: a policy document`) };
      return { id: 'special-report', wenzhong: wz, reason: r('请示一事一报：按专项报告掌握', 'a request carries one matter: treated as a special report') };
    }
    default:
      return { id: 'other', wenzhong: wz, reason: r(`标题以"${wz}"结尾：其他文种`, `the title ends with "${wz}": another kind`) };
  }
}
