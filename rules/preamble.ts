// preamble (穿靴, the boots): the opening before the substance — chained lead-ins (为深入贯彻落实…精神，
// 根据…要求，在…指引下), purpose chains (为…，切实…，确保…) and political framing (增强"四个意识"、提高政治站位)
// with no measure in it. Seeds 000 and 001 forbid it; the norm is 开门见山、直奔主题.
// The lists are data: rules/data/preamble.json.
import { PhraseMatcher, defineRule, loadData, parseHeadingMarker, type Document, type Paragraph } from '../src/plugin-api.js';
import { isContentAt } from '../src/text/content-char.js';
import { loadCompiledMatcher } from '../src/text/load-data.js';

export interface PreambleData {
  prefixes: string[];
  openers: string[];
  openerNeedsObject: string[];
  closers: string[];
  framedLeadIns: string[];
  purposeExclude: string[];
  chainStarts: string[];
  framing: string[];
  substance: string[];
}

interface Options {
  maxLength: number;
  minLength: number;
  minShare: number;
  framing: boolean;
}

const data = (): PreambleData => loadData<PreambleData>(new URL('./data/preamble.json', import.meta.url));

interface Span {
  start: number;
  end: number;
}

type ClauseKind = 'substance' | 'leadin' | 'purpose' | 'chain' | 'framing';

const OPEN = '《“‘（(「『【〔［';
const CLOSE = '》”’）)」』】〕］';
const SENTENCE_END = '。！？；：';

const codeSets = new Map<string, Set<number>>();
function codesOf(chars: string): Set<number> {
  let set = codeSets.get(chars);
  if (!set) codeSets.set(chars, (set = new Set([...chars].map((ch) => ch.charCodeAt(0)))));
  return set;
}
const OPEN_CODES = codesOf(OPEN);
const CLOSE_CODES = codesOf(CLOSE);

/** Letters and digits in a slice: what "how much is said" counts, punctuation aside. */
function contentChars(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isContentAt(text, i)) n++;
  return n;
}

/** Non-whitespace characters, as a reader counts them ("开头铺垫 137 字"). */
const visibleChars = (text: string): number => text.replace(/\s/g, '').length;

/**
 * Splits `text[from, to)` at the given marks, outside brackets and quotes (so the commas inside a
 * 《…》 title or a “…” quotation do not end a clause). Each piece keeps its closing mark.
 */
function split(text: string, from: number, to: number, marks: string): Span[] {
  const out: Span[] = [];
  const markCodes = codesOf(marks);
  let depth = 0;
  let start = from;
  // Char codes, not one-character strings: this runs over whole paragraphs, some of them very long.
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (OPEN_CODES.has(c)) depth++;
    else if (CLOSE_CODES.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && markCodes.has(c)) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < to && /\S/.test(text.slice(start, to))) out.push({ start, end: to });
  return out;
}

/** Skips leading whitespace in a span. */
function trimStart(text: string, s: Span): number {
  let i = s.start;
  while (i < s.end && /\s/.test(text[i]!)) i++;
  return i;
}

/** The span without trailing punctuation and whitespace (for report ranges). */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && !isContentAt(text, end - 1) && !CLOSE.includes(text[end - 1]!)) end--;
  return end;
}

/** Digits outside 《…》: a figure is a measure; a year in a cited title is not. */
const hasFigures = (s: string): boolean => /\d/.test(s.replace(/《[^》]*》/g, ''));

const longestFirst = (list: string[]): string[] => [...list].sort((a, b) => b.length - a.length);

interface Lexicon {
  d: PreambleData;
  prefixes: string[];
  openers: string[];
  framed: PhraseMatcher<string>;
  framing: PhraseMatcher<string>;
}

let lexicon: Lexicon | undefined;

