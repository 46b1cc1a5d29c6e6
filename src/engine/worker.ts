// A worker thread: checks the drafts the main thread sends, one at a time and in the order sent (several
// may be queued, so the thread never waits for the next), under the heap cap it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import { LintSession, type SessionOptions } from './session.js';
import { portableResult } from './portable-result.js';
import { takeRenderNotice } from '../layout/render-notice.js';

const session = new LintSession(workerData as SessionOptions);

type Job = { id: number; path: string; absPath: string; bytes?: Uint8Array };

async function check(job: Job): Promise<void> {
  try {
    const result = job.bytes ? await session.lintBytesHere(job.bytes, job.path, job.absPath) : await session.lintOne(job.path, job.absPath);
    // A --render fallback noticed here is the main thread's to print, once per run.
    parentPort!.postMessage({ id: job.id, result: portableResult(result), renderNotice: takeRenderNotice() });
  } catch (error) {
    const e = error as Error & { filepath?: string; keyPath?: string; zh?: string; en?: string };
    parentPort!.postMessage({ id: job.id, error: { name: e?.name, message: String(e?.message ?? error), filepath: e?.filepath, keyPath: e?.keyPath, zh: e?.zh, en: e?.en, stack: e?.stack } });
  }
}

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: Job) => {
  queue = queue.then(() => check(job));
});
