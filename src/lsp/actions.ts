// Code actions for the findings under the cursor: a rule's safe fix, a suggestion that is a replacement
// ("改为…"), every safe fix of the draft at once, and — in Markdown — silencing the rule on that line
// with the inline comment the engine already honours (<!-- wenfeng-disable-next-line rule -->).
// Actions only describe edits; the editor applies them to its buffer.
import type { Locale } from '../api.js';
import type { Finding, TextEdit } from './findings.js';
import { overlaps, type Range } from './positions.js';

export interface CodeAction {
  title: string;
  kind: string;
  diagnostics?: Finding['diagnostic'][];
  isPreferred?: boolean;
  edit: { changes: Record<string, TextEdit[]> };
}

export interface ActionContext {
  uri: string;
  format: string | null;
  locale: Locale;
  findings: Finding[];
  /** The draft's text as linted (the editor's buffer at the linted version). */
  text: string;
  range: Range;
  /** Kinds the client asked for (context.only), if it said. */
  only?: string[];
}

const T = {
  fix: (to: string, rule: string, locale: Locale) => (locale === 'zh' ? `改为“${to}”（${rule}）` : `Change to "${to}" (${rule})`),
  // A fix over a long span (every half-width mark of a paragraph) is named by its message, not its text.
  fixLong: (message: string, rule: string, locale: Locale) => (locale === 'zh' ? `修正：${message}（${rule}）` : `Fix: ${message} (${rule})`),
  fixAll: (n: number, locale: Locale) => (locale === 'zh' ? `修正本文全部 ${n} 处可自动修正的问题（wenfeng）` : `Fix all ${n} auto-fixable problems (wenfeng)`),
  disable: (rule: string, locale: Locale) => (locale === 'zh' ? `在此行停用 ${rule}（插入 wenfeng-disable-next-line 注释）` : `Disable ${rule} for this line (wenfeng-disable-next-line comment)`),
};

const wants = (only: string[] | undefined, kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

/** Source lines with their line breaks, as the editor numbers them (\r\n, \r and \n each end a line). */
function lineAt(text: string, line: number): { body: string; eol: string; prev?: string } {
  const parts = text.split(/(\r\n|\r|\n)/);
  return { body: parts[line * 2] ?? '', eol: parts[line * 2 + 1] ?? parts[1] ?? '\n', prev: line > 0 ? parts[(line - 1) * 2] : undefined };
}

/** The safe fixes of the draft, right to left on each line; one that overlaps another waits for the next run. */
function allFixes(findings: Finding[]): TextEdit[] {
  const edits = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out.at(-1);
    if (last && last.range.end.line === e.range.start.line && last.range.end.character > e.range.start.character) continue;
    out.push(e);
  }
  return out;
}

/** An edit that silences `ruleId` on `line`: a new comment above it, or the rule added to one already there. */
function disableEdit(text: string, line: number, ruleId: string): TextEdit | undefined {
  const { body, eol, prev } = lineAt(text, line);
  const above = prev === undefined ? null : /^(\s*<!--\s*wenfeng-disable-next-line)([^>]*?)(\s*-->)\s*$/.exec(prev);
  if (above) {
    const rules = above[2]!.split(/[\s,]+/).filter(Boolean);
    if (rules.length === 0 || rules.includes(ruleId)) return undefined;
    const at = above[1]!.length + above[2]!.length;
    return { range: { start: { line: line - 1, character: at }, end: { line: line - 1, character: at } }, newText: ` ${ruleId}` };
  }
  const indent = /^[ \t]*/.exec(body)![0];
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- wenfeng-disable-next-line ${ruleId} -->${eol}` };
}

export function codeActions(ctx: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const here = ctx.findings.filter((f) => f.ruleId && overlaps(f.diagnostic.range, ctx.range));
  const change = (edits: TextEdit[]) => ({ changes: { [ctx.uri]: edits } });
  if (wants(ctx.only, 'quickfix')) {
    for (const f of here) {
      if (f.fix) actions.push({ title: [...f.fix.newText].length <= 12 ? T.fix(f.fix.newText, f.ruleId!, ctx.locale) : T.fixLong(f.message.message, f.ruleId!, ctx.locale), kind: 'quickfix', diagnostics: [f.diagnostic], isPreferred: true, edit: change([f.fix]) });
      if (f.replacement) actions.push({ title: T.fix(f.replacement.newText, f.ruleId!, ctx.locale), kind: 'quickfix', diagnostics: [f.diagnostic], edit: change([f.replacement]) });
    }
  }
  const fixes = allFixes(ctx.findings);
  const fixAllKind = 'source.fixAll.wenfeng';
  if ((ctx.only ? wants(ctx.only, fixAllKind) : here.some((f) => f.fix)) && fixes.length > 1) {
    actions.push({ title: T.fixAll(fixes.length, ctx.locale), kind: fixAllKind, edit: change(fixes) });
  }
  if (ctx.format === 'md' && wants(ctx.only, 'quickfix')) {
    const seen = new Set<string>();
    for (const f of here) {
      const line = f.diagnostic.range.start.line;
      const key = `${line}:${f.ruleId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const edit = disableEdit(ctx.text, line, f.ruleId!);
      if (edit) actions.push({ title: T.disable(f.ruleId!, ctx.locale), kind: 'quickfix', diagnostics: [f.diagnostic], edit: change([edit]) });
    }
  }
  return actions;
}
