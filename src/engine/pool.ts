// --concurrency: a pool of worker threads, one draft each at a time. A draft over its time limit is
// abandoned by terminating its worker (the only way to stop a stuck synchronous parse) and a fresh
// worker takes its place.
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../config/types.js';
import type { SessionOptions } from './session.js';
import type { FileResult } from './result.js';

export interface PoolJob {
  path: string;
  absPath: string;
  timeoutMs: number;
  onTimeout: () => FileResult;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;

  constructor(private readonly size: number, private readonly url: URL, private readonly options: SessionOptions) {}

  private spawn(): Slot {
    const worker = new Worker(this.url, { workerData: this.options });
    return { worker, busy: false };
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) return free;
      if (this.slots.length < this.size) {
        const slot = this.spawn();
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
      return await new Promise<FileResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          cleanup();
          // Replace the stuck worker; terminate() ends whatever it was doing.
          void slot.worker.terminate();
          const fresh = this.spawn();
          slot.worker = fresh.worker;
          resolve(job.onTimeout());
        }, job.timeoutMs);
        const onMessage = (msg: { id: number; result?: FileResult; error?: { name?: string; message: string; filepath?: string; keyPath?: string; zh?: string; en?: string } }): void => {
          if (msg.id !== id) return;
          cleanup();
          if (msg.result) resolve(msg.result);
          else if (msg.error?.name === 'ConfigError') reject(new ConfigError(msg.error.filepath ?? '', msg.error.keyPath ?? '', msg.error.zh ?? msg.error.message, msg.error.en ?? msg.error.message));
          else reject(new Error(msg.error?.message ?? 'worker failed'));
        };
        const onError = (error: Error): void => {
          cleanup();
          slot.worker = this.spawn().worker;
          reject(error);
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          slot.worker.off('message', onMessage);
          slot.worker.off('error', onError);
        };
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onError);
        slot.worker.postMessage({ id, path: job.path, absPath: job.absPath });
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
