// What the comments say, in the run's language: the summary on the title, each finding, and why a
// comment sits at the start of a paragraph instead of on its text.
import type { Locale } from '../api.js';
import type { FileResult, LintMessage } from '../engine/result.js';
import { SEVERITY_WORDS, describePages } from '../formatters/labels.js';

export type FallbackReason = 'numbering' | 'unmapped' | 'mismatch';

/** "专项报告（标题以"情况的报告"结尾）：约 10 页（按文档版式估算），上限 5 页" and a count of the findings. */
export function summaryLines(result: FileResult, locale: Locale): string[] {
  const zh = locale === 'zh';
  const t = result.docType;
  const lines: string[] = [];
  const parts: string[] = [];
  if (t) {
    // The reason often ends by naming the type again ("…结尾：专项报告"); once is enough.
    const reason = t.reason?.replace(new RegExp(`[：:]\\s*${t.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '');
    parts.push(reason ? (zh ? `${t.label}（${reason}）` : `${t.label} (${reason})`) : t.label);
  }
  const pages = describePages(result, locale);
  const limit = t?.pageLimit;
  const length = [pages, limit !== undefined ? (zh ? `上限 ${limit} 页` : `limit ${limit} pages`) : zh ? '无页数上限' : 'no page limit'].filter(Boolean).join(zh ? '，' : ', ');
  lines.push(parts.length ? `${parts[0]}${zh ? '：' : ': '}${length}` : length);
  const total = result.errorCount + result.warningCount + result.infoCount;
  lines.push(
    total === 0
      ? zh
        ? 'wenfeng 未发现问题。'
        : 'wenfeng found no problems.'
      : zh
        ? `wenfeng 共标出 ${total} 个问题（${result.errorCount} 个错误，${result.warningCount} 个警告，${result.infoCount} 个提示），见各条批注。`
        : `wenfeng marked ${total} problem(s) (${result.errorCount} error(s), ${result.warningCount} warning(s), ${result.infoCount} info); see the comments.`,
  );
  return lines;
}

const REASONS: Record<FallbackReason, { zh: string; en: string }> = {
  numbering: { zh: '所指文字含 Word 自动生成的编号', en: 'the text includes numbering Word generates' },
  unmapped: { zh: '所指文字在文本框、注音或其他无法拆分之处', en: 'the text is in a text box, ruby or other place that cannot be split' },
  mismatch: { zh: '段落文字与检查时读取的不一致', en: 'the paragraph differs from the text that was checked' },
};

/** A comment quotes at most this much of a finding's text, and no line runs longer than MAX_LINE. */
const MAX_QUOTE = 60;
const MAX_LINE = 500;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export function findingLines(m: LintMessage, locale: Locale, fallback?: FallbackReason): string[] {
  return findingLinesUnclipped(m, locale, fallback).map((line) => clip(line, MAX_LINE));
}

function findingLinesUnclipped(m: LintMessage, locale: Locale, fallback?: FallbackReason): string[] {
  const zh = locale === 'zh';
  const lines = [m.message];
  if (m.suggestion) lines.push(zh ? `建议：${m.suggestion}` : `Suggestion: ${m.suggestion}`);
  if (fallback && m.text) {
    const why = REASONS[fallback][locale];
    const quoted = clip(m.text, MAX_QUOTE);
    lines.push(zh ? `（批注无法精确标在“${quoted}”上：${why}，故置于段首。）` : `(This comment could not be placed on "${quoted}": ${why}; it is at the start of the paragraph.)`);
  }
  lines.push(`wenfeng · ${SEVERITY_WORDS[locale][m.severity]}${m.ruleId ? ` · ${m.ruleId}` : ''}`);
  return lines;
}
