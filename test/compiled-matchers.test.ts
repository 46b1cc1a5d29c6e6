// The matchers compiled at build time (rules/data/generated/*.matcher, scripts/build-matchers.mjs) must be
// those of today's data: a file compiled from older data (or by older code) fails here, and the file
// read back finds what compiling the data at run time finds, hit for hit, on real drafts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileDictionary, digestDictionary, digestEntries, type Dictionary } from '../rules/boilerplate.js';
import { COMPILED_MATCHERS, generateCompiledMatchers } from '../rules/compiled-matchers.js';
import { PhraseMatcher } from '../src/text/phrase-matcher.js';

const DATA = new URL('../rules/data/', import.meta.url);
const GENERATED = new URL('../rules/data/generated/', import.meta.url);
const readData = (name: string): string => readFileSync(new URL(name, DATA), 'utf8');

/** Every paragraph of the seeds and the good and bad fixtures: real 公文 text, formulas and slogans included. */
const PARAGRAPHS = ['../fixtures/seeds/', '../fixtures/good/', '../fixtures/bad/']
  .map((dir) => new URL(dir, import.meta.url))
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8')))
  .flatMap((text) => text.split('\n'))
  .filter((line) => line.trim());

describe('compiled matchers in rules/data/generated', () => {
  const fresh = generateCompiledMatchers(readData);

  for (const { file, bytes } of fresh) {
    test(`${file} is compiled from the current data (else: npm run build)`, () => {
      const path = new URL(file, GENERATED);
      expect(existsSync(path), `${file} is missing: npm run build makes it`).toBe(true);
      const onDisk = new Uint8Array(readFileSync(path));
      // Compared as bytes: any change in the data or in the compiling code shows.
      expect(onDisk.length === bytes.length && Buffer.compare(onDisk, bytes) === 0, `${file} is stale: npm run build remakes it`).toBe(true);
    });
  }

  for (const m of COMPILED_MATCHERS) {
    test(`${m.file} read back finds what the data compiled at run time finds`, () => {
      const { matcher, value } = m.compile(m.data.map((name) => JSON.parse(readData(name))));
      const loaded = PhraseMatcher.fromBytes(readFileSync(new URL(m.file, GENERATED)));
      expect(loaded.size).toBe(matcher.size);
      let hits = 0;
      for (const text of PARAGRAPHS) {
        const want = matcher.find(text).map((h) => ({ start: h.start, end: h.end, value: value(h.value) }));
        hits += want.length;
        expect(loaded.find(text)).toEqual(want);
      }
      // The drafts do hold what each dictionary lists.
      expect(hits).toBeGreaterThan(0);
    });
  }

  test('boilerplate.entries gives back the entries the compiled matcher indexes, sources aside', () => {
    const dict = JSON.parse(readData('boilerplate.json')) as Dictionary;
    const want = compileDictionary(dict).entries.map(({ source: _source, ...e }) => e);
    const digest = JSON.parse(JSON.stringify(digestDictionary(dict))) as ReturnType<typeof digestDictionary>;
    expect(want.length).toBeGreaterThan(1000);
    expect(digestEntries(digest)).toEqual(want);
    expect(digest.leadIn).toEqual(dict.leadIn);
    expect(digest.slots).toEqual(dict.slots);
  });

  test('a compiled matcher refuses bytes that are not one', () => {
    expect(() => PhraseMatcher.fromBytes(new TextEncoder().encode('{"not": "a matcher"}'))).toThrow(/not a compiled phrase matcher/);
  });
});
