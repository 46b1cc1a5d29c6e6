// The build packs the rules' JSON data into dist/data/pack.u16 (scripts/build-data-pack.mjs), which the
// bundle's loadData reads instead of the files: every file must come out of it with the very values of
// rules/data, and a data file the pack does not hold (a plugin's) must still be read from its folder.
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const DATA = new URL('../rules/data/', import.meta.url);
const DIST_DATA = new URL('../dist/data/', import.meta.url);
const names = readdirSync(DATA, { recursive: true })
  .map((n) => String(n).split('\\').join('/'))
  .filter((n) => n.endsWith('.json') && !n.startsWith('generated/'))
  .sort();
const bundle = (): Promise<{ loadData<T>(url: URL): T }> => import(new URL('../dist/index.js', import.meta.url).href);

describe('dist/data/pack.u16', () => {
  test('holds every JSON file of rules/data, each parsing to the same value', () => {
    const bytes = readFileSync(new URL('pack.u16', DIST_DATA));
    const text = bytes.toString('utf16le');
    const newline = text.indexOf('\n');
    const index = JSON.parse(text.slice(0, newline)) as Record<string, [number, number]>;
    expect(Object.keys(index).sort()).toEqual(names);
    for (const name of names) {
      const [start, length] = index[name]!;
      const packed = JSON.parse(text.slice(newline + 1 + start, newline + 1 + start + length));
      expect(packed, name).toEqual(JSON.parse(readFileSync(new URL(name, DATA), 'utf8')));
    }
  });

  test("the bundle's loadData gives each file's values", async () => {
    const { loadData } = await bundle();
    for (const name of names) expect(loadData(new URL(name, DIST_DATA)), name).toEqual(JSON.parse(readFileSync(new URL(name, DATA), 'utf8')));
  });

  const dir = mkdtempSync(join(tmpdir(), 'wenfeng-data-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a plugin's data file, in a data/ folder with no pack, is read from the file", async () => {
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'mine.json'), JSON.stringify({ phrases: ['本单位自定用语'] }));
    const { loadData } = await bundle();
    expect(loadData(pathToFileURL(join(dir, 'data', 'mine.json')))).toEqual({ phrases: ['本单位自定用语'] });
  });
});
