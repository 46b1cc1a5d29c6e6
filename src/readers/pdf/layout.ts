// Re-joins a PDF's positioned text items into the paragraphs the author typed.
// Pure geometry, no pdf.js: items in, paragraphs out, so it can be tested on made-up pages.
import { parseHeadingMarker } from '../../document/heading-marker.js';
import type { RawParagraph } from '../types.js';

/** One run of text as pdf.js places it, in top-down page coordinates (points). */
export interface TextItem {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size (em height) of the run. */
  size: number;
}

export interface PageText {
  /** Page height in points (where the margins are, for page numbers). */
  height: number;
  items: TextItem[];
}

export interface LayoutResult {
  paragraphs: RawParagraph[];
  title?: string;
  /** How far down the text block the last page's text reaches, 0..1, when it can be told. */
  lastPageFill?: number;
}

interface Line {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Visible (non-space) characters, the weight of this line in document-wide statistics. */
  chars: number;
}

// "Wide" characters: CJK ideographs, kana, hangul, CJK and full-width punctuation, and what
// Chinese text sets full width though Unicode files it elsewhere (curly quotes, dashes, ellipsis,
// middle dot, × ÷, ‰, ℃ №, arrows, ★ ■ ○ and other symbols). A space next to one of these is a
// layout artefact, never something the author typed.
const WIDE =
  /[\u00b7\u00d7\u00f7\u2014-\u2027\u2030-\u2031\u2100-\u2bff\u2e80-\u9fff\uac00-\ud7af\ud800-\udfff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
// Kangxi radicals and compatibility ideographs that some producers' ToUnicode maps emit
// instead of the ordinary character (⼯ for 工, ⾏ for 行); NFKC folds them back.
const COMPAT_HAN = /[\u2f00-\u2fdf\uf900-\ufaff]/g;
// Latin letters (× and ÷ excluded) and digits, with the punctuation that ends a Latin word.
const LATIN_END = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f0-9,.;:!?)\]]$/;
const LATIN_START = /^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f0-9([]/;

/** Collapses ASCII spacing: one space between two Latin-side characters, none next to a wide one. */
export function tidySpaces(text: string): string {
  return text
    .replace(COMPAT_HAN, (ch) => ch.normalize('NFKC'))
    .replace(/[ \t\u00a0]+/g, (run, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + run.length];
      if (before === undefined || after === undefined) return '';
      return WIDE.test(before) || WIDE.test(after) ? '' : ' ';
    });
}

/** Whether joining two wrapped lines needs the space the line break swallowed (Latin words only). */
function needsSpace(prev: string, next: string): boolean {
  if (!LATIN_END.test(prev) || !LATIN_START.test(next)) return false;
  // Numbers are not broken at spaces in Chinese text: "10" + "24" is one number cut by the wrap.
  return !(/\d$/.test(prev) && /^\d/.test(next));
}

function visibleLength(text: string): number {
  return text.replace(/\s/g, '').length;
}

function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

/** Groups a page's items into lines: same baseline, read left to right. */
function pageLines(page: PageText, pageNumber: number): Line[] {
  const items = page.items.filter((it) => it.str.length > 0 && it.size > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextItem[][] = [];
  let current: TextItem[] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const item of items) {
    // Within ~40% of the font size counts as the same baseline (mixed fonts sit a little apart).
    if (current.length > 0 && Math.abs(item.y - baseline) <= 0.4 * Math.min(size, item.size)) {
      current.push(item);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    baseline = item.y;
    size = item.size;
  }
  if (current.length > 0) groups.push(current);

  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let raw = '';
    let end = Number.NEGATIVE_INFINITY;
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    const weights = new Map<number, number>();
    for (const item of group) {
      const visible = visibleLength(item.str);
      // A gap wider than a quarter em between two runs is a space the PDF did not spell out;
      // tidySpaces later keeps it only between Latin words.
      if (raw && item.x - end > 0.25 * item.size) raw += ' ';
      raw += item.str;
      end = Math.max(end, item.x + item.width);
      if (visible === 0) continue;
      x0 = Math.min(x0, item.x);
      x1 = Math.max(x1, item.x + item.width);
      const key = roundSize(item.size);
      weights.set(key, (weights.get(key) ?? 0) + visible);
    }
    const text = tidySpaces(raw);
    const chars = visibleLength(text);
    if (chars === 0) continue;
    lines.push({ page: pageNumber, text, x0, x1, y: group[0]!.y, size: dominant(weights), chars });
  }
  return lines;
}

