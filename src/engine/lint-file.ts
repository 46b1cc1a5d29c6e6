// Checking one draft on disk (the Node edge of lint-bytes.ts): read its bytes with a bound, load the
// references, and lint the bytes.
import { open } from 'node:fs/promises';
import { ReadError } from '../readers/types.js';
import { fsError } from '../files/collect.js';
import type { FileSettings } from '../config/resolve.js';
import type { FileResult } from './result.js';
import { loadReference } from './references.js';
import { lintBytes, readFailure } from './lint-bytes.js';
import { DEFAULT_LIMITS, megabytes, type LintLimits } from './limits.js';

export { fatalResult, overCap } from './lint-bytes.js';
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
  let bytes: Uint8Array;
  try {
    bytes = await readInput(opts, limits);
  } catch (error) {
    return readFailure(error, opts, locale, (e) => ((e as NodeJS.ErrnoException)?.code ? fsError(opts.path, e) : undefined));
  }
  return lintBytes(bytes, { ...opts, references: () => Promise.all(opts.settings.references.map((r) => loadReference(r, limits.maxInflatedBytes))) });
}
