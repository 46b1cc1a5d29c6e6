// Builders of DocxLayoutFacts for the layout tests: a GB/T 9704 page unless told otherwise.
import type { BlockFacts, DocxLayoutFacts, ParagraphBlock, ParagraphProps, RunFacts, SectionFacts, TableBlock } from '../../src/readers/docx/layout-facts.js';

/** A4, margins 37/35/28/26 mm (2098/1984/1587/1474 twips), the 28 × 22 character grid. */
export function gbSection(over: Partial<SectionFacts> = {}): SectionFacts {
  return {
    start: 'nextPage',
    pageWidth: 11906,
    pageHeight: 16838,
    orientation: 'portrait',
    margins: { top: 2098, right: 1474, bottom: 1984, left: 1587, header: 850, footer: 1531, gutter: 0 },
    docGrid: { type: 'linesAndChars', linePitch: 579, charSpace: -842 },
    columns: { count: 1, equalWidth: true, space: 425 },
    titlePage: false,
    hasHeader: false,
    hasFooter: true,
    firstBlock: 0,
    endBlock: 0,
    ...over,
  };
}

export function props(over: Partial<ParagraphProps> = {}): ParagraphProps {
  return {
    spacingBefore: 0,
    spacingAfter: 0,
    beforeAutospacing: false,
    afterAutospacing: false,
    line: 579,
    lineRule: 'exact',
    contextualSpacing: false,
    snapToGrid: true,
    indentLeft: 0,
    indentRight: 0,
    indentFirstLine: 632,
    firstLineChars: 200,
    alignment: 'justify',
    keepLines: false,
    keepNext: false,
    pageBreakBefore: false,
    widowControl: false,
    ...over,
  };
}

export function run(text: string, over: Partial<RunFacts> = {}): RunFacts {
  return { text, size: 32, eastAsian: true, font: '仿宋_GB2312', ...over };
}

export function para(text: string | RunFacts[], over: Partial<ParagraphProps> = {}, extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  const runs = typeof text === 'string' ? (text ? [run(text)] : []) : text;
  return {
    type: 'paragraph',
    index: 0,
    section: 0,
    props: props(over),
    markSize: 32,
    runs,
    breaks: [],
    lastRenderedPageBreaks: 0,
    drawings: [],
    noteReferences: 0,
    textBoxes: [],
    endsSection: false,
    ...extra,
  };
}

export function table(rows: string[][], over: Partial<TableBlock> = {}, rowOver: Partial<TableBlock['rows'][number]> = {}): TableBlock {
  const cols = rows[0]?.length ?? 1;
  return {
    type: 'table',
    section: 0,
    grid: new Array<number>(cols).fill(Math.floor(8845 / cols)),
    layout: 'fixed',
    cellMargins: {},
    rows: rows.map((cells) => ({
      heightRule: 'auto',
      header: false,
      cantSplit: false,
      gridBefore: 0,
      gridAfter: 0,
      cells: cells.map((t) => ({ gridSpan: 1, blocks: [para(t, { indentFirstLine: 0, firstLineChars: undefined })] })),
      ...rowOver,
    })),
    ...over,
  };
}

/** Facts of one section (or several: each `[section, blocks]`), saved by Word unless told otherwise. */
export function facts(parts: [SectionFacts, BlockFacts[]][] | BlockFacts[], application = 'Microsoft Office Word'): DocxLayoutFacts {
  const list: [SectionFacts, BlockFacts[]][] = parts.length > 0 && Array.isArray(parts[0]) ? (parts as [SectionFacts, BlockFacts[]][]) : [[gbSection(), parts as BlockFacts[]]];
  const sections: SectionFacts[] = [];
  const blocks: BlockFacts[] = [];
  list.forEach(([s, bs], i) => {
    sections.push({ ...s, firstBlock: blocks.length, endBlock: blocks.length + bs.length });
    for (const b of bs) blocks.push({ ...b, section: i });
  });
  return { format: 'docx-layout', application, settings: { defaultTabStop: 420, defaultFontSize: 32 }, sections, blocks };
}

/** A paragraph of n ideographs. */
export const han = (n: number): string => '政府工作报告会议文件精简'.repeat(Math.ceil(n / 12)).slice(0, n);
