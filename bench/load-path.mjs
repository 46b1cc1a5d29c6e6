#!/usr/bin/env node
// What a one-shot run loads before and while it lints: the bundle files, the Node built-in modules and the
// data files, and the CPU time importing those bundle files alone takes (fresh processes, median).
//
//   node bench/load-path.mjs [--reps 9] [--build <built checkout>] [-- wenfeng args]
//
// Default args: a 2,000-character draft on stdin (bench/.inputs/stdin-2000.txt) with --format json
// --no-config. With --build, another checkout's bin/ and dist/ are traced instead (to compare two builds).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH, ROOT, median, round } from './lib.mjs';
import { makeInputs } from './make-inputs.mjs';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash >= 0 ? argv.slice(0, dash) : argv;
const opt = (name) => (own.includes(name) ? own[own.indexOf(name) + 1] : undefined);
const reps = Number(opt('--reps') ?? 9);
const build = path.resolve(opt('--build') ?? ROOT);
// The bench's inputs, made on first use (as cold-start.mjs does): the default run reads stdin-2000.txt.
makeInputs();
const stdinFile = path.join(BENCH, '.inputs', 'stdin-2000.txt');
const args = dash >= 0 ? argv.slice(dash + 1) : ['--stdin', '--stdin-filename', 'draft.txt', '--format', 'json', '--no-config'];

// A preload that records every module the run loads and every file it reads under a data/ folder.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wenfeng-load-path-'));
const log = path.join(tmp, 'log');
const hook = path.join(tmp, 'hook.mjs');
writeFileSync(hook, `
import { register, syncBuiltinESMExports } from 'node:module';
import fs from 'node:fs';
const log = ${JSON.stringify(log)};
register('data:text/javascript,' + encodeURIComponent(\`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, 'module ' + url + '\\\\n');
  return next(url, context);
}\`));
const read = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (/[\\\\/]data[\\\\/]/.test(String(file))) fs.appendFileSync(log, 'data ' + String(file) + '\\n');
  return read.call(this, file, ...rest);
};
syncBuiltinESMExports();
`);
// The module build is traced (WENFENG_CODE_CACHE=off): the cached script loads the same code as one file.
const run = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, path.join(build, 'bin/wenfeng.js'), ...args], {
  cwd: ROOT,
  env: { ...process.env, WENFENG_CODE_CACHE: 'off' },
  input: args.includes('--stdin') ? readFileSync(stdinFile) : undefined,
  stdio: [args.includes('--stdin') ? 'pipe' : 'ignore', 'ignore', 'pipe'],
});
if (![0, 1].includes(run.status)) throw new Error(`wenfeng exited ${run.status}: ${String(run.stderr).slice(0, 500)}`);
const lines = readFileSync(log, 'utf8').trim().split('\n');
rmSync(tmp, { recursive: true, force: true });

const dist = `${pathToFileURL(path.join(build, 'dist')).href}/`;
const bundle = lines.filter((l) => l.startsWith(`module ${dist}`)).map((l) => l.slice('module '.length));
const builtins = [...new Set(lines.filter((l) => l.startsWith('module node:')).map((l) => l.slice('module '.length)))];
const data = lines.filter((l) => l.startsWith('data ')).map((l) => l.slice('data '.length).replace(/.*[\\/]data[\\/]/, ''));
const bytes = bundle.reduce((n, url) => n + statSync(new URL(url)).size, 0);

// The CPU of importing the same bundle files, in the order the run loaded them, in fresh processes.
const importer = `const c0 = process.cpuUsage(); for (const u of ${JSON.stringify(bundle)}) await import(u); const c = process.cpuUsage(c0); console.log((c.user + c.system) / 1000);`;
const cpu = [];
for (let i = 0; i < reps; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', importer], { cwd: build, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(String(r.stderr).slice(0, 500));
  cpu.push(Number(r.stdout.trim()));
}

console.log(`wenfeng ${args.join(' ')}  (${path.relative(process.cwd(), build) || '.'}; load average ${os.loadavg()[0].toFixed(1)})`);
console.log(`  bundle files loaded: ${bundle.length}, ${round(bytes / 1024)} KB; importing them alone: median ${round(median(cpu))} ms CPU (${reps} fresh processes)`);
console.log(`  Node built-ins imported: ${builtins.map((b) => b.slice(5)).join(' ')}`);
console.log(`  data files read: ${data.length}: ${data.join(' ')}`);

// What the launcher loads instead where the build made a code cache for this Node (bin/cli-script.js):
// one script compiled from V8's cache, then its top level run.
const loader = path.join(build, 'bin/cli-script.js');
const script = path.join(build, 'dist/cli-script.js');
if (existsSync(loader) && existsSync(script)) {
  const probe = `const l = require(${JSON.stringify(loader)}); const f = l.cacheFile(); if (!require('node:fs').existsSync(f)) { console.log('none'); process.exit(0); }
const c0 = process.cpuUsage(); const { script } = l.compileCli(l.readCache ? l.readCache(f) : require('node:fs').readFileSync(f)); const c = process.cpuUsage(c0);
console.log(JSON.stringify({ ms: (c.user + c.system) / 1000, rejected: script.cachedDataRejected, cache: require('node:fs').statSync(f).size }));`;
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const r = spawnSync(process.execPath, ['-e', probe], { cwd: build, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(String(r.stderr).slice(0, 500));
    if (r.stdout.trim() === 'none') break;
    runs.push(JSON.parse(r.stdout));
  }
  if (runs.length) {
    console.log(`  cached script: dist/cli-script.js ${round(statSync(script).size / 1024)} KB, code cache ${round(runs[0].cache / 1024)} KB${runs.some((r) => r.rejected) ? ' (REJECTED by V8)' : ''}; compiling and running its top level: median ${round(median(runs.map((r) => r.ms)))} ms CPU`);
  } else console.log('  cached script: no code cache for this Node (the launcher imports dist/cli.js)');
}
