// placeholder: numbers left blank ("原则上每年不超过次", "同比下降%") and template leftovers
// (20XX年, XX, ××, ○○, 某某, ＿＿, 【】, 《》, "第　条"). A draft that goes out with them is unfinished.
import { defineRule, loadData } from '../src/plugin-api.js';

interface PlaceholderData {
  units: string[];
  endsClause: string[];
  always: string[];
  cues: string[];
  cueUnits: Record<string, string[]>;
  numeralsBefore: string;
  words: string[];
  templates: Array<{ pattern: string; label: string }>;
}

const data = (): PlaceholderData => loadData<PlaceholderData>(new URL('./data/placeholder.json', import.meta.url));

const CLAUSE_END = /^(?:$|[，。；：、！？,.;:!?）)」”\s])/;

/**
 * Whether `word` stands in `text` over offset `at` (the unit's position). A word that would start
 * inside the cue before the unit does not count: in "调整个" the cue is 调整, not the word 整个.
 */
function inWord(text: string, at: number, unit: string, words: string[], cueLength: number): boolean {
  for (const word of words) {
    let k = word.indexOf(unit);
    while (k >= 0) {
      const from = at - k;
      const startsInsideCue = from < at && from >= at - cueLength;
      if (!startsInsideCue && text.startsWith(word, from)) return true;
      k = word.indexOf(unit, k + 1);
    }
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'placeholder',
    description: { zh: '数字空缺和模板残留（"不超过次"、"下降%"、20XX年、XX、某某）', en: 'blank numbers and template leftovers ("不超过次", "下降%", 20XX年, XX, 某某)' },
    defaultSeverity: 'error',
    docs: 'docs/rules/placeholder.md',
    messages: {
      blank: { zh: '数字空缺："{unit}"前缺少数字', en: 'blank number: no number before "{unit}"' },
      template: { zh: '模板残留：{text}', en: 'template leftover: {text}' },
    },
  },
  check(doc, ctx) {
    const d = data();
    // Longest units first, so "个工作日" wins over "个" and "日".
    const units = [...d.units].sort((a, b) => b.length - a.length);
    const cues = [...d.cues].sort((a, b) => b.length - a.length);
    const templates = d.templates.map((t) => ({ re: new RegExp(t.pattern, 'gu'), label: t.label }));
    for (const p of doc.paragraphs) {
      const text = p.norm;
      if (!text.trim()) continue;
      const taken: Array<[number, number]> = [];
      const free = (s: number, e: number): boolean => taken.every(([a, b]) => e <= a || s >= b);

      for (const { re } of templates) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const start = m.index;
          const end = start + m[0].length;
          if (!free(start, end)) continue;
          taken.push([start, end]);
          ctx.report({ paragraph: p, start, end, messageId: 'template', data: { text: p.text.slice(start, end) }, suggestion: { zh: '填写实际内容', en: 'fill in the real content' } });
        }
      }

      for (let i = 0; i < text.length; i++) {
        const unit = units.find((u) => text.startsWith(u, i));
        if (!unit) continue;
        const before = text[i - 1] ?? '';
        if (before && d.numeralsBefore.includes(before)) {
          i += unit.length - 1;
          continue;
        }
        const cue = cues.find((c) => text.endsWith(c, i));
        if (inWord(text, i, unit, d.words, cue?.length ?? 0)) continue;
        const cueFits = cue !== undefined || Object.entries(d.cueUnits).some(([c, us]) => text.endsWith(c, i) && us.some((u) => text.startsWith(u, i)));
        const endsClause = d.endsClause.includes(unit) && CLAUSE_END.test(text.slice(i + unit.length)) && /\p{Script=Han}/u.test(before);
        const always = d.always.includes(unit) && before !== '（' && before !== '(';
        if ((cueFits || endsClause || always) && free(i - 1, i + unit.length)) {
          // Report the word before the gap and the unit, e.g. "不超过次", so the place is easy to see.
          const start = Math.max(0, i - (cue?.length ?? 1));
          const end = i + unit.length;
          taken.push([start, end]);
          ctx.report({ paragraph: p, start, end, messageId: 'blank', data: { unit }, suggestion: { zh: `在"${unit}"前填写数字`, en: `write the number before "${unit}"` } });
          i = end - 1;
        }
      }
    }
  },
});
