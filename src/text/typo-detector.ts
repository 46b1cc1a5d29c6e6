// Finds misspellings no list names: a 2–4-character span that is not a word, where putting back one
// character that sounds alike, sounds nearly alike or looks alike — or a character dropped from or
// doubled in a fixed phrase — gives a common word, and the text around it then segments far more
// probably than as written (a noisy-channel comparison of the best segmentation of a small window, with
// and without the change). Linear in the text: every position is looked at for a bounded number of
// spans, each a few hash lookups in the lexicon and a merge of two short sorted lists.
import { READINGS_FROM, READING_BASE, type Lexicon } from './lexicon.js';

export interface SimilarityData {
  nearInitials: string[][];
  nearFinals: string[][];
  shapes: string[];
  /** Rare characters that look like a common one, as pairs "rare common" (釆 采, 巳 已): a rare one inside
   * what would be a word with the common one is a slip wherever it stands, however the text segments. */
  variants?: string[];
}

export interface DetectorGuards {
  surnames: string;
  nameCues: string;
  /** Numerals: never the character to replace (千人, 两优一先 are counts, not slips). */
  numerals?: string;
  /** Characters of administrative units and levels: a two-character span holding one is most often
   * part of an abbreviation or a name (住建局, 市委网信办, 厅直, 省部, 双河镇), not a broken word. */
  unitChars?: string;
  /** Characters that name a body after 我/本/该/贵 (我院, 本局, 该所). */
  bodies?: string;
  /** Measure words: never the character an uncontested correction replaces (共项: a count left blank). */
  measures?: string;
  /** Suffixes that end a word (漏损率): never replaced at the start of an uncontested correction. */
  suffixes?: string;
}

export type SlipKind = 'sound' | 'near-sound' | 'shape' | 'variant' | 'dropped' | 'doubled';

export interface DetectedTypo {
  start: number;
  end: number;
  /** The corrected span. */
  right: string;
  kind: SlipKind;
  /** Log2 of how much more probable the window is corrected than as written, after the slip's cost. */
  gain: number;
}

export interface DetectorOptions {
  /** Minimum gain (log2) to report. */
  minGain: number;
  /** The corrected word must be at least this frequent (half-log2 bucket of jieba's count). */
  minRightBucket: number;
  /** Log2 cost of each token: a reading in fewer, longer words is the likelier one (a slip splits a
   * word into single characters that happen to be frequent on their own). */
  tokenCost: number;
  /** A character standing alone whose own count is at least this bucket (的, 是, 在, 要) is ordinary
   * text, not a sign of a broken word: spans are looked at only around other lone characters. */
  maxLoneBucket: number;
}

export const defaultDetectorOptions: DetectorOptions = { minGain: 11, minRightBucket: 9, tokenCost: 2, maxLoneBucket: 30 };

/** Log2 cost of each kind of slip: how much less likely it is than a plain homophone. */
const SLIP_COST: Record<SlipKind, number> = { sound: 0, 'near-sound': 2, shape: 2, variant: 0, dropped: 4, doubled: 4 };
/** The gain given to a look-alike variant inside a word: above any comparison's, as it is no guess. */
const VARIANT_GAIN = 64;
/** A word whose first or last character is found doubled must be at least this common (进一步: 27). */
const DOUBLED_EDGE_MIN_BUCKET = 20;
/** Extra log2 cost of a three-character correction that only extends a word standing right as written
 * by its last or first character (领导任主任 read as 领导人): the lone character is more often a word of
 * its own. */
const EXTENSION_COST = 3;
/** Log2-probability of a character the lexicon does not know at all. */
const UNKNOWN = -32;
/** Characters of context on each side of a span when comparing segmentations. */
const MARGIN = 4;
/** How far the exact gain may exceed the quick estimate from the span alone (a corrected word can
 * also join better with its neighbours). */
const ESTIMATE_SLACK = 6;

/** Fewer characters than this per detected slip in a paragraph means the paragraph is not ordinary prose. */
const CHARS_PER_SLIP_AT_MOST = 60;
/** In such a paragraph, a find this strong still stands: a draft typed in haste has several slips in
 * one paragraph, and they are clear ones. */
const GAIN_IN_DENSE_PARAGRAPH = 14;
/** How much less gain a two-character correction needs when it takes no character from a neighbouring
 * word (see uncontested()). */
