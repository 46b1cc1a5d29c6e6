#!/usr/bin/env node
// What one short run of wenfeng costs on top of starting Node, case by case, each ratio measured side by
// side with its floor in the same interleaved rounds (medians of wall and CPU time):
//
//   node bench/cold-start.mjs [--reps 15] [--base <other built checkout>]
//
//   --version and a 2,000-character draft on stdin   vs  `node -e 0`            (targets ≤ 1.2×, ≤ 1.6×)
//   the 60-page .docx                                 vs  bench/floor-docx.mjs  (target ≤ 2.5×)
//   the 60-page .docx, first lint of a process        vs  a warm lint in it    (target ≤ 1.5×, bench/breakdown.mjs)
//   with --base: the 10-page .docx                    vs  the same on the other build (target ≤ 1.3×)
//
// Beside time, each case's minor page faults (median) and what they cost on this machine.
// Lints run on the built dist/ (npm run build first). Inputs come from bench/make-inputs.mjs.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BENCH, ROOT, median, measureGroup, nodeCommand, round, table } from './lib.mjs';
import { INPUTS, makeInputs } from './make-inputs.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const reps = Number(opt('--reps') ?? 15);
const base = opt('--base') && path.resolve(opt('--base'));
if (base && !existsSync(path.join(base, 'bin/wenfeng.js'))) {
  console.error(`--base ${base}: not a built wenfeng checkout`);
  process.exit(2);
}
const manifest = makeInputs();
const input = (key) => path.join(INPUTS, manifest.long[key].file);
const CLI = path.join(ROOT, 'bin/wenfeng.js');
const lint = (label, file, cli = CLI) => nodeCommand(label, [cli, file, '--format', 'json', '--no-config'], { okCodes: [0, 1] });

const rows = [];
const row = (name, m, floorName, f, target) => {
  const ratio = m.median / f.median;
  const cpuRatio = m.cpuMedian / f.cpuMedian;
  rows.push({ name, ms: m.median, cpu: m.cpuMedian, faults: m.faultsMedian, floorName, floorMs: f.median, floorCpu: f.cpuMedian, floorFaults: f.faultsMedian, ratio, cpuRatio, target, met: ratio <= target, metByCpu: cpuRatio <= target });
};

const bare = nodeCommand('node -e 0', ['-e', '0']);
const version = nodeCommand('wenfeng --version', [CLI, '--version']);
const stdin = nodeCommand('wenfeng --stdin (2,000 chars)', [CLI, '--stdin', '--stdin-filename', 'draft.txt', '--format', 'json', '--no-config'], { stdinFile: path.join(INPUTS, 'stdin-2000.txt'), okCodes: [0, 1] });
// Each start-up case is measured beside the bare start on its own: interleaved with the heavier stdin
// lint, the two short processes came out 30 % apart, alone they are 3 % apart (the short ones are
// sensitive to what ran just before them).
let m = measureGroup([bare, version], { reps, warmup: 2 });
row('wenfeng --version', m.get(version.label), 'node -e 0', m.get(bare.label), 1.2);
m = measureGroup([bare, stdin], { reps, warmup: 2 });
row('lint 2,000 chars from stdin', m.get(stdin.label), 'node -e 0', m.get(bare.label), 1.6);

const docx60 = lint('wenfeng docx-60p', input('docx-60'));
const floor60 = nodeCommand('floor-docx', [path.join(BENCH, 'floor-docx.mjs'), input('docx-60')]);
m = measureGroup([floor60, docx60], { reps, warmup: 1 });
row('.docx 60 pages', m.get(docx60.label), 'floor-docx.mjs', m.get(floor60.label), 2.5);

// First lint of a process against a warm one, in one process each time (bench/breakdown.mjs).
const firsts = [];
const warms = [];
for (let i = 0; i < Math.max(5, Math.ceil(reps / 2)); i++) {
  const r = spawnSync(process.execPath, [path.join(BENCH, 'breakdown.mjs'), input('docx-60')], { cwd: ROOT, encoding: 'utf8' });
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  firsts.push(out.firstLintMs);
  warms.push(out.warmLintMs);
}
rows.push({
  name: '.docx 60 pages, first lint in a process', ms: median(firsts), floorName: 'a warm lint (same process)', floorMs: median(warms),
  ratio: median(firsts) / median(warms), target: 1.5, met: median(firsts) / median(warms) <= 1.5,
});

if (base) {
  const mine = lint('this build', input('docx-10'));
  const theirs = lint('base build', input('docx-10'), path.join(base, 'bin/wenfeng.js'));
  m = measureGroup([theirs, mine], { reps, warmup: 1 });
  row('.docx 10 pages', m.get(mine.label), `${path.basename(base)} build`, m.get(theirs.label), 1.3);
}

const ms = (x) => (x === undefined ? '' : `${round(x)} ms`);
console.log(`${reps} runs each, interleaved; medians. load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
console.log(table(rows, [
  { title: 'case', get: (r) => r.name },
  { title: 'median', right: true, get: (r) => ms(r.ms) },
  { title: 'floor', get: (r) => `${ms(r.floorMs)}  ${r.floorName}` },
  { title: 'ratio', right: true, get: (r) => `${r.ratio.toFixed(2)}×` },
  { title: 'target', get: (r) => `≤ ${r.target}×` },
  { title: 'met?', get: (r) => (r.met ? 'yes' : 'NO') },
  { title: 'CPU case/floor', right: true, get: (r) => (r.cpu === undefined ? '' : `${Math.round(r.cpu)}/${Math.round(r.floorCpu)} ms`) },
  { title: 'CPU ratio', right: true, get: (r) => (r.cpuRatio === undefined ? '' : `${r.cpuRatio.toFixed(2)}×`) },
  { title: 'page faults case/floor', right: true, get: (r) => (r.faults === undefined ? '' : `${r.faults}/${r.floorFaults}`) },
]));

// Every page a run touches for the first time is a minor fault, paid in the kernel (system CPU). Where a
// fault is dear (a virtual machine), the memory a case reads and allocates beyond its floor is a share of
// its ratio that no change to the code's speed removes.
const cost = JSON.parse(spawnSync(process.execPath, [path.join(BENCH, 'page-fault-cost.cjs')], { encoding: 'utf8' }).stdout);
console.log(`\nA minor page fault costs ${cost.usPerFault} µs here (bench/page-fault-cost.cjs). Faults beyond the floor, at that cost:`);
for (const r of rows.filter((x) => x.faults !== undefined)) {
  const extra = r.faults - r.floorFaults;
  console.log(`  ${r.name}: ${extra} → ~${Math.round((extra * cost.usPerFault) / 1000)} ms of the ${Math.round(r.ms - r.floorMs)} ms above the floor`);
}
