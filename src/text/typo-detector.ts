// Finds misspellings no list names: a 2–4-character span that is not a word (or only a very rare one),
// where putting back one character that sounds alike, sounds nearly alike or looks alike — or a
// character dropped from or doubled in a fixed phrase — gives a common word, and the text around it then
// segments far more probably than it does as written (a noisy-channel comparison of the best
// segmentation of a small window, with and without the change). Linear in the text: every position is
// looked at for a bounded number of spans, each a few binary searches in the lexicon.
import type { Lexicon } from './lexicon.js';

export interface SimilarityData {
  nearInitials: string[][];
  nearFinals: string[][];
  shapes: string[];
}

export interface DetectorGuards {
  surnames: string;
  nameCues: string;
}

export type SlipKind = 'sound' | 'near-sound' | 'shape' | 'dropped' | 'doubled';

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
  /** A span that is itself a word more frequent than this bucket is never a typo. */
  maxOwnBucket: number;
  /** The corrected word must be at least this frequent (bucket). */
  minRightBucket: number;
}

export const defaultDetectorOptions: DetectorOptions = { minGain: 10, maxOwnBucket: 3, minRightBucket: 9 };

/** Log2 cost of each kind of slip: how much less likely it is than a plain homophone. */
const SLIP_COST: Record<SlipKind, number> = { sound: 0, 'near-sound': 2, shape: 2, dropped: 4, doubled: 4 };
/** Log2-probability of a character the lexicon does not know at all. */
const UNKNOWN = -32;
/** Characters of context on each side of a span when comparing segmentations. */
const MARGIN = 4;

const HAN = /[\u3400-\u9fff]/;

export class TypoDetector {
  private readonly shapeOf = new Map<string, Set<string>>();
  private readonly foldedOf = new Map<string, string[]>();
  private readonly foldInitial: Array<[string, string]>;
  private readonly foldFinal: Array<[string, string]>;

  constructor(
    private readonly lex: Lexicon,
    similar: SimilarityData,
    private readonly guards: DetectorGuards,
    private readonly opts: DetectorOptions = defaultDetectorOptions,
  ) {
    for (const group of similar.shapes) {
      for (const a of group) for (const b of group) if (a !== b) (this.shapeOf.get(a) ?? this.shapeOf.set(a, new Set()).get(a)!).add(b);
    }
    // Longest first, so "zh" folds before "z" would be tried and "iang" before "ang".
    this.foldInitial = similar.nearInitials.map(([a, b]) => [a!, b!] as [string, string]).sort((x, y) => y[0].length - x[0].length);
    this.foldFinal = similar.nearFinals.map(([a, b]) => [a!, b!] as [string, string]).sort((x, y) => y[0].length - x[0].length);
  }

  private fold(syllable: string): string {
    let s = syllable;
    for (const [from, to] of this.foldInitial) if (s.startsWith(from)) { s = to + s.slice(from.length); break; }
    for (const [from, to] of this.foldFinal) if (s.endsWith(from)) { s = s.slice(0, -from.length) + to; break; }
    return s;
  }

  private folded(ch: string): string[] {
    let f = this.foldedOf.get(ch);
    if (!f) this.foldedOf.set(ch, (f = this.lex.readings(ch).map((s) => this.fold(s))));
    return f;
  }

  /** How `wrong` may have been written for `right`, or null when they are not confusable. */
  slip(wrong: string, right: string): SlipKind | null {
    const rw = this.lex.readings(wrong);
    const rr = this.lex.readings(right);
    if (rw.some((s) => rr.includes(s))) return 'sound';
    if (this.shapeOf.get(wrong)?.has(right)) return 'shape';
    const fr = this.folded(right);
    if (this.folded(wrong).some((s) => fr.includes(s))) return 'near-sound';
    return null;
  }

