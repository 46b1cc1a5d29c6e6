// Built-in formatters by name; `--format ./file.js` loads one from a file.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const BUILTIN_FORMATTERS: Record<string, Formatter> = { stylish, compact, json, sarif, github, junit, html };

export async function loadFormatter(name: string, cwd: string): Promise<Formatter | undefined> {
  if (BUILTIN_FORMATTERS[name]) return BUILTIN_FORMATTERS[name];
  if (!/[/\\]|\.[cm]?js$/.test(name)) return undefined;
  const mod = await import(pathToFileURL(resolve(cwd, name)).href);
  const fn = typeof mod.default === 'function' ? mod.default : mod.format;
  return typeof fn === 'function' ? fn : undefined;
}
