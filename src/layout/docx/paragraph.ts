// A paragraph's vertical extent: the height of each of its lines (line spacing rule, document grid)
// and its spacing before and after.
//
// Line height, Word's rules:
//   exact    the given height, whatever the text (pictures are clipped);
//   atLeast  max(given, natural) — not snapped to the grid;
//   auto     multiple × natural single height, where natural is the tallest run on the line
//            (font size × the font's line factor) or inline picture; on a line grid, when the
//            paragraph snaps, the natural height first becomes whole grid pitches (grid.ts; WPS
//            rounds after the multiple).
// LibreOffice's differ on a line grid and in where a multiple's extra goes (lineHeight below).
import type { ParagraphBlock, SectionFacts } from '../../readers/docx/layout-facts.js';
import { snappedLineHeight, type Grid } from './grid.js';
import { breakLines, type LineBox } from './line-break.js';
import { fontClassOf, type RendererProfile } from './profile.js';

export interface ParagraphLayout {
  kind: 'paragraph';
  block: ParagraphBlock;
  /** Line heights, pt, split where the paragraph has page or column breaks. */
  parts: { heights: number[]; trails: number[]; breakAfter?: 'page' | 'column'; bare?: boolean; texts?: string[]; widths?: number[] }[];
  /** Vertical room of pictures anchored with top-and-bottom wrapping, taken before the text. */
  floatRoom: number;
  before: number;
  after: number;
}

export interface ParagraphContext {
  profile: RendererProfile;
  section: SectionFacts;
  grid: Grid;
  /** Text width available to the paragraph (column or table cell), pt. */
  width: number;
  tabStop: number;
  /** Keep each line's characters in the layout (calibration output). */
  keepText?: boolean;
}

/** A footnote's line (小五, 1.3 × 9 pt) and the separator above the notes, pt. */
const FOOTNOTE_LINE = 11.7;
const FOOTNOTE_SEPARATOR = 12;

interface LineHeight {
  height: number;
  /** How far the line may run past the page foot and still count as fitting (LibreOffice), pt. */
  trail: number;
}

function lineHeight(line: LineBox, last: boolean, p: ParagraphBlock, ctx: ParagraphContext): LineHeight {
  const props = p.props;
  const natural = Math.max(line.text, line.object);
  const pitch = ctx.grid.linePitch;
  const m = props.lineRule === 'auto' ? (props.line ?? 240) / 240 : 1;
  if (ctx.profile.name === 'libreoffice') {
    // LibreOffice's line grid overrides exact and at-least spacing. A proportional multiple scales
    // the snapped height, except on a paragraph's last line, which gets its extra on the natural
    // height only. The extra of a line other than the last may run past the page foot (a line fits
    // if its snapped part does); a last line must fit whole.
    if (pitch && props.snapToGrid) {
      const snapped = Math.max(1, Math.ceil(natural / pitch - 0.001)) * pitch;
      const extra = Math.max(0, last ? (m - 1) * natural : (m - 1) * snapped);
      return { height: (m < 1 ? snapped * m : snapped) + extra, trail: last ? 0 : extra };
    }
    // Without a grid, the multiple applies in whole twips, and its extra (below the text) may run
    // past the page foot: a line fits if its text does.
    if (props.lineRule === 'auto') {
      const height = Math.floor(natural * m * 20) / 20;
      return { height, trail: Math.max(0, height - natural) };
    }
  }
  if (props.lineRule === 'exact' && props.line) return { height: Math.abs(props.line) / 20, trail: 0 };
  if (props.lineRule === 'atLeast' && props.line !== undefined) return { height: Math.max(props.line / 20, natural), trail: 0 };
  if (pitch && props.snapToGrid) return { height: snappedLineHeight(natural, m, pitch, ctx.profile), trail: 0 };
  return { height: natural * m, trail: 0 };
}

/** Indents in pt: Word prefers the character-unit values when present. */
function indents(p: ParagraphBlock, ctx: ParagraphContext): { left: number; right: number; firstLine: number } {
  const props = p.props;
  const useChars = ctx.profile.name !== 'libreoffice';
  const firstRun = p.runs.find((r) => r.text.length > 0);
  const unit = ctx.grid.charPitch ?? (firstRun?.size ?? p.markSize) / 2;
  const pick = (chars: number | undefined, twips: number): number => (useChars && chars ? (chars / 100) * unit : twips / 20);
  return {
    left: pick(props.leftChars, props.indentLeft),
    right: pick(props.rightChars, props.indentRight),
    firstLine: pick(props.firstLineChars, props.indentFirstLine),
  };
}

