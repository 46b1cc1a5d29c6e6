// Pages of a draft that has no layout of its own (.txt, .md): set as a GB/T 9704 document would be.
// The text is dressed as a .docx page (A4, the 版心 margins, exact line pitch, letter spacing that
// gives the characters per line) and laid out by the Word-like model of real .docx files, so line
// breaking (避头尾, half-width digits) and titles and headings as whole lines come for free. Such a
// page is the simplest case of that model — one font, one run per paragraph, exact line pitch, no
// grid, spacing, widow control, tables or breaks — so it is laid out here by that case alone
// (layoutTextFacts), without loading the .docx layout; test/layout/text-pages.test.ts holds the two
// to the same page counts and fills.
import type { Document, PageCount, Paragraph } from '../document/model.js';
import type { DocxLayoutFacts, ParagraphBlock, ParagraphProps, SectionFacts } from '../readers/docx/layout-facts.js';
import { HANGABLE, isAmbiguous, isFullWidth, isIdeograph, OPENING } from './docx/char-class.js';
import { asciiWidth } from './docx/fonts.js';
import { fontClassOf, WORD } from './docx/profile.js';

export interface TextPageModel {
  /** Paper and margins, mm. */
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number };
  /** Lines of body text per page (GB/T 9704: 22). */
  linesPerPage: number;
  /** Full-width characters per body line (GB/T 9704: 28). */
  charsPerLine: number;
  /** Font sizes, pt: body 3号, title 2号. */
  bodySize: number;
  titleSize: number;
  /** Characters of first-line indent of body paragraphs and headings. */
  indentChars: number;
  /** Empty lines between the title and the text. */
  linesAfterTitle: number;
}

/** GB/T 9704-2012: A4, margins 37/35/28/26 mm, 3号 body, 22 lines × 28 characters, 2号 title. */
export const GB9704_TEXT_PAGE: TextPageModel = {
  pageWidth: 210,
  pageHeight: 297,
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  linesPerPage: 22,
  charsPerLine: 28,
  bodySize: 16,
  titleSize: 22,
  indentChars: 2,
  linesAfterTitle: 1,
};

/** Width in grid cells: full-width characters take one, ASCII letters, digits and spaces about half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return width;
}

const TWIPS_PER_MM = 1440 / 25.4;

function section(model: TextPageModel, blocks: number): SectionFacts {
  const tw = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
  return {
    start: 'nextPage',
    pageWidth: tw(model.pageWidth),
    pageHeight: tw(model.pageHeight),
    orientation: model.pageWidth > model.pageHeight ? 'landscape' : 'portrait',
    margins: { top: tw(model.margins.top), bottom: tw(model.margins.bottom), left: tw(model.margins.left), right: tw(model.margins.right), header: 851, footer: 992, gutter: 0 },
    docGrid: { type: 'default' },
    columns: { count: 1, equalWidth: true },
    titlePage: false,
    hasHeader: false,
    hasFooter: true,
    firstBlock: 0,
    endBlock: blocks,
  };
}

/** The .docx facts of a plain-text draft set on the model's page. */
export function textLayoutFacts(paragraphs: Paragraph[], model: TextPageModel = GB9704_TEXT_PAGE): DocxLayoutFacts {
  const s = section(model, 0);
  const textHeight = (s.pageHeight - s.margins.top - s.margins.bottom) / 20;
  const textWidthPt = (s.pageWidth - s.margins.left - s.margins.right) / 20;
  // Exact line pitch from lines per page; letter spacing that fits charsPerLine body characters.
  const pitch = Math.floor((textHeight / model.linesPerPage) * 20);
  const cell = textWidthPt / model.charsPerLine;
  const charSpacing = Math.min(0, Math.floor((cell - model.bodySize) * 20));
  const props = (over: Partial<ParagraphProps>): ParagraphProps => ({
    spacingBefore: 0,
    spacingAfter: 0,
    beforeAutospacing: false,
    afterAutospacing: false,
    line: pitch,
    lineRule: 'exact',
    contextualSpacing: false,
    snapToGrid: true,
    indentLeft: 0,
    indentRight: 0,
    indentFirstLine: Math.round(model.indentChars * (model.bodySize + charSpacing / 20) * 20),
    alignment: 'justify',
    keepLines: false,
    keepNext: false,
    pageBreakBefore: false,
    // Chinese Word templates (Normal of all the calibration files) turn widow control off.
    widowControl: false,
    ...over,
  });
  const blocks: ParagraphBlock[] = [];
  const push = (text: string, size: number, p: ParagraphProps, spacing: number, index: number): void => {
    blocks.push({
      type: 'paragraph',
      index,
      section: 0,
      props: p,
      markSize: size * 2,
      runs: text ? [{ text, size: size * 2, eastAsian: true, font: '仿宋', ...(spacing ? { charSpacing: spacing } : {}) }] : [],
      breaks: [],
      lastRenderedPageBreaks: 0,
      drawings: [],
      noteReferences: 0,
      textBoxes: [],
      endsSection: false,
    });
  };
  for (const p of paragraphs) {
    const text = p.text.trim();
    // Blank lines in a text file separate paragraphs; they are not printed space.
    if (!text) continue;
    if (p.kind === 'title') {
      push(text, model.titleSize, props({ alignment: 'center', indentFirstLine: 0, keepNext: true }), 0, p.index);
      for (let i = 0; i < model.linesAfterTitle; i++) push('', model.bodySize, props({ indentFirstLine: 0 }), 0, p.index);
    } else {
      push(text, model.bodySize, props({ keepNext: p.kind === 'heading' }), charSpacing, p.index);
    }
  }
  return { format: 'docx-layout', settings: { defaultTabStop: 420, defaultFontSize: model.bodySize * 2 }, sections: [section(model, blocks.length)], blocks };
}

