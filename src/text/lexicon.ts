// The word list the typo detector segments against: jieba's dictionary, precomputed at build time
// (scripts/build-lexicon.mjs) into sorted fixed-width tables read in place through hash indexes built
// with them, so loading is two file reads rather than building a Map of 350,000 words.
import { platform } from '../platform/index.js';
import { PREFIX_BITS, keyBit, keyHash, prefixBit, wordHash } from './word-hash.js';

/** log2 of the total count in jieba's dictionary: a word's log-probability is log2(freq) − this. */
const LOG2_TOTAL = 25.8;
/** The first code of the reading table, and the unit its syllable numbers start from. */
export const READINGS_FROM = 0x3400;
export const READING_BASE = 0x100;

export interface Lexicon {
  /** Half-log2 frequency bucket of text[start, start+len) as a word, or -1 when it is not one. */
  bucket(text: string, start: number, len: number): number;
  /** Characters c, in code order, such that text[start, start+len) with c at offset k is a common word
   * (the one there included when the span is one). */
  replacements(text: string, start: number, len: number, k: number): string;
  /** Characters c such that inserting c at offset k of text[start, start+len) gives a common word of len+1. */
  insertions(text: string, start: number, len: number, k: number): string[];
  /** The toneless readings of every character (several for 多音字) by its code, three units per code from READINGS_FROM: the j-th
   * reading of `code` is readingUnits[(code - READINGS_FROM) * 3 + j], a syllable number (see syllable())
   * when at least READING_BASE, none otherwise. Codes outside the table have no readings. */
  readonly readingUnits: Uint16Array;
  /** The toneless syllable with this number. */
  syllable(unit: number): string;
  /** How many syllables there are: their numbers run from READING_BASE. */
  readonly syllableCount: number;
  /** Log2-probability of a word in a given bucket. */
  logProb(bucket: number): number;
  readonly maxLen: number;
}

/** A table of fixed-width records, sorted on their characters other than `skip` (−1: none). */
class Table {
  readonly count: number;

  constructor(
    /** The records' UTF-16 units, read in place from the file. */
    readonly data: Uint16Array,
    readonly width: number,
    readonly skip: number,
  ) {
    this.count = data.length / width;
  }

  /** Compares the key — text[start, start+len) without its unit at offset `gap` (−1: none) — with
   * record r, skipping the record's character at `skip`. */
  private compare(text: string, start: number, len: number, gap: number, r: number): number {
    let p = r * this.width;
    const skipAt = p + this.skip;
    for (let j = 0; j < len; j++) {
      if (j === gap) continue;
      if (p === skipAt) p++;
      const d = text.charCodeAt(start + j) - this.data[p++]!;
      if (d) return d;
    }
    return 0;
  }

  /** Whether record r equals the key. */
  equals(text: string, start: number, len: number, gap: number, r: number): boolean {
    return r < this.count && this.compare(text, start, len, gap, r) === 0;
  }

  /** The character at `offset` of record r. */
  charAt(r: number, offset: number): string {
    return String.fromCharCode(this.data[r * this.width + offset]!);
  }
}

class TableLexicon implements Lexicon {
  readonly maxLen: number;
  private readonly words: Table[] = [];
  /** By word length: per record of W<L>, its F<L> unit. */
  private readonly freqs: Uint16Array[] = [];
  /** The K tables by width * 4 + k. */
  private readonly byKey: Table[] = [];
  private syllables: string[] = [];
  readonly readingUnits: Uint16Array = new Uint16Array(0);
  /** By code from READINGS_FROM: the F1 unit of the character as a word, 0x20 when it is none. */
  private charBuckets: Uint16Array = new Uint16Array(0);
  private readonly prefixes: Uint32Array;
  private readonly keyBeginnings: Uint32Array;

