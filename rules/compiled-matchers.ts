// The matchers compiled at build time into rules/data/generated/ (scripts/build-matchers.mjs writes them;
// test/compiled-matchers.test.ts fails when one no longer matches its data). Each is compiled by the
// very function its rule falls back on, so the file and the fallback cannot disagree.
import { stampOfText } from '../src/text/load-data.js';
import type { PhraseMatcher } from '../src/text/phrase-matcher.js';
import { compileDictionary, digestDictionary, type Dictionary } from './boilerplate.js';
import { compileSlogans, type SloganData } from './closing-slogan.js';
import { compilePreambleMatchers, type PreambleData } from './preamble.js';
import { LISTS, compileTypoLists, type CompactEntry, type TypoEntry } from './typo.js';

export interface CompiledMatcher {
  /** File name under rules/data/generated/. */
  file: string;
  /** Its data files under rules/data/. */
  data: string[];
  /** The matcher from the parsed data files, and how each phrase's value is written. */
  compile(data: unknown[]): { matcher: PhraseMatcher<unknown>; value: (v: unknown) => unknown };
  /** Files written beside the matcher (JSON under rules/data/generated/): what a run needs besides it. */
  beside?(data: unknown[]): Array<{ file: string; json: unknown }>;
}

export const COMPILED_MATCHERS: CompiledMatcher[] = [
  {
    file: 'boilerplate.matcher',
    data: ['boilerplate.json'],
    compile([dict]) {
      const { matcher, entries } = compileDictionary(dict as Dictionary);
      const index = new Map<unknown, number>(entries.map((e, i) => [e, i]));
      return { matcher: matcher as PhraseMatcher<unknown>, value: (e) => index.get(e) };
    },
    beside: ([dict]) => [{ file: 'boilerplate.entries', json: digestDictionary(dict as Dictionary) }],
  },
  {
    file: 'closing-slogan.matcher',
    data: ['closing-slogan.json'],
    compile([slogans]) {
      return { matcher: compileSlogans(slogans as SloganData) as PhraseMatcher<unknown>, value: (v) => v };
    },
  },
  {
    file: 'preamble-framed.matcher',
    data: ['preamble.json'],
    compile([d]) {
      return { matcher: compilePreambleMatchers(d as PreambleData).framed as PhraseMatcher<unknown>, value: (v) => v };
    },
  },
  {
    file: 'preamble-framing.matcher',
    data: ['preamble.json'],
    compile([d]) {
      return { matcher: compilePreambleMatchers(d as PreambleData).framing as PhraseMatcher<unknown>, value: (v) => v };
    },
  },
  {
    file: 'typo.matcher',
    data: ['typos.json', ...LISTS.map((list) => `typo/${list}.json`)],
    compile([typos, ...lists]) {
      const matcher = compileTypoLists(typos as { entries: TypoEntry[] }, lists as Array<{ entries: CompactEntry[] }>);
      return { matcher: matcher as PhraseMatcher<unknown>, value: (v) => v };
    },
  },
];

/** Every compiled matcher's bytes, from the data files' text (`readData(name)` reads rules/data/<name>). */
export function generateCompiledMatchers(readData: (name: string) => string): Array<{ file: string; bytes: Uint8Array }> {
  const encoder = new TextEncoder();
  return COMPILED_MATCHERS.flatMap((m) => {
    const texts = m.data.map(readData);
    const { matcher, value } = m.compile(texts.map((t) => JSON.parse(t)));
    const beside = m.beside?.(texts.map((t) => JSON.parse(t))) ?? [];
    return [{ file: m.file, bytes: matcher.toBytes(value, texts.map(stampOfText).join(' ')) }, ...beside.map((b) => ({ file: b.file, bytes: encoder.encode(JSON.stringify(b.json)) }))];
  });
}
