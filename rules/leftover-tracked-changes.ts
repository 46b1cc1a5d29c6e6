// leftover-tracked-changes: insertions, deletions, moves and formatting changes still tracked in a .docx.
// The recipient's Word shows them (with who made them and when) the moment the file is opened.
import { defineRule, loadData, type TextMark } from '../src/plugin-api.js';

const data = (): { excerptLength: number } => loadData(new URL('./data/leftover.json', import.meta.url));

const KINDS: Partial<Record<TextMark['type'], { zh: string; en: string }>> = {
  insertion: { zh: '插入', en: 'insertion' },
  deletion: { zh: '删除', en: 'deletion' },
  'move-from': { zh: '移出', en: 'moved away' },
  'move-to': { zh: '移入', en: 'moved here' },
  'format-change': { zh: '格式修改', en: 'formatting change' },
};

const excerpt = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export default defineRule({
  meta: {
    id: 'leftover-tracked-changes',
    description: { zh: '.docx 中未接受或拒绝的修订（插入、删除、移动、格式修改）', en: 'tracked changes (insertions, deletions, moves, formatting) left in a .docx' },
    defaultSeverity: 'error',
    docs: 'docs/rules/leftover-tracked-changes.md',
    messages: {
      change: { zh: '未处理的修订：{kind}{what}（{author}，{date}）', en: 'tracked change: {kind}{what} ({author}, {date})' },
    },
  },
  check(doc, ctx) {
    const max = data().excerptLength;
    const zh = ctx.locale === 'zh';
    for (const p of doc.paragraphs) {
      for (const mark of p.marks ?? []) {
        const kind = KINDS[mark.type];
        if (!kind) continue;
        // Inserted and moved-in text is in the paragraph; deleted and moved-away text is quoted.
        const shown = mark.end > mark.start ? p.text.slice(mark.start, mark.end) : (mark.text ?? '');
        const gap = zh ? '' : ' ';
        const what = mark.type === 'format-change' ? '' : shown.trim() ? `${gap}"${excerpt(shown, max)}"` : zh ? '（段落标记）' : ' (paragraph mark)';
        ctx.report({
          paragraph: p,
          start: mark.start,
          end: mark.end,
          messageId: 'change',
          data: {
            kind: kind[ctx.locale],
            what,
            author: mark.author ?? (zh ? '未署名' : 'no author'),
            date: mark.date?.slice(0, 10) ?? (zh ? '无日期' : 'no date'),
          },
          suggestion: { zh: '接受或拒绝全部修订后再提交（审阅→接受→接受所有修订）', en: 'accept or reject every change before submitting (Review → Accept → Accept All Changes)' },
        });
      }
    }
  },
});
