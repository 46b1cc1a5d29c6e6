// The .docx facts the GB/T 9704 format rules read, in the units the standard uses: each section's paper,
// margins, text block (mm), lines per page and characters per line (from the document grid, else from the
// body text's line spacing and character spacing); and each paragraph's block (its resolved properties and
// runs: font and size after run → character style → paragraph style chain → docDefaults).
import type { Document } from '../../document/model.js';
import type { BlockFacts, DocxLayoutFacts, ParagraphBlock, SectionFacts } from '../../readers/docx/layout-facts.js';
import { boxHeight, classifyFont } from './fonts.js';
import { charsPerLine, sectionGrid } from './grid.js';
import { normalFontSize } from './normal-font-size.js';

const MM_PER_TWIP = 25.4 / 1440;
const mm = (twips: number): number => Math.round(twips * MM_PER_TWIP * 10) / 10;
/** Word gives East-Asian text 1.3 × the font box for a single line. */
const EAST_ASIAN_LINE = 1.3;

export interface SectionFormat {
  /** 0-based section index. */
  index: number;
  /** The first paragraph of the section (index into doc.paragraphs), where a finding about it is placed. */
  firstParagraph: number | undefined;
  orientation: 'portrait' | 'landscape';
  paperMm: { width: number; height: number };
  /** Margins as Word counts them (the bottom one reaches to the text block; the footer sits inside it); gutter added to the left. */
  marginsMm: { top: number; bottom: number; left: number; right: number };
  textBlockMm: { width: number; height: number };
  /** Lines a page holds, and where that came from: the line grid, or the body text's line spacing. */
  linesPerPage?: number;
  linesFrom?: 'grid' | 'spacing';
  /** Characters a line holds: the character grid, or the body text's size and character spacing. */
  charsPerLine?: number;
  charsFrom?: 'grid' | 'spacing';
}

export interface DocxFormatFacts {
  sections: SectionFormat[];
  /** Paragraph index → its block (properties, runs) and section. */
  blocks: Map<number, ParagraphBlock>;
  /** The program that saved the file (docProps/app.xml). */
  application?: string;
  /** The font size the character grid is based on (the Normal style's), pt. */
  normalSizePt: number;
}

function collect(blocks: BlockFacts[], out: Map<number, ParagraphBlock>, section?: number): void {
  for (const b of blocks) {
    if (b.type === 'table') {
      for (const r of b.rows) for (const c of r.cells) collect(c.blocks, out, section ?? b.section);
      continue;
    }
    out.set(b.index, section === undefined ? b : { ...b, section });
    collect(b.textBoxes, out, section ?? b.section);
  }
}

/**
 * The body paragraph that speaks for each section's text: the commonest (by characters) line setting among its
 * body paragraphs. One pass over the paragraphs for all sections.
 */
function bodyBlocks(doc: Document, blocks: Map<number, ParagraphBlock>): Map<number, ParagraphBlock> {
  const tally = new Map<number, Map<string, { block: ParagraphBlock; chars: number }>>();
  for (const p of doc.paragraphs) {
    if (p.element !== 'body' && p.element !== 'addressee') continue;
    const b = blocks.get(p.index);
    if (!b || b.runs.length === 0) continue;
    let bySetting = tally.get(b.section);
    if (!bySetting) tally.set(b.section, (bySetting = new Map()));
    const key = `${b.props.lineRule}:${b.props.line ?? ''}:${b.runs[0]!.size}:${b.runs[0]!.charSpacing ?? 0}`;
    const t = bySetting.get(key) ?? { block: b, chars: 0 };
    t.chars += p.text.length;
    bySetting.set(key, t);
  }
  const out = new Map<number, ParagraphBlock>();
  for (const [section, bySetting] of tally) {
    let best: { block: ParagraphBlock; chars: number } | undefined;
    for (const t of bySetting.values()) if (!best || t.chars > best.chars) best = t;
    if (best) out.set(section, best.block);
  }
  return out;
}

