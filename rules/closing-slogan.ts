// closing-slogan (戴帽, the hat): a draft whose body ends in slogans — 为…而努力奋斗, 作出新的更大的贡献,
// 奋力开创…新局面, 以优异成绩迎接…, 谱写…新篇章 — instead of a requirement someone can act on.
// The closing is the last sentences of the body, before 特此通知, the signature, the date and any 版记 or
// web-page debris; it is reported when slogans make up most of it. Lists: rules/data/closing-slogan.json.
import { PhraseMatcher, defineRule, loadData, parseHeadingMarker, type Paragraph } from '../src/plugin-api.js';
import { isContentAt } from '../src/text/content-char.js';
import { loadCompiledMatcher } from '../src/text/load-data.js';
import { compilePattern } from './formula-pattern.js';

export interface SloganData {
  gapMax?: number;
  slots?: Record<string, string[]>;
  slogans: string[];
  exhortations: string[];
  trailer: string[];
}

interface Options {
  minShare: number;
  minChars: number;
}

interface Span {
  start: number;
  end: number;
}

interface Hit extends Span {
  /** A slogan proper; exhortations only add to a closing that has one. */
  strong: boolean;
}

const DATA = new URL('./data/closing-slogan.json', import.meta.url);
/** The slogans compiled at build time (scripts/build-matchers.mjs). */
const COMPILED = new URL('./data/generated/closing-slogan.matcher', import.meta.url);
const data = (): SloganData => loadData<SloganData>(DATA);

const OPEN = '《“‘（(「『【〔［';
const CLOSE = '》”’）)」』】〕］';

let compiled: { matcher: PhraseMatcher<boolean>; trailer: RegExp[] } | undefined;

/** Slogans (true) and exhortations (false), shapes written in the formula grammar ({CREATE}…新{NEW}), as one matcher. */
export function compileSlogans(d: SloganData): PhraseMatcher<boolean> {
  const matcher = new PhraseMatcher<boolean>({ gapMax: d.gapMax ?? 40, gapMin: 0 });
  const add = (pattern: string, strong: boolean): void => {
    for (const c of compilePattern(pattern, d.slots)) matcher.addParts(c.parts, strong, c.gaps.map((g) => g ?? d.gapMax ?? 40));
  };
  for (const s of d.slogans) add(s, true);
  for (const s of d.exhortations) add(s, false);
  return matcher;
}

function lexicon(): { matcher: PhraseMatcher<boolean>; trailer: RegExp[] } {
  if (compiled) return compiled;
  const d = data();
  const matcher = loadCompiledMatcher<boolean>(COMPILED) ?? compileSlogans(d);
  compiled = { matcher, trailer: d.trailer.map((t) => new RegExp(t, 'iu')) };
  return compiled;
}

/** Splits `text[from, to)` after each mark, outside brackets and quotes; each piece keeps its mark. */
function split(text: string, from: number, to: number, marks: string): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && marks.includes(ch)) {
      // "！”" and "。）": the closing quote or bracket belongs to the sentence it ends.
      while (i + 1 < to && CLOSE.includes(text[i + 1]!)) i++;
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < to && text.slice(start, to).trim()) out.push({ start, end: to });
  return out;
}

/** covered[i] = 1 where some hit covers character i: a sentence's coverage without re-reading every hit. */
function coverageMask(length: number, hits: Span[]): Uint8Array {
  const depth = new Int32Array(length + 1);
  for (const h of hits) {
    depth[h.start]!++;
    depth[h.end]!--;
  }
  const mask = new Uint8Array(length);
  let open = 0;
  for (let i = 0; i < length; i++) {
    open += depth[i]!;
    mask[i] = open > 0 ? 1 : 0;
  }
  return mask;
}

/**
 * Letters and digits of [start, end) outside parentheses — an aside such as "（以下简称…）" or the pinyin
 * "(chuàng)" of seed 001 weighs nothing — optionally only those some hit covers.
 */
function contentChars(text: string, start: number, end: number, covered?: Uint8Array): number {
  let n = 0;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (!depth && isContentAt(text, i) && (!covered || covered[i])) n++;
  }
  return n;
}

/**
 * The slogan share of a sentence: a clause (between ， ； ：) counts as slogan when slogans and empty
 * calls cover at least 40% of it, so "为全面建设社会主义现代化国家而努力奋斗" counts whole, not just its
 * set words. A sentence with no slogan proper has no share: a plain requirement is not a hat.
 */
