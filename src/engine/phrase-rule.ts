// Rules without code: an office's own phrase list from config `phrases`, turned into a rule.
import { defineRule, type Rule } from '../api.js';
import { foldWidth } from '../document/normalize.js';
import type { PhraseRuleConfig } from '../config/types.js';

function toRegExp(entry: string): RegExp {
  const re = /^\/(.*)\/([a-z]*)$/s.exec(entry);
  if (re) return new RegExp(re[1]!, re[2]!.includes('g') ? re[2] : `${re[2]}g`);
  return new RegExp(foldWidth(entry).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
}

export function phraseRule(config: PhraseRuleConfig): Rule {
  const patterns = config.match.map(toRegExp);
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
        for (const re of patterns) {
          re.lastIndex = 0;
          for (let m = re.exec(p.norm); m; m = re.exec(p.norm)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            hits.push({ paragraph: p.index, start: m.index, end: m.index + m[0].length });
          }
        }
      }
      // With a density threshold, report only when the document overuses the phrases.
      if (config.maxPerThousand !== undefined && (hits.length * 1000) / Math.max(chars, 1) <= config.maxPerThousand) return;
      for (const hit of hits) ctx.report({ ...hit, message, ...(config.suggest ? { suggestion: config.suggest } : {}) });
    },
  });
}