/** The framed lead-ins (为…精神) and the political framing phrases, as matchers whose values are the phrases. */
export function compilePreambleMatchers(d: PreambleData): { framed: PhraseMatcher<string>; framing: PhraseMatcher<string> } {
  const framed = new PhraseMatcher<string>(60);
  for (const p of d.framedLeadIns) framed.add(p, p);
  const framing = new PhraseMatcher<string>(12);
  for (const p of d.framing) framing.add(p, p);
  return { framed, framing };
}

/** The same matchers compiled at build time (scripts/build-matchers.mjs), or compiled here where there are none. */
function preambleMatchers(d: PreambleData): { framed: PhraseMatcher<string>; framing: PhraseMatcher<string> } {
  const framed = loadCompiledMatcher<string>(new URL('./data/generated/preamble-framed.matcher', import.meta.url));
  const framing = framed && loadCompiledMatcher<string>(new URL('./data/generated/preamble-framing.matcher', import.meta.url));
  return framed && framing ? { framed, framing } : compilePreambleMatchers(d);
}

function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const d = data();
  lexicon = { d, prefixes: ['', ...longestFirst(d.prefixes)], openers: longestFirst(d.openers), ...preambleMatchers(d) };
  return lexicon;
}

/** Hits clause by clause: a gap ("在…领导下") never reaches across a comma into another clause. */
function findInClauses(matcher: PhraseMatcher<string>, text: string, clauses = split(text, 0, text.length, '，' + SENTENCE_END)): Array<Span & { value: string }> {
  return clauses.flatMap((c) =>
    matcher.find(text.slice(c.start, c.end)).map((h) => ({ value: h.value, start: c.start + h.start, end: c.start + h.end })),
  );
}

/** Union of hit spans clipped to [start, end), as content characters (hits outside cost nothing). */
function coverage(text: string, hits: Span[], start: number, end: number): number {
  const marks = new Uint8Array(end - start);
  for (const h of hits) for (let i = Math.max(h.start, start); i < Math.min(h.end, end); i++) marks[i - start] = 1;
  let n = 0;
  for (let i = start; i < end; i++) if (marks[i - start] && isContentAt(text, i)) n++;
  return n;
}

/** prefix[i]: content characters before i that some hit covers — any range's coverage in O(1). */
function coveragePrefix(text: string, hits: Span[]): Int32Array {
  const depth = new Int32Array(text.length + 1);
  for (const h of hits) {
    depth[h.start]!++;
    depth[h.end]!--;
  }
  const prefix = new Int32Array(text.length + 1);
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    open += depth[i]!;
    prefix[i + 1] = prefix[i]! + (open > 0 && isContentAt(text, i) ? 1 : 0);
  }
  return prefix;
}

interface ParagraphView {
  p: Paragraph;
  framedHits: Span[];
  /** Ends of framed lead-ins by where they start. */
  framedAt: Map<number, number[]>;
  framingHits: Array<Span & { value: string }>;
  framingPrefix: Int32Array;
}

function viewOf(p: Paragraph, lx: Lexicon): ParagraphView {
  const clauses = split(p.norm, 0, p.norm.length, '，' + SENTENCE_END);
  const framedHits = findInClauses(lx.framed, p.norm, clauses);
  const framedAt = new Map<number, number[]>();
  for (const h of framedHits) framedAt.set(h.start, [...(framedAt.get(h.start) ?? []), h.end]);
  const framingHits = findInClauses(lx.framing, p.norm, clauses);
  return { p, framedHits, framedAt, framingHits, framingPrefix: coveragePrefix(p.norm, framingHits) };
}

const framingCoverage = (view: ParagraphView, start: number, end: number): number => view.framingPrefix[end]! - view.framingPrefix[start]!;

/**
 * 根据《…法》第N条, 根据《…》（…〔2022〕14号）, 按照…《关于…的通知》要求: a lead-in that names the document it relies on
 * (title marks and an article, a 文号 or a 关于… title) is the legal basis, not a preamble — unless it also carries slogans.
 */
