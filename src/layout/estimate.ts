// The page count of a document: exact where the file has pages (PDF), laid out from the file's own
// settings where it does not (.docx: Word-like line layout; .txt/.md: a GB/T 9704 page), or rendered
// by LibreOffice when --render asks for it.
import type { Document, PageCount } from '../document/model.js';
import type { DocxLayoutFacts } from '../readers/docx/layout-facts.js';
import type { RenderOptions } from './render.js';
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
    // LibreOffice is Node's alone: loaded only for --render (the page's build has no such module).
    const rendered = await (await import('./render-pages.js')).tryRender(facts, options);
    if (rendered) return rendered;
  }
  // The .docx layout loads only for a .docx: a text draft's pages are counted without it (text-pages.ts).
  if (facts) return (await import('./docx/index.js')).estimateDocxPages(facts);
  const estimate = estimateTextPages(doc);
  // A .doc records the page count Word or WPS last laid out (its SummaryInformation): shown beside ours.
  const saved = (doc.layout as { savedByProgram?: unknown } | undefined)?.savedByProgram;
  if (typeof saved === 'number') estimate.savedByProgram = saved;
  return estimate;
}
