// Letters and digits (/[\p{L}\p{N}]/u), asked of one UTF-16 code unit at a time as the rules count what a
// sentence says. The answer for each code unit is the regular expression's own, remembered in a table.

const CONTENT = /[\p{L}\p{N}]/u;
/** Per code unit: 0 not asked yet, 1 no, 2 yes. */
const known = new Uint8Array(0x10000);

/** Whether the code unit at text[i] is a letter or digit, as CONTENT.test(text[i]) says (a lone surrogate is neither). */
export function isContentAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  let k = known[c]!;
  if (k === 0) known[c] = k = CONTENT.test(String.fromCharCode(c)) ? 2 : 1;
  return k === 2;
}
