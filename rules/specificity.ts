// specificity (捞干货): the share of sentences that carry something concrete — a number, a date, a deadline,
// a named unit or person, a place or a cited document. A long paragraph with none of them is reported (info):
// it can be read without learning who does what, by when, or how much. The document's share goes to `stats`.
// What counts as concrete is data: rules/data/specificity.json.
import { defineRule, loadData, parseHeadingMarker, type Paragraph } from '../src/plugin-api.js';
import { isContentAt } from '../src/text/content-char.js';
import { expandHan, expandHanBmp, hasSurrogate } from '../src/text/han.js';
import { TextMemo } from '../src/text/text-memo.js';

interface SpecificityData {
  kinds: Record<string, string[]>;
  vague: string[];
}

interface Options {
  minChars: number;
  minSentences: number;
  minShare: number;
}

interface Patterns {
  kinds: RegExp;
  vague: RegExp;
}

let data: SpecificityData | undefined;
/** Whether a digit alone makes a sentence concrete: `\d` is a kind, and no vague pattern can blank a digit out. */
let digitDecides: boolean | undefined;
let bmp: Patterns | undefined;
let full: Patterns | undefined;

/**
 * The patterns for text with no character outside the BMP — almost every sentence — compiled without the `u`
 * flag (their Han classes then span one plane, not four: a few ms less to compile, on every run), and the `u`
 * patterns for the rest. Both match the same on BMP text.
 */
function patterns(sentence: string): Patterns {
  data ??= loadData<SpecificityData>(new URL('./data/specificity.json', import.meta.url));
  const d = data;
  const compile = (expand: (source: string) => string, flags: string): Patterns => {
    const any = (list: string[]): string => expand(list.map((p) => `(?:${p})`).join('|'));
    return { kinds: new RegExp(any(Object.values(d.kinds).flat()), flags), vague: new RegExp(any(d.vague), `g${flags}`) };
  };
  // \p{Script=Han} spelled out as ranges: the kinds name it often, and the spelled-out form compiles faster.
  if (hasSurrogate(sentence)) return (full ??= compile(expandHan, 'u'));
  return (bmp ??= compile(expandHanBmp, ''));
}

const DIGIT = /[0-9]/;

function digitIsConcrete(): boolean {
  data ??= loadData<SpecificityData>(new URL('./data/specificity.json', import.meta.url));
  return Object.values(data.kinds).some((list) => list.includes('\\d')) && !data.vague.some((p) => /\\d|0-9|\\w|\\D|\\W|\\S|\.|\[\^/.test(p));
}

/** 。！？；!?; — what ends a sentence here, by code unit. */
const isSentenceEnd = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x3b;

/** Sentences of a paragraph with at least a few letters, as [start, end). */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  let letters = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || isSentenceEnd(text.charCodeAt(i))) {
      if (letters >= 4) out.push({ start, end: i });
      start = i + 1;
      letters = 0;
    } else if (isContentAt(text, i)) letters++;
  }
  return out;
}

/** Whether a sentence names something concrete; vague names (有关部门, 负责同志) are blanked out first. */
export function isConcrete(sentence: string): boolean {
  // Most sentences are decided by a digit, with no pattern compiled.
  if (DIGIT.test(sentence) && (digitDecides ??= digitIsConcrete())) return true;
  const { kinds, vague } = patterns(sentence);
  return kinds.test(sentence.replace(vague, (m) => ' '.repeat(m.length)));
}

/** Sentences and concrete sentences of a matching view, by text, from this check and the one before. */
const counts = new TextMemo<{ sentences: number; specific: number }>();
function sentenceCounts(norm: string): { sentences: number; specific: number } {
  const list = sentences(norm);
  return { sentences: list.length, specific: list.filter((s) => isConcrete(norm.slice(s.start, s.end))).length };
}

/** Body text, including a numbered item that runs on after its heading (（一）加强督查。每季度……); not bare headings. */
const isBody = (p: Paragraph): boolean =>
  p.kind !== 'title' && p.kind !== 'heading' && p.kind !== 'table-cell' && (parseHeadingMarker(p.text) === undefined || p.text.replace(/\s/g, '').length >= 40);

export default defineRule<Options>({
  meta: {
    id: 'specificity',
    description: { zh: '捞干货：长段落没有一处具体内容（数字、日期、时限、单位、人名、地点）', en: 'long paragraphs with nothing concrete (no number, date, deadline, named unit, person or place)' },
    defaultSeverity: 'info',
    docs: 'docs/rules/specificity.md',
    messages: {
      vague: {
        zh: '本段 {chars} 字、{sentences} 句，具体内容占 {share}%（数字、日期、时限、单位、人名、地点）',
        en: 'this paragraph runs {chars} characters in {sentences} sentences, {share}% of them concrete (numbers, dates, deadlines, named units, people, places)',
      },
    },
    options: {
      minChars: { type: 'number', default: 150, min: 1, description: 'only paragraphs at least this long (characters, whitespace not counted) are judged' },
      minSentences: { type: 'number', default: 2, min: 1, description: 'and with at least this many sentences' },
      minShare: { type: 'number', default: 0, min: 0, max: 1, description: 'a paragraph is reported when its share of concrete sentences is at most this (0: none at all)' },
    },
  },
  check(doc, ctx) {
    const o = ctx.options;
    counts.nextCheck();
    let total = 0;
    let concrete = 0;
    for (const p of doc.paragraphs) {
      if (!isBody(p)) continue;
      const { sentences: count, specific } = counts.get(p.norm, sentenceCounts);
      total += count;
      concrete += specific;
      const chars = p.text.replace(/\s/g, '').length;
      if (chars < o.minChars || count < o.minSentences) continue;
      const share = specific / count;
      if (share > o.minShare) continue;
      const start = /^\s*/u.exec(p.text)![0].length;
      ctx.report({
        paragraph: p,
        start,
        end: p.text.trimEnd().length,
        messageId: 'vague',
        data: { chars, sentences: count, share: Math.round(share * 100) },
        suggestion: { zh: '捞干货：写明谁负责、做什么、何时完成、数量多少，其余删去', en: 'say who does what, by when and how much; cut the rest' },
      });
    }
    ctx.stat({ specificSentences: concrete, sentences: total, specificity: total ? Math.round((concrete / total) * 100) / 100 : 0 });
  },
});
