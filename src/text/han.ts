// Han characters — what `\p{Script=Han}` matches — as explicit code-point ranges (Unicode 17, the
// version of the Node this was written on; test/han.test.ts checks them against the running Node).
// A `u` regular expression that names `\p{Script=Han}` many times compiles several times slower than
// one that spells the ranges out, so data patterns are rewritten with `expandHan` before compiling.

/** [first, last] code points, ascending, not touching. */
export const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2E80, 0x2E99],
  [0x2E9B, 0x2EF3],
  [0x2F00, 0x2FD5],
  [0x3005, 0x3005],
  [0x3007, 0x3007],
  [0x3021, 0x3029],
  [0x3038, 0x303B],
  [0x3400, 0x4DBF],
  [0x4E00, 0x9FFF],
  [0xF900, 0xFA6D],
  [0xFA70, 0xFAD9],
  [0x16FE2, 0x16FE3],
  [0x16FF0, 0x16FF6],
  [0x20000, 0x2A6DF],
  [0x2A700, 0x2B81D],
  [0x2B820, 0x2CEAD],
  [0x2CEB0, 0x2EBE0],
  [0x2EBF0, 0x2EE5D],
  [0x2F800, 0x2FA1D],
  [0x30000, 0x3134A],
  [0x31350, 0x33479],
];

const hex = (c: number): string => `\\u{${c.toString(16).toUpperCase()}}`;

/** The ranges as the inside of a character class of a `u` regular expression. */
export const HAN_CLASS_BODY = HAN_RANGES.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');

const HAN = '\\p{Script=Han}';

/**
 * `source` (a `u` regular expression) with each `\p{Script=Han}` written as the ranges: inside a class
 * as its ranges, elsewhere as a class of its own. Escapes are skipped, so `\\p{Script=Han}` stays literal.
 */
export function expandHan(source: string): string {
  return replaceHan(source, HAN_CLASS_BODY);
}

function replaceHan(source: string, body: string): string {
  if (!source.includes(HAN)) return source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (source.startsWith(HAN, i)) {
        out += inClass ? body : `[${body}]`;
        i += HAN.length - 1;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** The Basic Multilingual Plane part of the ranges, for a regular expression without the `u` flag. */
const HAN_BMP_CLASS_BODY = HAN_RANGES.filter(([a]) => a < 0x10000)
  .map(([a, b]) => {
    const u = (c: number): string => `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    return a === b ? u(a) : `${u(a)}-${u(b)}`;
  })
  .join('');

/**
 * `source` (a `u` regular expression) for a regular expression without the `u` flag that matches the same on
 * text with no surrogate code units (no character outside the BMP): each `\p{Script=Han}` becomes the BMP
 * ranges. Such a pattern compiles several times faster than its `u` form, whose Han class spans four planes.
 * Only for patterns that mean the same either way (no `\p` besides Han, no `\u{…}`, no case folding).
 */
export function expandHanBmp(source: string): string {
  return replaceHan(source, HAN_BMP_CLASS_BODY);
}

/** Whether a string has a surrogate code unit: where a BMP-only pattern (expandHanBmp) may not be used. */
export const hasSurrogate = (s: string): boolean => /[\ud800-\udfff]/.test(s);
