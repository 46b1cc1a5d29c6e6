// The Normal style's font size, which a character grid is based on: on its own, so the rules that read a
// .docx's format (format-facts, paragraph-format) do not load the whole layout with it.
import type { BlockFacts, DocxLayoutFacts, DocumentSettings } from '../../readers/docx/layout-facts.js';

/** Font size (pt) the character grid is based on: the Normal style's, else the body text's commonest. */
export function normalFontSize(facts: DocxLayoutFacts): number {
  // Rules ask for it per paragraph (format-paragraph's line pitch): counting the whole document each time was quadratic.
  let size = normalSizes.get(facts);
  if (size === undefined) normalSizes.set(facts, (size = countNormalFontSize(facts)));
  return size;
}

const normalSizes = new WeakMap<DocxLayoutFacts, number>();

function countNormalFontSize(facts: DocxLayoutFacts): number {
  const declared = (facts.settings as DocumentSettings & { normalFontSize?: number }).normalFontSize;
  if (declared) return declared / 2;
  const chars = new Map<number, number>();
  const count = (blocks: BlockFacts[]): void => {
    for (const b of blocks) {
      if (b.type === 'table') {
        for (const r of b.rows) for (const c of r.cells) count(c.blocks);
        continue;
      }
      for (const r of b.runs) if (r.eastAsian && !r.hidden) chars.set(r.size, (chars.get(r.size) ?? 0) + r.text.length);
    }
  };
  count(facts.blocks);
  let best = facts.settings.defaultFontSize;
  let most = 0;
  for (const [size, n] of chars) {
    if (n > most) {
      most = n;
      best = size;
    }
  }
  return best / 2;
}
