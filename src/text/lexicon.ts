// The word list the typo detector segments against: jieba's dictionary, precomputed at build time
// (scripts/build-lexicon.mjs) into sorted fixed-width tables that are binary-searched in place, so
// loading is one file read rather than building a Map of 350,000 words.
import { readFileSync } from 'node:fs';

/** log2 of the total count in jieba's dictionary: a word's log-probability is log2(freq) − this. */
const LOG2_TOTAL = 25.8;

export interface Lexicon {
  /** Half-log2 frequency bucket of text[start, start+len) as a word, or -1 when it is not one. */
  bucket(text: string, start: number, len: number): number;
  /** Characters c, in code order, such that text[start, start+len) with c at offset k is a common word
   * (the one there included when the span is one). */
  replacements(text: string, start: number, len: number, k: number): string;
  /** Characters c such that inserting c at offset k of text[start, start+len) gives a common word of len+1. */
  insertions(text: string, start: number, len: number, k: number): string[];
  /** Toneless readings of a character (several for 多音字). */
  readings(ch: string): readonly string[];
  /** Characters with this toneless reading. */
  withReading(syllable: string): string;
  /** Every toneless syllable. */
  syllables(): Iterable<string>;
  /** Log2-probability of a word in a given bucket. */
  logProb(bucket: number): number;
  readonly maxLen: number;
}

/** A table of fixed-width records, sorted on their characters other than `skip` (−1: none). */
class Table {
  readonly count: number;

  constructor(
    readonly data: string,
    readonly width: number,
    readonly skip: number,
  ) {
    this.count = data.length / width;
  }

  /** Compares text[start, start+len) with record r, skipping the record's character at `skip`. */
  private compare(text: string, start: number, len: number, r: number): number {
    let p = r * this.width;
    const base = p;
    for (let j = 0; j < len; j++, p++) {
      if (p - base === this.skip) p++;
      const d = text.charCodeAt(start + j) - this.data.charCodeAt(p);
      if (d) return d;
    }
    return 0;
  }

  /** The first record equal to the key text[start, start+len), or −1. */
  first(text: string, start: number, len: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(text, start, len, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.count && this.compare(text, start, len, lo) === 0 ? lo : -1;
  }

  /** Whether record r equals the key. */
  equals(text: string, start: number, len: number, r: number): boolean {
    return r < this.count && this.compare(text, start, len, r) === 0;
  }

  /** The character at `offset` of record r. */
  charAt(r: number, offset: number): string {
    return this.data[r * this.width + offset]!;
  }
}

class TableLexicon implements Lexicon {
  readonly maxLen: number;
  private readonly words: Table[] = [];
  private readonly freqs: string[] = [];
  private readonly byKey = new Map<string, Table>();
  /** ` syllable=chars syllable=chars … `: searched in place, a character at a time, when one is asked for. */
  private readingTable = '';
  private readonly readingsOf = new Map<string, string[]>();
  private bySyllable?: Map<string, string>;

  constructor(file: Uint8Array) {
    let maxLen = 0;
    // Each section is decoded on its own: V8 reads a small flat string faster than a slice of one
    // large external string (what decoding the whole file at once gives).
    const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    // Tab and newline as UTF-16LE units; the file holds only Han characters, ASCII and these, so a match
    // at an odd offset cannot happen (it would need a unit 0x09xx or 0x0axx).
    const TAB = Buffer.from('\t', 'utf16le');
    const NEWLINE = Buffer.from('\n', 'utf16le');
    for (let p = 0; p < bytes.length; ) {
      const tab = bytes.indexOf(TAB, p);
      const end = bytes.indexOf(NEWLINE, tab);
      const name = bytes.toString('utf16le', p, tab);
      const payload = bytes.toString('utf16le', tab + 2, end);
      p = end + 2;
      const kind = name[0];
      if (kind === 'W') {
        const len = Number(name.slice(1));
        maxLen = Math.max(maxLen, len);
        this.words[len] = new Table(payload, len, -1);
      } else if (kind === 'F') this.freqs[Number(name.slice(1))] = payload;
      else if (kind === 'K') this.byKey.set(name.slice(1), new Table(payload, Number(name[1]), Number(name[2])));
      else if (kind === 'P') this.readingTable = ` ${payload} `;
    }
    this.maxLen = maxLen;
  }

  bucket(text: string, start: number, len: number): number {
    const table = this.words[len];
    if (!table) return -1;
    const r = table.first(text, start, len);
    return r < 0 ? -1 : this.freqs[len]!.charCodeAt(r) - 0x30;
  }

  /** The k-th characters of the records of a K table whose other characters equal the key, in the order
   * of their k-th character (records with equal keys are sorted so). */
  private scan(text: string, start: number, len: number, width: number, k: number): string {
    const table = this.byKey.get(`${width}${k}`);
    if (!table) return '';
    let out = '';
    for (let r = table.first(text, start, len); r >= 0 && table.equals(text, start, len, r); r++) out += table.charAt(r, k);
    return out;
  }

  replacements(text: string, start: number, len: number, k: number): string {
    // The key is the span without its k-th character: search on a copy with it removed.
    return this.scan(text.slice(start, start + k) + text.slice(start + k + 1, start + len), 0, len - 1, len, k);
  }

  insertions(text: string, start: number, len: number, k: number): string[] {
    return [...this.scan(text, start, len, len + 1, k)];
  }

  readings(ch: string): readonly string[] {
    let found = this.readingsOf.get(ch);
    if (!found) {
      found = [];
      const t = this.readingTable;
      for (let i = t.indexOf(ch); i >= 0; i = t.indexOf(ch, i + 1)) {
        const eq = t.lastIndexOf('=', i);
        const syllable = t.slice(t.lastIndexOf(' ', eq) + 1, eq);
        if (!found.includes(syllable)) found.push(syllable);
      }
      this.readingsOf.set(ch, found);
    }
    return found;
  }

  private syllableTable(): Map<string, string> {
    if (!this.bySyllable) {
      this.bySyllable = new Map();
      for (const group of this.readingTable.trim().split(' ')) {
        const eq = group.indexOf('=');
        this.bySyllable.set(group.slice(0, eq), group.slice(eq + 1));
      }
    }
    return this.bySyllable;
  }

  withReading(syllable: string): string {
    return this.syllableTable().get(syllable) ?? '';
  }

  syllables(): Iterable<string> {
    return this.syllableTable().keys();
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
      lexicon = new TableLexicon(readFileSync(url));
    } catch {
      lexicon = null;
    }
    loaded.set(url.href, lexicon);
  }
  return loaded.get(url.href)!;
}
