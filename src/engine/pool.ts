// Worker threads that drafts are checked in. A worker can always be stopped: a draft over its time limit
// is abandoned by terminating its worker (the only way to stop a stuck synchronous parse), and a draft
// that runs past the heap cap (resourceLimits) ends its worker, not the run. Either way a fresh worker
// takes the slot, the draft gets one fatal line, and the drafts queued behind it go to the fresh worker.
// A worker may hold a few drafts at once (`depth`): it checks them one after another, so it never sits
// idle waiting for the main thread to send the next (which may be busy checking a draft of its own).
import { Worker } from 'node:worker_threads';
import { ConfigError } from '../config/types.js';
import type { SessionOptions } from './session.js';
import type { FileResult } from './result.js';
import { adoptRenderNotice } from '../layout/render-notice.js';
import { DEFAULT_LIMITS } from './limits.js';
import { workerStarting } from '../platform/one-shot-flags.js';

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

interface Pending {
  id: number;
  job: PoolJob;
  resolve: (result: FileResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Drafts sent to the worker, in the order it checks them; the first is the one it is on. */
  inflight: Pending[];
  /** The time limit of the first draft, armed when the worker starts it. */
  timer?: NodeJS.Timeout;
}

/** Resolves once a worker has loaded (or failed to): its start-up is not charged to a draft's time. */
const ready = new WeakMap<Worker, Promise<void>>();

type WorkerReply = { id: number; result?: FileResult; renderNotice?: { zh: string; en: string }; error?: { name?: string; message: string; filepath?: string; keyPath?: string; zh?: string; en?: string } };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;
  private closed = false;
  private readonly memoryMb: number;

  /** `size` workers at most, each holding up to `depth` drafts. */
  constructor(private size: number, private readonly url: URL, private readonly options: SessionOptions, private readonly depth = 1) {
    this.memoryMb = options.limits?.maxMemoryMb ?? DEFAULT_LIMITS.maxMemoryMb;
  }

  private spawn(slot: Slot): Worker {
    // Started under the process's own V8 flags, so Node's code cache of its built-ins is used (one-shot-flags.ts).
    const started = workerStarting();
    const worker = new Worker(this.url, {
      workerData: this.options,
      // The young generation is part of the budget too; a fixed small one keeps the cap honest.
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.memoryMb / 8)) },
    });
    // A worker that is not working must not keep the process alive.
    worker.unref();
    ready.set(worker, new Promise<void>((resolve) => {
      worker.once('online', () => {
        started();
        resolve();
      });
      worker.once('exit', () => {
        started();
        resolve();
      });
    }));
    // Events of a worker that has been replaced are old news.
    worker.on('message', (msg: WorkerReply) => {
      if (slot.worker === worker) this.reply(slot, msg);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.worker !== worker || this.closed) return;
      this.fail(slot, (job) => job.onDeath({ outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY', limitMb: this.memoryMb, cause: String(error.message ?? error).split('\n')[0]! }));
    });
    worker.on('exit', (code: number) => {
      if (slot.worker !== worker || this.closed) return;
      this.fail(slot, (job) => job.onDeath({ outOfMemory: false, limitMb: this.memoryMb, cause: `worker exited with code ${code}` }));
    });
    return worker;
  }

  private post(slot: Slot, p: Pending): void {
    const bytes = p.job.bytes ? p.job.bytes.slice() : undefined;
    slot.worker.postMessage({ id: p.id, path: p.job.path, absPath: p.job.absPath, bytes }, bytes ? [bytes.buffer as ArrayBuffer] : []);
  }

  /** Starts the time limit of the draft the worker is on, once the worker has loaded. */
  private armHead(slot: Slot): void {
    const head = slot.inflight[0];
    if (!head) {
      slot.worker.unref();
      return;
    }
    slot.worker.ref();
    const worker = slot.worker;
    void ready.get(worker)!.then(() => {
      if (slot.worker !== worker || slot.inflight[0] !== head) return;
      clearTimeout(slot.timer);
      slot.timer = setTimeout(() => {
        if (slot.inflight[0] === head) this.fail(slot, (job) => job.onTimeout());
      }, head.job.timeoutMs);
    });
  }

  private reply(slot: Slot, msg: WorkerReply): void {
    const at = slot.inflight.findIndex((p) => p.id === msg.id);
    if (at < 0) return;
    const [p] = slot.inflight.splice(at, 1);
    if (at === 0) {
      clearTimeout(slot.timer);
      this.armHead(slot);
    }
    this.waiting.shift()?.();
    if (msg.renderNotice) adoptRenderNotice(msg.renderNotice);
    if (msg.result) p!.resolve(msg.result);
    else if (msg.error?.name === 'ConfigError') p!.reject(new ConfigError(msg.error.filepath ?? '', msg.error.keyPath ?? '', msg.error.zh ?? msg.error.message, msg.error.en ?? msg.error.message));
    // Anything else thrown in the worker ends this file with one line, never the whole run.
    else p!.resolve(p!.job.onDeath({ outOfMemory: false, limitMb: this.memoryMb, cause: String(msg.error?.message ?? 'worker failed').split('\n')[0]! }));
  }

  /** The draft the worker is on ends as `outcome` says; a fresh worker takes the slot and the drafts queued behind it. */
  private fail(slot: Slot, outcome: (job: PoolJob) => FileResult): void {
    clearTimeout(slot.timer);
    const head = slot.inflight.shift();
    void slot.worker.terminate();
    slot.worker = this.spawn(slot);
    for (const p of slot.inflight) this.post(slot, p);
    this.armHead(slot);
    this.waiting.shift()?.();
    if (head) head.resolve(outcome(head.job));
  }

  /** A slot with room for one more draft: the least loaded, or a new worker while there are fewer than `size`. */
  private async acquire(): Promise<Slot> {
    for (;;) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inflight.length < this.depth && (!best || s.inflight.length < best.inflight.length)) best = s;
      if (best && best.inflight.length === 0) return best;
      if (this.slots.length < this.size) {
        const slot = { inflight: [] } as unknown as Slot;
        slot.worker = this.spawn(slot);
        this.slots.push(slot);
        return slot;
      }
      if (best) return best;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Room for one more worker (the main thread has run out of drafts of its own). */
  grow(): void {
    this.size++;
    this.waiting.shift()?.();
  }

  async run(job: PoolJob): Promise<FileResult> {
    const slot = await this.acquire();
    return new Promise<FileResult>((resolve, reject) => {
      const p: Pending = { id: this.nextId++, job, resolve, reject };
      slot.inflight.push(p);
      this.post(slot, p);
      if (slot.inflight.length === 1) this.armHead(slot);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) clearTimeout(s.timer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
