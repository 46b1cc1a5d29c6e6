// Font metrics the layout needs: how wide a half-width character is, and how tall a single-spaced
// line of a font is. Only classes of fonts are known (no font files are read): the Chinese system
// fonts of Windows (宋体, 仿宋, 楷体, 黑体 and their _GB2312/方正 cousins) all have a 1 em design box
// and half-width ASCII; Times New Roman / Liberation Serif have Adobe Times widths; Noto CJK (what
// LibreOffice on Linux draws Chinese text with) has proportional Latin and a 1.44 em box.

export type FontClass = 'cjk-system' | 'yahei' | 'times' | 'sans' | 'noto-serif-cjk' | 'noto-sans-cjk';

/** Advance widths of U+0020..U+007E, thousandths of an em. */
type AsciiWidths = readonly number[];

const HALF: AsciiWidths = new Array<number>(95).fill(500);
// Times-Roman (Times New Roman and Liberation Serif share these metrics).
const TIMES: AsciiWidths = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
// Helvetica/Arial widths, close enough for Calibri-like sans fonts too.
const SANS: AsciiWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
// Noto Serif CJK SC and Noto Sans CJK SC, read from the fonts' hmtx tables.
const NOTO_SERIF: AsciiWidths = [
  256, 308, 376, 574, 550, 923, 779, 196, 364, 364, 478, 580, 327, 346, 327, 352, 557, 471, 558, 557, 555, 558, 558, 549, 558, 562, 327, 327, 580, 580, 580, 432,
  912, 718, 670, 691, 770, 652, 629, 741, 853, 405, 402, 731, 625, 975, 796, 767, 641, 767, 715, 567, 659, 797, 714, 1053, 700, 687, 605, 344, 352, 344, 580, 563,
  435, 557, 638, 538, 629, 546, 388, 566, 663, 332, 311, 607, 334, 974, 661, 596, 638, 607, 462, 473, 367, 653, 548, 838, 564, 552, 498, 374, 316, 374, 580,
];
const NOTO_SANS: AsciiWidths = [
  224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555, 474,
  946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559,
  606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338, 270, 338, 555,
];

export interface FontMetrics {
  ascii: AsciiWidths;
  /** hhea ascender and −descender, em; their sum is the height of the font's design box. */
  ascent: number;
  descent: number;
  /** Whether the font is an East-Asian one (Word gives East-Asian lines 1.3 × the box). */
  eastAsian: boolean;
}

export const FONT_METRICS: Record<FontClass, FontMetrics> = {
  'cjk-system': { ascii: HALF, ascent: 0.859, descent: 0.141, eastAsian: true },
  // Microsoft YaHei: a taller box (2167 + 536 of 2048) and proportional Latin.
  yahei: { ascii: SANS, ascent: 1.058, descent: 0.262, eastAsian: true },
  // Times New Roman / Liberation Serif, Arial / Liberation Sans.
  times: { ascii: TIMES, ascent: 0.891, descent: 0.216, eastAsian: false },
  sans: { ascii: SANS, ascent: 0.905, descent: 0.212, eastAsian: false },
  'noto-serif-cjk': { ascii: NOTO_SERIF, ascent: 1.151, descent: 0.286, eastAsian: true },
  'noto-sans-cjk': { ascii: NOTO_SANS, ascent: 1.16, descent: 0.288, eastAsian: true },
};

/** Height of the font's design box, em. */
export function boxHeight(cls: FontClass): number {
  return FONT_METRICS[cls].ascent + FONT_METRICS[cls].descent;
}

const SANS_NAMES = /arial|helvetica|calibri|cambria|verdana|tahoma|segoe|liberation sans|dejavu sans|aptos/i;
const SERIF_LATIN = /times|liberation serif|georgia|garamond|book antiqua|palatino/i;
const YAHEI = /yahei|雅黑/i;
const NOTO_CJK_SANS = /noto sans cjk|source han sans|思源黑体/i;
const NOTO_CJK_SERIF = /noto serif cjk|source han serif|思源宋体/i;

/** The class of a font named in the file, as Word on Windows would find it. */
export function classifyFont(name: string | undefined): FontClass {
  if (!name) return 'cjk-system';
  if (YAHEI.test(name)) return 'yahei';
  if (NOTO_CJK_SANS.test(name)) return 'noto-sans-cjk';
  if (NOTO_CJK_SERIF.test(name)) return 'noto-serif-cjk';
  if (SERIF_LATIN.test(name)) return 'times';
  if (SANS_NAMES.test(name)) return 'sans';
  // 宋体, 仿宋, 楷体, 黑体, 仿宋_GB2312, 方正小标宋简体, STFangsong, 等线, theme fonts (+minorEastAsia): a 1 em box.
  return 'cjk-system';
}

/** Width of a half-width (ASCII) character in em, in a font of this class. */
export function asciiWidth(cls: FontClass, code: number): number {
  const w = FONT_METRICS[cls].ascii[code - 0x20];
  return w === undefined ? 0.5 : w / 1000;
}
