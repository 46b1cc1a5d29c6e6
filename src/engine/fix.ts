// --fix and --fix-dry-run: applying rules' safe fixes to .txt/.md drafts. Only text formats are ever
// written, only when asked, only when the file still holds the bytes its findings came from, and
// atomically (a temporary file beside the draft, then a rename) unless hard links must be kept.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, chmod, chown, open, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hashBytes } from './cache.js';
import type { FileResult } from './result.js';

export { computeFixes, type FixOutcome } from './compute-fixes.js';
import { computeFixes, type FixOutcome } from './compute-fixes.js';

const SKIP = {
  changed: { zh: '文件在检查之后被修改过，未写入修正（请重新运行 --fix）', en: 'the file changed after it was checked; no fix written (run --fix again)' },
  readOnly: { zh: '文件是只读的，未写入修正', en: 'the file is read-only; no fix written' },
  notRegular: { zh: '不是普通文件，未写入修正', en: 'not a regular file; no fix written' },
  unknownSource: { zh: '不知道检查时的文件内容，未写入修正', en: 'the checked content is unknown; no fix written' },
};

/**
 * The bytes of a text draft for --fix to lint from, or undefined when it is not a regular file or is
 * over the size limit (the ordinary path then refuses it with its own message).
 */
export async function readSourceBytes(absPath: string, maxBytes: number): Promise<Uint8Array | undefined> {
  const info = await stat(absPath).catch(() => undefined);
  if (!info?.isFile() || info.size > maxBytes) return undefined;
  const handle = await open(absPath, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const again = await handle.stat();
    if (!again.isFile() || again.size > maxBytes) return undefined;
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

const sameBytes = (bytes: Uint8Array, hash: string): boolean => hashBytes(bytes) === hash;

/**
 * A hard-linked file is rewritten in place, so every name keeps seeing the same file; its content is
 * checked once more through the same descriptor just before the write.
 */
async function writeInPlace(target: string, hash: string, out: Buffer): Promise<boolean> {
  const handle = await open(target, 'r+');
  try {
    if (!sameBytes(new Uint8Array(await handle.readFile()), hash)) return false;
    await handle.write(out, 0, out.length, 0);
    await handle.truncate(out.length);
    await handle.sync();
    return true;
  } finally {
    await handle.close();
  }
}

/** Anything else: a temporary file beside the target with its mode and owner, then a rename over it. */
async function writeAtomically(target: string, info: Stats, hash: string, out: Buffer): Promise<boolean> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, out, { flag: 'wx', mode: 0o600 });
    await chmod(temp, info.mode & 0o7777);
    await chown(temp, info.uid, info.gid).catch(() => undefined); // only root may give a file away
    // The last look before the rename: an edit saved while we were working wins.
    if (!sameBytes(new Uint8Array(await readFile(target)), hash)) {
      await unlink(temp);
      return false;
    }
    await rename(temp, target);
    return true;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Applies a result's fixes to its file. The file is written only if its bytes are still exactly those
 * the result was linted from; a symlink is written through to its target, a hard link in place, and the
 * BOM, line endings, mode and owner are kept. Read-only files are refused.
 */
export async function fixFile(result: FileResult, absPath: string, dryRun: boolean): Promise<FixOutcome> {
  if (result.format !== 'txt' && result.format !== 'md') {
    return result.fixes?.length ? { applied: 0, skipped: { zh: '只修正 .txt/.md 文稿，.docx 和 .pdf 从不改写', en: 'only .txt/.md drafts are fixed; .docx and .pdf are never written' } } : { applied: 0 };
  }
  if (!result.fixes?.length) return { applied: 0 };
  if (!result.sourceHash) return { applied: 0, skipped: SKIP.unknownSource };
  const target = await realpath(absPath);
  const info = await stat(target);
  if (!info.isFile()) return { applied: 0, skipped: SKIP.notRegular };
  const bytes = new Uint8Array(await readFile(target));
  if (!sameBytes(bytes, result.sourceHash)) return { applied: 0, skipped: SKIP.changed };
  let source: string;
  try {
    // ignoreBOM keeps a BOM in the text, so the fixed text starts with it too.
    source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { applied: 0, skipped: { zh: '文件不是 UTF-8 编码，未做修正（请先另存为 UTF-8）', en: 'not UTF-8: nothing fixed (save it as UTF-8 first)' } };
  }
  const outcome = computeFixes(result, source);
  if (dryRun || outcome.fixed === undefined) return outcome;
  // Root may write anything: the mode bits, not access(), say whether the owner meant it to be written.
  const writable = (info.mode & 0o222) !== 0 && (await access(target, constants.W_OK).then(() => true, () => false));
  if (!writable) return { applied: 0, skipped: SKIP.readOnly };
  const out = Buffer.from(outcome.fixed, 'utf8');
  const written = info.nlink > 1 ? await writeInPlace(target, result.sourceHash, out) : await writeAtomically(target, info, result.sourceHash, out);
  return written ? outcome : { applied: 0, skipped: SKIP.changed };
}
