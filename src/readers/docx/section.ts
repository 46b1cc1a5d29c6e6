// w:sectPr: page size, margins, document grid, columns and how the section starts.
import type { DocGridType, SectionFacts, SectionStart } from './layout-facts.js';
import { int, onOff, twips } from './units.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

const STARTS = new Set<SectionStart>(['nextPage', 'continuous', 'oddPage', 'evenPage', 'nextColumn']);
const GRIDS = new Set<DocGridType>(['default', 'lines', 'linesAndChars', 'snapToChars']);

// What Word (zh-CN) uses when a section leaves them out: A4, 2.54/3.17 cm margins.
const A4 = { w: 11906, h: 16838 };
const DEFAULT_MARGINS = { top: 1440, right: 1800, bottom: 1440, left: 1800, header: 851, footer: 992, gutter: 0 };

/** Word's own bounds: a page side is 0.1–22 inches, margins and pitches within ±22 inches, at most 45 columns. */
const MAX_MEASURE = 31680;
const MAX_COLUMNS = 45;
/** A measure inside Word's bounds, or the fallback: a damaged 2147483647 or 0 must not drive the layout. */
function within(value: number | undefined, min: number, max: number, fallback?: number): number | undefined {
  return value === undefined || !(value >= min && value <= max) ? fallback : value;
}

export function readSection(sectPr: XmlElement | undefined, firstBlock: number, endBlock: number): SectionFacts {
  const type = child(sectPr, 'w:type')?.attrs['w:val'] as SectionStart | undefined;
  const pgSz = child(sectPr, 'w:pgSz');
  const width = within(twips(pgSz?.attrs['w:w']), 144, MAX_MEASURE, A4.w)!;
  const height = within(twips(pgSz?.attrs['w:h']), 144, MAX_MEASURE, A4.h)!;
  const orient = pgSz?.attrs['w:orient'];
  const pgMar = child(sectPr, 'w:pgMar');
  const m = (key: keyof typeof DEFAULT_MARGINS): number => within(twips(pgMar?.attrs[`w:${key}`]), -MAX_MEASURE, MAX_MEASURE, DEFAULT_MARGINS[key])!;
  const grid = child(sectPr, 'w:docGrid');
  const gridType = grid?.attrs['w:type'] as DocGridType | undefined;
  const docGrid: SectionFacts['docGrid'] = { type: gridType && GRIDS.has(gridType) ? gridType : 'default' };
  const linePitch = within(int(grid?.attrs['w:linePitch']), 1, MAX_MEASURE);
  // charSpace is in 1/4096 pt of extra (or less) room per character: ±22 inches of it is already absurd.
  // LibreOffice writes a negative charSpace as its unsigned 32-bit value (−1025 as 4294966271): read it back as signed.
  const rawCharSpace = int(grid?.attrs['w:charSpace']);
  const signedCharSpace = rawCharSpace !== undefined && rawCharSpace >= 2 ** 31 && rawCharSpace < 2 ** 32 ? rawCharSpace - 2 ** 32 : rawCharSpace;
  const charSpace = within(signedCharSpace, -MAX_MEASURE * 4096, MAX_MEASURE * 4096);
  if (linePitch !== undefined) docGrid.linePitch = linePitch;
  if (charSpace !== undefined) docGrid.charSpace = charSpace;
  const cols = child(sectPr, 'w:cols');
  const colWidths = childrenNamed(cols, 'w:col').slice(0, MAX_COLUMNS).map((c) => within(twips(c.attrs['w:w']), 0, MAX_MEASURE, 0)!);
  const columns: SectionFacts['columns'] = {
    count: Math.min(MAX_COLUMNS, Math.max(1, int(cols?.attrs['w:num']) ?? (colWidths.length || 1))),
    equalWidth: cols?.attrs['w:equalWidth'] !== undefined ? onOff(cols.attrs['w:equalWidth']) : colWidths.length === 0,
  };
  const space = within(twips(cols?.attrs['w:space']), 0, MAX_MEASURE);
  if (space !== undefined) columns.space = space;
  if (colWidths.length > 0) columns.widths = colWidths;
  const titlePg = child(sectPr, 'w:titlePg');
  const facts: SectionFacts = {
    start: type && STARTS.has(type) ? type : 'nextPage',
    pageWidth: width,
    pageHeight: height,
    orientation: orient === 'landscape' || (orient === undefined && width > height) ? 'landscape' : 'portrait',
    margins: {
      top: m('top'),
      right: m('right'),
      bottom: m('bottom'),
      left: m('left'),
      header: m('header'),
      footer: m('footer'),
      gutter: m('gutter'),
    },
    docGrid,
    columns,
    titlePage: titlePg ? onOff(titlePg.attrs['w:val']) : false,
    hasHeader: childrenNamed(sectPr, 'w:headerReference').length > 0,
    hasFooter: childrenNamed(sectPr, 'w:footerReference').length > 0,
    firstBlock,
    endBlock,
  };
  for (const ref of childrenNamed(sectPr, 'w:footerReference')) {
    const type = ref.attrs['w:type'] ?? 'default';
    const id = ref.attrs['r:id'];
    if (id !== undefined && (type === 'default' || type === 'even' || type === 'first')) (facts.footerRefs ??= {})[type] = id;
  }
  const pageFormat = child(sectPr, 'w:pgNumType')?.attrs['w:fmt'];
  if (pageFormat !== undefined) facts.pageNumberFormat = pageFormat;
  const pageStart = int(child(sectPr, 'w:pgNumType')?.attrs['w:start']);
  if (pageStart !== undefined) facts.pageNumberStart = pageStart;
  const vAlign = child(sectPr, 'w:vAlign')?.attrs['w:val'];
  if (vAlign !== undefined) facts.verticalAlign = vAlign;
  return facts;
}
