// Reading a rule's data file (rules/data/*.json) once, from the source tree or the installed package.
import { platform } from '../platform/index.js';

const cache = new Map<string, unknown>();

/** `url` is resolved by the caller, e.g. `new URL('./data/x.json', import.meta.url)` from rules/. */
export function loadData<T>(url: URL): T {
  const key = url.href;
  if (!cache.has(key)) cache.set(key, JSON.parse(new TextDecoder().decode(platform.readData(url))));
  return cache.get(key) as T;
}