  constructor(
    file: Uint8Array,
    /** The word index (see scripts/build-lexicon.mjs). */
    private readonly slots: Uint32Array,
    /** The index of the K tables' keys. */
    private readonly keySlots: Uint32Array,
    /** The bit set of the first two characters of the words of three or more, then that of the keys of
     * the K tables of three and four characters. */
    bits: Uint32Array,
  ) {
    this.prefixes = bits.subarray(0, (1 << PREFIX_BITS) / 32);
    this.keyBeginnings = bits.subarray((1 << PREFIX_BITS) / 32);
    let maxLen = 0;
    // The file is UTF-16LE holding only Han characters, ASCII, tabs and newlines, so sections are found
    // on its 16-bit units (copied when the bytes are not 2-aligned), and the tables are read there in
    // place: decoding them into strings would copy two megabytes on every run.
    const aligned = file.byteOffset % 2 === 0 ? file : file.slice();
    const units = new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 1);
    for (let p = 0; p < units.length; ) {
      const tab = units.indexOf(0x09, p);
      const end = units.indexOf(0x0a, tab);
      const name = String.fromCharCode(...units.subarray(p, tab));
      const kind = name[0];
      const payload = units.subarray(tab + 1, end);
      p = end + 1;
      if (kind === 'W') {
        const len = Number(name.slice(1));
        maxLen = Math.max(maxLen, len);
        this.words[len] = new Table(payload, len, -1);
      } else if (kind === 'F') this.freqs[Number(name.slice(1))] = payload;
      else if (kind === 'K') this.byKey[Number(name[1]) * 4 + Number(name[2])] = new Table(payload, Number(name[1]), Number(name[2]));
      else if (kind === 'S') this.syllables = new TextDecoder('utf-16le').decode(payload).split(' ');
      else if (kind === 'P') this.readingUnits = payload;
      else if (kind === 'B') this.charBuckets = payload;
    }
    this.maxLen = maxLen;
  }

  bucket(text: string, start: number, len: number): number {
    const table = this.words[len];
    if (!table) return -1;
    if (len === 1 && start >= 0 && start < text.length) {
      // Every word is Han of the table's range: a character outside it is none.
      const unit = this.charBuckets[text.charCodeAt(start) - READINGS_FROM];
      return unit === undefined || unit === 0x20 ? -1 : unit - 0x30;
    }
    if (len >= 3 && start >= 0 && start + len <= text.length) {
      const bit = prefixBit(text.charCodeAt(start), text.charCodeAt(start + 1));
      if ((this.prefixes[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    }
    const slots = this.slots;
    const mask = slots.length - 1;
    const data = table.data;
    const freqs = this.freqs[len]!;
    for (let slot = wordHash(text, start, len) & mask; slots[slot]; slot = (slot + 1) & mask) {
      const value = slots[slot]!;
      if ((value & 7) !== len) continue;
      // The record compared in place (Table.compare unrolled: this is the detector's inner loop). As
      // there, a unit past the end of the text (NaN) does not count as a difference.
      const p = (value >>> 3) * len;
      let j = 0;
      while (j < len && !(text.charCodeAt(start + j) - data[p + j]!)) j++;
      if (j === len) return freqs[value >>> 3]! - 0x30;
    }
    return -1;
  }

  /** The k-th characters of the records of a K table whose other characters equal the key
   * text[start, start+len) less its unit at `gap`, in the order of their k-th character (records with
   * equal keys are sorted so). */
  private scan(text: string, start: number, len: number, gap: number, width: number, k: number): string {
    const id = width * 4 + k;
    const table = this.byKey[id];
    if (!table) return '';
    if (width >= 3 && start >= 0 && start + len <= text.length) {
      const a = text.charCodeAt(start + (gap === 0 ? 1 : 0));
      const b = text.charCodeAt(start + (gap === 0 ? 2 : gap === 1 ? 2 : 1));
      const bit = keyBit(a, b, id);
      if ((this.keyBeginnings[bit >>> 5]! & (1 << (bit & 31))) === 0) return '';
    }
    const slots = this.keySlots;
    const mask = slots.length - 1;
    let first = -1;
    for (let slot = keyHash(text, start, len, gap, id) & mask; slots[slot]; slot = (slot + 1) & mask) {
      const value = slots[slot]!;
      if ((value & 31) === id && table.equals(text, start, len, gap, value >>> 5)) {
        first = value >>> 5;
        break;
      }
    }
    let out = '';
    for (let r = first; r >= 0 && table.equals(text, start, len, gap, r); r++) out += table.charAt(r, k);
    return out;
  }

  replacements(text: string, start: number, len: number, k: number): string {
    // The key is the span without its k-th character.
    return this.scan(text, start, len, k, len, k);
  }

  insertions(text: string, start: number, len: number, k: number): string[] {
    return [...this.scan(text, start, len, -1, len + 1, k)];
  }

  get syllableCount(): number {
    return this.syllables.length;
  }

  syllable(unit: number): string {
    return this.syllables[unit - READING_BASE]!;
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
      const all = hash.byteOffset % 4 === 0 ? new Uint32Array(hash.buffer, hash.byteOffset, hash.byteLength / 4) : new Uint32Array(hash.buffer.slice(hash.byteOffset, hash.byteOffset + hash.byteLength));
      const words = all[0]!;
      const keys = all[1]!;
      lexicon = new TableLexicon(platform.readData(url), all.subarray(2, 2 + words), all.subarray(2 + words, 2 + words + keys), all.subarray(2 + words + keys));
    } catch {
      lexicon = null;
    }
    loaded.set(url.href, lexicon);
  }
  return loaded.get(url.href)!;
}