function citesLegalBasis(view: ParagraphView, body: string, start: number, end: number): boolean {
  if (!/^(?:根据|按照|依据|依照|遵照)/u.test(body)) return false;
  const titles = body.match(/《[^》]+》/gu);
  if (!titles) return false;
  const specific = /第[一二三四五六七八九十百零〇\d]+条|〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号|\d+\s*号/u.test(body) || titles.some((t) => /^《关于.+》$/u.test(t));
  if (!specific) return false;
  return framingCoverage(view, start, end) === 0 && !/精神|重要指示|重要讲话|决策部署|旗帜|指引/u.test(body.replace(/《[^》]*》/gu, ''));
}

/** Whether the clause is a lead-in (为深入贯彻落实…, 根据…要求, 在…指引下), its opener after a prefix such as 为深入. */
function isLeadIn(view: ParagraphView, lx: Lexicon, start: number, end: number): boolean {
  const text = view.p.norm;
  for (const prefix of lx.prefixes) {
    if (!text.startsWith(prefix, start)) continue;
    const at = start + prefix.length;
    const opener = lx.openers.find((o) => text.startsWith(o, at));
    if (opener) {
      const rest = text.slice(at + opener.length, end);
      // 落实、围绕 … open a lead-in only with what they carry out (落实…要求); "落实责任" is a measure.
      if (!lx.d.openerNeedsObject.includes(opener) || rest.includes('关于') || lx.d.closers.some((c) => rest.includes(c))) return true;
    }
    if (view.framedAt.get(at)?.some((e) => e <= end)) return true;
  }
  return false;
}

function classify(view: ParagraphView, lx: Lexicon, clause: Span, inChain: boolean): ClauseKind {
  const text = view.p.norm;
  const start = trimStart(text, clause);
  const body = text.slice(start, clause.end);
  if (lx.d.substance.some((s) => body.includes(s))) return 'substance';
  if (isLeadIn(view, lx, start, clause.end)) return citesLegalBasis(view, body, start, clause.end) ? 'substance' : 'leadin';
  if (body.startsWith('为') && !lx.d.purposeExclude.some((x) => body.startsWith(x))) return 'purpose';
  const content = contentChars(text, start, clause.end);
  if (content && framingCoverage(view, start, clause.end) >= content * 0.5) return 'framing';
  if (inChain && !hasFigures(body) && lx.d.chainStarts.some((c) => body.startsWith(c))) return 'chain';
  return 'substance';
}

/** A lead-in that opens "关于…" carries on over commas until what it cites is named (…的重要指示批示精神). */
function leadInEnd(view: ParagraphView, lx: Lexicon, clauses: Span[], i: number): number {
  const text = view.p.norm;
  const first = clauses[i]!;
  // Only inside the clause: a search back to the paragraph's start would make long paragraphs quadratic.
  const inClause = text.slice(first.start, first.end).lastIndexOf('关于');
  if (inClause < 0) return i;
  const about = first.start + inClause;
  const closed = (s: number, e: number): boolean => lx.d.closers.some((c) => text.slice(s, e).includes(c));
  if (closed(about, first.end)) return i;
  for (let j = i + 1; j < clauses.length && j <= i + 3; j++) {
    const c = clauses[j]!;
    if (lx.d.substance.some((s) => text.slice(c.start, c.end).includes(s))) return i;
    if (closed(c.start, c.end)) return j;
  }
  return i;
}

const isHeadingLike = (p: Paragraph): boolean => p.kind === 'heading' || parseHeadingMarker(p.text) !== undefined;

/** A line with no sentence punctuation: a 文号, a subtitle, a 主送机关 line, a run-in heading. */
const isBareLine = (p: Paragraph): boolean => {
  const t = p.norm.trim();
  return t.length <= 50 && !/[，。；！？]/.test(t.slice(0, -1)) && !/[。；！？]$/.test(t);
};

