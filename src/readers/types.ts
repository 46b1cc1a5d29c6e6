// The contract between a format reader and the engine.
import type { DocumentProperties, Format, InlineControl, PageCount, Paragraph, ReadWarning } from '../document/model.js';

/** A paragraph as a reader produces it; the engine adds `index` and `norm`. */
export type RawParagraph = Omit<Paragraph, 'index' | 'norm'>;

export interface ReadResult {
  format: Format;
  paragraphs: RawParagraph[];
  title?: string;
  pages?: PageCount;
  layout?: unknown;
  warnings: ReadWarning[];
  /** Defaults to true; false when the file has pages but no text (a scanned PDF). */
  hasText?: boolean;
  controls?: InlineControl[];
  properties?: DocumentProperties;
}

export interface ReaderOptions {
  /** Refuse a compressed container whose parts inflate past this many bytes (zip bombs). */
  maxInflatedBytes: number;
  /** The other caps on the work (engine/limits.ts); the defaults when absent. */
  limits?: import('../engine/limits.js').LintLimits;
  /**
   * A trial in the main thread under tighter caps: a cap that would otherwise end in a warning and a
   * partial reading (PDF pages) throws instead, so the draft is checked again in a worker.
   */
  strict?: boolean;
}

export type Reader = (bytes: Uint8Array, path: string, options: ReaderOptions) => Promise<ReadResult>;

/**
 * A file that cannot be read. `code` is stable (for tests and JSON); the message is one line,
 * saying the cause without the path (the formatter adds the path).
 */
export class ReadError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  constructor(code: string, message: { zh: string; en: string }, options?: { cause?: unknown }) {
    super(message.en, options);
    this.name = 'ReadError';
    this.code = code;
    this.zh = message.zh;
    this.en = message.en;
  }
}
