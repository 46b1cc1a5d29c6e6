// The page flow: lines and table rows poured into columns and pages, Word's way.
//   - A line goes on the page if its top spacing and height fit; a paragraph's space after may run
//     past the page foot (the next paragraph then starts a page, its space before dropped).
//   - Space before is dropped at the top of a page that began at a natural break (kept on the first
//     page and after a page or section break).
//   - Widow/orphan control: never one line of a paragraph alone at a page foot or head.
//   - keepLines: the paragraph moves whole to the next page (if it fits on one).
//   - keepNext chains (headings): the chain and the first lines of what follows move together.
//   - Table rows split between lines unless cantSplit; header rows repeat on each page.
import type { ParagraphLayout } from './paragraph.js';
import type { RowLayout, TableLayout } from './table.js';

const EPS = 0.01;

export type PageTop = 'start' | 'hard' | 'natural';

export class PageFlow {
  pages = 1;
  /** Used height in the current column, pt. */
  y = 0;
  column = 0;
  columns = 1;
  /** Text height of a page, pt. */
  height = 0;
  /** How the current page began. */
  top: PageTop = 'start';
  /** Space after of the last paragraph, added before the next one. */
  pendingAfter = 0;
  /** Page on which the last placed block's first line or row landed. */
  blockStart = 1;
  /** Whether space before is dropped at the top of a naturally broken page. */
  dropSpaceAtTop = true;
  /** Whether the space between paragraphs is the larger of after and before (LibreOffice) or their sum. */
  spacingMax = false;
  /** Page on which each row of the last placed table began (for tracing). */
  rowStarts: number[] = [];
  /** Physical page number where the current section's page numbering restarts, with its number. */
  private numbering: { page: number; start: number } = { page: 1, start: 1 };

  get atTop(): boolean {
    return this.y < EPS;
  }

  newPage(top: PageTop): void {
    this.pages++;
    this.column = 0;
    this.y = 0;
    this.top = top;
    this.pendingAfter = 0;
  }

  newColumn(top: PageTop): void {
    if (this.column + 1 < this.columns) {
      this.column++;
      this.y = 0;
      this.top = top;
      this.pendingAfter = 0;
    } else this.newPage(top);
  }

  /** The number printed on the current page. */
  pageNumber(): number {
    return this.numbering.start + (this.pages - this.numbering.page);
  }

  restartNumbering(start: number): void {
    this.numbering = { page: this.pages, start };
  }

  /** Moves on `n` columns at once (natural breaks), as `n` calls of newColumn would. */
  skipColumns(n: number): void {
    if (n <= 0) return;
    const total = this.column + n;
    this.pages += Math.floor(total / this.columns);
    this.column = total % this.columns;
    this.y = 0;
    this.top = 'natural';
    this.pendingAfter = 0;
  }

  /** Room the gap before a block takes here: dropped at the top of a naturally broken page. */
  gap(before: number): number {
    if (this.atTop) return this.top === 'natural' && this.dropSpaceAtTop ? 0 : before;
    return this.spacingMax ? Math.max(this.pendingAfter, before) : this.pendingAfter + before;
  }

  /** The fill of the last page, 0..1. */
  fill(): number {
    if (this.height <= 0) return 0;
    return Math.min(1, (this.column * this.height + this.y) / (this.columns * this.height));
  }

  placeParagraph(pl: ParagraphLayout, before: number): void {
    const p = pl.block.props;
    const total = pl.parts.reduce((a, part) => a + part.heights.reduce((x, h) => x + h, 0), 0);
    pl.parts.forEach((part, partNo) => {
      // A paragraph that opens with a page break at a full page foot: the break's line does not
      // fit, and the break is taken there instead of after it (no blank page).
      if (part.bare && part.breakAfter === 'page' && !this.atTop && this.y + this.gap(before) + (part.heights[0] ?? 0) > this.height + EPS) {
        this.blockStart = this.pages;
        this.newPage('hard');
        return;
      }
      const heights = part.heights;
      const n = heights.length;
      let k = 0;
      while (k < n) {
        const leading = k === 0 && partNo === 0 ? this.gap(before) + pl.floatRoom : 0;
        let y = this.y + leading;
        let fit = 0;
        while (k + fit < n && y + heights[k + fit]! - (part.trails[k + fit] ?? 0) <= this.height + EPS) {
          y += heights[k + fit]!;
          fit++;
        }
        if (k + fit < n) {
          if (this.atTop && fit === 0) fit = 1; // taller than a page: it goes here anyway
          else if (p.keepLines && k === 0 && partNo === 0 && total <= this.height && !this.atTop) fit = 0;
          else if (p.widowControl && !(this.atTop && k === 0)) {
            if (n - k - fit === 1 && fit > 0 && n - k >= 3) fit--; // no widow: a second line goes along
            if (k === 0 && fit === 1 && n >= 2) fit = 0; // no orphan: the first line goes along
          }
        }
        if (fit > 0) {
          if (k === 0 && partNo === 0) this.blockStart = this.pages;
          this.y += leading + heights.slice(k, k + fit).reduce((a, b) => a + b, 0);
          this.pendingAfter = 0;
          k += fit;
        }
        if (k < n) this.newColumn('natural');
      }
      if (part.breakAfter === 'page') this.newPage('hard');
      else if (part.breakAfter === 'column') this.newColumn('hard');
    });
    this.pendingAfter = pl.after;
    if (this.y + this.pendingAfter > this.height + EPS) {
      // The space after ran past the foot: the next block starts a new page.
      this.y = this.height;
    }
  }

