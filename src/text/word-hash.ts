// The hash the typo lexicon's word index is built with (scripts/build-lexicon.mjs) and probed with
// (lexicon.ts): FNV-1a over UTF-16 code units. One definition for both sides.

/** FNV-1a hash of text[start, start+len), as an unsigned 32-bit number. */
export function wordHash(text: string, start: number, len: number): number {
  let h = 0x811c9dc5;
  for (let j = start; j < start + len; j++) h = Math.imul(h ^ text.charCodeAt(j), 16777619);
  return h >>> 0;
}
