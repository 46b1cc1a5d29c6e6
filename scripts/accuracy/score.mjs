// Scoring the linter's JSON against the marks: a finding and a mark match when they are of the same group,
// on the same line, and their column ranges overlap. Recall counts marks matched by some finding; precision
// counts findings that match some mark (so one finding for a whole formula-only sentence covers its marks).

/** Which group a rule's findings answer for. */
const RULE_GROUP = {
  boilerplate: 'tao',
  preamble: 'tao',
  'closing-slogan': 'tao',
  typo: 'typo',
  placeholder: 'blank',
  'heading-sequence': 'head',
  'heading-format': 'hfmt',
};

export const groupOf = (ruleId) => RULE_GROUP[ruleId];

/** The rules whose findings a group's figures count, in the order of RULE_GROUP. */
export const rulesOf = (group) => Object.keys(RULE_GROUP).filter((r) => RULE_GROUP[r] === group);

const overlaps = (m, s) => m.line <= s.line && (m.endLine ?? m.line) >= s.line && (m.line < s.line || m.column <= s.endColumn) && ((m.endLine ?? m.line) > s.line || m.endColumn >= s.column);

/** Scores every draft of a set; returns per-group figures and, on each draft, its misses and false alarms. */
export function matchSet(drafts) {
  const groups = {};
  const bump = (g, k) => {
    groups[g] ??= { truth: 0, found: 0, findings: 0, correct: 0 };
    groups[g][k]++;
  };
  for (const d of drafts) {
    d.missed = [];
    d.falseAlarms = [];
    const messages = (d.result?.messages ?? []).filter((m) => m.ruleId && groupOf(m.ruleId));
    for (const s of d.spans) {
      bump(s.group, 'truth');
      if (messages.some((m) => groupOf(m.ruleId) === s.group && overlaps(m, s))) bump(s.group, 'found');
      else d.missed.push(s);
    }
    for (const m of messages) {
      const g = groupOf(m.ruleId);
      bump(g, 'findings');
      if (d.spans.some((s) => s.group === g && overlaps(m, s))) bump(g, 'correct');
      else d.falseAlarms.push(m);
    }
  }
  for (const f of Object.values(groups)) {
    f.found ??= 0;
    f.recall = f.truth ? f.found / f.truth : null;
    f.precision = f.findings ? f.correct / f.findings : null;
  }
  const order = ['tao', 'typo', 'blank', 'head', 'hfmt'];
  return { groups: Object.fromEntries(order.filter((g) => groups[g]).map((g) => [g, groups[g]])) };
}

/** The well-edited documents: every error from the blank/typo/heading-sequence rules is a false alarm. */
export function precisionSetFigures(docs) {
  const ERROR_RULES = new Set(['placeholder', 'typo', 'heading-sequence']);
  let chars = 0;
  let falseErrors = 0;
  let warnOrError = 0;
  let warnOrErrorNoPunct = 0;
  const documents = [];
  /** Errors and warnings per rule over the whole set (the rule pages quote them). */
  const ruleTotals = {};
  for (const { file, result } of docs) {
    const n = result?.stats?.chars ?? 0;
    chars += n;
    const counted = (result?.messages ?? []).filter((m) => m.severity === 'error' || m.severity === 'warning');
    falseErrors += (result?.messages ?? []).filter((m) => m.severity === 'error' && ERROR_RULES.has(m.ruleId)).length;
    // page-limit is about length, not writing: a long seed is not badly written
    const writing = counted.filter((m) => m.ruleId !== 'page-limit');
    warnOrError += writing.length;
    // Half-width marks (commas, heading brackets) are form, fixable by --fix, not writing
    warnOrErrorNoPunct += writing.filter((m) => m.ruleId !== 'punctuation' && m.ruleId !== 'heading-format').length;
    const byRule = {};
    for (const m of writing) byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
    for (const m of counted) {
      ruleTotals[m.ruleId] ??= { error: 0, warning: 0 };
      ruleTotals[m.ruleId][m.severity]++;
    }
    documents.push({ file, chars: n, warnOrError: writing.length, byRule: Object.entries(byRule).map(([k, v]) => `${k} ${v}`).join(', ') });
  }
  return {
    files: docs.length,
    chars,
    falseErrors,
    perThousand: (warnOrError * 1000) / Math.max(chars, 1),
    perThousandNoPunct: (warnOrErrorNoPunct * 1000) / Math.max(chars, 1),
    ruleTotals,
    documents,
  };
}
