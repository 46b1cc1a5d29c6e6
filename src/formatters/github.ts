// GitHub Actions workflow commands: each finding becomes an annotation on the file in the run and the PR.
import type { MessageSeverity } from '../engine/result.js';
import { isFileLevel, messageText, relativeTo } from './ci-shared.js';
import type { Formatter } from './types.js';

const COMMAND: Record<MessageSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// The runner's escaping (@actions/core): data may not hold % CR LF; properties also not : and ,.
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results, { cwd, locale }) => {
  // Annotations resolve paths from the repository root, which is GITHUB_WORKSPACE, not always the cwd.
  const workspace = process.env.GITHUB_WORKSPACE || cwd;
  const lines: string[] = [];
  for (const r of results) {
    const file = relativeTo(workspace, cwd, r.path) ?? r.path;
    for (const m of r.messages) {
      const props: Array<[string, string | number]> = [['file', file]];
      if (!isFileLevel(m)) {
        props.push(['line', m.line], ['endLine', Math.max(m.endLine, m.line)]);
        // GitHub takes columns only for a one-line range, and (like SARIF) its endColumn is the column after
        // the range, where wenfeng's is the last character.
        if (m.endLine <= m.line) props.push(['col', m.column], ['endColumn', Math.max(m.endColumn + 1, m.column)]);
      }
      props.push(['title', m.ruleId ? `wenfeng (${m.ruleId})` : 'wenfeng']);
      const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      lines.push(`::${COMMAND[m.severity]} ${list}::${escapeData(messageText(m, locale))}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
