// The package's public entry: the rule/plugin API and a programmatic lint.
export * from './plugin-api.js';
export { LintSession, type SessionOptions } from './engine/session.js';
export type { FileResult, LintMessage, DocTypeInfo } from './engine/result.js';
export type { Config } from './config/types.js';

import { LintSession } from './engine/session.js';
import type { FileResult } from './engine/result.js';

/** Lints files, directories or globs as the CLI does (config discovered from each file). */
export async function lintFiles(paths: string[], options: { cwd?: string; config?: string | false } = {}): Promise<FileResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const session = new LintSession({ cwd, useConfig: options.config !== false, configFile: typeof options.config === 'string' ? options.config : undefined });
  return session.lintPaths(paths);
}

/** Lints text as if it were a file named `filename` (its extension picks the format). */
export async function lintText(text: string, filename = 'draft.txt', options: { cwd?: string; config?: string | false } = {}): Promise<FileResult> {
  const cwd = options.cwd ?? process.cwd();
  const session = new LintSession({ cwd, useConfig: options.config !== false, configFile: typeof options.config === 'string' ? options.config : undefined });
  return session.lintBytes(new TextEncoder().encode(text), filename);
}
