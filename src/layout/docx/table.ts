// A table's rows: column widths from w:tblGrid, each cell's text wrapped to its width less the cell
// margins, the row as tall as its tallest cell (then w:trHeight with its rule). Rows keep the line
// heights of their tallest cell so a row may split across pages between lines (unless cantSplit).
import type { BlockFacts, TableBlock, TableCellFacts } from '../../readers/docx/layout-facts.js';
import { layoutParagraph, type ParagraphContext } from './paragraph.js';

export interface RowLayout {
  /** Total height, pt. */
  height: number;
  /** Heights of the tallest cell's lines (paragraph spacing folded in), for splitting; plus the margins. */
  lines: number[];
  padding: number;
  cantSplit: boolean;
  header: boolean;
}

export interface TableLayout {
  kind: 'table';
  block: TableBlock;
  rows: RowLayout[];
  /** The border closing the table (or its part on a page) below its last row, pt. */
  closing: number;
}

/** Word's default cell margins (Table Normal): 108 twips left and right, none above or below. */
const DEFAULT_MARGINS = { top: 0, left: 108, bottom: 0, right: 108 };

function columnWidths(t: TableBlock, available: number): number[] {
  const grid = t.grid.map((w) => w / 20);
  const sum = grid.reduce((a, b) => a + b, 0);
  if (grid.length > 0 && sum > 0) {
    // Percentage widths scale to the text block. A table wider than the text block keeps its own
    // widths and runs into the margin (Word, WPS and LibreOffice alike): its cells wrap at them.
    if (t.width?.type === 'pct' && t.width.value > 0) return grid.map((w) => (w / sum) * available * (t.width!.value / 5000));
    return grid;
  }
  const cols = t.rows.reduce((m, r) => Math.max(m, r.cells.reduce((a, c) => a + c.gridSpan, 0)), 1);
  return new Array<number>(cols).fill(available / cols);
}

interface CellContent {
  height: number;
  lines: number[];
}

/** Height of a cell's blocks, with each paragraph's spacing folded into its first and last lines. */
function cellContent(blocks: BlockFacts[], ctx: ParagraphContext): CellContent {
  const lines: number[] = [];
  let prevAfter = 0;
  let prevStyle: string | undefined;
  let prevContextual = false;
  let first = true;
  for (const b of blocks) {
    if (b.type === 'table') {
      // A nested table's rows split between their lines too (unless they may not split), so the
      // outer row can break inside it.
      const inner = layoutTable(b, ctx);
      const start = lines.length;
      for (const r of inner.rows) {
        if (r.cantSplit || r.lines.length === 0) lines.push(r.height);
        else r.lines.forEach((h, k) => lines.push(k === 0 ? h + r.padding : h));
      }
      if (lines.length > start) lines[lines.length - 1]! += inner.closing;
      prevAfter = 0;
      first = false;
      continue;
    }
    const pl = layoutParagraph(b, ctx);
    const same = prevStyle !== undefined && prevStyle === b.styleId;
    const gap = (first ? 0 : same && prevContextual ? 0 : prevAfter) + (same && b.props.contextualSpacing ? 0 : pl.before);
    const heights = pl.parts.flatMap((p) => p.heights);
    heights.forEach((h, i) => lines.push(i === 0 ? h + gap + pl.floatRoom : h));
    prevAfter = pl.after;
    prevStyle = b.styleId;
    prevContextual = b.props.contextualSpacing;
    first = false;
  }
  if (lines.length > 0 && prevAfter > 0) lines[lines.length - 1]! += prevAfter;
  return { height: lines.reduce((a, b) => a + b, 0), lines };
}

function cellMargins(t: TableBlock, c: TableCellFacts): { top: number; left: number; bottom: number; right: number } {
  const tm = t.cellMargins;
  const cm = c.margins;
  return {
    top: (cm?.top ?? tm.top ?? DEFAULT_MARGINS.top) / 20,
    left: (cm?.left ?? tm.left ?? DEFAULT_MARGINS.left) / 20,
    bottom: (cm?.bottom ?? tm.bottom ?? DEFAULT_MARGINS.bottom) / 20,
    right: (cm?.right ?? tm.right ?? DEFAULT_MARGINS.right) / 20,
  };
}

export function layoutTable(t: TableBlock, ctx: ParagraphContext): TableLayout {
  const widths = columnWidths(t, ctx.width);
  // Rows spanned by each vertically merged cell, so its content spreads over them.
  const spans = new Map<string, number>();
  t.rows.forEach((row, r) => {
    let col = row.gridBefore;
    for (const c of row.cells) {
      if (c.vMerge === 'continue') {
        for (let up = r - 1; up >= 0; up--) {
          const key = `${up}:${col}`;
          if (spans.has(key)) {
            spans.set(key, (spans.get(key) ?? 1) + 1);
            break;
          }
        }
      } else if (c.vMerge === 'restart') spans.set(`${r}:${col}`, 1);
      col += c.gridSpan;
    }
  });
  // LibreOffice counts each row's (collapsed) border, 0.5 pt in the usual tables, and one more under
  // the last row; Word draws borders over the grid lines.
  const borders = ctx.profile.name === 'libreoffice' ? 0.5 : 0;
  const rows = t.rows.map((row, r): RowLayout => {
    let col = row.gridBefore;
    let tallest: CellContent = { height: 0, lines: [] };
    let padding = 0;
    for (const c of row.cells) {
      const w = widths.slice(col, col + c.gridSpan).reduce((a, b) => a + b, 0);
      const m = cellMargins(t, c);
      if (c.vMerge !== 'continue') {
        const content = cellContent(c.blocks, { ...ctx, width: Math.max(1, w - m.left - m.right) });
        const span = spans.get(`${r}:${col}`) ?? 1;
        const h = content.height / span + m.top + m.bottom;
        if (h > tallest.height + padding) {
          tallest = span > 1 ? { height: content.height / span, lines: [content.height / span] } : content;
          padding = m.top + m.bottom;
        }
      }
      col += c.gridSpan;
    }
    let height = tallest.height + padding + borders;
    if (row.height !== undefined && row.heightRule === 'exact') height = row.height / 20;
    else if (row.height !== undefined && row.heightRule !== 'auto') height = Math.max(height, row.height / 20);
    else if (row.height !== undefined) height = Math.max(height, row.height / 20);
    return { height, lines: tallest.lines, padding: height - tallest.height, cantSplit: row.cantSplit || row.heightRule === 'exact', header: row.header };
  });
  // Only the leading rows repeat as a header.
  let leading = true;
  for (const row of rows) {
    if (!row.header) leading = false;
    else if (!leading) row.header = false;
  }
  return { kind: 'table', block: t, rows, closing: borders };
}
