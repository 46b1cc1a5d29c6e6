// paragraph-length: paragraphs too long for a reader to keep the thread (a GB/T 9704 page holds 22 lines of
// 28 characters, so the default 400 characters is about two thirds of a page of unbroken text).
import { defineRule } from '../src/plugin-api.js';
import { visibleLength } from '../src/text/visible-length.js';

interface Options {
  max: number;
}


export default defineRule<Options>({
  meta: {
    id: 'paragraph-length',
    description: { zh: '段落过长', en: 'paragraphs that are too long' },
    defaultSeverity: 'info',
    docs: 'docs/rules/paragraph-length.md',
    messages: {
      long: { zh: '段落过长：{length} 字，超过 {max} 字', en: 'long paragraph: {length} characters (over {max})' },
    },
    options: {
      max: { type: 'number', default: 400, min: 20, description: 'longest paragraph, in characters (whitespace not counted)' },
    },
  },
  check(doc, ctx) {
    let longest = 0;
    for (const p of doc.paragraphs) {
      if (p.kind === 'title' || p.kind === 'table-cell') continue;
      const length = visibleLength(p.text);
      longest = Math.max(longest, length);
      if (length <= ctx.options.max) continue;
      const start = /^\s*/u.exec(p.text)![0].length;
      const end = p.text.trimEnd().length;
      ctx.report({
        paragraph: p,
        start,
        end,
        messageId: 'long',
        data: { length, max: ctx.options.max },
        suggestion: { zh: '按层次拆成几段，或加小标题分开', en: 'split it by topic, or add run-in headings' },
      });
    }
    ctx.stat({ longestParagraph: longest });
  },
});
