// leftover-hidden-text: text formatted hidden (w:vanish, w:specVanish) in a .docx. It does not print
// and Word does not show it by default, but it goes out with the file and one click reveals it.
import { defineRule, loadData } from '../src/plugin-api.js';

const data = (): { excerptLength: number } => loadData(new URL('./data/leftover.json', import.meta.url));

export default defineRule({
  meta: {
    id: 'leftover-hidden-text',
    description: { zh: '.docx 中的隐藏文字', en: 'hidden text in a .docx' },
    defaultSeverity: 'error',
    docs: 'docs/rules/leftover-hidden-text.md',
    messages: {
      hidden: { zh: '隐藏文字："{text}"', en: 'hidden text: "{text}"' },
    },
  },
  check(doc, ctx) {
    const max = data().excerptLength;
    for (const p of doc.paragraphs) {
      for (const mark of p.marks ?? []) {
        if (mark.type !== 'hidden') continue;
        const text = p.text.slice(mark.start, mark.end);
        if (!text.trim()) continue;
        ctx.report({
          paragraph: p,
          start: mark.start,
          end: mark.end,
          messageId: 'hidden',
          data: { text: text.length > max ? `${text.slice(0, max)}…` : text },
          suggestion: { zh: '删除隐藏文字：它不打印，但随文件发出', en: 'delete the hidden text: it does not print, but it goes out with the file' },
        });
      }
    }
  },
});
