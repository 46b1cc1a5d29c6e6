// Checking one draft from its bytes: read, build the document, count pages, know its type, run the
// rules. Nothing here touches a file, a thread or a process, so the page (dist/web) runs it as it is;
// lint-file.ts is the Node edge that reads the bytes and the references first.
import type { Locale } from '../api.js';
import { resolveDocType } from '../classify/resolve-type.js';
import type { FileSettings } from '../config/resolve.js';
import { buildDocument, documentStats } from '../document/build.js';
import type { Document } from '../document/model.js';
import { estimatePages } from '../layout/estimate.js';
import { readDocumentBytes } from '../readers/index.js';
import { ReadError, type ReadResult } from '../readers/types.js';
import { countMessages, type FileResult } from './result.js';
import { applyInlineControls } from './inline-control.js';
import { runRules } from './run-rules.js';
import { DEFAULT_LIMITS, LimitError, type LintLimits } from './limits.js';

export interface LintBytesOptions {
  /** The path as shown to the user (its extension picks the reader). */
  path: string;
  settings: FileSettings;
  typeFlag?: string;
  limits?: LintLimits;
  debug?: boolean;
  /** --render: page counts from LibreOffice where installed (Node only). */
  render?: boolean;
  absPath?: string;
  /** A trial under tighter caps: a cap met throws LimitError instead of giving a fatal result. */
  strict?: boolean;
  /** The documents given with --against or config `references`, asked for once the draft has been read. */
  references?: () => Promise<Document[]>;
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

/** A cap was met, or the draft needs a reader that is not ours (in a strict trial, the draft goes to a worker with the full caps). */
export const overCap = (error: unknown): boolean => error instanceof LimitError || (error instanceof ReadError && (error.code === 'zip-bomb' || error.code === 'too-large' || error.code === 'worker-only'));

/** A draft that could not be read, as one line; `fsCause` turns a file-system error into its words. */
export function readFailure(error: unknown, opts: { path: string; debug?: boolean; strict?: boolean }, locale: Locale, fsCause?: (error: unknown) => { zh: string; en: string } | undefined): FileResult {
  if (opts.strict && overCap(error)) throw error;
  if (error instanceof ReadError) return fatalResult(opts.path, error.zh, error.en, locale);
  const fs = fsCause?.(error);
  if (fs) return fatalResult(opts.path, fs.zh, fs.en, locale);
  // An unexpected failure inside a reader is still one line, not a crash of the run.
  const message = String((error as Error)?.message ?? error).split('\n')[0];
  const result = fatalResult(opts.path, `无法读取：${message}`, `cannot read: ${message}`, locale);
  if (opts.debug) console.error(error);
  return result;
}

export async function lintBytes(bytes: Uint8Array, opts: LintBytesOptions): Promise<FileResult> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const { locale } = opts.settings;
  let read;
  try {
    read = await readDocumentBytes(bytes, opts.path, { maxInflatedBytes: limits.maxInflatedBytes, limits, strict: opts.strict });
  } catch (error) {
    return readFailure(error, opts, locale);
  }
  try {
    return await lintRead(read, opts);
  } catch (error) {
    if (opts.strict && overCap(error)) throw error;
    // A failure of ours after reading (layout, a reference) ends this file with one line; the run goes on.
    const message = String((error as Error)?.message ?? error).split('\n')[0];
    if (opts.debug) console.error(error);
    return fatalResult(opts.path, `内部错误，已放弃此文件：${message}（请附上此文件报告问题）`, `internal error, file abandoned: ${message} (please report it with this file)`, locale);
  }
}

async function lintRead(read: ReadResult, opts: LintBytesOptions): Promise<FileResult> {
  const { locale } = opts.settings;
  const doc = await buildDocument(read, opts.path);
  const pages = await estimatePages(doc, { render: opts.render, absPath: opts.absPath, locale });
  doc.pages = pages;
  const docType = resolveDocType(doc, { flag: opts.typeFlag, config: opts.settings.configType, pageLimits: opts.settings.pageLimits, locale });
  const references = (await opts.references?.()) ?? [];
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
