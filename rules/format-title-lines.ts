// Where a 公文 title set over several lines breaks (GB/T 9704-2012 7.3.3: 回行时要做到词意完整): the title's lines,
// from its paragraphs and the line breaks inside them (.docx w:br), and whether a break splits a word or leaves
// a function word (的, 和, 与, 及) at the end of a line. Words are judged with the project's word list.
import { loadData, type Document, type Paragraph } from '../src/plugin-api.js';
import { loadLexicon, type Lexicon } from '../src/text/lexicon.js';
import { bodyParagraphBlocks } from '../src/layout/docx/paragraph-format.js';

interface TitleBreakData {
  functionWords: string[];
  maxWordLength: number;
  contextChars: number;
}

let data: TitleBreakData | undefined;
const settings = (): TitleBreakData => (data ??= loadData<{ titleBreak: TitleBreakData }>(new URL('./data/format-elements.json', import.meta.url)).titleBreak);

let lexicon: Lexicon | null | undefined;
const words = (): Lexicon | null => (lexicon === undefined ? (lexicon = loadLexicon(new URL('./data/generated/lexicon.u16', import.meta.url))) : lexicon);

/** One line of the title: a paragraph's text from `start` to `end` (spaces at either end left out). */
export interface TitleLine {
  paragraph: Paragraph;
  start: number;
  end: number;
}

const isHan = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);

/** The title's lines in order: each title paragraph, cut at its line breaks. */
export function titleLines(doc: Document, titles: Paragraph[]): TitleLine[] {
  const blocks = bodyParagraphBlocks(doc);
  const out: TitleLine[] = [];
  for (const p of titles) {
    const cuts = [p.numberingLength ?? 0];
    for (const b of blocks?.get(p.index)?.breaks ?? []) if (b.type === 'line') cuts.push((p.numberingLength ?? 0) + b.offset);
    cuts.push(p.text.length);
    for (let i = 0; i + 1 < cuts.length; i++) {
      let s = cuts[i]!;
      let e = cuts[i + 1]!;
      while (s < e && /[\s\u3000]/.test(p.text[s]!)) s++;
      while (e > s && /[\s\u3000]/.test(p.text[e - 1]!)) e--;
      if (e > s) out.push({ paragraph: p, start: s, end: e });
    }
  }
  return out;
}

/** Token ends of the best segmentation of `s` (most probable words; a character the list lacks is unlikely). */
function segmentEnds(lex: Lexicon, s: string, maxLen: number): Set<number> {
  const n = s.length;
  const best = new Float64Array(n + 1);
  const take = new Uint8Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const b1 = lex.bucket(s, i, 1);
    best[i] = (b1 >= 0 ? lex.logProb(b1) : -32) + best[i + 1]!;
    take[i] = 1;
    for (let len = 2; len <= maxLen && i + len <= n; len++) {
      const b = lex.bucket(s, i, len);
      if (b < 0) continue;
      const v = lex.logProb(b) + best[i + len]!;
      if (v > best[i]!) {
        best[i] = v;
        take[i] = len;
      }
    }
  }
  const ends = new Set<number>();
  for (let i = 0; i < n; i += take[i]!) ends.add(i + take[i]!);
  return ends;
}

export type TitleBreakFault =
  /** The break splits `word`: its first `before` characters end the line. */
  | { kind: 'word'; word: string; before: number }
  /** The line ends with `word`, a function word that joins the next line. */
  | { kind: 'function'; word: string };

/**
 * What is wrong with breaking the title between `before` (a line's text) and `after` (the next line's), or
 * undefined when the break falls between words. A word split by the break is a word of the list, 2–4
 * characters, spanning the break in the most probable segmentation of the text around it; where that word is two
 * words of two characters or more meeting at the break (应用 / 程序), the break stands.
 */
export function breakFault(before: string, after: string): TitleBreakFault | undefined {
  const lex = words();
  if (!lex) return undefined;
  const { functionWords, maxWordLength, contextChars } = settings();
  // The Han characters on each side of the break, up to contextChars.
  let a = before.length;
  while (a > 0 && before.length - a < contextChars && isHan(before[a - 1])) a--;
  let b = 0;
  while (b < after.length && b < contextChars && isHan(after[b])) b++;
  const left = before.slice(a);
  const right = after.slice(0, b);
  if (left.length === 0) return undefined;
  const joined = left + right;
  const k = left.length;
  const maxLen = Math.min(maxWordLength, lex.maxLen);
  if (right.length > 0) {
    const ends = segmentEnds(lex, joined, maxLen);
    if (!ends.has(k)) {
      // The token that spans the break.
      let start = 0;
      for (const e of [...ends].sort((x, y) => x - y)) {
        if (e > k) {
          const len = e - start;
          // A compound of two words that meet at the break (安全 / 生产) may break there; a word cut into a
          // character and the rest (共和 / 国, 管 / 理) may not.
          const compound = k - start >= 2 && e - k >= 2 && lex.bucket(joined, start, k - start) >= 0 && lex.bucket(joined, k, e - k) >= 0;
          if (len >= 2 && !compound && lex.bucket(joined, start, len) >= 0) return { kind: 'word', word: joined.slice(start, e), before: k - start };
          break;
        }
        start = e;
      }
    }
  }
  // A function word ends the line when the line's own segmentation ends with it as a word of its own.
  const ends = [...segmentEnds(lex, left, maxLen)].sort((x, y) => x - y);
  const lastStart = ends.length > 1 ? ends[ends.length - 2]! : 0;
  const last = left.slice(lastStart);
  if (functionWords.includes(last)) return { kind: 'function', word: last };
  return undefined;
}