function sectionFormat(facts: DocxLayoutFacts, body: ParagraphBlock | undefined, s: SectionFacts, index: number, normalSize: number): SectionFormat {
  const m = s.margins;
  const widthTw = s.pageWidth - m.left - m.right - m.gutter;
  const heightTw = s.pageHeight - Math.abs(m.top) - Math.abs(m.bottom);
  let firstParagraph: number | undefined;
  for (let i = s.firstBlock; i < s.endBlock && firstParagraph === undefined; i++) {
    const b = facts.blocks[i];
    if (b?.type === 'paragraph') firstParagraph = b.index;
  }
  const out: SectionFormat = {
    index,
    firstParagraph,
    orientation: s.orientation,
    paperMm: { width: mm(s.pageWidth), height: mm(s.pageHeight) },
    marginsMm: { top: mm(Math.abs(m.top)), bottom: mm(Math.abs(m.bottom)), left: mm(m.left + m.gutter), right: mm(m.right) },
    textBlockMm: { width: mm(widthTw), height: mm(heightTw) },
  };
  const grid = sectionGrid(s, normalSize);
  const heightPt = heightTw / 20;
  const widthPt = widthTw / 20;
  // Lines: exact spacing is never snapped; otherwise a line grid sets the pitch; else the spacing does.
  const size = (body?.runs[0]?.size ?? normalSize * 2) / 2;
  const props = body?.props;
  let pitch: number | undefined;
  if (props && props.lineRule === 'exact' && props.line) {
    pitch = props.line / 20;
    out.linesFrom = 'spacing';
  } else if (grid.linePitch && (props?.snapToGrid ?? true)) {
    const natural = size * boxHeight(classifyFont(body?.runs[0]?.font)) * EAST_ASIAN_LINE;
    const multiple = props?.lineRule === 'auto' ? (props.line ?? 240) / 240 : 1;
    pitch = Math.max(Math.ceil(natural / grid.linePitch - 0.001), multiple) * grid.linePitch;
    out.linesFrom = 'grid';
  } else if (props) {
    const natural = size * boxHeight(classifyFont(body?.runs[0]?.font)) * EAST_ASIAN_LINE;
    pitch = props.lineRule === 'atLeast' ? Math.max(natural, (props.line ?? 0) / 20) : natural * ((props.line ?? 240) / 240);
    out.linesFrom = 'spacing';
  }
  if (pitch && pitch > 1) out.linesPerPage = Math.floor(heightPt / pitch + 0.05);
  const chars = charsPerLine(widthPt, grid);
  if (chars !== undefined) {
    out.charsPerLine = chars;
    out.charsFrom = 'grid';
  } else if (body) {
    const cell = size + (body.runs[0]?.charSpacing ?? 0) / 20;
    if (cell > 1) {
      out.charsPerLine = Math.floor(widthPt / cell + 0.05);
      out.charsFrom = 'spacing';
    }
  }
  return out;
}

const cache = new WeakMap<Document, DocxFormatFacts | null>();

/** The format facts of a .docx; undefined for other formats (or a .docx whose facts were dropped). */
export function docxFormatFacts(doc: Document): DocxFormatFacts | undefined {
  const hit = cache.get(doc);
  if (hit !== undefined) return hit ?? undefined;
  const facts = doc.layout as DocxLayoutFacts | undefined;
  if (!facts || facts.format !== 'docx-layout') {
    cache.set(doc, null);
    return undefined;
  }
  const blocks = new Map<number, ParagraphBlock>();
  collect(facts.blocks, blocks);
  const normalSize = normalFontSize(facts);
  const bodies = bodyBlocks(doc, blocks);
  const result: DocxFormatFacts = {
    sections: facts.sections.map((s, i) => sectionFormat(facts, bodies.get(i), s, i, normalSize)),
    blocks,
    normalSizePt: normalSize,
  };
  if (facts.application !== undefined) result.application = facts.application;
  cache.set(doc, result);
  return result;
}
