// Built-in formatters by name, each loaded only when asked for; `--format ./file.js` loads one from a file.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from '../platform/import-module.js';
import type { Formatter } from './types.js';

const BUILTIN: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  compact: async () => (await import('./compact.js')).compact,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  html: async () => (await import('./html.js')).html,
};

export const FORMATTER_NAMES = Object.keys(BUILTIN);

export async function loadFormatter(name: string, cwd: string): Promise<Formatter | undefined> {
  const builtin = BUILTIN[name];
  if (builtin) return builtin();
  if (!/[/\\]|\.[cm]?js$/.test(name)) return undefined;
  const mod = await importModule(pathToFileURL(resolve(cwd, name)).href);
  const fn = typeof mod.default === 'function' ? mod.default : mod.format;
  return typeof fn === 'function' ? fn : undefined;
}
