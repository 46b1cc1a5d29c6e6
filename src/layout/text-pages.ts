// Pages of a draft that has no layout of its own (.txt, .md): set on a GB/T 9704 page.
import type { Document, PageCount } from '../document/model.js';

export interface TextPageModel {
  /** Lines of body text per page (GB/T 9704: 22). */
  linesPerPage: number;
  /** Full-width characters per body line (GB/T 9704: 28). */
  charsPerLine: number;
  /** Full-width characters per title line: 2号 (22 pt) on the 156 mm block. */
  titleCharsPerLine: number;
  /** Body lines a title line takes: 22 pt with its spacing is about one and a half body lines. */
  titleLineHeight: number;
}

export const GB9704_TEXT_PAGE: TextPageModel = { linesPerPage: 22, charsPerLine: 28, titleCharsPerLine: 20, titleLineHeight: 1.5 };

/** Width in grid cells: full-width characters take one, ASCII letters, digits and spaces about half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return width;
}

export function estimateTextPages(doc: Document, model: TextPageModel = GB9704_TEXT_PAGE): PageCount {
  let lines = 0;
  let afterTitle = false;
  for (const p of doc.paragraphs) {
    const text = p.text.trim();
    if (!text) continue; // blank lines in a text file separate paragraphs; they are not printed space
    if (p.kind === 'title') {
      lines += Math.ceil(textWidth(text) / model.titleCharsPerLine) * model.titleLineHeight;
      afterTitle = true;
      continue;
    }
    if (afterTitle) {
      lines += 1; // the blank line between title and body
      afterTitle = false;
    }
    // Body paragraphs have a two-character first-line indent; headings are whole lines too.
    lines += Math.max(1, Math.ceil((textWidth(text) + 2) / model.charsPerLine));
  }
  const count = Math.max(1, Math.ceil(lines / model.linesPerPage));
  const lastPageFill = lines === 0 ? 0 : (lines - (count - 1) * model.linesPerPage) / model.linesPerPage;
  return { count, method: 'text', exact: false, lastPageFill: Math.round(lastPageFill * 100) / 100 };
}
