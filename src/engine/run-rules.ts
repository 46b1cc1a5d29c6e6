// Running the rules on one document and turning their reports into positioned messages.
import { format, localize, type Locale, type Report, type RuleContext } from '../api.js';
import type { ResolvedRule } from '../config/resolve.js';
import type { Document, Paragraph } from '../document/model.js';
import type { LintMessage, PendingFix } from './result.js';

/** Code points in a UTF-16 slice: columns count characters, not code units. */
const codePoints = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
};

/** Paragraphs with characters outside the BMP, where a UTF-16 offset is not a column. */
const hasAstral = new WeakMap<Paragraph, boolean>();

export function position(p: Paragraph, start: number, end: number): Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const line = p.sourceLine ?? p.index + 1;
  const offset = p.sourceOffset ?? 0;
  let astral = hasAstral.get(p);
  if (astral === undefined) hasAstral.set(p, (astral = /[\ud800-\udbff]/.test(p.text)));
  // Almost every paragraph is all BMP: offsets are columns, and counting is only needed otherwise.
  const count = astral ? (to: number): number => codePoints(p.text.slice(0, to)) : (to: number): number => to;
  const column = offset + count(start) + 1;
  const endColumn = Math.max(column, offset + count(end));
  return { line, column, endLine: line, endColumn };
}

export class RuleCrash extends Error {
  constructor(readonly ruleId: string, cause: unknown) {
    super(`rule ${ruleId} failed: ${String((cause as Error)?.message ?? cause)}`, { cause });
  }
}

export interface RuleRun {
  messages: LintMessage[];
  /** The fix behind each fixable message, so messages dropped later take their fixes with them. */
  fixOf: WeakMap<LintMessage, PendingFix>;
  stats: Record<string, number>;
  crashes: RuleCrash[];
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** A report may soften the configured severity (a guess, a near miss), never raise it: a user who set a
 *  rule to "warning" so that CI passes must not get an error from it. */
function capSeverity(reported: LintMessage['severity'] | undefined, configured: LintMessage['severity']): LintMessage['severity'] {
  return reported !== undefined && RANK[reported] < RANK[configured] ? reported : configured;
}

export async function runRules(doc: Document, rules: ResolvedRule[], locale: Locale, docType: RuleContext['docType'], references: Document[] = []): Promise<RuleRun> {
  const run: RuleRun = { messages: [], fixOf: new WeakMap(), stats: {}, crashes: [] };
  for (const { id, rule, severity, options } of rules) {
    // A scanned PDF has pages but no text: only rules about the whole file can say anything.
    if (!doc.hasText && rule.meta.needsText !== false) continue;
    const ctx: RuleContext = {
      options,
      locale,
      severity,
      docType,
      references,
      stat: (stats) => Object.assign(run.stats, stats),
      report: (r: Report) => {
        const p = typeof r.paragraph === 'number' ? doc.paragraphs[r.paragraph] : r.paragraph;
        if (!p) throw new Error(`report() names paragraph ${String(typeof r.paragraph === 'number' ? r.paragraph : '?')}, which does not exist`);
        const start = Math.max(0, Math.min(r.start ?? 0, p.text.length));
        const end = Math.max(start, Math.min(r.end ?? p.text.length, p.text.length));
        let template: string;
        if (r.messageId) {
          const t = rule.meta.messages?.[r.messageId];
          if (!t) throw new Error(`unknown messageId "${r.messageId}"`);
          template = localize(t, locale);
        } else template = r.message === undefined ? localize(rule.meta.description, locale) : localize(r.message, locale);
        const message: LintMessage = {
          ruleId: id,
          severity: capSeverity(r.severity, severity),
          message: format(template, r.data),
          ...position(p, start, end),
          text: p.text.slice(start, end),
        };
        if (r.suggestion !== undefined) message.suggestion = format(localize(r.suggestion, locale), r.data);
        if (r.fix) {
          message.fixable = true;
          run.fixOf.set(message, { paragraph: p.index, start, end, text: r.fix.text });
        }
        run.messages.push(message);
      },
    };
    try {
      await rule.check(doc, ctx);
    } catch (error) {
      run.crashes.push(new RuleCrash(id, error));
    }
  }
  // Same rule at the same place: equal without localeCompare, whose first call sets up ICU collation (~10 ms).
  run.messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId === b.ruleId ? 0 : (a.ruleId ?? '').localeCompare(b.ruleId ?? '')));
  return run;
}
