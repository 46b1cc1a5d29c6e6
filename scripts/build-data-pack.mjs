// Packs the rules' JSON data files (dist/data/**/*.json) into one file, dist/data/pack.u16, so that a
// run reads one file instead of one per rule, and decodes each part from UTF-16 (a copy) rather than
// UTF-8. src/text/load-data.ts reads it; files not in it (a plugin's, or any when it is missing) are
// read one by one as before.
//
// Format, UTF-16LE: one line of JSON, { "<path under data/>": [start, length], … } in 16-bit units
// counted from the start of the next line, then the files' JSON (re-serialised without whitespace:
// the same values, less to parse) one after another.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PACK_FILE = 'pack.u16';

export function buildDataPack(dataDir = new URL('../dist/data/', import.meta.url)) {
  const dir = fileURLToPath(dataDir);
  const names = readdirSync(dir, { recursive: true })
    .map((n) => String(n).split('\\').join('/'))
    .filter((n) => n.endsWith('.json') && !n.startsWith('generated/'))
    .sort();
  const index = {};
  const parts = [];
  let at = 0;
  for (const name of names) {
    const text = JSON.stringify(JSON.parse(readFileSync(dir + name, 'utf8')));
    index[name] = [at, text.length];
    parts.push(text);
    at += text.length;
  }
  const out = `${JSON.stringify(index)}\n${parts.join('')}`;
  writeFileSync(dir + PACK_FILE, Buffer.from(out, 'utf16le'));
  return { file: dir + PACK_FILE, files: names.length, bytes: out.length * 2 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(buildDataPack());
