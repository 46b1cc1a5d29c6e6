// Finding and reading config files with cosmiconfig: the nearest one upward from each draft wins.
import { dirname, parse, resolve } from 'node:path';
import { ConfigError, type LoadedConfig } from './types.js';
import { validateConfig } from './validate.js';

export const CONFIG_FILES = [
  'package.json',
  '.wenfengrc',
  '.wenfengrc.json',
  '.wenfengrc.yaml',
  '.wenfengrc.yml',
  '.wenfengrc.js',
  '.wenfengrc.cjs',
  '.wenfengrc.mjs',
  'wenfeng.config.js',
  'wenfeng.config.cjs',
  'wenfeng.config.mjs',
];

type Explorer = {
  search(from: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>;
  load(file: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>;
};

export interface ConfigSource {
  /** An explicit --config file (used for every draft). */
  configFile?: string;
  /** false with --no-config: built-in defaults only. */
  useConfig: boolean;
  cwd: string;
}

export class ConfigLoader {
  private explorer?: Promise<Explorer>;
  private readonly byDir = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly source: ConfigSource) {}

  private getExplorer(): Promise<Explorer> {
    // cosmiconfig is CommonJS: bundled, its exports arrive on `default`.
    this.explorer ??= import('cosmiconfig').then((mod) => (mod.cosmiconfig ?? (mod as unknown as { default: typeof mod }).default.cosmiconfig)('wenfeng', { searchPlaces: CONFIG_FILES, searchStrategy: 'global', stopDir: parse(this.source.cwd).root, cache: true }) as unknown as Explorer);
    return this.explorer;
  }

  private async read(found: { config: unknown; filepath: string; isEmpty?: boolean } | null, fallbackDir: string): Promise<LoadedConfig> {
    if (!found) return { config: {}, dir: fallbackDir };
    const config = validateConfig(found.isEmpty ? {} : found.config, found.filepath);
    return { config, filepath: found.filepath, dir: dirname(found.filepath) };
  }

  private async loadExplicit(): Promise<LoadedConfig> {
    const file = resolve(this.source.cwd, this.source.configFile!);
    try {
      return await this.read(await (await this.getExplorer()).load(file), this.source.cwd);
    } catch (error) {
      throw asConfigError(error, file);
    }
  }

  /** The config that applies to a file in `dir` (an absolute directory). */
  forDirectory(dir: string): Promise<LoadedConfig> {
    if (!this.source.useConfig) return Promise.resolve({ config: {}, dir: this.source.cwd });
    const key = this.source.configFile ? '' : dir;
    let loaded = this.byDir.get(key);
    if (!loaded) {
      loaded = this.source.configFile
        ? this.loadExplicit()
        : this.getExplorer().then(async (e) => {
            try {
              return await this.read(await e.search(dir), this.source.cwd);
            } catch (error) {
              throw asConfigError(error, dir);
            }
          });
      this.byDir.set(key, loaded);
    }
    return loaded;
  }
}

/** YAML/JSON syntax errors and missing files become one-line config errors naming the file. */
function asConfigError(error: unknown, where: string): ConfigError {
  if (error instanceof ConfigError) return error;
  const e = error as NodeJS.ErrnoException & { filepath?: string; mark?: unknown };
  if (e?.code === 'ENOENT') return new ConfigError(where, '(file)', '配置文件不存在', 'config file not found');
  const message = String(e?.message ?? error).split('\n')[0]!;
  return new ConfigError(e?.filepath ?? where, '(syntax)', `无法解析配置文件：${message}`, `cannot parse the config file: ${message}`);
}
