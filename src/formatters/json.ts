// The stable machine-readable output (schema in README: "JSON output").
import type { Formatter } from './types.js';

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
    })),
  })}\n`;
