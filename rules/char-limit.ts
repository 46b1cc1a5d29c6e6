// char-limit: the 2024 central rule in characters, not pages (中办、国办《整治形式主义为基层减负若干规定》:
// local and departmental documents ≤ 5000 字, special-task documents ≤ 4000 字). Off by default: turn it on
// where your authority counts characters.
import { defineRule, type Document } from '../src/plugin-api.js';

/**
 * Characters as Word's 字数统计 counts them, which is what drafters quote: each Chinese character and each
 * full-width punctuation mark is one, each run of Latin letters or digits is one. The title is not body text.
 */
export function countBodyCharacters(doc: Document): number {
  let n = 0;
  for (const p of doc.paragraphs) {
    if (p.kind === 'title') continue;
    n += (p.text.match(/[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]|[A-Za-z0-9]+/gu) ?? []).length;
  }
  return n;
}

export default defineRule<{ limits: Record<string, number> }>({
  meta: {
    id: 'char-limit',
    description: { zh: '正文字数超过上限（2024 年规定：一般不超过 5000 字，专项任务不超过 4000 字）', en: 'body text longer than the character limit (2024: 5000, special tasks 4000)' },
    defaultSeverity: 'off',
    docs: 'docs/rules/char-limit.md',
    messages: {
      over: { zh: '正文约 {count} 字，{type}上限 {limit} 字', en: 'about {count} characters of body text; the limit for a {type} is {limit}' },
    },
    options: {
      limits: { type: 'object', default: { default: 5000, task: 4000 }, description: 'limit per document type id; "default" for the rest' },
    },
  },
  check(doc, ctx) {
    const type = ctx.docType?.id ?? 'other';
    const limit = ctx.options.limits[type] ?? ctx.options.limits.default;
    if (typeof limit !== 'number') return;
    const count = countBodyCharacters(doc);
    ctx.stat({ bodyChars: count });
    if (count <= limit) return;
    const anchor = doc.paragraphs.find((p) => p.kind === 'title') ?? doc.paragraphs.find((p) => p.text.trim());
    if (anchor) ctx.report({ paragraph: anchor, messageId: 'over', data: { count, limit, type: ctx.docType?.label ?? type } });
  },
});