/**
 * Spacing before/after in pt; "lines" values count grid pitches, or 12 pt when the section has no
 * line grid (w:docGrid with a linePitch but no type is not a grid: WPS writes beforeLines="20" as
 * 48 twips there, and 50 as 156 twips on a 15.6 pt grid).
 */
function spacing(p: ParagraphBlock, ctx: ParagraphContext): { before: number; after: number } {
  const props = p.props;
  const lineUnit = ctx.grid.linePitch ?? 12;
  const useLines = ctx.profile.name !== 'libreoffice';
  let before = useLines && props.beforeLines ? (props.beforeLines / 100) * lineUnit : props.spacingBefore / 20;
  let after = useLines && props.afterLines ? (props.afterLines / 100) * lineUnit : props.spacingAfter / 20;
  if (props.beforeAutospacing) before = 14;
  if (props.afterAutospacing) after = 14;
  return { before: Math.max(0, before), after: Math.max(0, after) };
}

export function layoutParagraph(p: ParagraphBlock, ctx: ParagraphContext): ParagraphLayout {
  const ind = indents(p, ctx);
  const markCls = fontClassOf(ctx.profile, p.runs.find((r) => r.eastAsian)?.font ?? p.runs[0]?.font);
  const runs = breakLines(p, {
    profile: ctx.profile,
    grid: ctx.grid,
    width: ctx.width,
    tabStop: ctx.tabStop,
    left: ind.left,
    right: ind.right,
    firstLine: ind.firstLine,
    markHeight: ctx.profile.lineHeight(markCls, p.markSize / 2),
    // w:overflowPunct, when the reader has it (on when absent, as in Word).
    hang: ctx.profile.hangPunctuation(p.props.overflowPunct ?? true),
    ...(ctx.keepText ? { keepText: true } : {}),
  });
  const parts = runs.map((r, ri) => {
    const lh = r.lines.map((l, li) => lineHeight(l, ri === runs.length - 1 && li === r.lines.length - 1, p, ctx));
    return {
      heights: lh.map((h) => h.height),
      trails: lh.map((h) => h.trail),
      ...(r.breakAfter ? { breakAfter: r.breakAfter } : {}),
      ...(r.bare ? { bare: true } : {}),
      ...(ctx.keepText ? { texts: r.lines.map((l) => l.chars ?? ''), widths: r.lines.map((l) => l.width ?? 0) } : {}),
    };
  });
  const { before, after } = spacing(p, ctx);
  return { kind: 'paragraph', block: p, parts, floatRoom: floatRoomOf(p, ctx, parts[0]?.heights ?? []), before, after };
}

/**
 * Room anchored pictures and footnotes take beside a paragraph's lines, pt. A picture with
 * top-and-bottom wrapping pushes the text down by its height and the distance it keeps above and
 * below (distT, distB); one placed lower down its paragraph (wp:positionV from the paragraph or
 * line) leaves the lines that fit above it there and pushes the rest below it. Square or tight
 * wrapping narrows the lines beside the picture, counted here as the room of its area; wrapNone
 * (in front of or behind the text: behindDoc or not) and text boxes take no room in the flow.
 */
function floatRoomOf(p: ParagraphBlock, ctx: ParagraphContext, lines: number[]): number {
  let room = 0;
  for (const d of p.drawings) {
    if (d.placement !== 'anchored' || !d.cy) continue;
    const h = (d.cy + (d.distance?.top ?? 0) + (d.distance?.bottom ?? 0)) / 12700;
    if (d.wrap === 'wrapTopAndBottom') {
      const from = d.positionV?.relativeFrom;
      const lower = from === 'paragraph' || from === 'line' ? Math.max(0, (d.positionV?.offset ?? 0) / 12700) : 0;
      let above = 0;
      for (const l of lines) {
        if (above + l > lower + 0.01) break;
        above += l;
      }
      room += h + lower - above;
    } else if (d.wrap && d.wrap !== 'wrapNone') room += h * Math.min(1, (d.cx ?? 0) / 12700 / ctx.width);
  }
  // Footnotes take room at the page foot: roughly a 9 pt line each, plus the separator.
  if (p.noteReferences > 0) room += p.noteReferences * FOOTNOTE_LINE + FOOTNOTE_SEPARATOR;
  return room;
}
