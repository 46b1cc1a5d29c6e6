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

/** The build's data files in one (scripts/build-data-pack.mjs): UTF-16 units, an index line, the files. */
interface Pack {
  units: Uint16Array;
  /** Where the files begin in `units`. */
  body: number;
  index: Record<string, [number, number]>;
}

const PACK_FILE = 'pack.u16';
const packs = new Map<string, Pack | null>();
const utf16 = new TextDecoder('utf-16le');

/** The pack in the data folder `dir` (…/data/), read once; null where there is none (the sources, a plugin's folder, the page). */
function packIn(dir: string): Pack | null {
  let pack = packs.get(dir);
  if (pack === undefined) {
    pack = null;
    if (platform.name === 'node' && !FROM_SOURCES) {
      try {
        const bytes = platform.readData(new URL(PACK_FILE, dir));
        const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
        const units = new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 1);
        const newline = units.indexOf(0x0a);
        pack = { units, body: newline + 1, index: JSON.parse(utf16.decode(units.subarray(0, newline))) as Pack['index'] };
      } catch {
        pack = null;
      }
    }
    packs.set(dir, pack);
  }
  return pack;
}

/** A data file's text from the pack beside it, or undefined when it is not packed. */
function packedText(url: URL): string | undefined {
  const at = url.href.lastIndexOf('/data/') + '/data/'.length;
  if (at < '/data/'.length || url.protocol !== 'file:') return undefined;
  const pack = packIn(url.href.slice(0, at));
  const entry = pack?.index[url.href.slice(at)];
  if (!pack || !entry) return undefined;
  return utf16.decode(pack.units.subarray(pack.body + entry[0], pack.body + entry[0] + entry[1]));
}

function read(url: URL): unknown {
  const key = url.href;
  if (!cache.has(key)) {
    const text = packedText(url) ?? new TextDecoder().decode(platform.readData(url));
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
 * A JSON file written at build time beside the compiled matchers (rules/data/generated/), parsed; undefined
 * when there is none or we run from the sources, as for `loadCompiledMatcher`.
 */
export function loadGenerated<T>(url: URL): T | undefined {
  const bytes = readBuilt(url);
  return bytes && (JSON.parse(new TextDecoder().decode(bytes)) as T);
}

/** A file the build wrote, or undefined when there is none or we run from the sources. */
function readBuilt(url: URL): Uint8Array | undefined {
  if (FROM_SOURCES) return undefined;
  try {
    return platform.readData(url);
  } catch {
    return undefined;
  }
}

/**
 * A matcher compiled at build time (scripts/build-matchers.mjs) from a rule's data files, read with one
 * file read; undefined when there is none or we run from the sources (where it may be older than the
 * data) — the caller then compiles the data itself, with the same result. The build remakes the file
 * whenever the data or the compiling code changes, so an installed package's file is its data's.
 */
export function loadCompiledMatcher<T>(url: URL, value: (stored: unknown, index: number) => T = (v) => v as T): PhraseMatcher<T> | undefined {
  const bytes = readBuilt(url);
  return bytes && PhraseMatcher.fromBytes(bytes, value);
}
