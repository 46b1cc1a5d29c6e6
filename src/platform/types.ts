// The seam between the engine and what it runs on. Readers, the document model, the layout estimate,
// classification, rules and formatters work on bytes and plain objects; the few things that differ
// between Node and a browser page are the members of this interface, implemented once in node.ts and
// once in web.ts. Whatever else is Node-only (files, workers, config discovery, LibreOffice) stays in
// the edge modules README's architecture section lists.

/** Thrown by `inflateRaw` when the output would pass its cap; the zip reader turns it into its own message. */
export class InflateCapError extends Error {
  constructor(readonly cap: number) {
    super(`inflated data passes ${cap} bytes`);
    this.name = 'InflateCapError';
  }
}

/** The slice of pdf.js's text-content item the PDF reader uses. */
export interface PdfTextContentItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  dir?: string;
}
export interface PdfPageProxy {
  getViewport(params: { scale: number }): { height: number; transform: number[] };
  getTextContent(): Promise<{ items: PdfTextContentItem[] }>;
  cleanup(): unknown;
}
export interface PdfDocumentProxy {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPageProxy>;
}

/** An opened PDF: pdf.js's document where the platform gives one, else the plain text of each page. */
export interface OpenedPdf {
  doc?: PdfDocumentProxy;
  total: number;
  plainPages(): Promise<string[]>;
  destroy(): Promise<void>;
}

export interface PdfEngine {
  /** Opens a PDF (throws pdf.js's own errors: PasswordException, InvalidPDFException …). */
  open(bytes: Uint8Array): Promise<OpenedPdf>;
}

/** What word-extractor gives for a Word 97–2003 file. */
export interface WordText {
  body: string;
  textboxes: string;
}

export interface Platform {
  readonly name: 'node' | 'web';
  /** Raw deflate data inflated; throws InflateCapError as soon as the output passes `maxOutput` bytes. */
  inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array;
  /** Raw deflate at zlib's level (default 6). */
  deflateRaw(data: Uint8Array, level?: number): Uint8Array;
  /** The zip checksum. */
  crc32(data: Uint8Array): number;
  /** A data file wenfeng ships (rules/data/…), named by a URL relative to the code that uses it. */
  readData(url: URL): Uint8Array;
  /** pdf.js, loaded on the first PDF only. */
  pdf(): Promise<PdfEngine>;
  /** A path as the user would name it: relative to the working directory when inside it (the page: as given). */
  shownPath(path: string): string;
  /** `to` relative to the folder `from`, with '/' between segments (how config globs see a draft). */
  relativePath(from: string, to: string): string;
  /** `path` resolved against the folder `dir`. */
  resolvePath(dir: string, path: string): string;
  /** Whether two paths name the same file once resolved (the page has names only). */
  samePath(a: string, b: string): boolean;
  /** word-extractor's text of a .doc/.wps (loaded on the first one only). */
  wordText(bytes: Uint8Array): Promise<WordText>;
}

/** The part of a data URL that names the file inside the data folder: ".../data/typo/similar.json" → "typo/similar.json". */
export function dataKey(url: URL): string {
  const href = url.href;
  const at = href.lastIndexOf('/data/');
  return at >= 0 ? href.slice(at + '/data/'.length) : href.slice(href.lastIndexOf('/') + 1);
}
