// The page count of a document: exact where the file has pages (PDF), laid out from the file's own
// settings where it does not (.docx: Word-like line layout; .txt/.md: a GB/T 9704 page), or rendered
// by LibreOffice when --render asks for it.
import type { Document, PageCount } from '../document/model.js';
import type { DocxLayoutFacts } from '../readers/docx/layout-facts.js';
import { estimateDocxPages } from './docx/index.js';
import { findSoffice, noteRenderFallback, RENDER_GRID_NOTE, renderPages, type RenderOptions } from './render.js';
import { estimateTextPages } from './text-pages.js';

export interface EstimateOptions {
  /** --render: lay the file out with LibreOffice when it is installed. */
  render?: boolean;
  /** The file on disk (needed for --render); undefined for stdin. */
  absPath?: string;
  /** Language of notes (default zh). */
  locale?: 'zh' | 'en';
  /** LibreOffice binary and timeout for --render. */
  renderOptions?: RenderOptions;
}

export function isDocxLayout(layout: unknown): layout is DocxLayoutFacts {
  return typeof layout === 'object' && layout !== null && (layout as { format?: unknown }).format === 'docx-layout';
}

export async function estimatePages(doc: Document, options: EstimateOptions = {}): Promise<PageCount> {
  if (doc.pages) return doc.pages;
  const facts = isDocxLayout(doc.layout) ? doc.layout : undefined;
  // The Word family can be laid out by LibreOffice; a .doc has no layout facts of ours to estimate from.
  if (options.render && (facts || doc.format === 'doc')) {
    const rendered = await tryRender(facts, options);
    if (rendered) return rendered;
  }
  if (facts) return estimateDocxPages(facts);
  const estimate = estimateTextPages(doc);
  // A .doc records the page count Word or WPS last laid out (its SummaryInformation): shown beside ours.
  const saved = (doc.layout as { savedByProgram?: unknown } | undefined)?.savedByProgram;
  if (typeof saved === 'number') estimate.savedByProgram = saved;
  return estimate;
}

async function tryRender(facts: DocxLayoutFacts | undefined, options: EstimateOptions): Promise<PageCount | undefined> {
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
