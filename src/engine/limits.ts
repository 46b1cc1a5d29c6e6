// The caps on one draft's work, checked while it is read (never after the memory is spent), and the
// one-line messages that name the cap and the option that raises it.
import { ReadError } from '../readers/types.js';

export interface LintLimits {
  /** Files larger than this are refused; reading stops at this many bytes (--max-file-size). */
  maxFileBytes: number;
  /** Compressed parts (docx, ofd) may not inflate past this in total (--max-inflated-size). */
  maxInflatedBytes: number;
  /** …nor one part past this (--limit part-size=MB). */
  maxPartBytes: number;
  /** Paragraphs in one draft (--limit paragraphs=n). */
  maxParagraphs: number;
  /** Characters in one paragraph (--limit paragraph-chars=n). */
  maxParagraphChars: number;
  /** Characters in one draft (--limit chars=n): about 8,000 pages of 公文 by default. */
  maxChars: number;
  /** Table cells in one .docx (--limit table-cells=n). */
  maxTableCells: number;
  /** Numbering definitions (w:abstractNum + w:num) in one .docx (--limit numbering=n). */
  maxNumberingDefinitions: number;
  /** Characters of one list level's text pattern (w:lvlText) (--limit lvl-text=n). */
  maxLevelTextChars: number;
  /** PDF pages whose text is extracted; all are counted (--limit pdf-pages=n). */
  maxPdfPages: number;
  /** Text objects placed on OFD pages, templates included (--limit ofd-objects=n). */
  maxOfdObjects: number;
  /** Heap of the worker thread a draft is checked in, in megabytes (--max-memory). */
  maxMemoryMb: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: LintLimits = {
  maxFileBytes: 100 * MB,
  maxInflatedBytes: 256 * MB,
  maxPartBytes: 64 * MB,
  maxParagraphs: 200_000,
  maxParagraphChars: 200_000,
  maxChars: 5_000_000,
  maxTableCells: 200_000,
  maxNumberingDefinitions: 10_000,
  maxLevelTextChars: 1_000,
  maxPdfPages: 300,
  maxOfdObjects: 1_000_000,
  maxMemoryMb: 512,
};

/** `--limit <name>=<value>`: the caps without an option of their own. */
export const LIMIT_NAMES: Record<string, { key: keyof LintLimits; megabytes?: boolean }> = {
  'part-size': { key: 'maxPartBytes', megabytes: true },
  paragraphs: { key: 'maxParagraphs' },
  'paragraph-chars': { key: 'maxParagraphChars' },
  chars: { key: 'maxChars' },
  'table-cells': { key: 'maxTableCells' },
  numbering: { key: 'maxNumberingDefinitions' },
  'lvl-text': { key: 'maxLevelTextChars' },
  'pdf-pages': { key: 'maxPdfPages' },
  'ofd-objects': { key: 'maxOfdObjects' },
};

/** The option that raises a cap, as the user types it. */
export function optionFor(key: keyof LintLimits): string {
  if (key === 'maxFileBytes') return '--max-file-size';
  if (key === 'maxInflatedBytes') return '--max-inflated-size';
  if (key === 'maxMemoryMb') return '--max-memory';
  const name = Object.keys(LIMIT_NAMES).find((n) => LIMIT_NAMES[n]!.key === key)!;
  return `--limit ${name}=…`;
}

/** A size in words people read ("64 MB"). */
export function megabytes(bytes: number): string {
  return bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`;
}

/**
 * A draft over one of the caps. `strict` runs (a small draft tried in the main thread under tighter
 * caps) are retried in a worker with the full ones; otherwise it is one fatal line.
 */
export class LimitError extends ReadError {
  constructor(
    readonly key: keyof LintLimits,
    what: { zh: string; en: string },
  ) {
    const option = optionFor(key);
    super(`limit-${key}`, { zh: `已拒绝读取：${what.zh}（可用 ${option} 放宽）`, en: `refused: ${what.en} (raise it with ${option})` });
    this.name = 'LimitError';
  }
}

/** Counts things as a reader meets them and stops at the cap. */
export function counter(limit: number, key: keyof LintLimits, what: (limit: number) => { zh: string; en: string }): () => void {
  let n = 0;
  return () => {
    if (++n > limit) throw new LimitError(key, what(limit));
  };
}

export const limitMessages = {
  paragraphs: (n: number) => ({ zh: `段落超过 ${n} 个`, en: `more than ${n} paragraphs` }),
  chars: (n: number) => ({ zh: `全文超过 ${n} 个字符`, en: `more than ${n} characters in all` }),
  paragraphChars: (n: number) => ({ zh: `有段落超过 ${n} 个字符`, en: `a paragraph longer than ${n} characters` }),
  tableCells: (n: number) => ({ zh: `表格单元格超过 ${n} 个`, en: `more than ${n} table cells` }),
  numbering: (n: number) => ({ zh: `编号定义超过 ${n} 个`, en: `more than ${n} numbering definitions` }),
  levelText: (n: number) => ({ zh: `编号格式（lvlText）超过 ${n} 个字符`, en: `a numbering pattern (lvlText) longer than ${n} characters` }),
  ofdObjects: (n: number) => ({ zh: `页面上的文字对象（含模板）超过 ${n} 个`, en: `more than ${n} text objects on the pages (templates included)` }),
  part: (part: string, bytes: number) => ({ zh: `${part} 解压后超过 ${megabytes(bytes)}`, en: `${part} inflates past ${megabytes(bytes)}` }),
};

/** The paragraph caps on a reader's output (the text readers' own check, and a backstop for the rest). */
export function checkParagraphs(paragraphs: ReadonlyArray<{ text: string } | string>, limits: LintLimits): void {
  if (paragraphs.length > limits.maxParagraphs) throw new LimitError('maxParagraphs', limitMessages.paragraphs(limits.maxParagraphs));
  let total = 0;
  for (const p of paragraphs) {
    const length = (typeof p === 'string' ? p : p.text).length;
    if (length > limits.maxParagraphChars) throw new LimitError('maxParagraphChars', limitMessages.paragraphChars(limits.maxParagraphChars));
    total += length;
  }
  if (total > limits.maxChars) throw new LimitError('maxChars', limitMessages.chars(limits.maxChars));
}