/** The paragraphs of the opening: body text after the title, before the first heading (at most three). */
function openingParagraphs(doc: Document): Paragraph[] {
  const titleAt = doc.paragraphs.findIndex((p) => p.kind === 'title');
  const out: Paragraph[] = [];
  for (const p of doc.paragraphs.slice(titleAt + 1)) {
    const t = p.norm.trim();
    if (!t) continue;
    if (isHeadingLike(p) || p.kind === 'table-cell') break;
    if (isBareLine(p)) {
      if (out.length) break;
      continue;
    }
    // 主送机关: "各区县人民政府，市政府各部门，各直属机构：" — a list of names, not "为…，现将…如下："
    if (!out.length && t.endsWith('：') && t.length <= 80 && !/[。；]|如下|现将|现就/.test(t) && !/^(为|根据|按照|依据|在|以)/.test(t)) continue;
    out.push(p);
    if (out.length === 3) break;
  }
  return out;
}

interface Found {
  /** The preamble's pieces, paragraph by paragraph. */
  parts: Array<{ view: ParagraphView; start: number; end: number; boiler: Span[] }>;
  /** Where the substance starts, if it does within the opening. */
  substance?: { view: ParagraphView; start: number; end: number };
}

export default defineRule<Options>({
  meta: {
    id: 'preamble',
    description: { zh: '穿靴戴帽：正文开头的引述、表态铺垫过长', en: 'a long preamble of lead-ins and political framing before the substance' },
    defaultSeverity: 'warning',
    docs: 'docs/rules/preamble.md',
    messages: {
      long: { zh: '开头铺垫 {length} 字，其中套语占 {share}%：建议开门见山', en: 'the opening runs {length} characters before the substance, {share}% of them set phrases: get to the point' },
      framing: {
        zh: '开头表态 {length} 字（{phrases}），没有具体措施',
        en: 'the opening declares loyalty for {length} characters ({phrases}) with no measure in it',
      },
    },
    options: {
      maxLength: { type: 'number', default: 80, min: 0, description: 'an opening longer than this many characters before the substance is reported' },
      minLength: { type: 'number', default: 40, min: 0, description: 'a shorter one is reported only when it is this long and mostly set phrases' },
      minShare: { type: 'number', default: 0.6, min: 0, max: 1, description: '"mostly set phrases": the share of lead-in and framing characters' },
      framing: { type: 'boolean', default: true, description: 'also report opening sentences of political framing after the substance has started' },
    },
  },
  check(doc, ctx) {
    const lx = getLexicon();
    const opening = openingParagraphs(doc);
    if (!opening.length) return;
    const views: ParagraphView[] = opening.map((p) => viewOf(p, lx));

    const found: Found = { parts: [] };
    let inChain = false;
    walk: for (const view of views) {
      const text = view.p.norm;
      const partStart = trimStart(text, { start: 0, end: text.length });
      const boiler: Span[] = [];
      for (const sentence of split(text, 0, text.length, SENTENCE_END)) {
        const clauses = split(text, sentence.start, sentence.end, '，');
        let preambleInSentence = false;
        for (let i = 0; i < clauses.length; i++) {
          const clause = clauses[i]!;
          const kind = classify(view, lx, clause, inChain || preambleInSentence);
          if (kind === 'substance') {
            if (found.parts.length || clause.start > partStart) found.parts.push({ view, start: partStart, end: clause.start, boiler });
            found.substance = { view, start: trimStart(text, clause), end: clause.end };
            break walk;
          }
          if (kind === 'leadin') {
            const last = leadInEnd(view, lx, clauses, i);
            boiler.push({ start: clause.start, end: clauses[last]!.end });
            i = last;
          } else if ((kind === 'purpose' || kind === 'chain') && !hasFigures(text.slice(clause.start, clause.end))) {
            // By structure: a purpose chain with no figure in it (为…，进一步…，确保…) is preamble whatever its words.
            boiler.push(clause);
          }
          preambleInSentence = true;
        }
        inChain = true; // a sentence made only of preamble: the next one may carry on the chain
      }
      found.parts.push({ view, start: partStart, end: text.length, boiler });
    }

    const [first] = found.parts;
    if (first) {
      let length = 0;
      let content = 0;
      let boilerChars = 0;
      for (const part of found.parts) {
        const text = part.view.p.norm;
        length += visibleChars(part.view.p.text.slice(part.start, trimEnd(text, part.start, part.end)));
        content += contentChars(text, part.start, part.end);
        boilerChars += coverage(text, [...part.boiler, ...part.view.framingHits], part.start, part.end);
      }
      const share = content ? boilerChars / content : 0;
      const o = ctx.options;
      if (length > o.maxLength || (length >= o.minLength && share >= o.minShare)) {
        const text = first.view.p.norm;
        const sameParagraph = found.substance?.view === first.view;
        const end = trimEnd(text, first.start, sameParagraph ? found.substance!.start : first.end);
        const sub = found.substance;
        let suggestion = { zh: '开门见山：第一句写清做什么、谁来做、何时完成', en: 'start with what is to be done, by whom and by when' };
        if (sub) {
          const raw = sub.view.p.text.slice(sub.start, trimEnd(sub.view.p.norm, sub.start, sub.end));
          const begin = [...raw].length > 16 ? `${[...raw].slice(0, 16).join('')}…` : raw;
          suggestion = { zh: `删去引述和表态，直接从"${begin}"写起`, en: `drop the citations and declarations; start with "${begin}"` };
        }
        ctx.report({ paragraph: first.view.p, start: first.start, end, messageId: 'long', data: { length, share: Math.round(share * 100) }, suggestion });
      }
    }

    if (!ctx.options.framing || !found.substance) return;
    // Political framing after the substance has started, still in the opening (seed 000's second sentence).
    const from = views.indexOf(found.substance.view);
    for (const view of views.slice(from)) {
      const text = view.p.norm;
      let run: { start: number; end: number; phrases: Set<string> } | undefined;
      const flush = (): void => {
        if (!run) return;
        const end = trimEnd(text, run.start, run.end);
        ctx.report({
          paragraph: view.p,
          start: run.start,
          end,
          messageId: 'framing',
          data: { length: visibleChars(view.p.text.slice(run.start, end)), phrases: [...run.phrases].slice(0, 3).map((s) => `"${s}"`).join(ctx.locale === 'zh' ? '、' : ', ') },
          suggestion: { zh: '删去，或改写为具体措施：谁、做什么、何时完成', en: 'cut it, or turn it into a measure: who does what by when' },
        });
        run = undefined;
      };
      // Framing hits are in text order and never cross a sentence: one pointer walks them with the sentences.
      const all = view.framingHits;
      let k = 0;
      for (const sentence of split(text, 0, text.length, '。！？；')) {
        const start = trimStart(text, sentence);
        while (k < all.length && all[k]!.start < start) k++;
        const hits: typeof all = [];
        for (let j = k; j < all.length && all[j]!.start < sentence.end; j++) if (all[j]!.end <= sentence.end) hits.push(all[j]!);
        // The sentence the substance starts in is not framing, whatever else it says.
        if (view === found.substance.view && sentence.start <= found.substance.start) continue;
        const body = text.slice(start, sentence.end);
        const distinct = new Set(hits.map((h) => text.slice(h.start, h.end)));
        const content = contentChars(text, start, sentence.end);
        const isFraming = content >= 20 && !hasFigures(body) && (distinct.size >= 3 || framingCoverage(view, start, sentence.end) >= content * 0.5);
        if (isFraming) {
          run ??= { start, end: sentence.end, phrases: new Set() };
          run.end = sentence.end;
          for (const h of hits) run.phrases.add(view.p.text.slice(h.start, h.end));
        } else flush();
      }
      flush();
    }
  },
});
