// The word list the typo detector segments against: jieba's dictionary, precomputed at build time
// (scripts/build-lexicon.mjs) into sorted fixed-width tables that are binary-searched in place, so
// loading is one file read rather than building a Map of 350,000 words.
import { readFileSync } from 'node:fs';

/** log2 of the total count in jieba's dictionary: a word's log-probability is log2(freq) − this. */
const LOG2_TOTAL = 25.8;

export interface Lexicon {
  /** Half-log2 frequency bucket of text[start, start+len) as a word, or -1 when it is not one. */
  bucket(text: string, start: number, len: number): number;
  /** Characters c such that text[start, start+len) with c at offset k is a common word (c ≠ the one there). */
  replacements(text: string, start: number, len: number, k: number): string[];
  /** Characters c such that inserting c at offset k of text[start, start+len) gives a common word of len+1. */
  insertions(text: string, start: number, len: number, k: number): string[];
  /** Toneless readings of a character (several for 多音字). */
  readings(ch: string): readonly string[];
  /** Log2-probability of a word in a given bucket. */
  logProb(bucket: number): number;
  readonly maxLen: number;
}

/** Compares text[start, start+len) with the record at `index` of a table of `width`-character records,
 * skipping the record's character at `skip` (−1: none). */
function compareAt(text: string, start: number, len: number, table: string, index: number, width: number, skip: number): number {
  let r = index * width;
  for (let j = 0; j < len; j++, r++) {
    if (r - index * width === skip) r++;
    const d = text.charCodeAt(start + j) - table.charCodeAt(r);
    if (d) return d;
  }
  return 0;
}

/** First record of the table (sorted on its characters other than `skip`) equal to the key, or -1. */
function lowerBound(text: string, start: number, len: number, table: string, width: number, skip: number): number {
  let lo = 0;
  let hi = table.length / width;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(text, start, len, table, mid, width, skip) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < table.length / width && compareAt(text, start, len, table, lo, width, skip) === 0 ? lo : -1;
}

class TableLexicon implements Lexicon {
  readonly maxLen: number;
  private readonly words: string[] = [];
  private readonly freqs: string[] = [];
  private readonly byKey = new Map<string, string>();
  private readonly readingsOf = new Map<string, string[]>();

  constructor(source: string) {
    let maxLen = 0;
    for (let p = 0; p < source.length; ) {
      const tab = source.indexOf('\t', p);
      const end = source.indexOf('\n', tab);
      const name = source.slice(p, tab);
      const payload = source.slice(tab + 1, end);
      p = end + 1;
      const kind = name[0];
      if (kind === 'W') {
        maxLen = Math.max(maxLen, Number(name.slice(1)));
        this.words[Number(name.slice(1))] = payload;
      } else if (kind === 'F') this.freqs[Number(name.slice(1))] = payload;
      else if (kind === 'K') this.byKey.set(name.slice(1), payload);
      else if (kind === 'P') {
        for (const group of payload.split(' ')) {
          const eq = group.indexOf('=');
          const syllable = group.slice(0, eq);
          for (const ch of group.slice(eq + 1)) (this.readingsOf.get(ch) ?? this.readingsOf.set(ch, []).get(ch)!).push(syllable);
        }
      }
    }
    this.maxLen = maxLen;
  }

  bucket(text: string, start: number, len: number): number {
    const table = this.words[len];
    if (!table) return -1;
    const i = lowerBound(text, start, len, table, len, -1);
    return i < 0 ? -1 : this.freqs[len]!.charCodeAt(i) - 0x30;
  }

  private scan(text: string, start: number, len: number, width: number, k: number, keep: (ch: string) => boolean): string[] {
    const table = this.byKey.get(`${width}${k}`);
    if (!table) return [];
    const out: string[] = [];
    const n = table.length / width;
    for (let i = lowerBound(text, start, len, table, width, k); i >= 0 && i < n && compareAt(text, start, len, table, i, width, k) === 0; i++) {
      const ch = table[i * width + k]!;
      if (keep(ch)) out.push(ch);
    }
    return out;
  }

  replacements(text: string, start: number, len: number, k: number): string[] {
    // The key is the span without its k-th character: search on a copy with it removed.
    const key = text.slice(start, start + k) + text.slice(start + k + 1, start + len);
    const own = text[start + k]!;
    return this.scan(key, 0, len - 1, len, k, (ch) => ch !== own);
  }

  insertions(text: string, start: number, len: number, k: number): string[] {
    return this.scan(text, start, len, len + 1, k, () => true);
  }

  readings(ch: string): readonly string[] {
    return this.readingsOf.get(ch) ?? [];
  }

  logProb(bucket: number): number {
    return bucket / 2 - LOG2_TOTAL;
  }
}

const loaded = new Map<string, Lexicon | null>();

/** The lexicon at `url`, read on first use; null when the build has not generated it (the detector then
 * stays off rather than failing every draft). */
export function loadLexicon(url: URL): Lexicon | null {
  if (!loaded.has(url.href)) {
    let lexicon: Lexicon | null = null;
    try {
      lexicon = new TableLexicon(readFileSync(url).toString('utf16le'));
    } catch {
      lexicon = null;
    }
    loaded.set(url.href, lexicon);
  }
  return loaded.get(url.href)!;
}
