// Words the human-readable formatters share.
import type { Locale } from '../api.js';
import type { FileResult, MessageSeverity } from '../engine/result.js';

export const SEVERITY_WORDS: Record<Locale, Record<MessageSeverity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** "约 9 页（按文本版式估算）" / "12 页（PDF）" — the page figure as a drafter reads it. */
export function describePages(result: FileResult, locale: Locale): string {
  const p = result.pages;
  if (!p) return '';
  const how: Record<string, [string, string]> = {
    pdf: ['PDF 实际页数', 'PDF page count'],
    layout: ['按文档版式估算', 'estimated from the document layout'],
    text: ['按 GB/T 9704 版心估算', 'estimated on a GB/T 9704 page'],
    render: ['LibreOffice 排版', 'laid out by LibreOffice'],
    metadata: ['文档记录的页数', 'page count recorded in the file'],
  };
  // An OFD's pages are its own, like a PDF's.
  const [zh, en] = result.format === 'ofd' && p.method === 'pdf' ? ['OFD 实际页数', 'OFD page count'] : (how[p.method] ?? [p.method, p.method]);
  const saved = p.savedByProgram !== undefined && p.method !== 'pdf' ? (locale === 'zh' ? `，上次保存的程序记为 ${p.savedByProgram} 页` : `; the last saving program counted ${p.savedByProgram}`) : '';
  if (locale === 'zh') return `${p.exact ? '' : '约 '}${p.count} 页（${zh}${saved}）`;
  return `${p.exact ? '' : '~'}${p.count} page${p.count === 1 ? '' : 's'} (${en}${saved})`;
}

export function describeType(result: FileResult, locale: Locale): string {
  const t = result.docType;
  if (!t) return '';
  const limit = t.pageLimit !== undefined ? (locale === 'zh' ? `，上限 ${t.pageLimit} 页` : `, limit ${t.pageLimit} pages`) : '';
  // A reason read from the title already names the type ("标题以"情况的报告"结尾：专项报告").
  if (t.source === 'title' && t.reason) return `${t.reason}${limit}`;
  const reason = t.reason ? (locale === 'zh' ? `（${t.reason}）` : ` (${t.reason})`) : '';
  return `${t.label}${reason}${limit}`;
}
