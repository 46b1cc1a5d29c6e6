// The word list the typo detector segments against: jieba's dictionary, precomputed at build time
// (scripts/build-lexicon.mjs) into sorted fixed-width tables that are binary-searched in place, so
// loading is one file read rather than building a Map of 350,000 words.
import { platform } from '../platform/index.js';
import { wordHash } from './word-hash.js';

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
  private syllables: string[] = [];
  /** Records of four units: a character, then up to three syllable numbers (0x100 + index; 0x20: none). */
  private readingTable = new Table('', 4, -1);
  private readonly readingsOf = new Map<string, string[]>();

  constructor(
    file: Uint8Array,
    private readonly slots: Uint32Array,
  ) {
    let maxLen = 0;
    // Each section is decoded on its own: V8 reads a small flat string faster than a slice of one
    // large external string (what decoding the whole file at once gives).
    // The file is UTF-16LE holding only Han characters, ASCII, tabs and newlines, so sections are found
    // on its 16-bit units (copied when the bytes are not 2-aligned).
    const aligned = file.byteOffset % 2 === 0 ? file : file.slice();
    const units = new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 1);
    const utf16 = new TextDecoder('utf-16le');
    const text = (from: number, to: number): string => utf16.decode(units.subarray(from, to));
    for (let p = 0; p < units.length; ) {
      const tab = units.indexOf(0x09, p);
      const end = units.indexOf(0x0a, tab);
      const name = text(p, tab);
      const payload = text(tab + 1, end);
      p = end + 1;
      const kind = name[0];
      if (kind === 'W') {
        const len = Number(name.slice(1));
        maxLen = Math.max(maxLen, len);
        this.words[len] = new Table(payload, len, -1);
      } else if (kind === 'F') this.freqs[Number(name.slice(1))] = payload;
      else if (kind === 'K') this.byKey.set(name.slice(1), new Table(payload, Number(name[1]), Number(name[2])));
      else if (kind === 'S') this.syllables = payload.split(' ');
      else if (kind === 'R') this.readingTable = new Table(payload, 4, -1);
    }
    this.maxLen = maxLen;
  }

  bucket(text: string, start: number, len: number): number {
    const table = this.words[len];
    if (!table) return -1;
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = wordHash(text, start, len) & mask; slots[slot]; slot = (slot + 1) & mask) {
      const value = slots[slot]!;
      if ((value & 7) === len && table.equals(text, start, len, value >>> 3)) return this.freqs[len]!.charCodeAt(value >>> 3) - 0x30;
    }
    return -1;
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
      const r = this.readingTable.first(ch, 0, 1);
      for (let j = 1; r >= 0 && j < 4; j++) {
        const id = this.readingTable.data.charCodeAt(r * 4 + j);
        if (id >= 0x100) found.push(this.syllables[id - 0x100]!);
      }
      this.readingsOf.set(ch, found);
    }
    return found;
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
      const hash = platform.readData(new URL(url.href.replace(/\.u16$/, '.hash')));
      // A Uint32Array view needs 4-byte alignment; copy in the rare case the buffer is not aligned.
      const slots = hash.byteOffset % 4 === 0 ? new Uint32Array(hash.buffer, hash.byteOffset, hash.byteLength / 4) : new Uint32Array(hash.buffer.slice(hash.byteOffset, hash.byteOffset + hash.byteLength));
      lexicon = new TableLexicon(platform.readData(url), slots);
    } catch {
      lexicon = null;
    }
    loaded.set(url.href, lexicon);
  }
  return loaded.get(url.href)!;
}