const UNCONTESTED_BONUS = 2;
/** The replaced character of an uncontested correction is at least this common on its own (梗: 18). */
const UNCONTESTED_MIN_CHAR_BUCKET = 18;

/** Flags of TypoDetector.guardOf. */
const SURNAME = 1;
const NAME_CUE = 2;
const NUMERAL = 4;

const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;

export class TypoDetector {
  /** By character code: the shape groups (similar.shapes) that hold it, concatenated. */
  private readonly shapeMates = new Map<number, string>();
  private readonly foldInitial: Array<[string, string]>;
  private readonly foldFinal: Array<[string, string]>;
  /** By syllable number (lexicon.readingUnits): a number for the syllable with its near sounds folded
   * together, the same for syllables that fold alike; 0 until first asked. */
  private readonly foldedIds: Int32Array;
  private readonly foldedNumber = new Map<string, number>();
  private readonly variantOf = new Map<string, string>();
  /** By character code: 1 where a look-alike variant stands (a cheap test for every character of a text). */
  private readonly isVariant = new Uint8Array(0x10000);
  /** By character code: SURNAME, NAME_CUE and NUMERAL where guards.surnames, nameCues and numerals hold it. */
  private readonly guardOf = new Uint8Array(0x10000);
  /** The written character slip() was last asked about: its reading units (the first a syllable number,
   * or none at all), their folded numbers (−1: none) and its shape mates. */
  private wrong = -1;
  private readonly wrongReadings = new Int32Array(3);
  private readonly wrongFolded = new Int32Array(3);
  private wrongMates = '';
  /** The kind of the slip nextSlip() found last. */
  private slipFound: SlipKind | undefined;
  /** Working arrays of detectRun() and segment(), kept from run to run (a page has dozens of runs). */
  private runBuckets = new Int8Array(0);
  private runBest = new Float64Array(0);
  private runTake = new Uint8Array(0);
  private runStarts = new Uint8Array(0);
  private runLone = new Int32Array(0);
  /** Longest word the segmentation looks for: idioms are four characters, and longer entries (names of
   * bodies, 中华人民共和国) hardly change where a slip of two to four characters is found. */
  private readonly maxLen: number;

  constructor(
    private readonly lex: Lexicon,
    similar: SimilarityData,
    private readonly guards: DetectorGuards,
    private readonly opts: DetectorOptions = defaultDetectorOptions,
  ) {
    this.maxLen = Math.min(4, lex.maxLen);
    for (const group of similar.shapes) {
      for (let j = 0; j < group.length; j++) {
        const code = group.charCodeAt(j);
        this.shapeMates.set(code, (this.shapeMates.get(code) ?? '') + group);
      }
    }
    for (const pair of similar.variants ?? []) {
      const [rare, common] = [...pair.replace(/\s/g, '')];
      if (rare && common) {
        this.variantOf.set(rare, common);
        if (rare.length === 1) this.isVariant[rare.charCodeAt(0)] = 1;
      }
    }
    this.foldedIds = new Int32Array(lex.syllableCount);
    for (let j = 0; j < guards.surnames.length; j++) this.guardOf[guards.surnames.charCodeAt(j)]! |= SURNAME;
    for (let j = 0; j < guards.nameCues.length; j++) this.guardOf[guards.nameCues.charCodeAt(j)]! |= NAME_CUE;
    for (let j = 0; j < (guards.numerals ?? '').length; j++) this.guardOf[guards.numerals!.charCodeAt(j)]! |= NUMERAL;
    // Longest first, so "zh" is folded before "z" could match and "iang" before "ang".
    this.foldInitial = similar.nearInitials.map(([a, b]) => [a!, b!] as [string, string]).sort((x, y) => y[0].length - x[0].length);
    this.foldFinal = similar.nearFinals.map(([a, b]) => [a!, b!] as [string, string]).sort((x, y) => y[0].length - x[0].length);
  }

  /** The number of a syllable with its near sounds folded together (each syllable folded once). */
  private folded(unit: number): number {
    const at = unit - READING_BASE;
    let id = this.foldedIds[at]!;
    if (id === 0) {
      const f = this.fold(this.lex.syllable(unit));
      id = this.foldedNumber.get(f) ?? this.foldedNumber.size + 1;
      this.foldedNumber.set(f, id);
      this.foldedIds[at] = id;
    }
    return id;
  }

