// Measuring helpers for bench/run.mjs: spawn a command N times (interleaved with the others of its
// group), take wall time around each spawn and CPU/peak RSS from bench/rusage.cjs, report medians.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH, '..');
const RUSAGE_HOOK = path.join(BENCH, 'rusage.cjs');
const RUSAGE_FILE = path.join(os.tmpdir(), `wenfeng-bench-rusage-${process.pid}`);
process.on('exit', () => fs.rmSync(RUSAGE_FILE, { force: true }));

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const round = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? x : Math.round(x * 10 ** d) / 10 ** d);

/**
 * A measurable command: `node -r bench/rusage.cjs ...args`, with optional stdin file and a check of
 * the exit code. `okCodes` defaults to [0]; wenfeng exits 1 when a draft has errors, which is fine.
 */
export function nodeCommand(label, args, { stdinFile, okCodes = [0], env = {}, nodeFlags = [], cwd = ROOT, before } = {}) {
  return { label, args, stdinFile, okCodes, env, nodeFlags, cwd, before };
}

/** Runs one command once; returns { wallMs, cpuMs, rssKB, faults, code, stdout }. */
export function runOnce(cmd, { extraNodeFlags = [], capture = false } = {}) {
  cmd.before?.();
  fs.rmSync(RUSAGE_FILE, { force: true });
  const input = cmd.stdinFile ? fs.readFileSync(cmd.stdinFile) : undefined;
  const argv = ['-r', RUSAGE_HOOK, ...cmd.nodeFlags, ...extraNodeFlags, ...cmd.args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, {
    cwd: cmd.cwd,
    input,
    stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...cmd.env, WENFENG_BENCH_RUSAGE: RUSAGE_FILE, NO_COLOR: '1' },
    maxBuffer: 1 << 30,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  if (!cmd.okCodes.includes(r.status)) {
    throw new Error(`${cmd.label}: exit ${r.status ?? r.signal}\n  node ${argv.join(' ')}\n${String(r.stderr).slice(0, 2000)}`);
  }
  let cpuMs, rssKB, faults;
  try {
    const [u, s, rss, minor] = fs.readFileSync(RUSAGE_FILE, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpuMs = (u + s) / 1000;
    rssKB = rss;
    faults = minor;
  } catch {
    // The process ended without its exit hook (killed): no CPU figures.
  }
  return { wallMs, cpuMs, rssKB, faults, code: r.status, stdout: capture ? r.stdout : undefined, stderr: String(r.stderr) };
}

/**
 * Measures a group of commands `reps` times each, interleaved (the order rotates every round, so
 * every command sees the same drift in machine load), after `warmup` unmeasured rounds.
 * Returns Map label → { wall: [...], cpu: [...], rss: [...], faults: [...], median, cpuMedian, rssMedianKB, faultsMedian }.
 */
export function measureGroup(cmds, { reps, warmup = 1, progress } = {}) {
  const out = new Map(cmds.map((c) => [c.label, { wall: [], cpu: [], rss: [], faults: [] }]));
  for (let w = 0; w < warmup; w++) for (const c of cmds) runOnce(c);
  for (let i = 0; i < reps; i++) {
    const order = cmds.map((_, k) => cmds[(k + i) % cmds.length]);
    for (const c of order) {
      const r = runOnce(c);
      const o = out.get(c.label);
      o.wall.push(r.wallMs);
      if (r.cpuMs !== undefined) o.cpu.push(r.cpuMs);
      if (r.rssKB !== undefined) o.rss.push(r.rssKB);
      if (r.faults !== undefined) o.faults.push(r.faults);
    }
    progress?.(i + 1, reps);
  }
  for (const o of out.values()) {
    o.median = median(o.wall);
    o.cpuMedian = o.cpu.length ? median(o.cpu) : undefined;
    o.rssMedianKB = o.rss.length ? median(o.rss) : undefined;
    o.faultsMedian = o.faults.length ? median(o.faults) : undefined;
    o.min = Math.min(...o.wall);
    o.max = Math.max(...o.wall);
  }
  return out;
}

/** Peak RSS in KB of one run, from GNU time (%M) when installed, else from the exit hook. */
export function peakRss(cmd, timeBin) {
  if (!timeBin) return runOnce(cmd).rssKB;
  cmd.before?.();
  const input = cmd.stdinFile ? fs.readFileSync(cmd.stdinFile) : undefined;
  const r = spawnSync(timeBin, ['-f', '%M', process.execPath, ...cmd.nodeFlags, ...cmd.args], {
    cwd: cmd.cwd, input, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'], env: { ...process.env, ...cmd.env, NO_COLOR: '1' },
    maxBuffer: 1 << 30,
  });
  if (!cmd.okCodes.includes(r.status)) throw new Error(`${cmd.label}: exit ${r.status}\n${String(r.stderr).slice(0, 2000)}`);
  const lines = String(r.stderr).trim().split('\n');
  return Number(lines[lines.length - 1]);
}

export function machine() {
  const cpus = os.cpus();
  let nice;
  try { nice = os.getPriority(); } catch { nice = undefined; }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism?.() ?? cpus.length,
    memoryGB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((x) => round(x, 2)),
    nice,
  };
}

/** Formats rows as a fixed-width text table. */
export function table(rows, columns) {
  const cells = rows.map((r) => columns.map((c) => String(c.get(r) ?? '')));
  // East Asian wide characters take two columns in a terminal.
  const width = (s) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
  const w = columns.map((c, i) => Math.max(width(c.title), ...cells.map((r) => width(r[i]))));
  const pad = (s, n, right) => (right ? ' '.repeat(n - width(s)) + s : s + ' '.repeat(n - width(s)));
  const line = (vals) => vals.map((v, i) => pad(v, w[i], columns[i].right)).join('  ');
  return [line(columns.map((c) => c.title)), w.map((n) => '-'.repeat(n)).join('  '), ...cells.map(line)].join('\n');
}

/**
 * The parallel speed-up this machine offers right now: `n` copies of a CPU-bound loop run at once vs
 * one alone (each a `node -e` process, so start-up is in both). n × t(one) ÷ t(n at once) is n on an
 * idle machine with n real cores, less when other processes (or SMT siblings) take a share.
 */
export async function parallelCeiling(n, iterations = 3e8) {
  const { spawn } = await import('node:child_process');
  const script = `let x = 0; for (let i = 0; i < ${iterations}; i++) x += i % 7; if (x === 1) console.log(x);`;
  const one = () => new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    p.on('error', reject);
    p.on('exit', resolve);
  });
  let t = process.hrtime.bigint();
  await one();
  const single = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: n }, one));
  const parallel = Number(process.hrtime.bigint() - t) / 1e6;
  return { single, parallel, speedup: (n * single) / parallel };
}
