// leftover-comments: review comments still in a .docx, at the paragraph they are anchored to.
import { defineRule, loadData } from '../src/plugin-api.js';

const data = (): { excerptLength: number } => loadData(new URL('./data/leftover.json', import.meta.url));

export default defineRule({
  meta: {
    id: 'leftover-comments',
    description: { zh: '.docx 中未删除的批注', en: 'review comments left in a .docx' },
    defaultSeverity: 'error',
    docs: 'docs/rules/leftover-comments.md',
    messages: {
      comment: { zh: '未删除的批注（{author}，{date}）：{text}', en: 'review comment left in ({author}, {date}): {text}' },
    },
  },
  check(doc, ctx) {
    const max = data().excerptLength;
    const zh = ctx.locale === 'zh';
    for (const p of doc.paragraphs) {
      for (const mark of p.marks ?? []) {
        if (mark.type !== 'comment') continue;
        const text = mark.text ?? '';
        ctx.report({
          paragraph: p,
          start: mark.start,
          end: mark.end,
          messageId: 'comment',
          data: {
            author: mark.author ?? (zh ? '未署名' : 'no author'),
            date: mark.date?.slice(0, 10) ?? (zh ? '无日期' : 'no date'),
            text: text.length > max ? `${text.slice(0, max)}…` : text || (zh ? '（空）' : '(empty)'),
          },
          suggestion: { zh: '处理后删除全部批注（审阅→删除→删除文档中的所有批注）', en: 'resolve, then delete every comment (Review → Delete → Delete All Comments in Document)' },
        });
      }
    }
  },
});
