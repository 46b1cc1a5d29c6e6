// Word-like page layout of a .docx from the reader's DocxLayoutFacts: each section's page and grid,
// each paragraph broken into lines and given its line heights and spacing, tables row by row, all
// poured into pages with Word's keep and widow rules — as the program that saved the file would
// (profile.ts: Word, WPS or LibreOffice). An estimate (exact: false), never the saved page count
// (that is shown beside it as savedByProgram).
import type { PageCount } from '../../document/model.js';
import type { DocxLayoutFacts, SectionFacts } from '../../readers/docx/layout-facts.js';
import { PageFlow } from './flow.js';
import { charsPerLine, sectionGrid, type Grid } from './grid.js';
import { normalFontSize } from './normal-font-size.js';
import { layoutParagraph, type ParagraphContext, type ParagraphLayout } from './paragraph.js';
import { profileFor, type RendererProfile } from './profile.js';
import { layoutTable, type TableLayout } from './table.js';

export { LIBREOFFICE, WORD, WPS, profileFor, type RendererProfile } from './profile.js';
export { normalFontSize } from './normal-font-size.js';

export interface DocxLayoutOptions {
  /** Whose layout to imitate; by default the program that saved the file. */
  profile?: RendererProfile;
  /** Called for every top-level block as it is placed (for calibration and debugging). */
  trace?: (event: TraceEvent) => void;
}

export interface TraceEvent {
  block: number;
  kind: 'paragraph' | 'table';
  /** Page the block starts on (1-based) and the page after it is placed. */
  page: number;
  endPage: number;
  /** Line count (paragraphs) or row count (tables). */
  lines: number;
  heights: number[];
  text?: string;
  /** The text and width (pt) of each line (paragraphs, when tracing). */
  lineTexts?: string[];
  lineWidths?: number[];
  /** Height used on the page after the block, pt. */
  y: number;
  /** Tables: the page each row began on. */
  rowPages?: number[];
}

export interface DocxLayoutResult {
  pages: number;
  lastPageFill: number;
  profile: RendererProfile['name'];
  /** Per section: characters per line on a character grid, lines per page on a line grid. */
  sections: { charsPerLine?: number; linesPerPage?: number; width: number; height: number }[];
}

type Layout = ParagraphLayout | TableLayout;

/** Text area of a section's page, pt (at least an inch each way, whatever the margins say). */
function geometry(s: SectionFacts): { width: number; height: number; columnWidth: number; columns: number } {
  const width = Math.max(72, (s.pageWidth - s.margins.left - s.margins.right - s.margins.gutter) / 20);
  const height = Math.max(72, (s.pageHeight - Math.abs(s.margins.top) - Math.abs(s.margins.bottom)) / 20);
  const columns = Math.max(1, s.columns.count);
  const space = (s.columns.space ?? 720) / 20;
  const columnWidth = columns > 1 ? Math.max(36, s.columns.widths?.[0] !== undefined && !s.columns.equalWidth ? s.columns.widths[0] / 20 : (width - space * (columns - 1)) / columns) : width;
  return { width, height, columnWidth, columns };
}

/** Room the first lines of a block need on a page (its space before not counted): what widow/orphan control lets it start with. */
function headHeight(l: Layout): number {
  if (l.kind === 'table') return l.rows[0]?.height ?? 0;
  const first = l.parts[0];
  if (!first) return 0;
  const n = first.heights.length;
  // keepLines: the whole paragraph. With widow control a paragraph of up to three lines cannot
  // split; a longer one starts with two.
  const props = l.block.props;
  const lines = props.keepLines ? n : !props.widowControl ? 1 : n <= 3 ? n : 2;
  return l.floatRoom + first.heights.slice(0, lines).reduce((a, b) => a + b, 0) - (first.trails[lines - 1] ?? 0);
}

/** Height of a paragraph's lines (and anchored pictures), without its spacing. */
function textHeight(l: ParagraphLayout): number {
  return l.floatRoom + l.parts.reduce((a, p) => a + p.heights.reduce((x, h) => x + h, 0), 0);
}

