// The 版记 (抄送, 印发机关和印发日期) set in a section of its own: GB/T 9704-2012 7.5.1 leaves the 版记 page unnumbered
// when it stands on a page of its own after a blank page, and a .docx does that with a section break before the
// 版记 and a footer without page number for that section. Known from the document model alone: which section the
// 版记 lines are in and whether that section holds anything else. Where the 版记 shares a section with the body,
// its page is not known without laying the document out, so nothing is said of it.
import type { Document } from '../src/plugin-api.js';
import type { BlockFacts, DocxLayoutFacts } from '../src/readers/docx/layout-facts.js';

function paragraphsOf(b: BlockFacts, out: number[]): void {
  if (b.type === 'paragraph') out.push(b.index);
  else for (const row of b.rows) for (const cell of row.cells) for (const inner of cell.blocks) paragraphsOf(inner, out);
}

/** The index of the section that holds the 版记 and nothing else but empty lines, after a section break; or undefined. */
export function banjiOwnSection(doc: Document, facts: DocxLayoutFacts): number | undefined {
  const isBanji = (i: number): boolean => doc.paragraphs[i]?.element === 'cc' || doc.paragraphs[i]?.element === 'printer';
  for (let s = facts.sections.length - 1; s > 0; s--) {
    const section = facts.sections[s]!;
    const indexes: number[] = [];
    for (const b of facts.blocks.slice(section.firstBlock, section.endBlock)) paragraphsOf(b, indexes);
    if (!indexes.some(isBanji)) continue;
    return indexes.every((i) => isBanji(i) || doc.paragraphs[i]?.element === 'blank' || doc.paragraphs[i]?.text.trim() === '') ? s : undefined;
  }
  return undefined;
}
