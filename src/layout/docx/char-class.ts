// What a character is to line breaking, by code point: full width or half, an ideograph, opening or
// hangable punctuation. Shared by the .docx line breaker and the plain-text page estimate.

export const codes = (s: string): Set<number> => new Set([...s].map((c) => c.codePointAt(0)!));
export const OPENING = codes('（《「『【〔〈〖〘〚“‘([{￥$＄');
export const HANGABLE = codes('，。、；：？！,.．');

/** Full-width characters: CJK ideographs, kana, Hangul, CJK and full-width punctuation. */
export function isFullWidth(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7ff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

export function isIdeograph(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x3041 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af) || code >= 0x20000;
}

/** Punctuation a Chinese font sets full width (quotes, dashes, ellipsis, ※, circled numbers). */
export function isAmbiguous(code: number): boolean {
  return (code >= 0x2010 && code <= 0x2027) || code === 0xb7 || code === 0x2030 || code === 0x203b || code === 0x2103 || code === 0x2116 || code === 0x2160 || (code >= 0x2460 && code <= 0x24ff) || (code >= 0x25a0 && code <= 0x26ff);
}
