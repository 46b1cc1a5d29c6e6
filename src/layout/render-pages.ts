// --render: the page count LibreOffice gives, or undefined (and a note) when it cannot be had.
import type { PageCount } from '../document/model.js';
import type { DocxLayoutFacts } from '../readers/docx/layout-facts.js';
import type { EstimateOptions } from './estimate.js';
import { findSoffice, noteRenderFallback, RENDER_GRID_NOTE, renderPages } from './render.js';

export async function tryRender(facts: DocxLayoutFacts | undefined, options: EstimateOptions): Promise<PageCount | undefined> {
  if (!options.absPath) {
    noteRenderFallback(options.locale === 'en' ? 'the draft came from stdin' : '文稿来自标准输入');
    return undefined;
  }
  if (!options.renderOptions?.soffice && !findSoffice()) {
    noteRenderFallback(options.locale === 'en' ? 'soffice is not on PATH' : '未找到 soffice');
    return undefined;
  }
  try {
    const hasCharGrid = !!facts && facts.sections.some((s) => s.docGrid.type === 'linesAndChars' || s.docGrid.type === 'snapToChars');
    const count = await renderPages(options.absPath, hasCharGrid, options.renderOptions);
    if (count.note) count.note = options.locale === 'en' ? RENDER_GRID_NOTE.en : RENDER_GRID_NOTE.zh;
    if (facts?.savedByProgram !== undefined) count.savedByProgram = facts.savedByProgram;
    return count;
  } catch (error) {
    noteRenderFallback(String((error as Error).message ?? error).split('\n')[0] ?? 'error');
    return undefined;
  }
}
