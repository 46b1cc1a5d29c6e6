// The shape of a wenfeng config file, after validation.
import type { Locale, Severity } from '../api.js';

export type RuleSetting = Severity | [Severity, Record<string, unknown>?];

export interface PhraseRuleConfig {
  id: string;
  severity?: Severity;
  message: string | { zh: string; en: string };
  /** Literal strings, or regular expressions written "/source/flags". */
  match: string[];
  suggest?: string;
  /** Report only when the hits per thousand characters exceed this. */
  maxPerThousand?: number;
}

export interface Override {
  files: string[];
  type?: string;
  rules?: Record<string, RuleSetting>;
  pageLimits?: Record<string, unknown>;
}

export interface Config {
  rules?: Record<string, RuleSetting>;
  overrides?: Override[];
  ignores?: string[];
  plugins?: string[];
  phrases?: PhraseRuleConfig[];
  locale?: Locale;
  pageLimits?: Record<string, unknown>;
  references?: string[];
}

/** A config as loaded: where it came from matters for relative globs and plugin paths. */
export interface LoadedConfig {
  config: Config;
  /** The file it was read from (undefined for the built-in default). */
  filepath?: string;
  /** The directory globs and plugin paths are relative to. */
  dir: string;
}

export class ConfigError extends Error {
  constructor(
    readonly filepath: string,
    readonly keyPath: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${filepath}: ${keyPath}: ${en}`);
    this.name = 'ConfigError';
  }
}
