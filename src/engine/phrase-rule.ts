// Rules without code: an office's own phrase list from config `phrases`, turned into a rule.
import { defineRule, type Rule } from '../api.js';
import { foldWidth } from '../document/normalize.js';
import type { PhraseRuleConfig } from '../config/types.js';
import { compileSafePattern, regexEntry, type PatternEngine, type SafePattern } from '../text/safe-pattern.js';

/** A literal phrase: an escaped native RegExp has nothing to backtrack over. */
function literal(entry: string): SafePattern {
  const re = new RegExp(foldWidth(entry).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
  return {
    matches(text) {
      const found: Array<{ start: number; end: number }> = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        else found.push({ start: m.index, end: m.index + m[0].length });
      }
      return found;
    },
  };
}

/**
 * A config `phrases` entry as a rule. Regular expressions run on the linear-time engine `re2` (the
 * config was validated with it, so compiling cannot fail here).
 */
export function phraseRule(config: PhraseRuleConfig, re2?: PatternEngine): Rule {
  const patterns = config.match.map((entry) => {
    const re = regexEntry(entry);
    if (!re) return literal(entry);
    if (!re2) throw new Error(`phrase rule ${config.id}: a regular expression needs the pattern engine`);
    return compileSafePattern(re2, re.source, re.flags);
  });
  const message = config.message;
  return defineRule({
    meta: {
      id: config.id,
      description: typeof message === 'string' ? { zh: message, en: message } : { zh: message.zh, en: message.en ?? message.zh },
      defaultSeverity: typeof config.severity === 'string' ? config.severity : 'warning',
    },
    check(doc, ctx) {
      const hits: Array<{ paragraph: number; start: number; end: number }> = [];
      let chars = 0;
      for (const p of doc.paragraphs) {
        chars += p.norm.replace(/\s/g, '').length;
        for (const pattern of patterns) {
          for (const m of pattern.matches(p.norm)) hits.push({ paragraph: p.index, ...m });
        }
      }
      // With a density threshold, report only when the document overuses the phrases.
      if (config.maxPerThousand !== undefined && (hits.length * 1000) / Math.max(chars, 1) <= config.maxPerThousand) return;
      for (const hit of hits) ctx.report({ ...hit, message, ...(config.suggest ? { suggestion: config.suggest } : {}) });
    },
  });
}