  /** Best segmentation score (log2-probability) of `s`. */
  private score(s: string): number {
    const n = s.length;
    const best = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      const b1 = this.lex.bucket(s, i, 1);
      let top = (b1 >= 0 ? this.lex.logProb(b1) : UNKNOWN) + best[i + 1]!;
      for (let len = 2; len <= this.lex.maxLen && i + len <= n; len++) {
        const b = this.lex.bucket(s, i, len);
        if (b > this.opts.maxOwnBucket) top = Math.max(top, this.lex.logProb(b) + best[i + len]!);
      }
      best[i] = top;
    }
    return best[0]!;
  }

  /** Token starts of the best segmentation of text[a, b): starts[i - a] is 1 where a token begins. */
  private segment(text: string, a: number, b: number): Uint8Array {
    const n = b - a;
    const best = new Float64Array(n + 1);
    const take = new Uint8Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      const b1 = this.lex.bucket(text, a + i, 1);
      best[i] = (b1 >= 0 ? this.lex.logProb(b1) : UNKNOWN) + best[i + 1]!;
      take[i] = 1;
      for (let len = 2; len <= this.lex.maxLen && i + len <= n; len++) {
        const bk = this.lex.bucket(text, a + i, len);
        if (bk <= this.opts.maxOwnBucket) continue;
        const v = this.lex.logProb(bk) + best[i + len]!;
        if (v > best[i]!) {
          best[i] = v;
          take[i] = len;
        }
      }
    }
    const starts = new Uint8Array(n + 1);
    for (let i = 0; i < n; i += take[i]!) starts[i] = 1;
    starts[n] = 1;
    return starts;
  }

  /** Gain of replacing text[i, i+len) by `right` inside the Han run [a, b), before the slip's cost. */
  private gain(text: string, a: number, b: number, i: number, len: number, right: string): number {
    const w0 = Math.max(a, i - MARGIN);
    const w1 = Math.min(b, i + len + MARGIN);
    const before = text.slice(w0, w1);
    const after = text.slice(w0, i) + right + text.slice(i + len, w1);
    return this.score(after) - this.score(before);
  }

  /** The typos in one paragraph, best first where they overlap, in text order. */
  detect(text: string): DetectedTypo[] {
    const found: DetectedTypo[] = [];
    for (let a = 0; a < text.length; ) {
      if (!HAN.test(text[a]!)) { a++; continue; }
      let b = a;
      while (b < text.length && HAN.test(text[b]!)) b++;
      // A run of three characters or fewer between punctuation is a name, a label or a heading word
      // (联系人：张岚, 熊宇飞、方昌晟) more often than a slip in running text.
      if (b - a > 3) this.detectRun(text, a, b, found);
      a = b;
    }
    found.sort((x, y) => y.gain - x.gain || x.start - y.start);
    const kept: DetectedTypo[] = [];
    for (const t of found) if (!kept.some((k) => t.start < k.end && k.start < t.end)) kept.push(t);
    return kept.sort((x, y) => x.start - y.start);
  }

  /** Whether the span is part of a parallel phrase (查深查细, 先行先试, 重实干重实绩): a character of it
   * repeats two or three places on. Such phrases are coined on purpose and no dictionary lists them. */
  private parallel(text: string, i: number, len: number): boolean {
    for (let j = i; j < i + len; j++) {
      const c = text[j];
      if (text[j - 2] === c || text[j + 2] === c || text[j - 3] === c || text[j + 3] === c) return true;
    }
    return false;
  }

  /** Whether the span starts a personal name: a family name right after a listing word or mark. */
  private name(text: string, i: number): boolean {
    return this.guards.surnames.includes(text[i]!) && (i === 0 || this.guards.nameCues.includes(text[i - 1]!));
  }

  private detectRun(text: string, a: number, b: number, out: DetectedTypo[]): void {
    const starts = this.segment(text, a, b);
    const { minGain, maxOwnBucket, minRightBucket } = this.opts;
    const single = (i: number) => starts[i - a] === 1 && starts[i + 1 - a] === 1;
    const consider = (i: number, len: number, right: string, kind: SlipKind) => {
      if (this.lex.bucket(right, 0, right.length) < minRightBucket) return;
      const g = this.gain(text, a, b, i, len, right) - SLIP_COST[kind];
      if (g >= minGain) out.push({ start: i, end: i + len, right, kind, gain: g });
    };
    for (let i = a; i < b; i++) {
      // Spans that begin and end on token boundaries of the best segmentation and hold more than one
      // token: a slip breaks a word into pieces, it does not straddle two sound words.
      if (!starts[i - a]) continue;
      for (let len = 2; len <= 4 && i + len <= b; len++) {
        if (!starts[i + len - a]) continue;
        let tokens = 0;
        for (let j = i; j < i + len; j++) tokens += starts[j - a]!;
        if (tokens < 2) continue;
        // Words jieba counts only 1–3 times are not words here: its list carries common misspellings
        // (布署, 迫不急待, 按步就班) at those counts.
        if (this.lex.bucket(text, i, len) > maxOwnBucket || this.parallel(text, i, len) || this.name(text, i)) continue;
        for (let k = 0; k < len; k++) {
          const own = text[i + k]!;
          for (const ch of this.lex.replacements(text, i, len, k)) {
            const kind = this.slip(own, ch);
            if (kind) consider(i, len, text.slice(i, i + k) + ch + text.slice(i + k + 1, i + len), kind);
          }
        }
        // A character dropped from a four-character phrase: the three written ones plus one.
        if (len === 3) {
          for (let k = 0; k <= 3; k++) {
            for (const ch of this.lex.insertions(text, i, 3, k)) consider(i, 3, text.slice(i, i + k) + ch + text.slice(i + k, i + 3), 'dropped');
          }
        }
      }
      // A character doubled inside a four-character phrase.
      if (i + 5 <= b) {
        for (let k = 0; k < 4; k++) {
          if (text[i + k] !== text[i + k + 1] || !single(i + k + 1)) continue;
          const right = text.slice(i, i + k) + text.slice(i + k + 1, i + 5);
          if (this.lex.bucket(text, i, 4) <= maxOwnBucket && this.lex.bucket(text, i + 1, 4) <= maxOwnBucket) consider(i, 5, right, 'doubled');
        }
      }
    }
  }
}
