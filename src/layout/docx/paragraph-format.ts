// Paragraph facts for the GB/T 9704 paragraph checks and the `format` command: the top-level paragraphs of
// a .docx (not in tables or text boxes) with their blocks, and the line pitch each one is set at.
import type { Document } from '../../document/model.js';
import type { DocxLayoutFacts, ParagraphBlock } from '../../readers/docx/layout-facts.js';
import { boxHeight, classifyFont } from './fonts.js';
import { sectionGrid } from './grid.js';
import { normalFontSize } from './normal-font-size.js';

/** Word gives East-Asian text 1.3 × the font box for a single line. */
const EAST_ASIAN_LINE = 1.3;

export function docxLayout(doc: Document): DocxLayoutFacts | undefined {
  const facts = doc.layout as DocxLayoutFacts | undefined;
  return facts && facts.format === 'docx-layout' ? facts : undefined;
}

const cache = new WeakMap<Document, Map<number, ParagraphBlock> | null>();

/** Paragraph index → block, for the paragraphs of the text flow; undefined for a file with no .docx facts. */
export function bodyParagraphBlocks(doc: Document): Map<number, ParagraphBlock> | undefined {
  const hit = cache.get(doc);
  if (hit !== undefined) return hit ?? undefined;
  const facts = docxLayout(doc);
  if (!facts) {
    cache.set(doc, null);
    return undefined;
  }
  const out = new Map<number, ParagraphBlock>();
  for (const b of facts.blocks) if (b.type === 'paragraph') out.set(b.index, b);
  cache.set(doc, out);
  return out;
}

/** The height of one line of the paragraph, pt: exact and at-least spacing as set, auto spacing snapped to the grid. */
export function linePitchPt(doc: Document, b: ParagraphBlock): number {
  const facts = docxLayout(doc)!;
  const run = b.runs.find((r) => r.text.trim() !== '') ?? b.runs[0];
  const size = (run?.size ?? b.markSize) / 2;
  const natural = size * boxHeight(classifyFont(run?.font)) * EAST_ASIAN_LINE;
  const p = b.props;
  if (p.lineRule === 'exact' && p.line) return p.line / 20;
  if (p.lineRule === 'atLeast') return Math.max(natural, (p.line ?? 0) / 20);
  const multiple = (p.line ?? 240) / 240;
  const section = facts.sections[b.section];
  const grid = section && p.snapToGrid ? sectionGrid(section, normalFontSize(facts)) : undefined;
  if (grid?.linePitch) return Math.max(Math.ceil(natural / grid.linePitch - 0.001), multiple) * grid.linePitch;
  return natural * multiple;
}
