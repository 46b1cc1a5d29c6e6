#!/usr/bin/env node
// What the page estimate costs next to reading the file: on a 60-page .docx (fixtures/layout/
// long-60-pages.docx, or the file given), the median of ≥ 10 runs of
//   read      bytes → readDocx (unzip, XML, styles, numbering: the facts)
//   estimate  layoutDocx on those facts (line breaking, line heights, pagination)
// printed as a table and as JSON.
//
//   node bench/layout.mjs [file.docx] [--runs N]
//
// The reader and the layout are internal modules, so they are bundled from source with esbuild
// (a devDependency) into a temporary file first.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = Math.max(10, runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 21);
const file = path.resolve(args[0] ?? path.join(ROOT, 'fixtures/layout/long-60-pages.docx'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-bench-layout-'));
try {
  const entry = path.join(tmp, 'entry.ts');
  fs.writeFileSync(entry, [
    `export { readDocx } from ${JSON.stringify(path.join(ROOT, 'src/readers/docx/index.ts'))};`,
    `export { layoutDocx } from ${JSON.stringify(path.join(ROOT, 'src/layout/docx/index.ts'))};`,
  ].join('\n'));
  const outfile = path.join(tmp, 'bundle.mjs');
  await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  const { readDocx, layoutDocx } = await import(pathToFileURL(outfile).href);

  const bytes = new Uint8Array(fs.readFileSync(file));
  const options = { maxInflatedBytes: 256 * 1024 * 1024 };
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  // Warm up both paths (JIT), then time them alternately.
  let facts;
  for (let i = 0; i < 10; i++) layoutDocx((facts = (await readDocx(bytes, file, options)).layout));
  const read = [];
  const estimate = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    facts = (await readDocx(bytes, file, options)).layout;
    const t1 = performance.now();
    pages = layoutDocx(facts).pages;
    const t2 = performance.now();
    read.push(t1 - t0);
    estimate.push(t2 - t1);
  }
  const r = median(read);
  const e = median(estimate);
  const result = {
    file: path.relative(ROOT, file) || file,
    bytes: bytes.length,
    pages,
    runs,
    readMs: Math.round(r * 100) / 100,
    estimateMs: Math.round(e * 100) / 100,
    estimateShareOfRead: Math.round((e / r) * 1000) / 1000,
  };
  console.log(`${result.file}: ${(bytes.length / 1024).toFixed(0)} KiB, ${pages} pages, median of ${runs} runs`);
  console.log('');
  console.log('step       median ms');
  console.log('---------  ---------');
  console.log(`read       ${result.readMs.toFixed(2).padStart(9)}`);
  console.log(`estimate   ${result.estimateMs.toFixed(2).padStart(9)}   (${(result.estimateShareOfRead * 100).toFixed(1)} % of read)`);
  console.log('');
  console.log(JSON.stringify(result));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
