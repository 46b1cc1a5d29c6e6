// The files the page carries inside itself. In the sources these are empty; scripts/build-web.mjs
// replaces this module with one holding rules/data (text as strings, binary tables as base64) and
// pdf.js's two modules as source text, which is compiled only when a PDF is opened.
export const DATA_FILES: Record<string, { text?: string; base64?: string }> = {};
export const PDFJS_SOURCE = '';
export const PDFJS_WORKER_SOURCE = '';
/** pdf.js's packed cMaps by name, base64 (for CJK fonts a PDF does not embed). */
export const PDFJS_CMAPS: Record<string, string> = {};