function dominant(weights: Map<number, number>): number {
  let best = 0;
  let bestWeight = -1;
  for (const [key, weight] of weights) {
    if (weight > bestWeight) {
      best = key;
      bestWeight = weight;
    }
  }
  return best;
}

// Running page numbers: "— 3 —", "- 3 -", "—3—", "－3－", "3", "第3页", "第 3 页 共 9 页", "3/9".
const DASHED_NUMBER = /^[-‐‑‒–—―－~～]+\d{1,4}[-‐‑‒–—―－~～]+$/;
const BARE_NUMBER = /^(\d{1,4}|第\d{1,4}页(共\d{1,4}页)?|\d{1,4}\/\d{1,4})$/;

function isPageNumber(line: Line, page: PageText, position: 'first' | 'last'): boolean {
  const compact = line.text.replace(/\s/g, '');
  if (DASHED_NUMBER.test(compact)) return true;
  if (!BARE_NUMBER.test(compact)) return false;
  // A bare number is only a page number where no body text goes: the top or bottom margin.
  return position === 'last' ? line.y > 0.8 * page.height : line.y < 0.15 * page.height;
}

function dropPageNumbers(lines: Line[], page: PageText): Line[] {
  const kept = lines.slice();
  // Footer and header may both carry one; look at two lines from each end.
  for (let i = 0; i < 2 && kept.length > 0; i++) {
    if (isPageNumber(kept[kept.length - 1]!, page, 'last')) kept.pop();
  }
  for (let i = 0; i < 2 && kept.length > 0; i++) {
    if (isPageNumber(kept[0]!, page, 'first')) kept.shift();
  }
  return kept;
}

/** The text block's geometry, read off the body lines of the whole document. */
interface Block {
  bodySize: number;
  left: number;
  right: number;
  /** Usual distance between baselines of body lines. */
  pitch: number;
}

function measureBlock(pages: Line[][]): Block {
  const all = pages.flat();
  const weights = new Map<number, number>();
  for (const line of all) weights.set(line.size, (weights.get(line.size) ?? 0) + line.chars);
  const bodySize = dominant(weights) || 12;
  const body = all.filter((l) => Math.abs(l.size - bodySize) <= 0.1 * bodySize);
  // Justified text ends its full lines at one x; take the commonest end near the rightmost one,
  // so a line with hanging punctuation does not move the edge. Ragged text: the rightmost end.
  const maxEnd = body.reduce((m, l) => Math.max(m, l.x1), -Infinity);
  const buckets = new Map<number, { count: number; x: number }>();
  for (const line of body) {
    if (line.x1 < maxEnd - 3 * bodySize) continue;
    const key = Math.round(line.x1 / (0.5 * bodySize));
    const bucket = buckets.get(key) ?? { count: 0, x: line.x1 };
    bucket.count++;
    bucket.x = Math.max(bucket.x, line.x1);
    buckets.set(key, bucket);
  }
  let right = maxEnd;
  let bestCount = 1;
  for (const bucket of buckets.values()) {
    if (bucket.count > bestCount) {
      bestCount = bucket.count;
      right = bucket.x;
    }
  }
  const left = leftEdge(pages, body, bodySize, right);
  const steps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      if (a.size !== bodySize || b.size !== bodySize) continue;
      const step = b.y - a.y;
      if (step > 0.5 * bodySize && step < 3 * bodySize) steps.push(step);
    }
  }
  steps.sort((a, b) => a - b);
  const pitch = steps.length > 0 ? steps[Math.floor(steps.length / 2)]! : 1.8 * bodySize;
  return { bodySize, left, right, pitch };
}

/**
 * The left edge: where wrapped lines (those after a line that ran to the right edge) start, the
 * commonest such x; a line starting a little further left (a compressed opening bracket, a
 * table) must not move it. Without wrapped lines, the leftmost start.
 */
