// The page count of a document: exact where the file has pages, estimated otherwise.
import type { Document, PageCount } from '../document/model.js';
import { estimateTextPages } from './text-pages.js';

export interface EstimateOptions {
  /** --render: lay the file out with LibreOffice when it is installed. */
  render?: boolean;
  /** The file on disk (needed for --render); undefined for stdin. */
  absPath?: string;
}

export async function estimatePages(doc: Document, _options: EstimateOptions = {}): Promise<PageCount> {
  if (doc.pages) return doc.pages;
  const estimate = estimateTextPages(doc);
  const saved = (doc.layout as { savedByProgram?: number } | undefined)?.savedByProgram;
  if (saved !== undefined) estimate.savedByProgram = saved;
  return estimate;
}
