// Worker threads that drafts are checked in, one draft each at a time. A worker can always be stopped:
// a draft over its time limit is abandoned by terminating its worker (the only way to stop a stuck
// synchronous parse), and a draft that runs past the heap cap (resourceLimits) ends its worker, not the
// run. Either way a fresh worker takes the slot and the draft gets one fatal line.
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../config/types.js';
import type { SessionOptions } from './session.js';
import type { FileResult } from './result.js';
import { adoptRenderNotice } from '../layout/render-notice.js';
import { DEFAULT_LIMITS } from './limits.js';

export interface PoolJob {
  path: string;
  absPath: string;
  /** Bytes in hand (stdin); otherwise the worker reads `absPath`. */
  bytes?: Uint8Array;
  timeoutMs: number;
  onTimeout: () => FileResult;
  /** The worker ran out of heap (`limitMb`) or died some other way (`cause`). */
  onDeath: (why: { outOfMemory: boolean; limitMb: number; cause: string }) => FileResult;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/** Resolves once a worker has loaded (or failed to): its start-up is not charged to a draft's time. */
const ready = new WeakMap<Worker, Promise<void>>();

type WorkerReply = { id: number; result?: FileResult; renderNotice?: { zh: string; en: string }; error?: { name?: string; message: string; filepath?: string; keyPath?: string; zh?: string; en?: string } };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;
  private readonly memoryMb: number;

  constructor(private readonly size: number, private readonly url: URL, private readonly options: SessionOptions) {
    this.memoryMb = options.limits?.maxMemoryMb ?? DEFAULT_LIMITS.maxMemoryMb;
  }

  private spawn(): Worker {
    const worker = new Worker(this.url, {
      workerData: this.options,
      // The young generation is part of the budget too; a fixed small one keeps the cap honest.
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.memoryMb / 8)) },
    });
    // A worker that is not working must not keep the process alive.
    worker.unref();
    ready.set(worker, new Promise<void>((resolve) => {
      worker.once('online', () => resolve());
      worker.once('exit', () => resolve());
    }));
    // An error before a draft is sent (e.g. while loading) must not end the run; the draft's own listener reports it.
    worker.on('error', () => undefined);
    return worker;
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) return free;
      if (this.slots.length < this.size) {
        const slot = { worker: this.spawn(), busy: false };
        this.slots.push(slot);
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  async run(job: PoolJob): Promise<FileResult> {
    const slot = await this.acquire();
    slot.busy = true;
    const id = this.nextId++;
    try {
      slot.worker.ref();
      await ready.get(slot.worker);
      return await new Promise<FileResult>((resolve, reject) => {
        const replace = (): void => {
          cleanup();
          void slot.worker.terminate();
          slot.worker = this.spawn();
        };
        const timer = setTimeout(() => {
          replace();
          resolve(job.onTimeout());
        }, job.timeoutMs);
        const onMessage = (msg: WorkerReply): void => {
          if (msg.id !== id) return;
          cleanup();
          if (msg.renderNotice) adoptRenderNotice(msg.renderNotice);
          if (msg.result) resolve(msg.result);
          else if (msg.error?.name === 'ConfigError') reject(new ConfigError(msg.error.filepath ?? '', msg.error.keyPath ?? '', msg.error.zh ?? msg.error.message, msg.error.en ?? msg.error.message));
          // Anything else thrown in the worker ends this file with one line, never the whole run.
          else resolve(job.onDeath({ outOfMemory: false, limitMb: this.memoryMb, cause: String(msg.error?.message ?? 'worker failed').split('\n')[0]! }));
        };
        const onError = (error: Error & { code?: string }): void => {
          replace();
          resolve(job.onDeath({ outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY', limitMb: this.memoryMb, cause: String(error.message ?? error).split('\n')[0]! }));
        };
        const onExit = (code: number): void => {
          replace();
          resolve(job.onDeath({ outOfMemory: false, limitMb: this.memoryMb, cause: `worker exited with code ${code}` }));
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          slot.worker.off('message', onMessage);
          slot.worker.off('error', onError);
          slot.worker.off('exit', onExit);
          slot.worker.unref();
        };
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onError);
        slot.worker.on('exit', onExit);
        slot.worker.ref();
        const bytes = job.bytes ? job.bytes.slice() : undefined;
        slot.worker.postMessage({ id, path: job.path, absPath: job.absPath, bytes }, bytes ? [bytes.buffer as ArrayBuffer] : []);
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
