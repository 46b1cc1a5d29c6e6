// Characters as a reader counts them: every code point that is not whitespace. Counted code unit by code
// unit, without a regular expression per character (rules count every paragraph and every sentence).

/** Whether a UTF-16 code unit is whitespace, exactly as /\s/ (and String.prototype.trim) judge it. */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Code points in text[start, end) that are not whitespace (a surrogate pair is one; a lone surrogate counts too). */
export function visibleLength(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    } else if (!isWhitespaceCode(c)) n++;
  }
  return n;
}
