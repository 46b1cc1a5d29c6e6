// The matching view of a paragraph. Rules match on it so that full-width and half-width forms, and
// traditional and simplified characters, are one text; it keeps the UTF-16 length of the original so
// every offset found in it points at the same characters of the original.

import traditional from './traditional-chars.json' with { type: 'json' };

type Convert = (text: string) => string;

/** Characters with a simplified form: a document without any is not converted, and opencc stays unloaded. */
let traditionalSet: Set<string> | undefined;
function hasTraditional(text: string): boolean {
  traditionalSet ??= new Set(traditional.chars);
  for (const ch of text) if (traditionalSet.has(ch)) return true;
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

export function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0); // ０-９
    else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) out += String.fromCharCode(code - 0xfee0); // Ａ-Ｚ ａ-ｚ
    else if (code === 0x3000) out += ' ';
    else out += TO_FULL[ch] ?? ch;
  }
  return out;
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
