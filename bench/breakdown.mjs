#!/usr/bin/env node
// Where a CLI run's time goes, in one process: Node start-up until this script runs, importing the
// bundled CLI, then the same lint three times (cold = first, with every lazy chunk, dictionary and
// reader loaded on the way; warm = the per-draft work alone). cold − warm = one-time loading.
//
//   node bench/breakdown.mjs <file> [--profile-dir <dir>] [more wenfeng args]
//
// wenfeng's own output is dropped. With --profile-dir, two V8 CPU profiles (100 µs sampling) are
// written there: cold.cpuprofile (import + first lint) and warm.cpuprofile (the three warm lints);
// summarise them with bench/profile-summary.mjs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const atScript = performance.now(); // ms since the process started
const argv = process.argv.slice(2);
const pAt = argv.indexOf('--profile-dir');
const profileDir = pAt >= 0 ? argv.splice(pAt, 2)[1] : undefined;
const [file, ...rest] = argv;
let session;
if (profileDir) {
  fs.mkdirSync(profileDir, { recursive: true });
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
}
const startProfile = () => session?.post('Profiler.start');
const stopProfile = async (name) => {
  if (!session) return;
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(path.join(profileDir, name), JSON.stringify(profile));
};
if (!file) {
  console.error('usage: node bench/breakdown.mjs <file> [wenfeng args]');
  process.exit(2);
}
const cpu0 = process.cpuUsage();
await startProfile();
let t = performance.now();
// The CLI as the launcher loads it: the script from V8's code cache where the build made one for this
// Node (bin/cli-script.js), else the module build (also with WENFENG_CODE_CACHE=off).
// With the launcher's V8 tuning for one-shot runs (bin/cli-script.js tuneForOneShot) on the cached path.
const launcher = createRequire(import.meta.url)('../bin/cli-script.js');
const cached = launcher.cachedCli();
if (cached) launcher.tuneForOneShot(cached);
const { main } = cached ?? (await import(pathToFileURL(path.join(ROOT, 'dist', 'cli.js')).href));
const importMs = performance.now() - t;
const args = [file, '--format', 'json', '--no-config', '--concurrency', 'off', ...rest];
const write = process.stdout.write.bind(process.stdout);
const runs = [];
for (let i = 0; i < 4; i++) {
  process.stdout.write = () => true;
  t = performance.now();
  try {
    await main(args);
  } finally {
    process.stdout.write = write;
  }
  runs.push(performance.now() - t);
  if (i === 0) {
    await stopProfile('cold.cpuprofile');
    await startProfile();
  }
}
await stopProfile('warm.cpuprofile');
const cpu = process.cpuUsage(cpu0);
process.exitCode = 0;
const r = (x) => Math.round(x * 10) / 10;
const out = {
  file: path.relative(ROOT, path.resolve(file)),
  nodeStartToScriptMs: r(atScript),
  loadedFrom: cached ? 'code cache' : 'modules',
  importCliMs: r(importMs),
  firstLintMs: r(runs[0]),
  warmLintMs: r(Math.min(...runs.slice(1))),
  oneTimeLoadingMs: r(runs[0] - Math.min(...runs.slice(1))),
  runsMs: runs.map(r),
  cpuMsAfterScriptStart: r((cpu.user + cpu.system) / 1000),
};
console.log(JSON.stringify(out));
