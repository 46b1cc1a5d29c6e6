// What the two heading rules share: the marker at the start of a paragraph (一、（一）1.（1）第X章 第X条) read on
// the matching view, whether it is a heading at all (not a cross-reference, not a list of numbers), the
// lines that open a new list (a lead line ending "：", a heading that carries no marker), and the marker
// written as GB/T 9704 writes it.
import { loadData, parseHeadingMarker, type HeadingMarker, type Paragraph } from '../src/plugin-api.js';

export interface HeadingData {
  referenceFollowers: string[];
  runAfter: string;
  runNotBefore: string;
  attachment: string;
  attachmentList: string;
  unmarkedHeadingMaxLength: number;
}

export const headingData = (): HeadingData => loadData<HeadingData>(new URL('./data/headings.json', import.meta.url));

export type Level = 1 | 2 | 3 | 4;

export interface Found {
  p: Paragraph;
  /** Offset of the marker in the paragraph. */
  start: number;
  marker: HeadingMarker;
  /** The marker as the draft has it (raw width). */
  raw: string;
  /**
   * A number that may not be a marker: "2、6月底前…", "1.5倍…" (a numeral follows), "一、二类会议…". It counts only
   * where its neighbours confirm it (see `confirmedMarkers`).
   */
  ambiguous: boolean;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const head = `${DIGITS[Math.floor(n / 100)]}百`;
  if (!rest) return head;
  if (rest < 10) return `${head}零${DIGITS[rest]}`;
  return head + (rest < 20 ? `一${toChineseNumeral(rest)}` : toChineseNumeral(rest));
}

/** The marker as GB/T 9704 writes it. Level 3 keeps a full-width "．", which Word drafts use as often as ".". */
export function canonical(level: Level | 'chapter' | 'article' | 'run', n: number, dot = '.'): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(n)}、`;
    case 2:
      return `（${toChineseNumeral(n)}）`;
    case 3:
      return `${n}${dot}`;
    case 4:
      return `（${n}）`;
    case 'chapter':
      return `第${toChineseNumeral(n)}章`;
    case 'article':
      return `第${toChineseNumeral(n)}条`;
    case 'run':
      return `${toChineseNumeral(n)}是`;
  }
}

export const LEVEL_NAMES = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' } as const;

/** The marker at the start of the paragraph, read on the matching view so full-width digits and 「(」 count. */
export function markerOf(p: Paragraph): Found | undefined {
  const lead = /^[\s\u3000]*/.exec(p.norm)![0].length;
  const head = p.norm.slice(lead, lead + 16);
  const marker = parseHeadingMarker(head) ?? numberBeforeNumber(head) ?? halfBracket(head);
  if (!marker || marker.ordinal < 1) return undefined;
  const found: Found = { p, start: lead, marker, raw: p.text.slice(lead, lead + marker.text.length), ambiguous: false };
  found.ambiguous = (!parseHeadingMarker(head) && !halfBracket(head)) || isNumberList(found);
  return found;
}

/** "2、6月底前…", "1.3月底前…": a level-3 marker right before a number, which parseHeadingMarker leaves out. */
function numberBeforeNumber(head: string): HeadingMarker | undefined {
  const m = /^(\d{1,2})([.．、])(?=\d)/.exec(head);
  return m ? { level: 3, ordinal: Number(m[1]), text: m[0], separator: m[2]! } : undefined;
}

/** "1）" or "1)" with its opening bracket left out: the （1） level written wrong. */
function halfBracket(head: string): HeadingMarker | undefined {
  const m = /^(\d{1,2})[）)](?![\d）)])/.exec(head);
  return m ? { level: 4, ordinal: Number(m[1]), text: m[0], separator: '' } : undefined;
}

/**
 * The markers of a run of paragraphs, with the ambiguous ones kept only where the marker before or after at its
 * level is one less or one more ("1.3月底前…", "2、6月底前…", "3.年底前…" are a list; "1.5倍以上的" alone is not).
 * Looks a bounded distance either way, so the cost stays linear.
 */
export function confirmedMarkers(markers: Array<Found | undefined>): Array<Found | undefined> {
  const near = (i: number, step: 1 | -1): Found | undefined => {
    const level = markers[i]!.marker.level;
    for (let j = i + step, k = 0; j >= 0 && j < markers.length && k < 40; j += step, k++) {
      const m = markers[j];
      if (!m) continue;
      if (m.marker.level === level) return m;
      if (typeof level === 'number' && (typeof m.marker.level !== 'number' || m.marker.level < level)) return undefined;
    }
    return undefined;
  };
  return markers.map((f, i) => {
    if (!f?.ambiguous) return f;
    const before = near(i, -1);
    const after = near(i, 1);
    return before?.marker.ordinal === f.marker.ordinal - 1 || after?.marker.ordinal === f.marker.ordinal + 1 ? f : undefined;
  });
}

/**
 * 第五条 that only refers to an article: "第五条规定的情形", "第三条第二款", "第五条、第六条", "第十条（一）项".
 * An article itself is followed by a space or by its own sentence.
 */
export function isCrossReference(f: Found, d: HeadingData): boolean {
  if (typeof f.marker.level === 'number') return false;
  const after = f.p.norm.slice(f.start + f.marker.text.length, f.start + f.marker.text.length + 12);
  // An article sets its number apart with a space ("第五条　本办法…"); a reference runs on.
  if (/^[ \u3000\t]/.test(after)) return false;
  if (d.referenceFollowers.some((w) => after.startsWith(w))) return true;
  // "第十条（一）项", "第三条第（二）款": an item of an article named in a sentence.
  return /^[（(][一二三四五六七八九十\d]+[）)][项款目]/.test(after);
}

/**
 * A paragraph starting "3、4月份" or "一、二类会议": a list of numbers, not a marker. The numeral after the
 * separator is of the marker's own kind.
 */
export function isNumberList(f: Found): boolean {
  const { level, separator } = f.marker;
  const next = f.p.norm.charAt(f.start + f.marker.text.length);
  if (level === 1) return /[一二三四五六七八九十]/.test(next);
  if (level === 3) return /\d/.test(next);
  return false;
}

/** Whether a paragraph ends in a colon: "主要任务如下：" opens a list of its own. */
export function isLeadLine(p: Paragraph): boolean {
  return /[：:]\s*$/.test(p.norm);
}

/**
 * A heading the numbering does not name: a styled heading without a marker, or a short line standing alone
 * with no sentence punctuation ("第一部分　总体要求", "工作目标"). Under it, lists start again.
 */
export function isUnmarkedHeading(p: Paragraph, d: HeadingData): boolean {
  if (p.kind === 'title' || p.kind === 'table-cell') return false;
  const text = p.norm.trim();
  if (!text) return false;
  if (p.kind === 'heading') return true;
  return text.length <= d.unmarkedHeadingMaxLength && !/[。；，、！？：;,!?:]/.test(text);
}