  placeTable(tl: TableLayout, before: number): void {
    const headerHeight = tl.rows.filter((r) => r.header).reduce((a, r) => a + r.height, 0);
    // Room the repeated header rows take at the top of a continuation page.
    let pageHead = -1;
    const freshPage = (): void => {
      this.newColumn('natural');
      this.y = headerHeight;
      pageHead = this.y;
    };
    this.rowStarts = [];
    tl.rows.forEach((row, r) => {
      this.rowStarts.push(this.pages);
      const leading = r === 0 ? this.gap(before) : 0;
      if (this.y + leading + row.height + tl.closing <= this.height + EPS) {
        if (r === 0) this.blockStart = this.pages;
        this.y += leading + row.height;
        return;
      }
      const onlyHeader = this.atTop || this.y <= pageHead + EPS;
      if (r === 0) this.blockStart = this.pages;
      const splittable = !row.cantSplit && row.lines.length > 1;
      if (splittable && this.splitRow(row, leading + tl.closing, freshPage)) return;
      if (!onlyHeader && !row.header) freshPage();
      else if (!onlyHeader) this.newColumn('natural');
      if (r === 0) this.blockStart = this.pages;
      if (this.y + row.height + tl.closing <= this.height + EPS) {
        this.y += row.height;
        return;
      }
      // Taller than a page: split between lines from the top of this one, or run on over further pages.
      if (splittable && this.splitRow(row, tl.closing, freshPage)) return;
      // A row taller than the page runs on over further pages: counted, not looped page by page (a damaged
      // row height of 2^31 twips is a hundred thousand pages), and never forever when the repeated header
      // rows leave no room.
      let rest = row.height;
      if (this.y + rest > this.height + EPS && rest > this.height - this.y) {
        rest -= this.height - this.y;
        freshPage();
        const room = this.height - this.y;
        if (room > EPS && rest > room + EPS) {
          const more = Math.ceil((rest - room - EPS) / room);
          rest -= more * room;
          this.skipColumns(more);
          this.y = headerHeight;
          pageHead = this.y;
        }
      }
      this.y += rest;
    });
    this.y += tl.closing;
    this.pendingAfter = 0;
  }

  /**
   * Splits a row between lines: what fits stays, the rest goes on under the repeated header, the
   * cell margins again on each page. A line taller than a page (a picture, a row of a nested table
   * that may not split) runs on over the pages it needs.
   */
  private splitRow(row: RowLayout, leading: number, freshPage: () => void): boolean {
    const room = this.height - this.y - leading - row.padding;
    let used = 0;
    let fit = 0;
    while (fit < row.lines.length && used + row.lines[fit]! <= room + EPS) used += row.lines[fit++]!;
    if (fit === 0) return false;
    freshPage();
    this.y += row.padding;
    let placed = 0; // lines on this page so far
    for (const line of row.lines.slice(fit)) {
      let h = line;
      if (this.y + h > this.height + EPS && placed > 0) {
        freshPage();
        this.y += row.padding;
      }
      // (No room at all under header rows taller than the page: the line goes on regardless.)
      while (this.y + h > this.height + EPS && h > this.height - this.y && this.height - this.y > EPS) {
        h -= this.height - this.y;
        freshPage();
        this.y += row.padding;
      }
      this.y += h;
      placed++;
    }
    return true;
  }
}
