// Honouring <!-- wenfeng-disable … --> comments in Markdown drafts (config is the way for .docx and .pdf).
// Indexed: each rule's on/off timeline is built once and each message looks its line up, so a draft
// with many comments and many findings costs (messages + controls × rules), not messages × controls.
import type { InlineControl } from '../document/model.js';
import type { LintMessage } from './result.js';

const names = (c: InlineControl, ruleId: string): boolean => c.rules.length === 0 || c.rules.includes(ruleId);

interface Timeline {
  /** Lines where the rule's state changes, ascending, with the state from that line on. */
  lines: number[];
  disabled: boolean[];
}

function timelineOf(blocks: InlineControl[], ruleId: string): Timeline {
  const out: Timeline = { lines: [], disabled: [] };
  let disabled = false;
  for (const c of blocks) {
    if (!names(c, ruleId)) continue;
    disabled = c.kind === 'disable';
    out.lines.push(c.line);
    out.disabled.push(disabled);
  }
  return out;
}

/** The state at `line`: the last change at or before it. */
function disabledAt(t: Timeline, line: number): boolean {
  let lo = 0;
  let hi = t.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.lines[mid]! <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && t.disabled[lo - 1]!;
}

export function applyInlineControls(messages: LintMessage[], controls: InlineControl[] | undefined): LintMessage[] {
  if (!controls?.length) return messages;
  const sorted = [...controls].sort((a, b) => a.line - b.line);
  const blocks = sorted.filter((c) => c.kind === 'disable' || c.kind === 'enable');
  // disable-line and disable-next-line, by the line they silence.
  const single = new Map<number, InlineControl[]>();
  for (const c of sorted) {
    const target = c.kind === 'disable-line' ? c.line : c.kind === 'disable-next-line' ? c.line + 1 : undefined;
    if (target === undefined) continue;
    const list = single.get(target);
    if (list) list.push(c);
    else single.set(target, [c]);
  }
  const timelines = new Map<string, Timeline>();
  return messages.filter((m) => {
    if (m.ruleId === null) return true;
    const ruleId = m.ruleId;
    if (single.get(m.line)?.some((c) => names(c, ruleId))) return false;
    let t = timelines.get(ruleId);
    if (!t) timelines.set(ruleId, (t = timelineOf(blocks, ruleId)));
    return !disabledAt(t, m.line);
  });
}
