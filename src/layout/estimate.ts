// The page count of a document: exact where the file has pages, estimated otherwise.
import type { Document, PageCount } from '../document/model.js';
import { estimateTextPages } from './text-pages.js';

export function estimatePages(doc: Document): PageCount {
  if (doc.pages) return doc.pages;
  const estimate = estimateTextPages(doc);
  const saved = (doc.layout as { savedByProgram?: number } | undefined)?.savedByProgram;
  if (saved !== undefined) estimate.savedByProgram = saved;
  return estimate;
}
