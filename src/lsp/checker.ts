// The checking a language server does, in one long-lived process: the CLI's engine and isolation, kept
// warm. A small text buffer is checked in this thread under the CLI's tighter in-thread caps and its
// time limit (the rules' matchers and dictionaries stay built between edits); anything else — every
// .docx, .pdf, .doc/.wps, .ofd, a text over 256 KB, a plugin's rules — goes to a worker thread with the
// heap cap and the per-file time limit, as in the CLI. The worker stays up between saves, so its
// matchers stay warm too; a worker that times out or dies is replaced by the pool.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Locale } from '../api.js';
import type { FileSettings } from '../config/resolve.js';
import { DEFAULT_LIMITS, fatalResult, lintFile, overCap, type LintLimits } from '../engine/lint-file.js';
import type { WorkerPool } from '../engine/pool.js';
import { forgetRuleSets } from '../engine/registry.js';
import type { FileResult } from '../engine/result.js';
import { LintSession, type SessionOptions } from '../engine/session.js';
import { DEFAULT_TIME_LIMIT, TIMEOUT_MESSAGE, timeLimitMs } from '../engine/timeout.js';
import { formatOfPath } from '../readers/index.js';

/** Worker threads run the bundled worker; from TypeScript sources (tests) there is none. */
const HAS_WORKER = !import.meta.url.endsWith('.ts');
const WORKER_URL = new URL('./worker.js', import.meta.url);

/** As the CLI: a text draft this small, checked by built-in rules only, is tried in this thread. */
const IN_THREAD_MAX_BYTES = 256 * 1024;
const IN_THREAD_CAPS: Partial<LintLimits> = { maxParagraphs: 20_000, maxParagraphChars: 50_000 };

export const isTextFormat = (path: string): boolean => {
  const format = formatOfPath(path);
  return format === 'txt' || format === 'md';
};

export interface Checked {
  result: FileResult;
  settings: FileSettings;
}

async function withTimeLimit<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<T>((done) => {
    timer = setTimeout(() => done(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export class Checker {
  private session: LintSession;
  private pool?: WorkerPool;
  /** Checks running in each pool: a pool replaced by a reload is closed once its last check is done. */
  private readonly busy = new Map<WorkerPool, number>();
  private readonly retired = new Set<WorkerPool>();
  private readonly options: SessionOptions;

  constructor(readonly root: string) {
    this.options = { cwd: root, useConfig: true, isolation: 'auto' };
    this.session = new LintSession(this.options);
  }

  /** The config changed: settings, rule sets and the worker (which caches both) start afresh. */
  reload(): void {
    forgetRuleSets();
    this.session = new LintSession(this.options);
    const old = this.pool;
    this.pool = undefined;
    if (old) this.retire(old);
  }

  private retire(pool: WorkerPool): void {
    if (this.busy.get(pool)) this.retired.add(pool);
    else void pool.close();
  }

  /** Throws ConfigError for a config that cannot be used. */
  settingsFor(absPath: string): Promise<FileSettings> {
    return this.session.settingsFor(absPath);
  }

  /** The path findings are reported under: relative to the workspace root when inside it. */
  shownPath(absPath: string): string {
    const rel = relative(this.root, absPath);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : absPath;
  }

  /** An editor's buffer of a .txt or .md draft (never read from disk, never written). */
  async checkText(absPath: string, text: string): Promise<Checked> {
    const settings = await this.settingsFor(absPath);
    const path = this.shownPath(absPath);
    const bytes = new TextEncoder().encode(text);
    const ms = timeLimitMs(DEFAULT_TIME_LIMIT, bytes.length, path);
    const here = !HAS_WORKER || (bytes.length <= IN_THREAD_MAX_BYTES && settings.rules.every((r) => !r.id.includes('/')));
    if (here) {
      const limits = HAS_WORKER ? { ...DEFAULT_LIMITS, ...tighter(DEFAULT_LIMITS) } : DEFAULT_LIMITS;
      try {
        const work = lintFile({ path, absPath, bytes, settings, limits, strict: HAS_WORKER });
        return { result: await withTimeLimit(work, ms, () => this.timedOut(path, settings.locale, ms)), settings };
      } catch (error) {
        if (!overCap(error)) throw error;
      }
    }
    return { result: await this.inWorker(path, absPath, settings.locale, ms, bytes), settings };
  }

  /** A draft on disk (.docx, .pdf, .doc/.wps, .ofd; a text file not open in the editor), in a worker. */
  async checkFile(absPath: string): Promise<Checked> {
    const settings = await this.settingsFor(absPath);
    const path = this.shownPath(absPath);
    if (!HAS_WORKER) return { result: await this.session.lintOne(path, absPath, settings), settings };
    const size = (await stat(absPath).catch(() => undefined))?.size ?? 0;
    const ms = timeLimitMs(DEFAULT_TIME_LIMIT, size, path);
    return { result: await this.inWorker(path, absPath, settings.locale, ms), settings };
  }

  /** Every draft under `dir`, as `wenfeng dir` would check it (ignores, .wenfengignore, workers). */
  async checkDirectory(dir: string): Promise<FileResult[]> {
    const session = new LintSession({ cwd: dir, useConfig: true, concurrency: 'auto' });
    return session.lintPaths(['.']);
  }

  private async inWorker(path: string, absPath: string, locale: Locale, timeoutMs: number, bytes?: Uint8Array): Promise<FileResult> {
    if (!this.pool) {
      const { WorkerPool } = await import('../engine/pool.js');
      this.pool = new WorkerPool(1, WORKER_URL, this.options);
    }
    const pool = this.pool;
    this.busy.set(pool, (this.busy.get(pool) ?? 0) + 1);
    try {
      return await pool.run({
        path,
        absPath,
        bytes,
        timeoutMs,
        onTimeout: () => this.timedOut(path, locale, timeoutMs),
        onDeath: (why) =>
          why.outOfMemory
            ? fatalResult(path, `超出内存限制（${why.limitMb} MB），已放弃此文件`, `out of memory (over the ${why.limitMb} MB limit); the file was abandoned`, locale)
            : fatalResult(path, `检查此文件的线程意外退出（${why.cause}），已放弃此文件`, `the thread checking this file stopped unexpectedly (${why.cause}); the file was abandoned`, locale),
      });
    } finally {
      const left = (this.busy.get(pool) ?? 1) - 1;
      this.busy.set(pool, left);
      if (left === 0) {
        this.busy.delete(pool);
        if (this.retired.delete(pool)) void pool.close();
      }
    }
  }

  private timedOut(path: string, locale: Locale, ms: number): FileResult {
    const text = TIMEOUT_MESSAGE(Math.round(ms / 1000));
    return fatalResult(path, text.zh, text.en, locale);
  }

  async close(): Promise<void> {
    await Promise.all([this.pool, ...this.retired].map((p) => p?.close()));
  }
}

function tighter(limits: LintLimits): Partial<LintLimits> {
  const out: Partial<LintLimits> = {};
  for (const [key, value] of Object.entries(IN_THREAD_CAPS) as Array<[keyof LintLimits, number]>) out[key] = Math.min(value, limits[key]);
  return out;
}
