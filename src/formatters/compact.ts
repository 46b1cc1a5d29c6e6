// One line per finding, for editors: file:line:col: severity message [rule]
import { SEVERITY_WORDS } from './labels.js';
import type { Formatter } from './types.js';

export const compact: Formatter = (results, { locale }) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const suggestion = m.suggestion ? (locale === 'zh' ? `（建议：${m.suggestion}）` : ` (suggestion: ${m.suggestion})`) : '';
      lines.push(`${r.path}:${m.line}:${m.column}: ${SEVERITY_WORDS[locale][m.severity]} ${m.message}${suggestion} [${m.ruleId ?? 'fatal'}]`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