function sloganShare(text: string, covered: Uint8Array, hasStrong: boolean, s: Span): { slogan: number; total: number } {
  let slogan = 0;
  let total = 0;
  if (!hasStrong) return { slogan, total: contentChars(text, s.start, s.end) };
  for (const c of split(text, s.start, s.end, '，；：')) {
    const n = contentChars(text, c.start, c.end);
    total += n;
    if (n && contentChars(text, c.start, c.end, covered) >= n * 0.4) slogan += n;
  }
  return { slogan, total };
}

/** The last paragraph of the body: trailing formulas, signature, date, 版记 and debris skipped. */
function closingParagraph(paragraphs: Paragraph[], trailer: RegExp[]): Paragraph | undefined {
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i]!;
    const t = p.norm.trim();
    if (p.kind === 'title') return undefined;
    if (trailer.some((re) => re.test(t))) continue;
    if (p.kind === 'heading') return undefined;
    return p;
  }
  return undefined;
}

export default defineRule<Options>({
  meta: {
    id: 'closing-slogan',
    description: { zh: '戴帽：正文以口号收尾', en: 'the body ends in slogans' },
    defaultSeverity: 'warning',
    docs: 'docs/rules/closing-slogan.md',
    messages: {
      slogan: {
        zh: '结尾口号 {length} 字，口号占 {share}%（{phrases}）',
        en: 'the closing is {share}% slogans over {length} characters ({phrases})',
      },
    },
    options: {
      minShare: { type: 'number', default: 0.6, min: 0, max: 1, description: 'a closing sentence counts as a slogan when slogan clauses make up at least this share of it' },
      minChars: { type: 'number', default: 8, min: 1, description: 'and when its slogan clauses have at least this many characters' },
    },
  },
  check(doc, ctx) {
    const { matcher, trailer } = lexicon();
    const p = closingParagraph(doc.paragraphs, trailer);
    if (!p) return;
    const text = p.norm;
    // Matched clause by clause: a gap ("为…而努力奋斗") never reaches across a comma to an unrelated 为.
    const hits: Hit[] = split(text, 0, text.length, '，；：。！？!?').flatMap((c) =>
      matcher.find(text.slice(c.start, c.end)).map((h) => ({ start: c.start + h.start, end: c.start + h.end, strong: h.value })),
    );
    if (!hits.some((h) => h.strong)) return;
    const sentences = split(text, 0, text.length, '。！？；!?');
    // Walk back from the last sentence while sentences are slogans: that run is the hat.
    let from = sentences.length;
    let slogan = 0;
    let total = 0;
    const covered = coverageMask(text.length, hits);
    // Strong hits by sentence, in one pass (hits and sentences are both in text order).
    const strongIn = new Uint8Array(sentences.length);
    const byStart = [...hits].filter((h) => h.strong).sort((a, b) => a.start - b.start);
    let si = 0;
    for (const h of byStart) {
      while (si < sentences.length && sentences[si]!.end <= h.start) si++;
      if (si < sentences.length && h.end <= sentences[si]!.end) strongIn[si] = 1;
    }
    for (let i = sentences.length - 1; i >= 0; i--) {
      const s = sentences[i]!;
      // A numbered item ("30.加强监督引导。") is a measure, not a closing; nor is its heading sentence.
      if (i === 0 && parseHeadingMarker(text.slice(s.start)) && sentences.length > 1) break;
      const share = sloganShare(text, covered, strongIn[i] === 1, s);
      if (!share.total || share.slogan < share.total * ctx.options.minShare) break;
      from = i;
      slogan += share.slogan;
      total += share.total;
    }
    if (from === sentences.length || slogan < ctx.options.minChars) return;
    let start = sentences[from]!.start;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    const end = sentences.at(-1)!.end;
    const inside = hits.filter((h) => h.strong && h.start >= start && h.end <= end);
    // Longest first, and no phrase inside one already named ("更加饱满的热情" in "以更加饱满的热情").
    const named: string[] = [];
    const distinct = [...new Set(inside.map((h) => p.text.slice(h.start, h.end)))].sort((x, y) => y.length - x.length);
    for (const phrase of distinct) {
      if (named.length === 3) break;
      if (!named.some((n) => n.includes(phrase))) named.push(phrase);
    }
    const phrases = named.slice(0, 3).map((s) => `"${s}"`).join(ctx.locale === 'zh' ? '、' : ', ');
    ctx.report({
      paragraph: p,
      start,
      end,
      messageId: 'slogan',
      data: { length: p.text.slice(start, end).replace(/\s/g, '').length, share: Math.round((slogan / total) * 100), phrases },
      suggestion: {
        zh: '删去口号，以具体要求收尾（时限、责任单位、联系人），或直接用"特此通知"',
        en: 'cut the slogans; end with a concrete requirement (deadline, office in charge, contact) or simply 特此通知',
      },
    });
  },
});
