// Precomputes the typo detector's lexicon from jieba's dictionary (@node-rs/jieba ships it as dict.txt)
// and its readings from pinyin-pro, both build-time only. The output is one UTF-16LE file of sorted,
// fixed-width word tables that the rule binary-searches in place: loading it is a file read, where a
// Map of 350,000 words would take a third of a second to build.
//
// Sections, each `name\t payload\n`:
//   W<L>   every dictionary word of L characters (L = 1..6), sorted, concatenated
//   F<L>   one character per word of W<L>: its frequency as a half-log2 bucket, offset by 0x30
//   K<L><k> the common words of L characters (L = 2..4) sorted by the word without its k-th character,
//          so the words that differ from a span only at k are one binary search away
//   S, P   readings (tones dropped): the syllables, and for every code from U+3400 to U+9FFF three units,
//          its syllables' numbers (0x100 + index in S; 0x20 for none), so a character's readings are
//          found by its code alone
//   B      for every code of the same range, the character's F1 unit as a word of its own (0x20: none)
// Beside it, lexicon.hash (Uint32 little-endian): the slot counts of the two indexes that follow, then
// the indexes (open addressing, a power of two of slots each, at most half full, 0 when empty), then a
// bit set of the words' beginnings and one of the K tables' keys. The first index holds every W word: a slot is (index in W<L> << 3 |
// L). The second holds the keys of the K tables (a word without its k-th character): a slot is (first
// record with that key << 5 | L * 4 + k). A lookup is then a hash and a probe or two rather than a
// binary search. The bit set has a bit for the first two characters of every word of three or more
// (src/text/word-hash.ts's prefixBit): most spans of three or four characters begin no word, and one bit
// says so before any hashing. The last has a bit for the first two characters of every key of the K
// tables of three and four characters (keyBit), for the same reason.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = fileURLToPath(new URL('../rules/data/generated/lexicon.u16', import.meta.url));
const hashOut = fileURLToPath(new URL('../rules/data/generated/lexicon.hash', import.meta.url));
const dictPath = require.resolve('@node-rs/jieba/dict.txt');
const modernPath = fileURLToPath(new URL('../rules/data/typo/modern-words.json', import.meta.url));
const domainPath = fileURLToPath(new URL('../rules/data/typo/domain-words.json', import.meta.url));
/** The count given to a word of modern-words.json or domain-words.json: an ordinary, fairly common word. */
const MODERN_FREQ = 500;
const self = fileURLToPath(import.meta.url);

/** FNV-1a over UTF-16 code units: the same as src/text/word-hash.ts, which probes the index. */
function wordHash(text, start, len) {
  let h = 0x811c9dc5;
  for (let j = start; j < start + len; j++) h = Math.imul(h ^ text.charCodeAt(j), 16777619);
  return h >>> 0;
}

/** The hash of a K table's key (src/text/word-hash.ts's keyHash, with no unit left out here). */
function keyHash(key, table) {
  let h = 0x811c9dc5;
  for (let j = 0; j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 16777619);
  return Math.imul(h ^ table, 16777619) >>> 0;
}

/** The bit of the word beginning (a, b) in the bit set: src/text/word-hash.ts's prefixBit. */
const PREFIX_BITS = 19;
const prefixBit = (a, b) => Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PREFIX_BITS);
/** The bit of the key beginning (a, b) of K table `table` in its bit set: src/text/word-hash.ts's keyBit. */
const keyBit = (a, b, table) => Math.imul(((a << 16) | b) ^ Math.imul(table, 0x85ebca6b), 0x9e3779b1) >>> (32 - PREFIX_BITS);

