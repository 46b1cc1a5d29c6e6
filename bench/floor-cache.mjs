#!/usr/bin/env node
// Floor of a --cache run where every draft is a hit: list the folder, stat every draft, read and parse
// the cache file, and print the cached results as JSON — what a hit cannot avoid doing.
//   node bench/floor-cache.mjs <dir> <cache-file>
import fs from 'node:fs/promises';
import path from 'node:path';

const [dir, cacheFile] = process.argv.slice(2);
const cache = JSON.parse(await fs.readFile(cacheFile, 'utf8'));
const names = (await fs.readdir(dir)).sort();
const results = [];
let hits = 0;
for (const name of names) {
  const abs = path.resolve(dir, name);
  const info = await fs.stat(abs);
  const entry = cache.entries?.[abs];
  if (entry && entry.size === info.size && entry.mtimeMs === info.mtimeMs) {
    hits++;
    results.push(structuredClone(entry.result));
  }
}
process.stdout.write(`${JSON.stringify({ version: 1, files: results })}\n`);
if (hits !== names.length) process.stderr.write(`floor-cache: ${hits} of ${names.length} drafts found in the cache\n`);
