// From a reader's output to the Document rules see: indices, the matching view, and stats.
import type { ReadResult } from '../readers/types.js';
import type { Document, DocumentStats } from './model.js';
import { normalizeAll } from './normalize.js';
import { recognizeElements } from './elements.js';

export async function buildDocument(read: ReadResult, path: string): Promise<Document> {
  const norms = await normalizeAll(read.paragraphs.map((p) => p.text));
  const doc: Document = {
    path,
    format: read.format,
    paragraphs: read.paragraphs.map((p, index) => ({ ...p, index, norm: norms[index]! })),
    warnings: read.warnings,
    hasText: read.hasText ?? true,
  };
  recognizeElements(doc.paragraphs);
  if (read.title !== undefined) doc.title = read.title;
  if (read.pages) doc.pages = read.pages;
  if (read.layout !== undefined) doc.layout = read.layout;
  if (read.controls?.length) doc.controls = read.controls;
  if (read.properties) doc.properties = read.properties;
  return doc;
}

export function documentStats(doc: Document): DocumentStats {
  let chars = 0;
  let paragraphs = 0;
  for (const p of doc.paragraphs) {
    const n = p.text.replace(/\s/g, '').length;
    chars += n;
    if (n) paragraphs++;
  }
  return { chars, paragraphs };
}
