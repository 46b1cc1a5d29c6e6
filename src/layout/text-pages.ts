// Pages of a draft that has no layout of its own (.txt, .md): set as a GB/T 9704 document would be.
// The text is dressed as a .docx page (A4, the 版心 margins, exact line pitch, letter spacing that
// gives the characters per line) and laid out by the same Word-like model as real .docx files, so
// line breaking (避头尾, half-width digits) and titles and headings as whole lines come for free.
import type { Document, PageCount, Paragraph } from '../document/model.js';
import type { DocxLayoutFacts, ParagraphBlock, ParagraphProps, SectionFacts } from '../readers/docx/layout-facts.js';
import { layoutDocx } from './docx/index.js';
import { WORD } from './docx/profile.js';

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
  const result = layoutDocx(facts, { profile: WORD });
  return { count: result.pages, method: 'text', exact: false, lastPageFill: Math.round(result.lastPageFill * 100) / 100 };
}
