// Finding and reading config files: the nearest one upward from each draft wins; with none, the user's
// own config in ~/.config/wenfeng (XDG_CONFIG_HOME). A project config that cannot be read is an error
// naming the file, the position and the cause; a home config that cannot be read is only a warning,
// so a broken ~/.config never stops a run.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { notARegularFile } from '../files/regular-file.js';
import { parseConfigFile } from './parse.js';
import { ConfigError, throwAll, type LoadedConfig } from './types.js';
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

/** The user's own config, used where no project config is found. */
export const HOME_CONFIG_FILES = ['config', 'config.json', 'config.yaml', 'config.yml', 'config.js', 'config.cjs', 'config.mjs'];

export function homeConfigDir(): string {
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'wenfeng');
}

export interface ConfigSource {
  /** An explicit --config file (used for every draft). */
  configFile?: string;
  /** false with --no-config: built-in defaults only. */
  useConfig: boolean;
  cwd: string;
}

export interface ConfigWarning {
  path: string;
  zh: string;
  en: string;
}

/** Errors that mean "nothing here", not "something here is broken". */
const ABSENT = new Set(['ENOENT', 'ENOTDIR']);

function readError(file: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException)?.code ?? 'EIO';
  const [zh, en] = code === 'EACCES' || code === 'EPERM' ? ['没有读取权限', 'permission denied'] : code === 'ELOOP' ? ['符号链接循环', 'symbolic link loop'] : [`无法读取（${code}）`, `cannot read (${code})`];
  return new ConfigError(file, '(file)', `无法读取配置文件：${zh}`, `cannot read the config file: ${en}`);
}

/** The config in `file`, undefined when there is none (absent, or a package.json without "wenfeng"). */
async function readConfig(file: string): Promise<LoadedConfig | undefined> {
  let refused;
  try {
    refused = await notARegularFile(file);
  } catch (error) {
    if (ABSENT.has((error as NodeJS.ErrnoException)?.code ?? '')) return undefined;
    throw readError(file, error);
  }
  if (refused?.code === 'eisdir') return undefined;
  if (refused) throw new ConfigError(file, '(file)', `无法读取配置文件：${refused.zh}`, `cannot read the config file: ${refused.en}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw readError(file, error);
  }
  let raw: unknown;
  try {
    raw = await parseConfigFile(file, text);
  } catch (error) {
    if (Array.isArray(error)) throwAll(error);
    throw error;
  }
  if (raw === undefined) return undefined;
  const config = await validateConfig(raw ?? {}, file);
  return { config, filepath: file, dir: dirname(file) };
}

export class ConfigLoader {
  private readonly byDir = new Map<string, Promise<LoadedConfig | undefined>>();
  private home?: Promise<LoadedConfig | undefined>;
  /** A home config that could not be read: said once, never fatal. */
  readonly warnings: ConfigWarning[] = [];

  constructor(private readonly source: ConfigSource) {}

  /** The nearest project config at or above `dir`, cached per directory. */
  private nearest(dir: string): Promise<LoadedConfig | undefined> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_FILES) {
          const loaded = await readConfig(join(dir, name));
          if (loaded) return loaded;
        }
        const parent = dirname(dir);
        return parent === dir ? undefined : this.nearest(parent);
      })();
      this.byDir.set(dir, found);
    }
    return found;
  }

  private homeConfig(): Promise<LoadedConfig | undefined> {
    this.home ??= (async () => {
      const dir = homeConfigDir();
      for (const name of HOME_CONFIG_FILES) {
        try {
          const loaded = await readConfig(join(dir, name));
          if (loaded) return loaded;
        } catch (error) {
          for (const e of error instanceof ConfigError ? error.all : []) this.warnings.push({ path: e.position ? `${e.filepath}:${e.position.line}:${e.position.column}` : e.filepath, zh: `已忽略用户配置：${e.zh}`, en: `user config ignored: ${e.en}` });
          if (!(error instanceof ConfigError)) throw error;
          return undefined;
        }
      }
      return undefined;
    })();
    return this.home;
  }

  private explicit?: Promise<LoadedConfig>;

  private loadExplicit(): Promise<LoadedConfig> {
    this.explicit ??= (async () => {
      const file = resolve(this.source.cwd, this.source.configFile!);
      const loaded = await readConfig(file);
      if (loaded) return loaded;
      const exists = await notARegularFile(file).then(() => true, () => false);
      if (!exists) throw new ConfigError(file, '(file)', '配置文件不存在', 'config file not found');
      return { config: {}, filepath: file, dir: dirname(file) };
    })();
    return this.explicit;
  }

  /** The config that applies to a file in `dir` (an absolute directory). */
  async forDirectory(dir: string): Promise<LoadedConfig> {
    if (!this.source.useConfig) return { config: {}, dir: this.source.cwd };
    if (this.source.configFile) return this.loadExplicit();
    return (await this.nearest(dir)) ?? (await this.homeConfig()) ?? { config: {}, dir: this.source.cwd };
  }
}
