// sentence-length: sentences too long to read in one breath. A 公文 sentence ends at 。！？ or ；
// (GB/T 15834-2011 4.1–4.4: 分号 separates the parts of a 复句 that each stand as a clause); commas do not end one.
import { defineRule, type Paragraph } from '../src/plugin-api.js';
import { isWhitespaceCode, visibleLength } from '../src/text/visible-length.js';

interface Options {
  max: number;
  endings: string;
}

/** Closing marks that belong to the sentence before them ("……。”"). */
const CLOSERS = '”’）》」』】〕';

export interface Sentence {
  start: number;
  /** Exclusive, after the ending mark and any closing quote. */
  end: number;
  length: number;
}

/** The sentences of a paragraph, split on `endings` in its matching view (so half-width ; ? ! end one too). */
export function sentencesOf(p: Paragraph, endings: string): Sentence[] {
  const out: Sentence[] = [];
  const text = p.norm;
  let start = 0;
  const push = (end: number, bodyEnd: number): void => {
    let lead = 0;
    while (start + lead < end && isWhitespaceCode(text.charCodeAt(start + lead))) lead++;
    const length = visibleLength(text, start, bodyEnd);
    if (length) out.push({ start: start + lead, end, length });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (!endings.includes(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && (endings.includes(text[end]!) || CLOSERS.includes(text[end]!))) end++;
    push(end, i);
    i = end - 1;
  }
  if (start < text.length) push(text.trimEnd().length, text.length);
  return out;
}

export default defineRule<Options>({
  meta: {
    id: 'sentence-length',
    description: { zh: '句子过长（以。！？；断句）', en: 'sentences that are too long (split at 。！？；)' },
    defaultSeverity: 'info',
    docs: 'docs/rules/sentence-length.md',
    messages: {
      long: { zh: '句子过长：{length} 字，超过 {max} 字', en: 'long sentence: {length} characters (over {max})' },
    },
    options: {
      max: { type: 'number', default: 120, min: 10, description: 'longest sentence, in characters (whitespace not counted, the ending mark not counted)' },
      endings: { type: 'string', default: '。！？；', description: 'the marks that end a sentence' },
    },
  },
  check(doc, ctx) {
    let longest = 0;
    for (const p of doc.paragraphs) {
      if (p.kind === 'title' || p.kind === 'table-cell' || !p.norm.trim()) continue;
      for (const s of sentencesOf(p, ctx.options.endings)) {
        longest = Math.max(longest, s.length);
        if (s.length <= ctx.options.max) continue;
        ctx.report({
          paragraph: p,
          start: s.start,
          end: s.end,
          messageId: 'long',
          data: { length: s.length, max: ctx.options.max },
          suggestion: { zh: '拆成几个短句，一句只说一层意思', en: 'split it into shorter sentences, one point each' },
        });
      }
    }
    ctx.stat({ longestSentence: longest });
  },
});
