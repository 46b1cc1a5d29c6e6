// leftover-template-text: a template's instructions to the drafter still in the draft — "[此处输入…]",
// "请在此处填写", "单击此处输入文字", "在此输入标题", and Word content controls still showing their
// placeholder text. Blank numbers and XX/某某 are the placeholder rule's; this rule takes the sentences
// a template addresses to whoever fills it in.
import { defineRule, loadData } from '../src/plugin-api.js';

interface Pattern {
  pattern: string;
  label: string;
}

const data = (): { templateInstructions: Pattern[]; excerptLength: number } => loadData(new URL('./data/leftover.json', import.meta.url));

export default defineRule({
  meta: {
    id: 'leftover-template-text',
    description: { zh: '未替换的模板提示语（[此处输入…]、请在此处填写、单击此处输入文字）', en: 'template instructions left in ([此处输入…], 请在此处填写, 单击此处输入文字)' },
    defaultSeverity: 'error',
    docs: 'docs/rules/leftover-template-text.md',
    messages: {
      instruction: { zh: '模板提示语未替换："{text}"', en: 'template instruction left in: "{text}"' },
      control: { zh: '内容控件仍显示占位文字："{text}"', en: 'content control still shows its placeholder text: "{text}"' },
    },
  },
  check(doc, ctx) {
    const d = data();
    const patterns = d.templateInstructions.map((t) => new RegExp(t.pattern, 'gu'));
    const clip = (s: string): string => (s.length > d.excerptLength ? `${s.slice(0, d.excerptLength)}…` : s);
    const suggestion = { zh: '替换为实际内容，或删去提示语', en: 'replace it with the real content, or delete the instruction' };
    for (const p of doc.paragraphs) {
      const taken: Array<[number, number]> = [];
      for (const mark of p.marks ?? []) {
        if (mark.type !== 'control-placeholder' || mark.end <= mark.start) continue;
        taken.push([mark.start, mark.end]);
        ctx.report({ paragraph: p, start: mark.start, end: mark.end, messageId: 'control', data: { text: clip(p.text.slice(mark.start, mark.end)) }, suggestion });
      }
      if (!p.norm.trim()) continue;
      for (const re of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(p.norm); m; m = re.exec(p.norm)) {
          const start = m.index;
          const end = start + m[0].length;
          if (end === start) {
            re.lastIndex++;
            continue;
          }
          if (taken.some(([a, b]) => start < b && end > a)) continue;
          taken.push([start, end]);
          ctx.report({ paragraph: p, start, end, messageId: 'instruction', data: { text: clip(p.text.slice(start, end)) }, suggestion });
        }
      }
    }
  },
});
