// The hash the typo lexicon's word index is built with (scripts/build-lexicon.mjs) and probed with
// (lexicon.ts): FNV-1a over UTF-16 code units. One definition for both sides.

/** FNV-1a hash of text[start, start+len), as an unsigned 32-bit number. */
export function wordHash(text: string, start: number, len: number): number {
  let h = 0x811c9dc5;
  for (let j = start; j < start + len; j++) h = Math.imul(h ^ text.charCodeAt(j), 16777619);
  return h >>> 0;
}

/** Hash of a key of the lexicon's K tables in `table` (L * 4 + k): text[start, start+len) without its
 * unit at offset `gap` (−1: none). */
export function keyHash(text: string, start: number, len: number, gap: number, table: number): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < len; j++) if (j !== gap) h = Math.imul(h ^ text.charCodeAt(start + j), 16777619);
  return Math.imul(h ^ table, 16777619) >>> 0;
}

/** How many bits the lexicon's bit set of word beginnings has: 2 ** PREFIX_BITS. */
export const PREFIX_BITS = 19;

/** The bit of the word beginning with the UTF-16 units a, b in that bit set. */
export function prefixBit(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PREFIX_BITS);
}

/** The bit of the key beginning with the UTF-16 units a, b of K table `table` in the lexicon's bit set
 * of key beginnings (as large as that of word beginnings). */
export function keyBit(a: number, b: number, table: number): number {
  return Math.imul(((a << 16) | b) ^ Math.imul(table, 0x85ebca6b), 0x9e3779b1) >>> (32 - PREFIX_BITS);
}