/** An open-addressing table of [hash, value] entries, at most half full. */
function hashTable(entries) {
  let size = 1;
  while (size < entries.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  for (const [hash, value] of entries) {
    let slot = hash & (size - 1);
    while (slots[slot]) slot = (slot + 1) & (size - 1);
    slots[slot] = value;
  }
  return slots;
}

/** Words at least this frequent (in jieba's counts) can be offered as corrections. */
const COMMON_MIN = 20;
/** Parts of speech never offered as corrections: function words, numerals and measures (a slip rarely
 * makes one: 因未 is 因 + 未, not a slip for 因为) — and rare names of people, places and bodies (a name
 * is no slip for a common word). jieba's tags are rough (杜绝 is tagged as a name), so frequent "names"
 * stay. */
const NOT_A_CORRECTION = /^(c|p|u|r|y|e|o|m|q|x)/;
const NAME = /^(nr|ns|nt)/;
const NAME_MIN = 500;
const MAX_LEN = 6;
/** jieba's words counted 1–3 times are left out: its list carries common misspellings (布署, 按排,
 * 迫不急待) at those counts, beside rare names. Half the list, so half the file. */
const MIN_FREQ = 4;
/** The codes the reading table P covers: every character a word may hold (BMP Han, as above). */
const READING_FIRST = 0x3400;
const READING_LAST = 0x9fff;

export function buildLexicon({ force = false } = {}) {
  if (!force && existsSync(out) && existsSync(hashOut) && statSync(out).mtimeMs > Math.max(...[dictPath, modernPath, domainPath, self].map((f) => statSync(f).mtimeMs))) return out;
  const { pinyin } = require('pinyin-pro');
  const byLen = new Map();
  const excluded = new Set();
  const correctable = new Set();
  const modern = [
    ...JSON.parse(readFileSync(modernPath, 'utf8')).words,
    ...JSON.parse(readFileSync(domainPath, 'utf8')).areas.flatMap((a) => a.words),
  ].map((w) => `${w} ${MODERN_FREQ}`);
  for (const line of [...readFileSync(dictPath, 'utf8').split('\n'), ...modern]) {
    const [word, freqText, tag = 'n'] = line.split(' ');
    // BMP Han only: a word's length in UTF-16 units is then its length in characters.
    if (!word || !/^[\u3400-\u9fff]+$/.test(word) || word.length > MAX_LEN) continue;
    const freq = Number(freqText);
    if (word.length > 1 && freq < MIN_FREQ) continue;
    const list = byLen.get(word.length) ?? byLen.set(word.length, new Map()).get(word.length);
    list.set(word, Math.max(list.get(word) ?? 0, freq));
    if (NOT_A_CORRECTION.test(tag) || (NAME.test(tag) && freq < NAME_MIN)) excluded.add(word);
    else correctable.add(word);
  }
  const sections = [];
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const chars = new Set();
  const indexed = [];
  const keys = [];
  const prefixes = [];
  const keyBeginnings = [];
  let singles = '';
  for (const [len, words] of [...byLen].sort((a, b) => a[0] - b[0])) {
    const sorted = [...words.keys()].sort(cmp);
    for (const w of sorted) for (const ch of w) chars.add(ch);
    sections.push(`W${len}\t${sorted.join('')}`);
    sorted.forEach((w, index) => indexed.push([w, (index << 3) | len]));
    if (len >= 3) for (const w of sorted) prefixes.push(prefixBit(w.charCodeAt(0), w.charCodeAt(1)));
    const freqs = sorted.map((w) => String.fromCharCode(0x30 + Math.max(0, Math.min(60, Math.round(Math.log2(words.get(w)) * 2))))).join('');
    sections.push(`F${len}\t${freqs}`);
    if (len === 1) {
      const byCode = new Uint16Array(READING_LAST - READING_FIRST + 1).fill(0x20);
      sorted.forEach((w, r) => (byCode[w.charCodeAt(0) - READING_FIRST] = freqs.charCodeAt(r)));
      singles = Buffer.from(byCode.buffer).toString('utf16le');
    }
    if (len >= 2 && len <= 4) {
      // jieba lists some words twice with different tags: a word is offered if any of its tags allows.
      const common = sorted.filter((w) => words.get(w) >= COMMON_MIN && (correctable.has(w) || !excluded.has(w)));
      for (let k = 0; k < len; k++) {
        const without = (w) => w.slice(0, k) + w.slice(k + 1);
        const records = [...common].sort((a, b) => cmp(without(a), without(b)) || cmp(a, b));
        sections.push(`K${len}${k}\t${records.join('')}`);
        records.forEach((w, r) => {
          if (r > 0 && without(records[r - 1]) === without(w)) return;
          const key = without(w);
          keys.push([keyHash(key, len * 4 + k), (r << 5) | (len * 4 + k)]);
          if (len >= 3) keyBeginnings.push(keyBit(key.charCodeAt(0), key.charCodeAt(1), len * 4 + k));
        });
      }
    }
  }
  // Readings: S lists the toneless syllables; P holds three units for every code of the range, the
  // character's readings (0x100 + syllable index; 0x20 for none, so that no unit is a tab or a newline).
  const syllables = [];
  const syllableId = new Map();
  const byCode = new Uint16Array((READING_LAST - READING_FIRST + 1) * 3).fill(0x20);
  for (const ch of [...chars].sort(cmp)) {
    const ids = [...new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true }))]
      .filter((s) => /^[a-z]+$/.test(s))
      .slice(0, 3)
      .map((s) => 0xff + (syllableId.get(s) ?? (syllableId.set(s, syllables.push(s)), syllables.length)));
    byCode.set(ids, (ch.charCodeAt(0) - READING_FIRST) * 3);
  }
  sections.push(`S\t${syllables.join(' ')}`);
  sections.push(`P\t${Buffer.from(byCode.buffer).toString('utf16le')}`);
  sections.push(`B\t${singles}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, Buffer.from(sections.join('\n') + '\n', 'utf16le'));
  const words = hashTable(indexed.map(([w, value]) => [wordHash(w, 0, w.length), value]));
  const keySlots = hashTable(keys);
  const file = new Uint32Array(2 + words.length + keySlots.length + 2 * ((1 << PREFIX_BITS) / 32));
  file[0] = words.length;
  file[1] = keySlots.length;
  file.set(words, 2);
  file.set(keySlots, 2 + words.length);
  const bits = file.subarray(2 + words.length + keySlots.length);
  for (const bit of prefixes) bits[bit >>> 5] |= 1 << (bit & 31);
  const keyBits = bits.subarray((1 << PREFIX_BITS) / 32);
  for (const bit of keyBeginnings) keyBits[bit >>> 5] |= 1 << (bit & 31);
  writeFileSync(hashOut, Buffer.from(file.buffer));
  return out;
}

if (process.argv[1] === self) {
  const t = performance.now();
  const file = buildLexicon({ force: process.argv.includes('--force') });
  console.log(`${file}: ${(statSync(file).size / 1e6).toFixed(2)} MB in ${Math.round(performance.now() - t)} ms`);
}