export function layoutDocx(facts: DocxLayoutFacts, options: DocxLayoutOptions = {}): DocxLayoutResult {
  const profile = options.profile ?? profileFor(facts.application);
  // The Normal font size only matters on a character grid (counting it walks every run).
  const charGrid = facts.sections.some((s) => s.docGrid.type === 'linesAndChars' || s.docGrid.type === 'snapToChars');
  const normal = charGrid ? normalFontSize(facts) : facts.settings.defaultFontSize / 2;
  const flow = new PageFlow();
  flow.dropSpaceAtTop = profile.dropSpaceAtPageTop;
  flow.spacingMax = profile.spacingBetween === 'max';
  const sections: DocxLayoutResult['sections'] = [];
  let prevSection: SectionFacts | undefined;
  for (const section of facts.sections) {
    const g = geometry(section);
    const grid: Grid = sectionGrid(section, normal);
    sections.push({
      ...(grid.charPitch ? { charsPerLine: charsPerLine(g.columnWidth, grid) } : {}),
      ...(grid.linePitch ? { linesPerPage: Math.floor(g.height / grid.linePitch + 0.01) } : {}),
      width: g.width,
      height: g.height,
    });
    if (prevSection) startSection(flow, section, prevSection);
    if (section.pageNumberStart !== undefined) flow.restartNumbering(section.pageNumberStart);
    // LibreOffice shrinks the text area of a page with a line grid to whole grid rows (measured: on a
    // 28 pt grid a 637.8 pt area holds 22 rows, 616 pt, and not a line more).
    flow.height = profile.name === 'libreoffice' && grid.linePitch ? Math.floor(g.height / grid.linePitch + 1e-6) * grid.linePitch : g.height;
    flow.columns = g.columns;
    prevSection = section;

    const ctx: ParagraphContext = { profile, section, grid, width: g.columnWidth, tabStop: facts.settings.defaultTabStop / 20 || 36, ...(options.trace ? { keepText: true } : {}) };
    const blocks = facts.blocks.slice(section.firstBlock, section.endBlock);
    const layouts: Layout[] = blocks.map((b) => (b.type === 'paragraph' ? layoutParagraph(b, ctx) : layoutTable(b, ctx)));
    let chainChecked = -1;
    let prev: ParagraphLayout | undefined;
    layouts.forEach((l, i) => {
      let before = 0;
      if (l.kind === 'paragraph') {
        const props = l.block.props;
        if (props.pageBreakBefore) {
          if (!flow.atTop) flow.newPage('hard');
          else if (flow.top === 'natural') flow.top = 'hard';
        }
        before = l.before;
        // Contextual spacing: no space between paragraphs of the same style.
        if (prev && prev.block.styleId === l.block.styleId) {
          if (prev.block.props.contextualSpacing) flow.pendingAfter = 0;
          if (props.contextualSpacing) before = 0;
        }
        if (props.keepNext && i > chainChecked) {
          // The chain of keep-with-next paragraphs and the first lines of what follows must share a page.
          const between = (after: number, next: number): number => (flow.spacingMax ? Math.max(after, next) : after + next);
          let need = textHeight(l);
          let after = l.after;
          let j = i + 1;
          for (; j < layouts.length; j++) {
            const lj = layouts[j]!;
            if (lj.kind !== 'paragraph' || !lj.block.props.keepNext) break;
            need += between(after, lj.before) + textHeight(lj);
            after = lj.after;
          }
          const next = layouts[j];
          if (next) need += (next.kind === 'paragraph' ? between(after, next.before) : after) + headHeight(next);
          chainChecked = j;
          if (!flow.atTop && flow.y + flow.gap(before) + need > flow.height + 0.01 && need <= flow.height) flow.newColumn('natural');
        }
        flow.placeParagraph(l, before);
        prev = l;
      } else {
        flow.placeTable(l, 0);
        prev = undefined;
      }
      options.trace?.({
        block: section.firstBlock + i,
        kind: l.kind,
        page: flow.blockStart,
        y: flow.y,
        endPage: flow.pages,
        lines: l.kind === 'paragraph' ? l.parts.reduce((a, p) => a + p.heights.length, 0) : l.rows.length,
        heights: l.kind === 'paragraph' ? l.parts.flatMap((p) => p.heights) : l.rows.map((r) => r.height),
        ...(l.kind === 'table' ? { rowPages: flow.rowStarts } : {}),
        ...(l.kind === 'paragraph' ? { text: l.block.runs.map((r) => r.text).join(''), lineTexts: l.parts.flatMap((p) => p.texts ?? []), lineWidths: l.parts.flatMap((p) => p.widths ?? []) } : {}),
      });
    });
  }
  return { pages: flow.pages, lastPageFill: flow.fill(), profile: profile.name, sections };
}

/** A section break: a new page (odd/even adding a blank one when needed), or continuing on the page. */
function startSection(flow: PageFlow, s: SectionFacts, prev: SectionFacts): void {
  const samePage = s.pageWidth === prev.pageWidth && s.pageHeight === prev.pageHeight && s.orientation === prev.orientation;
  switch (s.start) {
    case 'continuous':
      if (!samePage) flow.newPage('hard');
      return;
    case 'nextColumn':
      flow.newColumn('hard');
      return;
    case 'oddPage':
    case 'evenPage': {
      flow.newPage('hard');
      const number = s.pageNumberStart ?? flow.pageNumber();
      if ((number % 2 === 1) !== (s.start === 'oddPage')) flow.newPage('hard');
      return;
    }
    default:
      flow.newPage('hard');
  }
}

/** The page count of a .docx as the saving program would lay it out. */
export function estimateDocxPages(facts: DocxLayoutFacts, options: DocxLayoutOptions = {}): PageCount {
  const result = layoutDocx(facts, options);
  const count: PageCount = { count: result.pages, method: 'layout', exact: false, lastPageFill: Math.round(result.lastPageFill * 100) / 100 };
  if (facts.savedByProgram !== undefined) count.savedByProgram = facts.savedByProgram;
  return count;
}
