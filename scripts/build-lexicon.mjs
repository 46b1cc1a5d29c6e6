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
//   S, R   readings (tones dropped): the syllables, and per character its syllables' numbers
// Beside it, lexicon.hash: an open-addressing hash index of every W word (Uint32 little-endian slots,
// a power of two of them, at most half full; a slot holds (index in W<L> << 3 | L), 0 when empty), so a
// lookup is a hash and a probe or two rather than a binary search.
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
  for (const [len, words] of [...byLen].sort((a, b) => a[0] - b[0])) {
    const sorted = [...words.keys()].sort(cmp);
    for (const w of sorted) for (const ch of w) chars.add(ch);
    sections.push(`W${len}\t${sorted.join('')}`);
    sorted.forEach((w, index) => indexed.push([w, (index << 3) | len]));
    sections.push(`F${len}\t${sorted.map((w) => String.fromCharCode(0x30 + Math.max(0, Math.min(60, Math.round(Math.log2(words.get(w)) * 2))))).join('')}`);
    if (len >= 2 && len <= 4) {
      // jieba lists some words twice with different tags: a word is offered if any of its tags allows.
      const common = sorted.filter((w) => words.get(w) >= COMMON_MIN && (correctable.has(w) || !excluded.has(w)));
      for (let k = 0; k < len; k++) {
        const without = (w) => w.slice(0, k) + w.slice(k + 1);
        sections.push(`K${len}${k}\t${[...common].sort((a, b) => cmp(without(a), without(b)) || cmp(a, b)).join('')}`);
      }
    }
  }
  // Readings: S lists the toneless syllables; R holds, for every character in code order, a record of
  // four units: the character and up to three readings (0x100 + syllable index; 0x20 for none, so that
  // no unit is a tab or a newline).
  const syllables = [];
  const syllableId = new Map();
  const records = [];
  for (const ch of [...chars].sort(cmp)) {
    const ids = [...new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true }))]
      .filter((s) => /^[a-z]+$/.test(s))
      .slice(0, 3)
      .map((s) => 0xff + (syllableId.get(s) ?? (syllableId.set(s, syllables.push(s)), syllables.length)));
    if (ids.length) records.push(ch + String.fromCharCode(...ids, 0x20, 0x20, 0x20).slice(0, 3));
  }
  sections.push(`S\t${syllables.join(' ')}`);
  sections.push(`R\t${records.join('')}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, Buffer.from(sections.join('\n') + '\n', 'utf16le'));
  let size = 1;
  while (size < indexed.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  for (const [w, value] of indexed) {
    let slot = wordHash(w, 0, w.length) & (size - 1);
    while (slots[slot]) slot = (slot + 1) & (size - 1);
    slots[slot] = value;
  }
  writeFileSync(hashOut, Buffer.from(slots.buffer));
  return out;
}

if (process.argv[1] === self) {
  const t = performance.now();
  const file = buildLexicon({ force: process.argv.includes('--force') });
  console.log(`${file}: ${(statSync(file).size / 1e6).toFixed(2)} MB in ${Math.round(performance.now() - t)} ms`);
}
