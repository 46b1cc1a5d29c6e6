// List numbers as Word renders them for w:numFmt (ECMA-376 17.18.59), for the formats Chinese
// documents use plus the Western ones; anything else falls back to decimal.

const IDEOGRAPH_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const TRAD_LEGAL_DIGITS = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const FULLWIDTH_DIGITS = ['０', '１', '２', '３', '４', '５', '６', '７', '８', '９'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

function positional(n: number, digits: string[]): string {
  return String(n)
    .split('')
    .map((d) => digits[Number(d)] ?? d)
    .join('');
}

interface Units {
  digits: string[];
  zero: string;
  ten: string;
  hundred: string;
  thousand: string;
  myriad: string;
}

const COUNTING: Units = { digits: ['零', ...IDEOGRAPH_DIGITS.slice(1)], zero: '零', ten: '十', hundred: '百', thousand: '千', myriad: '万' };
const LEGAL: Units = { digits: LEGAL_DIGITS, zero: '零', ten: '拾', hundred: '佰', thousand: '仟', myriad: '万' };
const TRAD_LEGAL: Units = { digits: TRAD_LEGAL_DIGITS, zero: '零', ten: '拾', hundred: '佰', thousand: '仟', myriad: '萬' };

function group(n: number, u: Units): string {
  const places: [number, string][] = [
    [Math.floor(n / 1000) % 10, u.thousand],
    [Math.floor(n / 100) % 10, u.hundred],
    [Math.floor(n / 10) % 10, u.ten],
    [n % 10, ''],
  ];
  let out = '';
  let seen = false;
  let gap = false;
  for (const [d, unit] of places) {
    if (d === 0) {
      if (seen) gap = true;
      continue;
    }
    if (gap) out += u.zero;
    gap = false;
    out += u.digits[d]! + unit;
    seen = true;
  }
  return out;
}

/**
 * The counting and legal formats: grouped with 十百千万 and 零 for gaps (一百零一). In the
 * ordinary counting formats 10–19 are written 十… (十一), not 一十…, as Word shows them.
 */
function grouped(n: number, u: Units, elideLeadingOne: boolean): string {
  if (n >= 100_000_000) return String(n);
  const hi = Math.floor(n / 10000);
  const lo = n % 10000;
  let out = '';
  if (hi > 0) out += group(hi, u) + u.myriad;
  if (lo > 0) {
    if (hi > 0 && lo < 1000) out += u.zero;
    out += group(lo, u);
  }
  if (elideLeadingOne && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Word's letters: A…Z, then AA…ZZ (the letter repeated), not base 26. */
function letters(n: number): string {
  // Word stops repeating at 780 (ZZZ… thirty times); past that a damaged start value would make megabytes.
  if (n > 780) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

export function formatNumber(n: number, numFmt: string): string {
  if (numFmt === 'none') return '';
  if (n < 1 && numFmt !== 'decimal' && numFmt !== 'decimalZero') return String(n);
  switch (numFmt) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return positional(n, FULLWIDTH_DIGITS);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return grouped(n, COUNTING, true);
    case 'chineseLegalSimplified':
      return grouped(n, LEGAL, false);
    case 'ideographLegalTraditional':
      return grouped(n, TRAD_LEGAL, false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return positional(n, IDEOGRAPH_DIGITS);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10]!;
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(n - 1) % 12]!;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3220, 10);
    case 'numberInDash':
      return `- ${n} -`;
    default:
      return String(n);
  }
}