export function estimateTextPages(doc: Document, model: TextPageModel = GB9704_TEXT_PAGE): PageCount {
  const facts = textLayoutFacts(doc.paragraphs, model);
  if (facts.blocks.length === 0) return { count: 1, method: 'text', exact: false, lastPageFill: 0 };
  const result = layoutTextFacts(facts);
  return { count: result.pages, method: 'text', exact: false, lastPageFill: Math.round(result.lastPageFill * 100) / 100 };
}

/** What the line breaker needs of a character (as line-break.ts flags its atoms). */
const enum Flag {
  BreakBefore = 1,
  Hang = 2,
  Open = 4,
  Full = 8,
  Ideograph = 16,
  Alnum = 32,
}

const enum Kind {
  Char,
  Space,
  Tab,
}

/** The characters of the paragraph being broken, reused: kind, flags, width and autospace before, pt. */
let kinds = new Uint8Array(256);
let flagsOf = new Uint8Array(256);
let widths = new Float64Array(256);
let gaps = new Float64Array(256);
let noLineStart: Set<number> | undefined;

/**
 * Lines of a paragraph of `textLayoutFacts`, as the .docx layout (docx/line-break.ts, with Word's profile)
 * breaks them: the same widths, 避头尾, hanging punctuation, Latin words kept whole and autospace, in the same
 * order of floating-point operations, so the count is the same to the last line.
 */
function lineCount(p: ParagraphBlock, width: number, tabStop: number): number {
  const run = p.runs[0];
  if (!run) return 1;
  const text = run.text;
  if (kinds.length < text.length) {
    const size = text.length * 2;
    kinds = new Uint8Array(size);
    flagsOf = new Uint8Array(size);
    widths = new Float64Array(size);
    gaps = new Float64Array(size);
  }
  noLineStart ??= new Set([...WORD.noLineStart].map((c) => c.codePointAt(0)!));
  const noStart = noLineStart;
  const size = run.size / 2;
  const cls = fontClassOf(WORD, run.font);
  const extra = (run.charSpacing ?? 0) / 20;
  const latin = size * 1;
  const fullWidth = size * 1 + extra;
  const autoSpace = WORD.autoSpace * size;
  const space = asciiWidth(cls, 0x20) * latin + extra;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = ((code - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
    let kind = Kind.Char;
    let flags = 0;
    let w = 0;
    let gap = 0;
    if (code === 0x09) kind = Kind.Tab;
    else if (code === 0x20 || code === 0xa0) {
      kind = Kind.Space;
      w = space;
    } else if (code < 0x20 || (code >= 0x200b && code <= 0x200f) || code === 0xfeff) continue;
    else if (code >= 0x4e00 && code <= 0x9fff) {
      flags = Flag.Full | Flag.Ideograph;
      w = fullWidth;
      if (n > 0) {
        const pf = flagsOf[n - 1]!;
        if ((pf & Flag.Open) === 0) flags |= Flag.BreakBefore;
        if ((pf & Flag.Alnum) !== 0) gap = autoSpace;
      }
    } else {
      // The run is East-Asian: ambiguous punctuation is full width.
      const full = isFullWidth(code) || isAmbiguous(code);
      w = full ? fullWidth : code < 0x7f ? asciiWidth(cls, code) * latin + extra : 0.55 * latin + extra;
      const alnum = !full && ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a));
      const ideo = full && isIdeograph(code);
      flags = (full ? Flag.Full : 0) | (ideo ? Flag.Ideograph : 0) | (alnum ? Flag.Alnum : 0);
      if (HANGABLE.has(code)) flags |= Flag.Hang;
      if (OPENING.has(code)) flags |= Flag.Open;
      if (n > 0) {
        const pf = flagsOf[n - 1]!;
        const prevChar = kinds[n - 1] === Kind.Char;
        if (!(noStart.has(code) || (pf & Flag.Open) !== 0 || (!full && prevChar && (pf & Flag.Full) === 0))) flags |= Flag.BreakBefore;
        if ((ideo && (pf & Flag.Alnum) !== 0) || (alnum && (pf & Flag.Ideograph) !== 0)) gap = autoSpace;
      }
    }
    kinds[n] = kind;
    flagsOf[n] = flags;
    widths[n] = w;
    gaps[n] = gap;
    n++;
  }
  if (n === 0) return 1;
  const firstLine = p.props.indentFirstLine / 20;
  let lines = 0;
  let i = 0;
  while (i < n) {
    const start = i;
    const first = lines === 0;
    const avail = width - 0 - 0 - (first ? firstLine : 0) + 0.05;
    const indent = 0 + (first ? firstLine : 0);
    let x = 0;
    let lastBreak = -1;
    let end = -1;
    for (let k = start; k < n; k++) {
      const kk = kinds[k]!;
      const f = flagsOf[k]!;
      let w = widths[k]! + (k > start ? gaps[k]! : 0);
      if (kk === Kind.Tab) {
        // To the next default tab stop; a hanging indent is a tab stop of its own.
        const abs = indent + x;
        const hangStop = firstLine < 0 && first && abs < 0 - 0.01 ? 0 : undefined;
        w = (hangStop ?? (Math.floor(abs / tabStop + 1e-6) + 1) * tabStop) - abs;
      }
      if (k > start && (f & Flag.BreakBefore) !== 0) lastBreak = k;
      if (kk === Kind.Space || x + w <= avail || k === start) {
        x += w;
        continue;
      }
      const next = k + 1 < n ? k + 1 : -1;
      const nextFree = next < 0 || (flagsOf[next]! & Flag.BreakBefore) !== 0 || kinds[next] !== Kind.Char;
      if ((f & Flag.Hang) !== 0 && nextFree && x + w - avail <= widths[k]! + 0.05) end = k + 1;
      else if ((f & Flag.BreakBefore) !== 0) end = k;
      else if (lastBreak > start) end = lastBreak;
      else end = k;
      break;
    }
    if (end < 0) end = n;
    lines++;
    i = end;
  }
  return lines;
}

