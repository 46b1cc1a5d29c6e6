// Honouring <!-- wenfeng-disable … --> comments in Markdown drafts (config is the way for .docx and .pdf).
import type { InlineControl } from '../document/model.js';
import type { LintMessage } from './result.js';

const names = (c: InlineControl, ruleId: string | null): boolean => ruleId !== null && (c.rules.length === 0 || c.rules.includes(ruleId));

export function applyInlineControls(messages: LintMessage[], controls: InlineControl[] | undefined): LintMessage[] {
  if (!controls?.length) return messages;
  const sorted = [...controls].sort((a, b) => a.line - b.line);
  return messages.filter((m) => {
    if (m.ruleId === null) return true;
    let disabled = false;
    for (const c of sorted) {
      if (c.line > m.line) break;
      if (!names(c, m.ruleId) && c.kind !== 'enable') continue;
      if (c.kind === 'disable') disabled = true;
      else if (c.kind === 'enable' && (c.rules.length === 0 || c.rules.includes(m.ruleId))) disabled = false;
      else if (c.kind === 'disable-next-line' && c.line === m.line - 1) return false;
      else if (c.kind === 'disable-line' && c.line === m.line) return false;
    }
    return !disabled;
  });
}
