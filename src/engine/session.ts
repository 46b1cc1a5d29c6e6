// A lint run over many drafts: targets, per-file config, results in the order the files were named.
import { dirname, resolve } from 'node:path';
import type { Locale } from '../api.js';
import { ConfigLoader, type ConfigSource } from '../config/load.js';
import { resolveFileSettings, type CommandLineSettings, type FileSettings } from '../config/resolve.js';
import { ConfigError, throwAll, type LoadedConfig, type RuleSetting } from '../config/types.js';
import { collectTargets, readIgnoreFile } from '../files/collect.js';
import { matchesIgnorePattern } from '../files/glob.js';
import { rulesFor } from './registry.js';
import { DEFAULT_LIMITS, fatalResult, lintFile, overCap, type LintLimits } from './lint-file.js';
import type { WorkerPool } from './pool.js';
import { formatOfPath } from '../readers/index.js';
import type { FileResult } from './result.js';
import { relative, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { loadReference, ReferenceFileError } from './references.js';
import { DEFAULT_TIME_LIMIT, TIMEOUT_MESSAGE, timeLimitMs, type TimeLimit } from './timeout.js';

export interface SessionOptions extends ConfigSource {
  rules?: Record<string, RuleSetting>;
  locale?: Locale;
  type?: string;
  /** Caps on each draft's work; unset ones take the defaults (engine/limits.ts). */
  limits?: Partial<LintLimits>;
  debug?: boolean;
  render?: boolean;
  /** --against: upstream documents, relative to cwd. */
  against?: string[];
  /** --concurrency: 'auto', 'off' or a number of worker threads. */
  concurrency?: 'auto' | 'off' | number;
  /** --cache with its location (relative to cwd). */
  cacheLocation?: string;
  timeLimit?: TimeLimit;
  /** --follow-symlinks: follow links that lead out of a checked directory. */
  followSymlinks?: boolean;
  /** --fix / --fix-dry-run: lint text drafts from bytes read here and keep their hash for the fix. */
  keepSource?: boolean;
  /** References found unreadable by the main thread (reported once there; workers skip them). */
  skipReferences?: string[];
  /**
   * 'auto' (default): a small draft is tried in this thread under tighter caps and goes to a worker only
   * when it meets one; larger drafts always go to a worker. 'always': every draft in a worker.
   * (Running from the TypeScript sources there is no worker bundle: everything runs in this thread.)
   */
  isolation?: 'auto' | 'always';
}

export interface RunHooks {
  /** Called as each draft finishes (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Don't answer from the cache (--fix needs the fixes of a fresh run). */
  noCacheReads?: boolean;
}

/** Resolves with `work`, or with `onTimeout()` once `ms` have passed. */
async function withTimeLimit(work: Promise<FileResult>, ms: number, onTimeout: () => FileResult): Promise<FileResult> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<FileResult>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** The drafts --fix may write. */
const FIXABLE_NAME = /\.(txt|text|md|markdown)$/i;

/** Below this many drafts, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;
/** Drafts a worker holds at once in a parallel run: it starts the next as soon as one is done. */
const WORKER_DEPTH = 3;

/**
 * A small draft is tried in the main thread (a worker costs ~50–100 ms to start and loads every module
 * again), under caps tight enough that its work stays small; meeting one sends it to a worker with the
 * full caps. Text and .docx are read by our own code (a .docx through our zip reader and saxes), linear
 * in their input, and the tighter caps bound how much XML a .docx may inflate to and how many
 * paragraphs, cells and numbering definitions it may hold. Every other format goes to a worker: pdf.js
 * and word-extractor are not ours (a damaged PDF can loop inside pdf.js).
 */
const IN_THREAD_MAX_BYTES: Record<string, number> = { txt: 256 * 1024, md: 256 * 1024, docx: 2 * 1024 * 1024 };
const IN_THREAD_CAPS: Partial<LintLimits> = {
  maxParagraphs: 20_000,
  maxParagraphChars: 50_000,
  maxChars: 1_000_000,
  maxInflatedBytes: 8 * 1024 * 1024,
  maxPartBytes: 8 * 1024 * 1024,
  maxTableCells: 20_000,
  maxNumberingDefinitions: 1_000,
};

const WORKER_URL = new URL('./worker.js', import.meta.url);
/** Worker threads run the bundled worker; from TypeScript sources (tests) there is none. */
const HAS_WORKER = !import.meta.url.endsWith('.ts');

interface Job {
  index: number;
  path: string;
  absPath: string;
  settings: FileSettings;
}

export class LintSession {
  readonly loader: ConfigLoader;
  /** Things worth one line on stderr that are not findings (links not followed). */
  readonly notices: Array<{ path: string; zh: string; en: string }> = [];
  private readonly cli: CommandLineSettings;

  constructor(private readonly options: SessionOptions) {
    this.loader = new ConfigLoader(options);
    this.cli = { rules: options.rules ?? {}, locale: options.locale, against: (options.against ?? []).map((a) => resolve(options.cwd, a)) };
  }

  /** The settings for a draft at `absPath` (throws ConfigError for a bad config). */
  async settingsFor(absPath: string): Promise<FileSettings> {
    const loaded = await this.loader.forDirectory(dirname(absPath));
    const settings = resolveFileSettings(absPath, loaded, await rulesFor(loaded), this.cli);
    const skip = this.options.skipReferences;
    if (skip?.length) settings.references = settings.references.filter((r) => !skip.includes(r));
    return settings;
  }

  /**
   * Reads every reference the jobs name once, up front: one that cannot be read (missing, a FIFO, a
   * /proc file) becomes one fatal line naming it, and the drafts are checked without it.
   */
  private async checkReferences(jobs: Job[], locale: Locale): Promise<FileResult[]> {
    const limits = this.limits;
    const unique = [...new Set(jobs.flatMap((j) => j.settings.references))];
    const bad: FileResult[] = [];
    const skip: string[] = [];
    for (const ref of unique) {
      try {
        await loadReference(ref, limits.maxInflatedBytes);
      } catch (error) {
        if (!(error instanceof ReferenceFileError)) throw error;
        skip.push(ref);
        const shown = relative(this.options.cwd, ref).split(sep).join('/');
        bad.push(fatalResult(shown.startsWith('..') ? ref : shown, error.zh, error.en, locale));
      }
    }
    if (skip.length) {
      this.options.skipReferences = [...(this.options.skipReferences ?? []), ...skip];
      for (const job of jobs) job.settings.references = job.settings.references.filter((r) => !skip.includes(r));
    }
    return bad;
  }

  /** The locale to use before any file's config is known. */
  async baseLocale(): Promise<Locale> {
    if (this.options.locale) return this.options.locale;
    const loaded = await this.loader.forDirectory(this.options.cwd);
    return loaded.config.locale ?? 'zh';
  }

  async lintPaths(inputs: string[], hooks: RunHooks = {}): Promise<FileResult[]> {
    const { cwd } = this.options;
    const configErrors: ConfigError[] = [];
    // A broken config in the working directory is reported with all the others, after collection.
    const base = await this.loader.forDirectory(cwd).catch((error: unknown) => {
      if (!(error instanceof ConfigError)) throw error;
      configErrors.push(error);
      return { config: {}, dir: cwd } as LoadedConfig;
    });
    const locale = this.options.locale ?? base.config.locale ?? 'zh';
    const ignoredByFile = await readIgnoreFile(cwd);
    const ignores = base.config.ignores ?? [];
    const ignored = (abs: string): boolean => {
      if (ignoredByFile(abs)) return true;
      const rel = relative(base.dir, abs).split(sep).join('/');
      return !rel.startsWith('..') && ignores.some((p) => matchesIgnorePattern(rel, p));
    };
    const { entries, notFollowed } = await collectTargets(inputs, cwd, ignored, { followSymlinks: this.options.followSymlinks });
    for (const path of notFollowed) {
      this.notices.push({ path, zh: '符号链接指向所查目录之外，未跟随（可用 --follow-symlinks）', en: 'symbolic link leads out of the checked directory; not followed (see --follow-symlinks)' });
    }
    const results: Array<FileResult | undefined> = [];
    const jobs: Job[] = [];
    for (const entry of entries) {
      if ('error' in entry) {
        results.push(fatalResult(entry.error.path, entry.error.zh, entry.error.en, locale));
        continue;
      }
      const absPath = resolve(cwd, entry.target.path);
      // Settings are resolved here, before any work, so a bad config stops the run at once, with
      // every config error of every file said together.
      let settings: FileSettings;
      try {
        settings = await this.settingsFor(absPath);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        configErrors.push(error);
        continue;
      }
      if (settings.ignored) continue;
      jobs.push({ index: results.length, path: entry.target.path, absPath, settings });
      results.push(undefined);
    }

    throwAll(configErrors);
    results.push(...(await this.checkReferences(jobs, locale)));
    // The cache and its hashing (node:crypto) load only for --cache.
    const cacheLib = this.options.cacheLocation ? await import('./cache.js') : undefined;
    const cache = cacheLib ? new cacheLib.ResultCache(this.options.cacheLocation!, cwd) : undefined;
    await cache?.load();
    const extra = { type: this.options.type, render: this.options.render };
    // A reference edited since the last run changes what copied-from-upstream finds.
    const stamps = new Map<string, Promise<string>>();
    const stampOf = (ref: string): Promise<string> => {
      let s = stamps.get(ref);
      if (!s) stamps.set(ref, (s = stat(ref).then((i) => `${i.size}:${i.mtimeMs}`, () => 'missing')));
      return s;
    };
    // Called only where there is a cache (`cache?.get(…, await keyOf(job))` skips its arguments without one).
    const keyOf = async (job: Job): Promise<string> => cacheLib!.settingsHash(job.settings, { ...extra, references: await Promise.all(job.settings.references.map(stampOf)) });
    const todo: Job[] = [];
    for (const job of jobs) {
      const cached = hooks.noCacheReads ? undefined : await cache?.get(job.absPath, await keyOf(job));
      if (cached) {
        cached.path = job.path;
        results[job.index] = cached;
      } else todo.push(job);
    }

    let done = jobs.length - todo.length;
    const finish = async (job: Job, result: FileResult): Promise<void> => {
      results[job.index] = result;
      await cache?.set(job.absPath, await keyOf(job), result);
      hooks.onProgress?.(++done, jobs.length);
    };
    const workers = this.workerCount(todo.length);
    if (workers > 1) await this.lintInParallel(todo, workers, locale, finish);
    else {
      // The pool (and node:worker_threads) is made when a draft first needs a worker: a run of small
      // drafts checked here never loads it.
      let pool: Promise<WorkerPool> | undefined;
      const poolOnce = HAS_WORKER ? () => (pool ??= this.pool(1)) : undefined;
      try {
        for (const job of todo) await finish(job, await this.isolated(poolOnce, job, locale));
      } finally {
        await (await pool)?.close();
      }
    }
    if (cache) {
      await cache.save();
      if (this.options.debug) process.stderr.write(`wenfeng: cache ${cache.file}: ${cache.hits} hit(s), ${cache.misses} miss(es)\n`);
    }
    return results.filter((r): r is FileResult => r !== undefined);
  }

  /** How many drafts to check at once (1 = one after another): threads for 'auto', worker threads for a number. */
  private workerCount(files: number): number {
    const c = this.options.concurrency ?? 'off';
    if (c === 'off' || !HAS_WORKER) return 1;
    if (c === 'auto') return files >= MIN_FILES_FOR_WORKERS ? Math.max(1, Math.min(availableParallelism(), files)) : 1;
    return Math.max(1, Math.min(c, files));
  }

  /**
   * Drafts checked at once. The main thread checks the drafts it may (small text and .docx, built-in
   * rules) from the front of the list; the workers take the others first, then the main thread's from
   * the back, each holding a few so it never waits for the main thread. With 'auto' the main thread is
   * one of the threads (one worker fewer: each costs a start-up and its own copy of the dictionaries);
   * a number is that many workers besides it.
   */
  private async lintInParallel(todo: Job[], threads: number, locale: Locale, finish: (job: Job, result: FileResult) => Promise<void>): Promise<void> {
    const mine: Job[] = [];
    const theirs: Job[] = [];
    const sizes = await Promise.all(todo.map(async (job) => (await stat(job.absPath).catch(() => undefined))?.size ?? 0));
    todo.forEach((job, i) => (this.mayTryHere(job, sizes[i]!) ? mine : theirs).push(job));
    const auto = this.options.concurrency === 'auto';
    const workers = Math.max(1, Math.min(auto && mine.length ? threads - 1 : threads, todo.length));
    const pool = await this.pool(workers, WORKER_DEPTH);
    const forMe = (): Job | undefined => mine.shift();
    const forWorkers = (): Job | undefined => theirs.shift() ?? mine.pop();
    try {
      const there = async (): Promise<void> => {
        for (let job = forWorkers(); job; job = forWorkers()) await finish(job, await this.inWorker(pool, job, locale));
      };
      const here = async (): Promise<void> => {
        for (let job = forMe(); job; job = forMe()) await finish(job, await this.isolated(async () => pool, job, locale));
        // Done with its share while workers still have drafts waiting: the thread it leaves free gets a worker.
        if (auto && workers < threads && theirs.length > WORKER_DEPTH) {
          pool.grow();
          await Promise.all(Array.from({ length: WORKER_DEPTH }, there));
        }
      };
      await Promise.all([here(), ...Array.from({ length: workers * WORKER_DEPTH }, there)]);
    } finally {
      await pool.close();
    }
  }

  private async timeoutFor(job: Job): Promise<number> {
    const size = (await stat(job.absPath).catch(() => undefined))?.size ?? 0;
    return timeLimitMs(this.options.timeLimit ?? DEFAULT_TIME_LIMIT, size, job.path);
  }

  private async pool(size: number, depth = 1): Promise<WorkerPool> {
    const { WorkerPool } = await import('./pool.js');
    return new WorkerPool(size, WORKER_URL, this.options, depth);
  }

  private get limits(): LintLimits {
    return { ...DEFAULT_LIMITS, ...this.options.limits };
  }

  private timedOutResult(path: string, locale: Locale, ms: number): FileResult {
    const text = TIMEOUT_MESSAGE(Math.round(ms / 1000));
    return fatalResult(path, text.zh, text.en, locale);
  }

  /** A draft whose worker died: out of memory (the usual cause) or otherwise; one line, the run goes on. */
  private diedResult(path: string, locale: Locale, why: { outOfMemory: boolean; limitMb: number; cause: string }): FileResult {
    if (why.outOfMemory) {
      return fatalResult(path, `超出内存限制（${why.limitMb} MB），已放弃此文件；可用 --max-memory 放宽限制`, `out of memory (over the ${why.limitMb} MB limit); the file was abandoned — raise the limit with --max-memory`, locale);
    }
    return fatalResult(path, `检查此文件的线程意外退出（${why.cause}），已放弃此文件`, `the thread checking this file stopped unexpectedly (${why.cause}); the file was abandoned`, locale);
  }

  /** One draft in a worker, where it can be stopped at its time limit and its heap is capped. */
  private inWorker(pool: WorkerPool, job: Job, locale: Locale, bytes?: Uint8Array): Promise<FileResult> {
    return (async () => {
      const timeoutMs = bytes ? timeLimitMs(this.options.timeLimit ?? DEFAULT_TIME_LIMIT, bytes.length, job.path) : await this.timeoutFor(job);
      return pool.run({
        path: job.path,
        absPath: job.absPath,
        bytes,
        timeoutMs,
        onTimeout: () => this.timedOutResult(job.path, job.settings.locale ?? locale, timeoutMs),
        onDeath: (why) => this.diedResult(job.path, job.settings.locale ?? locale, why),
      });
    })();
  }

  /** Whether a draft may be tried in this thread: small, and only built-in rules (a plugin may loop). */
  private mayTryHere(job: Job, size: number): boolean {
    if (this.options.isolation === 'always') return false;
    if (!(size <= (IN_THREAD_MAX_BYTES[formatOfPath(job.path) ?? ''] ?? -1))) return false;
    return job.settings.rules.every((r) => !r.id.includes('/'));
  }

  /**
   * One draft, isolated: a small one in this thread under tighter caps (with the asynchronous time
   * limit), moved to a worker when it meets one; a large one in a worker. Without a worker bundle, here.
   */
  private async isolated(pool: (() => Promise<WorkerPool>) | undefined, job: Job, locale: Locale, bytes?: Uint8Array): Promise<FileResult> {
    if (!pool) return this.here(job, locale, bytes, false);
    const size = bytes ? bytes.length : ((await stat(job.absPath).catch(() => undefined))?.size ?? 0);
    if (this.mayTryHere(job, size)) {
      try {
        return await this.here(job, locale, bytes, true);
      } catch (error) {
        if (!overCap(error)) throw error;
      }
    }
    return this.inWorker(await pool(), job, locale, bytes);
  }

  /** In this thread with the time limit (it can abandon a draft stuck in asynchronous work). */
  private async here(job: Job, locale: Locale, bytes: Uint8Array | undefined, strict: boolean): Promise<FileResult> {
    const ms = bytes ? timeLimitMs(this.options.timeLimit ?? DEFAULT_TIME_LIMIT, bytes.length, job.path) : await this.timeoutFor(job);
    const limits = strict ? { ...this.limits, ...tighter(this.limits) } : this.limits;
    const work = this.lintOne(job.path, job.absPath, job.settings, { bytes, limits, strict });
    return withTimeLimit(work, ms, () => this.timedOutResult(job.path, job.settings.locale ?? locale, ms));
  }

  /** One draft, in this thread (what a worker thread runs). */
  async lintOne(path: string, absPath: string, settings?: FileSettings, opts: { bytes?: Uint8Array; limits?: LintLimits; strict?: boolean } = {}): Promise<FileResult> {
    const resolved = settings ?? (await this.settingsFor(absPath));
    const limits = opts.limits ?? this.limits;
    if (this.options.render) {
      // LibreOffice must not outlive the file's time limit: it is given that limit less a second.
      const { setRenderDeadline } = await import('../layout/render.js');
      setRenderDeadline(Date.now() + (await this.timeoutFor({ index: 0, path, absPath, settings: resolved })) - 1000);
    }
    let bytes = opts.bytes;
    let sourceHash: string | undefined;
    if (!bytes && this.options.keepSource && FIXABLE_NAME.test(absPath)) {
      // --fix must write against the very bytes the findings came from: read them once, here.
      const [{ readSourceBytes }, { hashBytes }] = await Promise.all([import('./fix.js'), import('./cache.js')]);
      bytes = await readSourceBytes(absPath, limits.maxFileBytes);
      if (bytes) sourceHash = hashBytes(bytes);
    }
    const result = await lintFile({ path, absPath, bytes, settings: resolved, typeFlag: this.options.type, limits, debug: this.options.debug, render: this.options.render, ...(opts.strict ? { strict: true } : {}) });
    if (sourceHash) result.sourceHash = sourceHash;
    return result;
  }

  /** Bytes (stdin) checked in this thread (what a worker thread runs). */
  async lintBytesHere(bytes: Uint8Array, shownPath: string, absPath: string): Promise<FileResult> {
    return lintFile({ path: shownPath, bytes, settings: await this.settingsFor(absPath), typeFlag: this.options.type, limits: this.limits, debug: this.options.debug, render: this.options.render });
  }

  /** Bytes (stdin, annotate) as a draft named `shownPath`, isolated like any file. */
  async lintBytes(bytes: Uint8Array, shownPath: string): Promise<FileResult> {
    const absPath = resolve(this.options.cwd, shownPath);
    const settings = await this.settingsFor(absPath);
    const job = { index: 0, path: shownPath, absPath, settings };
    const tryHere = HAS_WORKER && this.mayTryHere(job, bytes.length);
    if (!HAS_WORKER || tryHere) {
      try {
        return await this.here(job, settings.locale, bytes, tryHere);
      } catch (error) {
        if (!overCap(error)) throw error;
      }
    }
    const pool = await this.pool(1);
    try {
      return await this.inWorker(pool, job, settings.locale, bytes);
    } finally {
      await pool.close();
    }
  }
}

/** The in-thread caps: each the smaller of the user's and the trial's. */
function tighter(limits: LintLimits): Partial<LintLimits> {
  const out: Partial<LintLimits> = {};
  for (const [key, value] of Object.entries(IN_THREAD_CAPS) as Array<[keyof LintLimits, number]>) out[key] = Math.min(value, limits[key]);
  return out;
}