/**
 * The pages of `textLayoutFacts`' facts as docx/index.ts's layoutDocx lays them out with Word's profile: every
 * line the paragraph's exact pitch, no space between paragraphs, a keep-with-next chain (title, headings) moved
 * whole with the first line after it, no widow control. The sums are taken in layoutDocx's order.
 */
export function layoutTextFacts(facts: DocxLayoutFacts): { pages: number; lastPageFill: number } {
  const s = facts.sections[0]!;
  const width = Math.max(72, (s.pageWidth - s.margins.left - s.margins.right - s.margins.gutter) / 20);
  const height = Math.max(72, (s.pageHeight - Math.abs(s.margins.top) - Math.abs(s.margins.bottom)) / 20);
  const tabStop = facts.settings.defaultTabStop / 20 || 36;
  const blocks = facts.blocks as ParagraphBlock[];
  const n = blocks.length;
  const lines = new Array<number>(n);
  const pitch = new Array<number>(n);
  for (let b = 0; b < n; b++) {
    lines[b] = lineCount(blocks[b]!, width, tabStop);
    pitch[b] = Math.abs(blocks[b]!.props.line!) / 20;
  }
  /** A paragraph's lines stacked, added one by one from 0 as layoutDocx adds them. */
  const stack = (b: number, count: number): number => {
    let sum = 0;
    for (let k = 0; k < count; k++) sum += pitch[b]!;
    return sum;
  };
  const EPS = 0.01;
  let pages = 1;
  let y = 0;
  let chainChecked = -1;
  for (let b = 0; b < n; b++) {
    if (blocks[b]!.props.keepNext && b > chainChecked) {
      // The chain of keep-with-next paragraphs and the first line of what follows must share a page.
      let need = stack(b, lines[b]!);
      let j = b + 1;
      for (; j < n && blocks[j]!.props.keepNext; j++) need += 0 + stack(j, lines[j]!);
      if (j < n) need += 0 + pitch[j]!;
      chainChecked = j;
      if (!(y < EPS) && y + 0 + need > height + 0.01 && need <= height) {
        pages++;
        y = 0;
      }
    }
    const count = lines[b]!;
    const h = pitch[b]!;
    let k = 0;
    while (k < count) {
      let at = y;
      let fit = 0;
      while (k + fit < count && at + h - 0 <= height + EPS) {
        at += h;
        fit++;
      }
      // A line taller than the page goes on it anyway.
      if (k + fit < count && y < EPS && fit === 0) fit = 1;
      if (fit > 0) {
        y += 0 + stack(b, fit);
        k += fit;
      }
      if (k < count) {
        pages++;
        y = 0;
      }
    }
    if (y + 0 > height + EPS) y = height;
  }
  return { pages, lastPageFill: Math.min(1, (0 * height + y) / (1 * height)) };
}
