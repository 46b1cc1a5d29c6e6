// The page (dist/web/wenfeng.html) against the CLI, in Debian's chromium: medians of
//  - loading the page from file:// (until the load event, and until its engine worker is ready);
//  - the report of the 10-page .docx (seed 002) in a freshly loaded page, from picking the file to the
//    report shown, against `wenfeng <file> --format json --no-config` as a new process;
//  - the first PDF (pdf.js compiled from the page's copy) against the CLI on the same PDF.
// Runs are interleaved (page, CLI, page, …) so load on a shared machine hits both alike. Besides wall
// time, CPU time: the CLI's whole process (bench/rusage.cjs), the browser's whole process tree (/proc)
// from picking the file to the report shown — on a loaded machine wall times move, CPU times hardly do.
// Usage: node bench/web.mjs [--runs N]   (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** User + system CPU ms of a process's descendants (the browser this script launched), from Linux /proc at 100 ticks a second. */
function treeCpuMs(rootPid, descendantsOnly) {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  let total = descendantsOnly ? -(procs.get(rootPid)?.cpu ?? 0) : 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += procs.get(pid)?.cpu ?? 0;
    for (const [child, p] of procs) if (p.ppid === pid) stack.push(child);
  }
  return total * 10;
}

async function pageRun(file) {
  const page = await browser.newPage();
  const t0 = performance.now();
  await page.goto(pathToFileURL(PAGE).href);
  const loaded = performance.now() - t0;
  await page.waitForFunction(() => document.querySelectorAll('#rules tr').length > 0);
  const ready = performance.now() - t0;
  const t1 = performance.now();
  const cpu0 = treeCpuMs(process.pid, true);
  await page.setInputFiles('#pick', file);
  await page.waitForFunction(() => document.body.dataset.idle === 'true' && document.querySelector('#files li[data-state="done"]'));
  await page.frameLocator('#report').locator('section.file').first().waitFor();
  const report = performance.now() - t1;
  const cpu = treeCpuMs(process.pid, true) - cpu0;
  await page.close();
  return { loaded, ready, report, cpu };
}

const rusageDir = mkdtempSync(join(tmpdir(), 'wenfeng-bench-web-'));
let cliCount = 0;

function cliRun(file) {
  const usage = join(rusageDir, `${cliCount++}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', join(root, 'bench', 'rusage.cjs'), join(root, 'bin', 'wenfeng.js'), file, '--format', 'json', '--no-config'], { encoding: 'utf8', env: { ...process.env, WENFENG_BENCH_RUSAGE: usage } });
  const wall = performance.now() - t0;
  if (r.status !== 1 && r.status !== 0) throw new Error(r.stderr);
  const [user, sys] = readFileSync(usage, 'utf8').trim().split(' ').map(Number);
  return { wall, cpu: (user + sys) / 1000 };
}

const results = { docx: { page: [], cli: [], pageCpu: [], cliCpu: [], loaded: [], ready: [] }, pdf: { page: [], cli: [], pageCpu: [], cliCpu: [] } };
await pageRun(DOCX); // warm-up: the browser's own start and disk cache
cliRun(DOCX);
for (let i = 0; i < runs; i++) {
  const d = await pageRun(DOCX);
  results.docx.page.push(d.report);
  results.docx.pageCpu.push(d.cpu);
  results.docx.loaded.push(d.loaded);
  results.docx.ready.push(d.ready);
  const c = cliRun(DOCX);
  results.docx.cli.push(c.wall);
  results.docx.cliCpu.push(c.cpu);
  const p = await pageRun(PDF);
  results.pdf.page.push(p.report);
  results.pdf.pageCpu.push(p.cpu);
  const q = cliRun(PDF);
  results.pdf.cli.push(q.wall);
  results.pdf.cliCpu.push(q.cpu);
}
await browser.close();
rmSync(rusageDir, { recursive: true, force: true });

const ms = (x) => `${Math.round(x)} ms`;
const size = (f) => `${(statSync(f).size / 1024 / 1024).toFixed(1)} MB`;
console.log(`page ${size(PAGE)}; ${runs} interleaved runs, medians`);
console.log(`page load (file://, load event)     ${ms(median(results.docx.loaded))}   target < 2 s`);
console.log(`page load until the engine is ready ${ms(median(results.docx.ready))}`);
const line = (label, r, target) => {
  const wall = median(r.page) / median(r.cli);
  const cpu = median(r.pageCpu) / median(r.cliCpu);
  console.log(`${label}: page ${ms(median(r.page))} wall / ${ms(median(r.pageCpu))} CPU, CLI ${ms(median(r.cli))} wall / ${ms(median(r.cliCpu))} CPU — ratio ${wall.toFixed(2)}× wall, ${cpu.toFixed(2)}× CPU${target}`);
};
line('10-page .docx', results.docx, '   target ≤ 1.5×');
line('10-page .pdf (the first PDF of a fresh page: pdf.js compiled)', results.pdf, '');
const med = (r) => ({ page: median(r.page), pageCpu: median(r.pageCpu), cli: median(r.cli), cliCpu: median(r.cliCpu) });
console.log(JSON.stringify({ loaded: median(results.docx.loaded), ready: median(results.docx.ready), docx: med(results.docx), pdf: med(results.pdf) }));
