// Checking one draft: read, build the document, count pages, know its type, run the rules.
import { open } from 'node:fs/promises';
import type { Locale } from '../api.js';
import { resolveDocType } from '../classify/resolve-type.js';
import type { FileSettings } from '../config/resolve.js';
import { buildDocument, documentStats } from '../document/build.js';
import { estimatePages } from '../layout/estimate.js';
import { readDocumentBytes } from '../readers/index.js';
import { ReadError } from '../readers/types.js';
import { fsError } from '../files/collect.js';
import { countMessages, type FileResult } from './result.js';
import { applyInlineControls } from './inline-control.js';
import { loadReference } from './references.js';
import { runRules } from './run-rules.js';

import { DEFAULT_LIMITS, LimitError, megabytes, type LintLimits } from './limits.js';

export { DEFAULT_LIMITS, type LintLimits } from './limits.js';

export interface LintFileOptions {
  /** The path as shown to the user. */
  path: string;
  /** Bytes already in hand (stdin); otherwise the file at `absPath` is read. */
  bytes?: Uint8Array;
  absPath?: string;
  settings: FileSettings;
  typeFlag?: string;
  limits?: LintLimits;
  debug?: boolean;
  /** --render: page counts from LibreOffice where installed. */
  render?: boolean;
  /** A trial under tighter caps: a cap met throws LimitError instead of giving a fatal result. */
  strict?: boolean;
}

/** A file that could not be read: one message, no position beyond line 1. */
export function fatalResult(path: string, zh: string, en: string, locale: Locale, format: FileResult['format'] = null): FileResult {
  return {
    path,
    format,
    fatal: true,
    docType: null,
    pages: null,
    stats: {},
    messages: [{ ruleId: null, severity: 'error', message: locale === 'zh' ? zh : en, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    crashed: true,
  };
}

const tooLarge = (size: string, limit: number): ReadError =>
  new ReadError('too-large', { zh: `文件过大（${size}，上限 ${megabytes(limit)}；可用 --max-file-size 放宽）`, en: `file too large (${size}; the limit is ${megabytes(limit)}, raise it with --max-file-size)` });

/**
 * Reads at most `maxFileBytes` (+1 to know it is over): a file that grows, or a device that never ends,
 * stops at the cap instead of filling memory.
 */
export async function readBounded(absPath: string, maxFileBytes: number): Promise<Uint8Array> {
  const handle = await open(absPath, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > maxFileBytes) throw tooLarge(megabytes(info.size), maxFileBytes);
    // Regular files are read at their size; anything else in chunks, up to the cap.
    let buffer = new Uint8Array(Math.min(maxFileBytes + 1, info.size > 0 ? info.size + 1 : 64 * 1024));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxFileBytes) throw tooLarge(`> ${megabytes(maxFileBytes)}`, maxFileBytes);
        const bigger = new Uint8Array(Math.min(maxFileBytes + 1, buffer.length * 2));
        bigger.set(buffer);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxFileBytes) throw tooLarge(`> ${megabytes(maxFileBytes)}`, maxFileBytes);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** A cap was met (in a strict trial, the draft goes to a worker with the full caps). */
export const overCap = (error: unknown): boolean => error instanceof LimitError || (error instanceof ReadError && (error.code === 'zip-bomb' || error.code === 'too-large'));

async function readInput(opts: LintFileOptions, limits: LintLimits): Promise<Uint8Array> {
  if (opts.bytes) {
    if (opts.bytes.length > limits.maxFileBytes) throw tooLarge(megabytes(opts.bytes.length), limits.maxFileBytes);
    return opts.bytes;
  }
  return readBounded(opts.absPath!, limits.maxFileBytes);
}

export async function lintFile(opts: LintFileOptions): Promise<FileResult> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const { locale } = opts.settings;
  let read;
  try {
    const bytes = await readInput(opts, limits);
    read = await readDocumentBytes(bytes, opts.path, { maxInflatedBytes: limits.maxInflatedBytes, limits, strict: opts.strict });
  } catch (error) {
    if (opts.strict && overCap(error)) throw error;
    if (error instanceof ReadError) return fatalResult(opts.path, error.zh, error.en, locale);
    if ((error as NodeJS.ErrnoException)?.code) {
      const e = fsError(opts.path, error);
      return fatalResult(opts.path, e.zh, e.en, locale);
    }
    // An unexpected failure inside a reader is still one line, not a crash of the run.
    const message = String((error as Error)?.message ?? error).split('\n')[0];
    const result = fatalResult(opts.path, `无法读取：${message}`, `cannot read: ${message}`, locale);
    if (opts.debug) console.error(error);
    return result;
  }

  const doc = await buildDocument(read, opts.path);
  const pages = await estimatePages(doc, { render: opts.render, absPath: opts.absPath, locale });
  doc.pages = pages;
  const docType = resolveDocType(doc, { flag: opts.typeFlag, config: opts.settings.configType, pageLimits: opts.settings.pageLimits, locale });
  const references = await Promise.all(opts.settings.references.map((r) => loadReference(r, limits.maxInflatedBytes)));
  const run = await runRules(doc, opts.settings.rules, locale, { id: docType.id, label: docType.label, pageLimit: docType.pageLimit }, references);
  // The layout facts were the estimator's and the format rules' working data (large for a .docx); nothing after them reads them.
  doc.layout = undefined;

  const messages = applyInlineControls(run.messages, doc.controls);
  const result: FileResult = {
    path: opts.path,
    format: doc.format,
    fatal: false,
    docType,
    pages,
    stats: { ...documentStats(doc), ...run.stats },
    messages,
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    document: doc,
    fixes: messages.flatMap((m) => run.fixOf.get(m) ?? []),
  };
  for (const w of doc.warnings) {
    result.messages.unshift({ ruleId: null, severity: 'warning', message: w.message[locale], line: 1, column: 1, endLine: 1, endColumn: 1 });
  }
  for (const crash of run.crashes) {
    result.crashed = true;
    const why = String((crash.cause as Error)?.message ?? crash.cause).split('\n')[0];
    result.messages.push({ ruleId: crash.ruleId, severity: 'error', message: locale === 'zh' ? `规则 ${crash.ruleId} 运行出错：${why}` : `rule ${crash.ruleId} crashed: ${why}`, line: 1, column: 1, endLine: 1, endColumn: 1 });
    if (opts.debug) console.error(crash.cause);
  }
  countMessages(result);
  return result;
}
