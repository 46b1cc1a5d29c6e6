// The matching view of a paragraph. Rules match on it so that full-width and half-width forms, and
// traditional and simplified characters, are one text; it keeps the UTF-16 length of the original so
// every offset found in it points at the same characters of the original.

import traditional from './traditional-chars.json' with { type: 'json' };

type Convert = (text: string) => string;

/** Characters with a simplified form, by BMP code unit (one flag each) and as a set above it: a document
 *  without any is not converted, and opencc stays unloaded. Looked at for every character of every paragraph. */
let traditionalBmp: Uint8Array | undefined;
let traditionalAstral: Set<number> | undefined;
function hasTraditional(text: string): boolean {
  if (!traditionalBmp) {
    const bmp = new Uint8Array(0x10000);
    const astral = new Set<number>();
    for (const ch of traditional.chars) {
      const c = ch.codePointAt(0)!;
      if (c < 0x10000) bmp[c] = 1;
      else astral.add(c);
    }
    traditionalBmp = bmp;
    traditionalAstral = astral;
  }
  const bmp = traditionalBmp;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        if (traditionalAstral!.has(cp)) return true;
        i++;
        continue;
      }
    }
    if (bmp[c]) return true;
  }
  return false;
}

let converter: Promise<Convert> | undefined;

/** opencc-js, loaded once and only when a document has CJK text. */
function loadConverter(): Promise<Convert> {
  converter ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 't', to: 'cn' }) as Convert);
  return converter;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** ASCII punctuation that has a Chinese (full-width) form, folded to that form. */
const TO_FULL: Record<string, string> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
};

/** What foldWidth changes: full-width digits and Latin letters, the ideographic space, ASCII punctuation. */
const FOLDABLE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000,;:?!()]/g;
const foldOne = (ch: string): string => {
  const code = ch.charCodeAt(0);
  if (code === 0x3000) return ' ';
  return TO_FULL[ch] ?? String.fromCharCode(code - 0xfee0); // ０-９ Ａ-Ｚ ａ-ｚ
};

export function foldWidth(text: string): string {
  // Most paragraphs have nothing to fold: the same string back, with no copy made.
  return text.replace(FOLDABLE, foldOne);
}

/** Converts traditional to simplified, keeping the length; where a conversion would not, keeps the character. */
function toSimplified(text: string, convert: Convert): string {
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/** Builds the matching view for every text, loading the converter only if any text has CJK characters. */
export async function normalizeAll(texts: readonly string[]): Promise<string[]> {
  const convert = texts.some(hasTraditional) ? await loadConverter() : undefined;
  return texts.map((t) => {
    const folded = foldWidth(t);
    return convert && CJK.test(folded) ? toSimplified(folded, convert) : folded;
  });
}