  private fold(syllable: string): string {
    let s = syllable;
    for (let j = 0; j < this.foldInitial.length; j++) {
      const [from, to] = this.foldInitial[j]!;
      if (s.startsWith(from)) { s = to + s.slice(from.length); break; }
    }
    for (let j = 0; j < this.foldFinal.length; j++) {
      const [from, to] = this.foldFinal[j]!;
      if (s.endsWith(from)) { s = s.slice(0, -from.length) + to; break; }
    }
    return s;
  }

  /** How the character `wrong` may have been written for `right` (two different UTF-16 codes), or null
   * when they are not confusable: a shared reading, then the same shape group, then a shared reading once
   * near sounds are folded. Numbers only: the text asks about thousands of pairs. */
  slip(wrong: number, right: number): SlipKind | null {
    // The written character is asked about against many candidates in a row: its side is looked up once.
    if (wrong !== this.wrong) this.setWrong(wrong);
    const units = this.lex.readingUnits;
    const r = (right - READINGS_FROM) * 3;
    const read = this.wrongReadings[0]! >= READING_BASE && r >= 0 && r < units.length;
    if (read) {
      const r0 = units[r]!;
      const r1 = units[r + 1]!;
      const r2 = units[r + 2]!;
      for (let i = 0; i < 3; i++) {
        const u = this.wrongReadings[i]!;
        if (u >= READING_BASE && (r0 === u || r1 === u || r2 === u)) return 'sound';
      }
    }
    const mates = this.wrongMates;
    for (let j = 0; j < mates.length; j++) if (mates.charCodeAt(j) === right) return 'shape';
    if (read) {
      for (let j = r; j < r + 3; j++) {
        if (units[j]! < READING_BASE) continue;
        const f = this.folded(units[j]!);
        if (f === this.wrongFolded[0] || f === this.wrongFolded[1] || f === this.wrongFolded[2]) return 'near-sound';
      }
    }
    return null;
  }

  /** The index in `chars`, from `from` on, of the first character other than `wrong` that it may have
   * been written for, its kind left in slipFound; chars.length when there is none. (One call per
   * candidate list: most lists hold dozens of characters and no slip.) */
  private nextSlip(wrong: number, chars: string, from: number): number {
    for (let c = from; c < chars.length; c++) {
      const code = chars.charCodeAt(c);
      if (code === wrong) continue;
      const kind = this.slip(wrong, code);
      if (kind) {
        this.slipFound = kind;
        return c;
      }
    }
    return chars.length;
  }

  private setWrong(wrong: number): void {
    this.wrong = wrong;
    const units = this.lex.readingUnits;
    const w = (wrong - READINGS_FROM) * 3;
    for (let i = 0; i < 3; i++) {
      const u = w >= 0 && w < units.length ? units[w + i]! : 0;
      this.wrongReadings[i] = u;
      this.wrongFolded[i] = u >= READING_BASE ? this.folded(u) : -1;
    }
    this.wrongMates = this.shapeMates.get(wrong) ?? '';
  }

  private tokenScore(bucket: number): number {
    return (bucket >= 0 ? this.lex.logProb(bucket) : UNKNOWN) - this.opts.tokenCost;
  }

