// The stable machine-readable output (schema in README: "JSON output").
import type { Paragraph } from '../document/model.js';
import type { Formatter } from './types.js';

/** Lines of each 公文 element other than body text ({ title: [1], addressee: [2], date: [42] …}). */
function elementLines(paragraphs: Paragraph[] | undefined): Record<string, number[]> | null {
  if (!paragraphs) return null;
  const out: Record<string, number[]> = {};
  for (const p of paragraphs) {
    if (!p.element || p.element === 'body' || p.element === 'blank' || p.element === 'table-cell') continue;
    (out[p.element] ??= []).push(p.sourceLine ?? p.index + 1);
  }
  return out;
}

export const JSON_VERSION = 1;

export const json: Formatter = (results) =>
  `${JSON.stringify({
    version: JSON_VERSION,
    files: results.map((r) => ({
      path: r.path,
      format: r.format,
      fatal: r.fatal,
      docType: r.docType,
      pages: r.pages,
      stats: r.stats,
      messages: r.messages,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
      elements: elementLines(r.document?.paragraphs),
    })),
  })}\n`;
