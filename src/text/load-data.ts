// Reading a rule's data file (rules/data/*.json) once, from the source tree or the installed package.
import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

/** `url` is resolved by the caller, e.g. `new URL('./data/x.json', import.meta.url)` from rules/. */
export function loadData<T>(url: URL): T {
  const key = url.href;
  if (!cache.has(key)) cache.set(key, JSON.parse(readFileSync(url, 'utf8')));
  return cache.get(key) as T;
}