  /** Best segmentation score (log2-probability) of `s`. */
  private score(s: string): number {
    const n = s.length;
    const best = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      let top = this.tokenScore(this.lex.bucket(s, i, 1)) + best[i + 1]!;
      for (let len = 2; len <= this.maxLen && i + len <= n; len++) {
        const b = this.lex.bucket(s, i, len);
        if (b >= 0) top = Math.max(top, this.tokenScore(b) + best[i + len]!);
      }
      best[i] = top;
    }
    return best[0]!;
  }

  /** Token starts of the best segmentation of text[a, b): starts[i - a] is non-zero where a token begins.
   * Fills buckets[(i - a) * (maxLen + 1) + len] with the bucket of text[i, i+len). */
  private segment(text: string, a: number, b: number, buckets: Int8Array): Uint8Array {
    const n = b - a;
    const best = this.runBest;
    const take = this.runTake;
    best[n] = 0;
    const w = this.maxLen + 1;
    for (let i = n - 1; i >= 0; i--) {
      const b1 = this.lex.bucket(text, a + i, 1);
      buckets[i * w + 1] = b1;
      best[i] = this.tokenScore(b1) + best[i + 1]!;
      take[i] = 1;
      for (let len = 2; len <= this.maxLen && i + len <= n; len++) {
        const bk = this.lex.bucket(text, a + i, len);
        buckets[i * w + len] = bk;
        if (bk < 0) continue;
        const v = this.tokenScore(bk) + best[i + len]!;
        if (v > best[i]!) {
          best[i] = v;
          take[i] = len;
        }
      }
    }
    // 1: a token starts here; 3: a token of one character that is not an ordinary lone word starts here.
    const starts = this.runStarts.fill(0, 0, n + 1);
    for (let i = 0; i < n; i += take[i]!) starts[i] = take[i] === 1 && buckets[i * w + 1]! < this.opts.maxLoneBucket ? 3 : 1;
    starts[n] = 1;
    return starts;
  }

  /** The typos in one paragraph, in text order; where candidates overlap, the best. */
  detect(text: string): DetectedTypo[] {
    const found: DetectedTypo[] = [];
    if (this.variantOf.size) this.detectVariants(text, found);
    this.detectDoubledEdges(text, found);
    for (let a = 0; a < text.length; ) {
      if (!isHan(text.charCodeAt(a))) { a++; continue; }
      let b = a;
      while (b < text.length && isHan(text.charCodeAt(b))) b++;
      // A run of three characters or fewer between punctuation is a name, a label or a heading word
      // (联系人：张岚, 熊宇飞、方昌晟) more often than a slip in running text.
      if (b - a > 3) this.detectRun(text, a, b, found);
      a = b;
    }
    found.sort((x, y) => y.gain - x.gain || x.start - y.start);
    const taken = new Uint8Array(text.length);
    const kept: DetectedTypo[] = [];
    for (const t of found) {
      if (taken.subarray(t.start, t.end).some((v) => v === 1)) continue;
      taken.fill(1, t.start, t.end);
      kept.push(t);
    }
    // Prose has a slip now and then; a paragraph where they come every few dozen characters is not
    // prose the lexicon can judge (placeholder filler, classical text, lists of names).
    // Look-alike variants are no guess and stay out of that count.
    for (const t of kept) this.trim(text, t);
    const variants = kept.filter((t) => t.kind === 'variant');
    const guessed = kept.filter((t) => t.kind !== 'variant');
    const dense = guessed.length > 2 && guessed.length * CHARS_PER_SLIP_AT_MOST > text.length;
    let strong = dense ? guessed.filter((t) => t.gain >= GAIN_IN_DENSE_PARAGRAPH) : guessed;
    if (dense && strong.length > 2 && strong.length * CHARS_PER_SLIP_AT_MOST > text.length) strong = [];
    return [...strong, ...variants].sort((x, y) => x.start - y.start);
  }

  /** Look-alike variants inside words (釆取 → 采取, 巳经 → 已经): the longest word of two to four
   * characters that the common character makes, where the span as written is no word. */
  private detectVariants(text: string, out: DetectedTypo[]): void {
    for (let j = 0; j < text.length; j++) {
      if (this.isVariant[text.charCodeAt(j)] !== 1) continue;
      const common = this.variantOf.get(text[j]!);
      if (!common || this.inWord(text, j)) continue;
      let best: DetectedTypo | undefined;
      for (let len = 4; len >= 2 && !best; len--) {
        for (let i = Math.max(0, j - len + 1); i <= j && i + len <= text.length; i++) {
          if (this.lex.bucket(text, i, len) >= 0) continue;
          const right = text.slice(i, j) + common + text.slice(j + 1, i + len);
          if (this.lex.bucket(right, 0, len) < this.opts.minRightBucket) continue;
          best = { start: i, end: i + len, right, kind: 'variant', gain: VARIANT_GAIN };
          break;
        }
      }
      if (best) out.push(best);
    }
  }

  /** A common word of three or four characters with its last character doubled (进一步步) or its first
   * (进进一步), where the doubled character forms no word with its other neighbour (进一步步伐, 推进进一步
   * stay: 步伐 and 推进 are words). A doubled character inside a word is the detector's ordinary case. */
  private detectDoubledEdges(text: string, out: DetectedTypo[]): void {
    for (let i = 0; i + 4 <= text.length; i++) {
      // Only where a character stands twice in a row is there anything to look up.
      const firstDoubled = i > 0 && text.charCodeAt(i - 1) === text.charCodeAt(i);
      for (let len = 3; len <= 4 && i + len < text.length; len++) {
        if (!firstDoubled && text.charCodeAt(i + len) !== text.charCodeAt(i + len - 1)) continue;
        if (this.lex.bucket(text, i, len) < DOUBLED_EDGE_MIN_BUCKET) continue;
        const last = text[i + len - 1]!;
        if (text[i + len] === last && text[i + len + 1] !== last && this.lex.bucket(text, i + len, 2) < 0) {
          out.push({ start: i, end: i + len + 1, right: text.slice(i, i + len), kind: 'doubled', gain: VARIANT_GAIN });
        }
        if (i > 0 && text[i - 1] === text[i] && text[i - 2] !== text[i] && isHan(text.charCodeAt(i - 1)) && this.lex.bucket(text, i - 2, 2) < 0) {
          out.push({ start: i - 1, end: i + len, right: text.slice(i, i + len), kind: 'doubled', gain: VARIANT_GAIN });
        }
      }
    }
  }

  /** Whether a two-character correction is uncontested, so that less gain will do: neither character
   * belongs to a word outside the span (电子秤长效: 长 is 长效's; 好差评件: 评 is 好差评's; 抵港直装: 港 is
   * 抵港's), the replaced character is a common one (渭华起义: a rare character is most often a name's), not a
   * measure (共项, with its number left blank) and not a suffix that ends the word before (漏损率约为), and no
   * unit or numeral stands beside it. */
  private uncontested(text: string, i: number, len: number, right: string): boolean {
    if (len !== 2 || i < 2 || i + 3 > text.length) return false;
    const k = text[i] === right[0] ? 1 : 0;
    const own = text[i + k]!;
    const g = this.guards;
    if (this.lex.bucket(own, 0, 1) < UNCONTESTED_MIN_CHAR_BUCKET || g.measures?.includes(own) || (k === 0 && g.suffixes?.includes(own))) return false;
    // The kept character with the one or two beyond it, and the replaced one with the one beyond it.
    const keptOut = k === 1 ? this.lex.bucket(text, i - 1, 2) >= 0 || this.lex.bucket(text, i - 2, 3) >= 0 : this.lex.bucket(text, i + 1, 2) >= 0 || this.lex.bucket(text, i + 1, 3) >= 0;
    const ownOut = k === 1 ? this.lex.bucket(text, i + 1, 2) >= 0 : this.lex.bucket(text, i - 1, 2) >= 0;
    if (keptOut || ownOut) return false;
    return !this.unit(text, i) && !g.numerals?.includes(text[i - 1]!) && !g.numerals?.includes(text[i + 2] ?? '');
  }

  /** Whether the character at j is part of a word of two to four characters as written (膏肓, 亳州). */
  private inWord(text: string, j: number): boolean {
    for (let len = 2; len <= 4; len++) {
      for (let i = Math.max(0, j - len + 1); i <= j && i + len <= text.length; i++) if (this.lex.bucket(text, i, len) >= 0) return true;
    }
    return false;
  }

  /** Narrows a find to the word that holds the slip when the rest of the span is a word of its own
   * (安全隐换 → 隐换, since 安全 is right as written); an idiom stays whole (迫在眉捷: 迫在 is no word). */
  private trim(text: string, t: DetectedTypo): void {
    const len = t.end - t.start;
    if (len !== 4 || t.right.length !== 4) return;
    for (const [cut, keep] of [[0, 2], [2, 0]] as const) {
      const rest = t.right.slice(cut, cut + 2);
      if (text.slice(t.start + cut, t.start + cut + 2) !== rest || this.lex.bucket(rest, 0, 2) < 0) continue;
      const core = t.right.slice(keep, keep + 2);
      if (this.lex.bucket(core, 0, 2) < this.opts.minRightBucket) continue;
      t.start += keep;
      t.end = t.start + 2;
      t.right = core;
      return;
    }
  }

  /** Whether the span is part of a parallel phrase (查深查细, 先行先试, 重实干重实绩): a character of it
   * other than the one to replace (at k) repeats two or three places on. Such phrases are coined on
   * purpose and no dictionary lists them; in 坚决杜决 it is the wrong character itself that repeats. */
  private parallel(text: string, i: number, len: number, k: number): boolean {
    // A phrase built on a repeated first character (急事急办, 找准找实, 摸准摸透): the span starts with it.
    if (k === 0 && (text[i - 2] === text[i] || text[i + 2] === text[i])) return true;
    for (let j = i; j < i + len; j++) {
      if (j === i + k) continue;
      const c = text[j];
      if (text[j - 2] === c || text[j + 2] === c || text[j - 3] === c || text[j + 3] === c) return true;
    }
    return false;
  }

  /** Whether the span starts a personal name, or its given name: a family name right after a listing
   * word or mark. */
  private name(text: string, i: number): boolean {
    // The span may also be the given name after the family name (宋建伟: 建伟).
    return this.nameStarts(text, i) || this.nameStarts(text, i - 1);
  }

  private nameStarts(text: string, j: number): boolean {
    return j > 0 && (this.guardOf[text.charCodeAt(j)]! & SURNAME) !== 0 && (this.guardOf[text.charCodeAt(j - 1)]! & NAME_CUE) !== 0;
  }

  /** Whether a three-character correction keeps two characters that are a word as written and changes
   * the third at an edge. */
  private extension(text: string, i: number, len: number, right: string): boolean {
    if (len !== 3 || right.length !== 3) return false;
    if (text[i] === right[0] && text[i + 1] === right[1] && text[i + 2] !== right[2]) return this.lex.bucket(text, i, 2) >= 0;
    if (text[i + 2] === right[2] && text[i + 1] === right[1] && text[i] !== right[0]) return this.lex.bucket(text, i + 1, 2) >= 0;
    return false;
  }

  /** Whether a two-character span holds a character of an administrative unit or level, or is followed
   * by one (双河镇, 青政办). */
  private unit(text: string, i: number): boolean {
    const u = this.guards.unitChars;
    return !!u && (u.includes(text[i]!) || u.includes(text[i + 1]!) || u.includes(text[i + 2] ?? '') || text[i + 2] === '办');
  }

  /** Whether the span starts with the body a document speaks for (我院拟, 本局自): the character after
   * 我/本/该/贵/你/各 is the body, not the start of a word. */
  private selfReference(text: string, i: number): boolean {
    const b = this.guards.bodies;
    return !!b && i > 0 && '我本该贵你各'.includes(text[i - 1]!) && b.includes(text[i]!);
  }

  /** Whether the character at j is a measure after a number (5份为, 3处) or one of a doubled pair (件件有):
   * neither is a slip for a word. */
  private counted(text: string, j: number): boolean {
    // Bounds checked rather than reading NaN past either end: optimised code that reads past the end of a
    // string is thrown away, and the detector's main loop with it (a 40-80 ms recompile on a slow core).
    const before = j > 0 ? text.charCodeAt(j - 1) : -1;
    const own = text.charCodeAt(j);
    return (before >= 0x30 && before <= 0x39) || (before >= 0xff10 && before <= 0xff19) || before === own || (j + 1 < text.length && text.charCodeAt(j + 1) === own);
  }

  private detectRun(text: string, a: number, b: number, out: DetectedTypo[]): void {
    const w = this.maxLen + 1;
    if (this.runTake.length <= b - a) {
      const size = Math.max(b - a + 1, 2 * this.runTake.length, 64);
      this.runBuckets = new Int8Array(size * w);
      this.runBest = new Float64Array(size);
      this.runTake = new Uint8Array(size);
      this.runStarts = new Uint8Array(size);
      this.runLone = new Int32Array(size);
    }
    const buckets = this.runBuckets.fill(-1, 0, (b - a) * w);
    const starts = this.segment(text, a, b, buckets);
    const { minGain, minRightBucket } = this.opts;
    const single = (i: number) => starts[i - a]! > 0 && starts[i + 1 - a]! > 0;
    // Positions of suspicious lone characters: a span is looked at only if it holds one.
    let nextLone = b;
    const loneAfter = this.runLone;
    loneAfter[b - a] = b;
    for (let i = b - 1; i >= a; i--) {
      if (starts[i - a] === 3) nextLone = i;
      loneAfter[i - a] = nextLone;
    }
    let spanScore = NaN;
    /** The first position at or after i whose character the next one repeats (b − 1 when none). */
    let doubled = a;
    const consider = (i: number, len: number, right: string, kind: SlipKind) => {
      const rb = this.lex.bucket(right, 0, right.length);
      if (rb < minRightBucket) return;
      if (Number.isNaN(spanScore)) spanScore = this.score(text.slice(i, i + len));
      // Quick bound from the span alone, then the exact comparison over a window.
      if (this.tokenScore(rb) - spanScore - SLIP_COST[kind] < minGain - ESTIMATE_SLACK) return;
      const w0 = Math.max(a, i - MARGIN);
      const w1 = Math.min(b, i + len + MARGIN);
      const g = this.score(text.slice(w0, i) + right + text.slice(i + len, w1)) - this.score(text.slice(w0, w1)) - SLIP_COST[kind] - (this.extension(text, i, len, right) ? EXTENSION_COST : 0);
      if (g >= minGain || (g >= minGain - UNCONTESTED_BONUS && kind !== 'near-sound' && this.uncontested(text, i, len, right))) out.push({ start: i, end: i + len, right, kind, gain: g });
    };
    for (let i = a; i < b; i++) {
      for (let len = 2; len <= 4 && i + len <= b; len++) {
        // A slip breaks a word into pieces: the span holds more than one token. Either it begins and
        // ends on token boundaries, or the character to replace stands alone (a slip can make a false
        // word with its neighbour: 虚开发漂 reads 虚/开发/漂).
        // Four characters on token boundaries need no lone character: they may be one character off an
        // idiom or fixed phrase however they segment (层层传到: 层层/传到 for 层层传导).
        const aligned = starts[i - a]! > 0 && starts[i + len - a]! > 0;
        const asWord = buckets[(i - a) * w + len]!;
        const phrase = len === 4 && aligned && asWord < 0;
        if (!phrase && loneAfter[i - a]! >= i + len) continue;
        let tokens = 0;
        for (let j = i + 1; j < i + len; j++) if (starts[j - a]) tokens++;
        if (tokens < 1 || asWord >= 0 || this.name(text, i)) continue;
        if (len === 2 && this.unit(text, i)) continue;
        if (this.selfReference(text, i)) continue;
        const span = text.slice(i, i + len);
        spanScore = NaN;
        for (let k = 0; k < len; k++) {
          if (!aligned && !single(i + k)) continue;
          if (len === 2 && this.parallel(text, i, len, k)) continue;
          const ownCode = text.charCodeAt(i + k);
          if ((this.guardOf[ownCode]! & NUMERAL) !== 0 || this.counted(text, i + k)) continue;
          const chars = this.lex.replacements(text, i, len, k);
          for (let c = this.nextSlip(ownCode, chars, 0); c < chars.length; c = this.nextSlip(ownCode, chars, c + 1)) {
            consider(i, len, span.slice(0, k) + chars[c] + span.slice(k + 1), this.slipFound!);
          }
        }
        // A character dropped from a four-character phrase: the three written ones plus one. Only inside
        // running text: a phrase cut off at a bracket or a line end is not one with a character missing.
        if (len === 3 && aligned && i > a && i + 3 < b) {
          for (let k = 0; k <= 3; k++) {
            for (const ch of this.lex.insertions(text, i, 3, k)) consider(i, 3, span.slice(0, k) + ch + span.slice(k), 'dropped');
          }
        }
      }
      // A character doubled inside a four-character phrase (looked for only where a character stands
      // twice in a row within the five).
      while (doubled < i || (doubled < b - 1 && text.charCodeAt(doubled) !== text.charCodeAt(doubled + 1))) doubled++;
      if (i + 5 <= b && doubled <= i + 3) {
        for (let k = 0; k < 4; k++) {
          if (text.charCodeAt(i + k) !== text.charCodeAt(i + k + 1) || !single(i + k + 1)) continue;
          const right = text.slice(i, i + k) + text.slice(i + k + 1, i + 5);
          spanScore = NaN;
          if (buckets[(i - a) * w + 4]! < 0 && buckets[(i + 1 - a) * w + 4]! < 0) consider(i, 5, right, 'doubled');
        }
      }
    }
  }
}
