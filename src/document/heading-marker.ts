// The numbering at the start of a 公文 heading: 一、 → （一） → 1. → （1）, and 第X章 / 第X条.

export interface HeadingMarker {
  /** 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; 'chapter' and 'article' for 第X章 / 第X条. */
  level: 1 | 2 | 3 | 4 | 'chapter' | 'article';
  /** The number the marker stands for (一 → 1, 十二 → 12). */
  ordinal: number;
  /** The whole marker as written, separator included (e.g. "（一）", "1、"). */
  text: string;
  /** The separator after the number as written ("、", "，", ".", "．", "" …). */
  separator: string;
}

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses a Chinese numeral up to the thousands (一, 十二, 二十, 一百零五); NaN when it is not one. */
export function chineseNumeral(text: string): number {
  if (!text) return NaN;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十' || ch === '百' || ch === '千') {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (digit || 1) * unit;
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

const CN = '[〇零一二三四五六七八九十百两]+';
const PATTERNS: Array<[RegExp, HeadingMarker['level'], 'cn' | 'arabic']> = [
  [new RegExp(`^第(${CN})章`), 'chapter', 'cn'],
  [new RegExp(`^第(${CN})条`), 'article', 'cn'],
  [new RegExp(`^[（(](${CN})[）)]([、，,．.]?)`), 2, 'cn'],
  [new RegExp(`^(${CN})([、，,．.])`), 1, 'cn'],
  [/^[（(](\d{1,3})[）)]([、，,．.]?)/, 4, 'arabic'],
  [/^(\d{1,3})([.．、，,])(?!\d)/, 3, 'arabic'],
];

/** Characters a marker can start with (the first characters PATTERNS accept). */
const MARKER_START = new Set('第（(〇零一二三四五六七八九十百两0123456789');

/** The heading marker at the start of `text` (after leading spaces), or undefined. */
export function parseHeadingMarker(text: string): HeadingMarker | undefined {
  // Asked of every paragraph by several rules: most start with no marker at all, which the first character tells.
  const at = text.search(/\S/);
  if (at < 0 || !MARKER_START.has(text[at]!)) return undefined;
  const trimmed = text.replace(/^[\s\u3000]+/, '');
  for (const [re, level, kind] of PATTERNS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const ordinal = kind === 'cn' ? chineseNumeral(m[1]!) : Number(m[1]);
    if (Number.isNaN(ordinal)) continue;
    return { level, ordinal, text: m[0], separator: m[2] ?? '' };
  }
  return undefined;
}