function leftEdge(pages: Line[][], body: Line[], bodySize: number, right: number): number {
  const counts = new Map<number, { count: number; x: number }>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1]!;
      const line = lines[i]!;
      if (line.size !== bodySize || prev.size !== bodySize || prev.x1 < right - 1.5 * bodySize) continue;
      const key = Math.round(line.x0);
      const entry = counts.get(key) ?? { count: 0, x: line.x0 };
      entry.count++;
      entry.x = Math.min(entry.x, line.x0);
      counts.set(key, entry);
    }
  }
  let best: { count: number; x: number } | undefined;
  for (const entry of counts.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && entry.x < best.x)) best = entry;
  }
  return best ? best.x : body.reduce((m, l) => Math.min(m, l.x0), Infinity);
}

function sameSize(a: Line, b: Line): boolean {
  return Math.abs(a.size - b.size) <= 0.1 * Math.max(a.size, b.size);
}

function reachesEdge(line: Line, block: Block): boolean {
  // Chinese wraps anywhere, so a wrapped line ends within a character or so of the edge
  // (one short when line-breaking rules push a character down).
  return line.x1 >= block.right - 1.5 * line.size;
}

function isIndented(line: Line, block: Block): boolean {
  return line.x0 - block.left >= 1.0 * line.size || /^\u3000/.test(line.text);
}

/**
 * Centred: the middle within a body character of the block's, clear of both edges. A line that
 * starts at the usual two-character indent is taken as indented, though a nearly full one looks
 * centred too.
 */
function isCentred(line: Line, block: Block): boolean {
  const room = block.bodySize;
  const indent = line.x0 - block.left;
  if (Math.abs(indent - 2 * block.bodySize) <= 0.3 * block.bodySize) return false;
  return isCentredTitleLine(line, block) && indent >= room && block.right - line.x1 >= room;
}

/** Whether `next` carries on the paragraph `prev` ends (both on one page, or across a break). */
function continues(prev: Line, next: Line, block: Block): boolean {
  if (!sameSize(prev, next) || !reachesEdge(prev, block) || isIndented(next, block)) return false;
  // A sentence that ends at the edge, then a line opening with 一、/（一）/1./第X条: a new paragraph
  // (headings set flush left, as some templates do).
  if (/[。：；！？:;!?]$/.test(prev.text) && parseHeadingMarker(next.text)) return false;
  // On one page, a gap well beyond the usual pitch is a blank line between paragraphs.
  if (prev.page === next.page && next.y - prev.y > 1.6 * Math.max(block.pitch, prev.size)) return false;
  return true;
}

/** The title: the first run of centred lines in a notably larger font near the top of page 1. */
function findTitle(first: Line[], block: Block): { start: number; end: number } | undefined {
  let i = 0;
  while (i < first.length && i < 8) {
    const line = first[i]!;
    if (line.size < 1.2 * block.bodySize || !isCentredTitleLine(line, block)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < first.length &&
      sameSize(first[j - 1]!, first[j]!) &&
      isCentredTitleLine(first[j]!, block) &&
      // Title lines sit closer than a blank line apart (LibreOffice's grid can double the pitch).
      first[j]!.y - first[j - 1]!.y <= 3 * line.size
    ) {
      j++;
    }
    const text = joinLines(first.slice(i, j));
    // "××人民政府文件" in red over the title is the 发文机关标志 (GB/T 9704 7.2.3), not the title.
    if (!/文件$/.test(text)) return { start: i, end: j };
    i = j;
  }
  return undefined;
}

/** Middle on the block's middle (a title's first line may fill the whole width). */
function isCentredTitleLine(line: Line, block: Block): boolean {
  const mid = (line.x0 + line.x1) / 2;
  return Math.abs(mid - (block.left + block.right) / 2) <= block.bodySize;
}

function joinLines(lines: Line[]): string {
  let text = '';
  for (const line of lines) text += text && needsSpace(text, line.text) ? ` ${line.text}` : line.text;
  return text;
}

function paragraphOf(lines: Line[], block: Block, kind: RawParagraph['kind']): RawParagraph {
  const first = lines[0]!;
  const text = joinLines(lines);
  const weights = new Map<number, number>();
  for (const line of lines) weights.set(line.size, (weights.get(line.size) ?? 0) + line.chars);
  const fontSizePt = dominant(weights);
  const paragraph: RawParagraph = { text, kind, page: first.page, style: { fontSizePt } };
  const centred = kind === 'title' || (lines.length === 1 && isCentred(first, block));
  if (centred) {
    paragraph.style!.alignment = 'center';
  } else {
    const indent = first.x0 - block.left;
    paragraph.style!.indentFirstLinePt = Math.abs(indent) < 0.5 ? 0 : Math.round(indent * 10) / 10;
  }
  if (kind === 'body' && lines.length === 1 && !reachesEdge(first, block)) {
    const level = headingLevel(text);
    if (level !== undefined) {
      paragraph.kind = 'heading';
      paragraph.level = level;
    }
  }
  return paragraph;
}

