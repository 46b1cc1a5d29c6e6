// A lint result as an editor sees it: one diagnostic per finding (rule id, severity, the rule's doc
// link, the message with its suggestion), the edits a code action may offer for it, and the page
// estimate with the document's type as an information diagnostic on line 1.
import type { Locale } from '../api.js';
import type { FileResult, LintMessage, MessageSeverity } from '../engine/result.js';
import { messageText } from '../formatters/ci-shared.js';
import { describePages, describeType } from '../formatters/labels.js';
import { fixRange, messageRange, paragraphsByLine, type Range } from './positions.js';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Diagnostic {
  range: Range;
  severity: 1 | 2 | 3 | 4;
  code?: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
}

export interface Finding {
  diagnostic: Diagnostic;
  ruleId: string | null;
  message: LintMessage;
  /** The rule's safe fix (punctuation width), as an edit of the source. */
  fix?: TextEdit;
  /** The suggestion, when it is a replacement for the matched text ("官僚主义" for "官像主义"). */
  replacement?: TextEdit;
}

/** The code of the information diagnostic that carries the page estimate and the type. */
export const SUMMARY_CODE = 'wenfeng/summary';

const SEVERITY: Record<MessageSeverity, 1 | 2 | 3> = { error: 1, warning: 2, info: 3 };

const isMarkOrDigit = (s: string): boolean => /^[^\p{L}]+$/u.test(s);

/**
 * Whether a suggestion is the text to put in place of the match rather than advice about it: short,
 * a single phrase, and close to the match — most of its characters shared with it ("官像主义" →
 * "官僚主义", "2021-2023年" → "2021—2023年"), of the same length as the match and at most four characters ("的" → "地"), or
 * both marks and digits only ("..." → "……"). Advice
 * ("填写实际内容", "拆成几个短句") shares nothing with what it is about, or is long.
 */
export function replacementOf(suggestion: string | undefined, matched: string | undefined): string | undefined {
  if (suggestion === undefined || matched === undefined || !matched || suggestion === matched) return undefined;
  const quoted = /^改为[“"「](.+)[”"」]$/u.exec(suggestion);
  if (quoted) return quoted[1];
  const chars = [...suggestion];
  if (chars.length > 20 || chars.length > 2 * [...matched].length + 2) return undefined;
  if (isMarkOrDigit(suggestion) && isMarkOrDigit(matched)) return suggestion;
  // A word swapped for one as long ("的" → "地", "截止" → "截至"): advice is never that short.
  if (chars.length <= 4 && chars.length === [...matched].length) return suggestion;
  const pool = new Map<string, number>();
  for (const c of matched) pool.set(c, (pool.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of chars) {
    const n = pool.get(c) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(c, n - 1);
    }
  }
  return shared * 2 >= Math.max(chars.length, [...matched].length) ? suggestion : undefined;
}

export interface FindingOptions {
  locale: Locale;
  /** The rule's documentation link (a file: or https: URL), by rule id. */
  docLink: (ruleId: string) => string | undefined;
  /** Whether edits may be offered: the draft is text the editor holds (.txt, .md). */
  editable: boolean;
}

export function findingsOf(result: FileResult, opts: FindingOptions): Finding[] {
  const byLine = paragraphsByLine(result);
  const findings: Finding[] = [];
  // Fixes are kept in the order of the fixable messages they belong to.
  const fixes = [...(result.fixes ?? [])];
  for (const m of result.messages) {
    const range = messageRange(m, byLine);
    const diagnostic: Diagnostic = { range, severity: SEVERITY[m.severity], source: 'wenfeng', message: messageText(m, opts.locale) };
    if (m.ruleId) {
      diagnostic.code = m.ruleId;
      const href = opts.docLink(m.ruleId);
      if (href) diagnostic.codeDescription = { href };
    }
    const finding: Finding = { diagnostic, ruleId: m.ruleId, message: m };
    const fix = m.fixable ? fixes.shift() : undefined;
    if (opts.editable) {
      const fr = fix && fixRange(fix, result);
      if (fix && fr) finding.fix = { range: fr, newText: fix.text };
      const replacement = finding.fix ? undefined : replacementOf(m.suggestion, m.text);
      if (replacement !== undefined && m.line === m.endLine) finding.replacement = { range, newText: replacement };
    }
    findings.push(finding);
  }
  const summary = summaryOf(result, opts.locale);
  if (summary) findings.unshift({ diagnostic: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: SUMMARY_CODE, source: 'wenfeng', message: summary }, ruleId: null, message: { ruleId: null, severity: 'info', message: summary, line: 1, column: 1, endLine: 1, endColumn: 1 } });
  return findings;
}

/** "标题以"情况的报告"结尾：专项报告，上限 5 页 · 约 10 页（按文档版式估算）", as stylish heads a file. */
export function summaryOf(result: FileResult, locale: Locale): string | undefined {
  if (result.fatal) return undefined;
  const parts = [describeType(result, locale), describePages(result, locale)].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}
