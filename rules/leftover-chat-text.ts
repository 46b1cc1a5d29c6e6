// leftover-chat-text: text pasted from a chat tool with its conversational frame still on — "如果你需要，
// 我可以帮你…", "以下是…的示例", "希望以上内容对你有帮助", "作为一个人工智能" — and the Markdown it
// answers in (**加粗**, ###, ```), which a Word or text draft shows as literal symbols.
import { defineRule, loadData } from '../src/plugin-api.js';

interface Pattern {
  pattern: string;
  label: string;
}

const data = (): { chatPhrases: Pattern[]; markdownDebris: Pattern[]; excerptLength: number } =>
  loadData(new URL('./data/leftover.json', import.meta.url));

export default defineRule({
  meta: {
    id: 'leftover-chat-text',
    description: { zh: '从对话工具粘贴来的客套话和 Markdown 符号（"如果你需要，我可以…"、**、###）', en: 'chat-tool phrasing and Markdown symbols pasted in ("如果你需要，我可以…", **, ###)' },
    defaultSeverity: 'error',
    docs: 'docs/rules/leftover-chat-text.md',
    messages: {
      phrase: { zh: '疑似从对话工具粘贴的文字："{text}"', en: 'looks pasted from a chat tool: "{text}"' },
      markdown: { zh: 'Markdown 符号残留："{text}"', en: 'Markdown symbols left in: "{text}"' },
    },
  },
  check(doc, ctx) {
    const d = data();
    const phrases = d.chatPhrases.map((t) => new RegExp(t.pattern, 'gu'));
    // In a Markdown draft these symbols are its markup, not debris.
    const markdown = doc.format === 'md' ? [] : d.markdownDebris.map((t) => new RegExp(t.pattern, 'gu'));
    const clip = (s: string): string => (s.length > d.excerptLength ? `${s.slice(0, d.excerptLength)}…` : s);
    for (const p of doc.paragraphs) {
      if (!p.norm.trim()) continue;
      const taken: Array<[number, number]> = [];
      const scan = (patterns: RegExp[], messageId: string, suggestion: { zh: string; en: string }): void => {
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
            ctx.report({ paragraph: p, start, end, messageId, data: { text: clip(p.text.slice(start, end).trim()) }, suggestion });
          }
        }
      };
      scan(phrases, 'phrase', { zh: '删去对话用语，按公文语体重写', en: 'delete the conversational phrasing and rewrite it as an official document' });
      scan(markdown, 'markdown', { zh: '删去 Markdown 符号，用文档本身的格式', en: "delete the Markdown symbols and use the document's own formatting" });
    }
  },
});
