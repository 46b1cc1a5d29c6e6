// A lint run over many drafts: targets, per-file config, results in the order the files were named.
import { dirname, resolve } from 'node:path';
import type { Locale } from '../api.js';
import { ConfigLoader, type ConfigSource } from '../config/load.js';
import { resolveFileSettings, type CommandLineSettings, type FileSettings } from '../config/resolve.js';
import type { RuleSetting } from '../config/types.js';
import { collectTargets, readIgnoreFile } from '../files/collect.js';
import { matchesIgnorePattern } from '../files/glob.js';
import { rulesFor } from './registry.js';
import { DEFAULT_LIMITS, fatalResult, lintFile, type LintLimits } from './lint-file.js';
import type { FileResult } from './result.js';
import { relative, sep } from 'node:path';

export interface SessionOptions extends ConfigSource {
  rules?: Record<string, RuleSetting>;
  locale?: Locale;
  type?: string;
  limits?: LintLimits;
  debug?: boolean;
  render?: boolean;
  /** --against: upstream documents, relative to cwd. */
  against?: string[];
}

export class LintSession {
  readonly loader: ConfigLoader;
  private readonly cli: CommandLineSettings;

  constructor(private readonly options: SessionOptions) {
    this.loader = new ConfigLoader(options);
    this.cli = { rules: options.rules ?? {}, locale: options.locale, against: (options.against ?? []).map((a) => resolve(options.cwd, a)) };
  }

  /** The settings for a draft at `absPath` (throws ConfigError for a bad config). */
  async settingsFor(absPath: string): Promise<FileSettings> {
    const loaded = await this.loader.forDirectory(dirname(absPath));
    return resolveFileSettings(absPath, loaded, await rulesFor(loaded), this.cli);
  }

  /** The locale to use before any file's config is known. */
  async baseLocale(): Promise<Locale> {
    if (this.options.locale) return this.options.locale;
    const loaded = await this.loader.forDirectory(this.options.cwd);
    return loaded.config.locale ?? 'zh';
  }

  async lintPaths(inputs: string[]): Promise<FileResult[]> {
    const { cwd } = this.options;
    const locale = await this.baseLocale();
    const ignoredByFile = await readIgnoreFile(cwd);
    const base = await this.loader.forDirectory(cwd);
    const ignores = base.config.ignores ?? [];
    const ignored = (abs: string): boolean => {
      if (ignoredByFile(abs)) return true;
      const rel = relative(base.dir, abs).split(sep).join('/');
      return !rel.startsWith('..') && ignores.some((p) => matchesIgnorePattern(rel, p));
    };
    const { entries } = await collectTargets(inputs, cwd, ignored);
    const results: FileResult[] = [];
    for (const entry of entries) {
      if ('error' in entry) {
        results.push(fatalResult(entry.error.path, entry.error.zh, entry.error.en, locale));
        continue;
      }
      const { target } = entry;
      const absPath = resolve(cwd, target.path);
      const settings = await this.settingsFor(absPath);
      if (settings.ignored) continue;
      results.push(await lintFile({ path: target.path, absPath, settings, typeFlag: this.options.type, limits: this.options.limits ?? DEFAULT_LIMITS, debug: this.options.debug, render: this.options.render }));
    }
    return results;
  }

  async lintBytes(bytes: Uint8Array, shownPath: string): Promise<FileResult> {
    const absPath = resolve(this.options.cwd, shownPath);
    const settings = await this.settingsFor(absPath);
    return lintFile({ path: shownPath, bytes, settings, typeFlag: this.options.type, limits: this.options.limits ?? DEFAULT_LIMITS, debug: this.options.debug, render: this.options.render });
  }
}