/** 一、 → 1, （一） → 2, for a short line standing alone that reads as a heading, not a sentence. */
function headingLevel(text: string): number | undefined {
  const marker = parseHeadingMarker(text);
  if (!marker || (marker.level !== 1 && marker.level !== 2)) return undefined;
  if (visibleLength(text) > 30) return undefined;
  // Headings carry no punctuation at the end (GB/T 9704); "（六）…；" is an item of a list, and a
  // full stop inside means body text follows the heading.
  if (/[。；;！!？?]/.test(text.slice(0, -1)) || /[。；;，,：:！!？?、]$/.test(text)) return undefined;
  return marker.level;
}

export function layoutParagraphs(pages: PageText[]): LayoutResult {
  const linesByPage = pages.map((page, i) => dropPageNumbers(pageLines(page, i + 1), page));
  const all = linesByPage.flat();
  if (all.length === 0) return { paragraphs: [] };
  const block = measureBlock(linesByPage);

  const paragraphs: RawParagraph[] = [];
  let title: string | undefined;
  let start = 0;
  const firstPage = linesByPage.findIndex((lines) => lines.length > 0);
  if (firstPage === 0) {
    const found = findTitle(linesByPage[0]!, block);
    if (found) {
      // Lines above the title (份号, 密级, 发文机关标志, 文号) each stay a paragraph of their own.
      for (let i = 0; i < found.start; i++) paragraphs.push(paragraphOf([all[i]!], block, 'body'));
      const titleParagraph = paragraphOf(all.slice(found.start, found.end), block, 'title');
      paragraphs.push(titleParagraph);
      title = titleParagraph.text;
      start = found.end;
    }
  }

  let current: Line[] = [];
  for (let i = start; i < all.length; i++) {
    const line = all[i]!;
    const prev = current[current.length - 1];
    if (prev && continues(prev, line, block)) {
      current.push(line);
      continue;
    }
    if (current.length > 0) paragraphs.push(paragraphOf(current, block, 'body'));
    current = [line];
  }
  if (current.length > 0) paragraphs.push(paragraphOf(current, block, 'body'));

  const result: LayoutResult = { paragraphs };
  if (title !== undefined) result.title = title;
  const fill = lastPageFill(linesByPage, block);
  if (fill !== undefined) result.lastPageFill = fill;
  return result;
}

/** The last page's share of the text block, measured against the fullest page's extent. */
function lastPageFill(pages: Line[][], block: Block): number | undefined {
  const withText = pages.filter((lines) => lines.length > 0);
  const last = pages[pages.length - 1];
  if (withText.length < 2 || !last || last.length === 0) return undefined;
  const top = withText.reduce((m, lines) => Math.min(m, lines[0]!.y - lines[0]!.size), Infinity);
  const bottom = withText.reduce((m, lines) => Math.max(m, lines[lines.length - 1]!.y), -Infinity);
  if (bottom - top < 3 * block.pitch) return undefined;
  // Each line owns its leading too, so one line of a 22-line page counts as 1/22.
  const leading = Math.max(0, block.pitch - block.bodySize);
  const reach = last[last.length - 1]!.y;
  const fill = (reach - top + leading) / (bottom - top + leading);
  return Math.min(1, Math.max(0, Math.round(fill * 100) / 100));
}

/** Paragraphs from text without positions (one per line), page numbers at either end dropped. */
export function plainParagraphs(pageTexts: string[]): LayoutResult {
  const paragraphs: RawParagraph[] = [];
  pageTexts.forEach((pageText, i) => {
    const lines = pageText.split('\n').map(tidySpaces).filter((line) => line !== '');
    const isNumber = (line: string | undefined) =>
      line !== undefined && (DASHED_NUMBER.test(line.replace(/\s/g, '')) || BARE_NUMBER.test(line.replace(/\s/g, '')));
    if (isNumber(lines[lines.length - 1])) lines.pop();
    if (isNumber(lines[0])) lines.shift();
    for (const text of lines) paragraphs.push({ text, kind: 'body', page: i + 1 });
  });
  return { paragraphs };
}
