// Reading a rule's data file (rules/data/*.json) once, from the source tree or the installed package,
// and the matchers a build step compiled from such files ahead of time (rules/data/generated/).
import { platform } from '../platform/index.js';
import { PhraseMatcher } from './phrase-matcher.js';

const cache = new Map<string, unknown>();

/** Bumped when the compiled form changes: files of an older form are not read. */
const COMPILED_FORM = 1;

/** FNV-1a over UTF-16 code units: a change in the data changes the stamp. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** What a compiled matcher records of the data it was compiled from: its form, length and hash. */
export const stampOfText = (text: string): string => `${COMPILED_FORM}:${text.length}:${fnv(text).toString(16)}`;

function read(url: URL): unknown {
  const key = url.href;
  if (!cache.has(key)) {
    const text = new TextDecoder().decode(platform.readData(url));
    cache.set(key, JSON.parse(text));
  }
  return cache.get(key);
}

/** `url` is resolved by the caller, e.g. `new URL('./data/x.json', import.meta.url)` from rules/. */
export function loadData<T>(url: URL): T {
  return read(url) as T;
}

/** Running from the TypeScript sources (tests): the sources are the truth, compiled files may be stale. */
const FROM_SOURCES = (import.meta.url as string | undefined)?.endsWith('.ts') ?? false;

/**
 * A matcher compiled at build time (scripts/build-matchers.mjs) from a rule's data files, read with one
 * file read; undefined when there is none or we run from the sources (where it may be older than the
 * data) — the caller then compiles the data itself, with the same result. The build remakes the file
 * whenever the data or the compiling code changes, so an installed package's file is its data's.
 */
export function loadCompiledMatcher<T>(url: URL, value: (stored: unknown, index: number) => T = (v) => v as T): PhraseMatcher<T> | undefined {
  if (FROM_SOURCES) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = platform.readData(url);
  } catch {
    return undefined;
  }
  return PhraseMatcher.fromBytes(bytes, value);
}
