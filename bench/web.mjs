// The page (dist/web/wenfeng.html) against the CLI, in Debian's chromium: medians of
//  - loading the page from file:// (until the load event, and until its engine worker is ready);
//  - the report of the 10-page .docx (seed 002) in a freshly loaded page, from picking the file to the
//    report shown, against `wenfeng <file> --format json --no-config` as a new process;
//  - the first PDF (pdf.js compiled from the page's copy) against the CLI on the same PDF.
// Runs are interleaved (page, CLI, page, …) so load on a shared machine hits both alike.
// Usage: node bench/web.mjs [--runs N]   (after npm run build)
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const PAGE = join(root, 'dist', 'web', 'wenfeng.html');
const DOCX = join(root, 'fixtures', 'seeds', '002-city-report.docx');
const PDF = join(root, 'fixtures', 'seeds', '002-city-report.pdf');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });

async function pageRun(file) {
  const page = await browser.newPage();
  const t0 = performance.now();
  await page.goto(pathToFileURL(PAGE).href);
  const loaded = performance.now() - t0;
  await page.waitForFunction(() => document.querySelectorAll('#rules tr').length > 0);
  const ready = performance.now() - t0;
  const t1 = performance.now();
  await page.setInputFiles('#pick', file);
  await page.waitForFunction(() => document.body.dataset.idle === 'true' && document.querySelector('#files li[data-state="done"]'));
  await page.frameLocator('#report').locator('section.file').first().waitFor();
  const report = performance.now() - t1;
  await page.close();
  return { loaded, ready, report };
}

function cliRun(file) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'wenfeng.js'), file, '--format', 'json', '--no-config'], { encoding: 'utf8' });
  if (r.status !== 1 && r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
}

const results = { docx: { page: [], cli: [], loaded: [], ready: [] }, pdf: { page: [], cli: [] } };
await pageRun(DOCX); // warm-up: the browser's own start and disk cache
cliRun(DOCX);
for (let i = 0; i < runs; i++) {
  const d = await pageRun(DOCX);
  results.docx.page.push(d.report);
  results.docx.loaded.push(d.loaded);
  results.docx.ready.push(d.ready);
  results.docx.cli.push(cliRun(DOCX));
  results.pdf.page.push((await pageRun(PDF)).report);
  results.pdf.cli.push(cliRun(PDF));
}
await browser.close();

const ms = (x) => `${Math.round(x)} ms`;
const size = (f) => `${(statSync(f).size / 1024 / 1024).toFixed(1)} MB`;
console.log(`page ${size(PAGE)}; ${runs} interleaved runs, medians`);
console.log(`page load (file://, load event)     ${ms(median(results.docx.loaded))}   target < 2 s`);
console.log(`page load until the engine is ready ${ms(median(results.docx.ready))}`);
const docxRatio = median(results.docx.page) / median(results.docx.cli);
console.log(`10-page .docx: page ${ms(median(results.docx.page))}, CLI ${ms(median(results.docx.cli))}, ratio ${docxRatio.toFixed(2)}×   target ≤ 1.5×`);
const pdfRatio = median(results.pdf.page) / median(results.pdf.cli);
console.log(`10-page .pdf (first PDF of the page): page ${ms(median(results.pdf.page))}, CLI ${ms(median(results.pdf.cli))}, ratio ${pdfRatio.toFixed(2)}×`);
console.log(JSON.stringify({ loaded: median(results.docx.loaded), ready: median(results.docx.ready), docx: { page: median(results.docx.page), cli: median(results.docx.cli) }, pdf: { page: median(results.pdf.page), cli: median(results.pdf.cli) } }));
