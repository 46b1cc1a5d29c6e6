// A worker thread: checks the drafts the main thread sends, one at a time, under the heap cap it was
// started with.
import { parentPort, workerData } from 'node:worker_threads';
import { LintSession, type SessionOptions } from './session.js';
import { portableResult } from './portable-result.js';

const session = new LintSession(workerData as SessionOptions);

parentPort!.on('message', async (job: { id: number; path: string; absPath: string; bytes?: Uint8Array }) => {
  try {
    const result = job.bytes ? await session.lintBytesHere(job.bytes, job.path, job.absPath) : await session.lintOne(job.path, job.absPath);
    // --render's once-per-run notice lives in the thread that rendered: the main thread says it.
    const notice = (workerData as SessionOptions).render ? (await import('../layout/render.js')).takeRenderNotice() : undefined;
    parentPort!.postMessage({ id: job.id, result: portableResult(result), renderWhy: notice ? /（(.*)）/.exec(notice.zh)?.[1] : undefined });
  } catch (error) {
    const e = error as Error & { filepath?: string; keyPath?: string; zh?: string; en?: string };
    parentPort!.postMessage({ id: job.id, error: { name: e?.name, message: String(e?.message ?? error), filepath: e?.filepath, keyPath: e?.keyPath, zh: e?.zh, en: e?.en, stack: e?.stack } });
  }
});
