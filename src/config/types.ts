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
  format?: Record<string, unknown>;
}

export interface Config {
  rules?: Record<string, RuleSetting>;
  overrides?: Override[];
  ignores?: string[];
  plugins?: string[];
  phrases?: PhraseRuleConfig[];
  locale?: Locale;
  pageLimits?: Record<string, unknown>;
  /** GB/T 9704 format preset and overrides for the format-* rules: { preset: gbt9704-strict, page: {…}, fonts: {…} }. */
  format?: Record<string, unknown>;
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
    /** Where in the file, for syntax errors (1-based). */
    readonly position?: { line: number; column: number },
  ) {
    super(`${filepath}${position ? `:${position.line}:${position.column}` : ''}: ${keyPath}: ${en}`);
    this.name = 'ConfigError';
  }

  /** Every error this stands for (a list of several, or itself). */
  get all(): ConfigError[] {
    return [this];
  }

  /** One line for the user: file[:line:column]: key: message. */
  line(locale: Locale): string {
    const where = this.position ? `${this.filepath}:${this.position.line}:${this.position.column}` : this.filepath;
    return `${where}: ${this.keyPath}: ${locale === 'en' ? this.en : this.zh}`;
  }
}

/** Several config errors found at once: all are reported, not just the first. */
export class ConfigErrorList extends ConfigError {
  constructor(readonly errors: ConfigError[]) {
    super(errors[0]!.filepath, errors[0]!.keyPath, errors[0]!.zh, errors[0]!.en, errors[0]!.position);
    this.message = errors.map((e) => e.message).join('\n');
  }

  override get all(): ConfigError[] {
    return this.errors.flatMap((e) => e.all);
  }
}

/** Throws what `errors` holds: nothing, the one error, or all of them together. */
export function throwAll(errors: ConfigError[]): void {
  const flat = errors.flatMap((e) => e.all);
  const unique = [...new Map(flat.map((e) => [e.message, e])).values()];
  if (unique.length === 1) throw unique[0];
  if (unique.length > 1) throw new ConfigErrorList(unique);
}
