// --cache: results of unchanged drafts are reused. An entry is valid while the file's size and mtime
// (or, when those moved, its content hash), the settings that apply to it and the wenfeng version are
// the same; a changed config changes the settings hash and so invalidates it.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FileSettings } from '../config/resolve.js';
import { VERSION } from '../version.js';
import { DEFAULT_PRESET, PAGE_LIMIT_PRESETS } from '../classify/page-limits.js';
import { ruleFingerprint } from './registry.js';
import type { FileResult } from './result.js';

interface Entry {
  size: number;
  mtimeMs: number;
  contentHash: string;
  settingsHash: string;
  result: FileResult;
}

interface CacheFile {
  version: string;
  entries: Record<string, Entry>;
}

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/wenfeng';

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Everything that decides a file's findings besides its content: wenfeng's version, every rule's
 * severity and options, what a phrase rule matches and which version of a plugin's code runs it, the
 * page limits the preset resolves to, the references and the flags.
 */
export function settingsHash(settings: FileSettings, extra: Record<string, unknown>): string {
  const rules = settings.rules.map((r) => [r.id, r.severity, r.options, ruleFingerprint(r.rule) ?? null]);
  const preset = typeof settings.pageLimits.preset === 'string' ? settings.pageLimits.preset : DEFAULT_PRESET;
  return createHash('sha256')
    .update(JSON.stringify({ VERSION, rules, locale: settings.locale, type: settings.configType, pageLimits: settings.pageLimits, presetLimits: PAGE_LIMIT_PRESETS[preset] ?? null, references: settings.references, config: settings.configPath, extra }))
    .digest('hex');
}

export class ResultCache {
  private data: CacheFile = { version: VERSION, entries: {} };
  private dirty = false;
  hits = 0;
  misses = 0;
  readonly file: string;

  constructor(location: string, cwd: string) {
    const abs = resolve(cwd, location);
    // A location ending in a separator or without an extension is a directory.
    this.file = /\.json$/i.test(abs) ? abs : join(abs, 'results.json');
  }

  async load(): Promise<void> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as CacheFile;
      if (parsed.version === VERSION && parsed.entries) this.data = parsed;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  /** A cached result if the file is unchanged; reads the file only when its size or mtime moved. */
  async get(absPath: string, settings: string): Promise<FileResult | undefined> {
    const entry = this.data.entries[absPath];
    if (!entry || entry.settingsHash !== settings) return this.miss();
    const info = await stat(absPath).catch(() => undefined);
    if (!info) return this.miss();
    if (info.size === entry.size && info.mtimeMs === entry.mtimeMs) return this.hit(entry);
    if (info.size !== entry.size) return this.miss();
    const hash = hashBytes(await readFile(absPath));
    if (hash !== entry.contentHash) return this.miss();
    entry.mtimeMs = info.mtimeMs;
    this.dirty = true;
    return this.hit(entry);
  }

  private hit(entry: Entry): FileResult {
    this.hits++;
    return structuredClone(entry.result);
  }

  private miss(): undefined {
    this.misses++;
    return undefined;
  }

  async set(absPath: string, settings: string, result: FileResult): Promise<void> {
    // Unreadable files are not cached: the next run should try again.
    if (result.fatal || result.crashed) return;
    const info = await stat(absPath).catch(() => undefined);
    if (!info) return;
    const bytes = await readFile(absPath);
    const { fixes: _fixes, crashed: _crashed, ...kept } = result;
    const document = result.document ? { ...result.document, layout: undefined } : undefined;
    this.data.entries[absPath] = { size: info.size, mtimeMs: info.mtimeMs, contentHash: hashBytes(bytes), settingsHash: settings, result: { ...kept, document } };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(this.data));
    await rename(temp, this.file);
  }
}
