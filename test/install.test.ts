// The package as a user gets it: `npm pack`, then `npm install -g` of the tarball into an empty prefix,
// then the installed `wenfeng` run from a folder outside the clone on a .docx and a .pdf. What the
// tarball leaves out (rule data, docs the CLI prints, pdf.js's cMaps, the worker) shows up here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, tempDir } from './helpers/run-cli.js';

// A space and Chinese characters in the install path: file URLs percent-encode them.
const work = tempDir('wenfeng install 安装-');
const prefix = join(work, 'prefix');
const outside = tempDir('wenfeng-outside-');
const installed = join(prefix, 'bin', 'wenfeng');
let skipReason = '';

function npm(args: string[], cwd: string) {
  // No lifecycle scripts: `npm pack` would rebuild dist/ under the other tests' feet.
  return spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', timeout: 300_000 });
}

function run(args: string[]) {
  const r = spawnSync(installed, args, { cwd: outside, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } as NodeJS.ProcessEnv });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same draft checked by the clone's own build: the installed copy must say exactly the same. */
function fromClone(args: string[]): string {
  return spawnSync(process.execPath, [join(ROOT, 'bin/wenfeng.js'), ...args], { cwd: outside, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout;
}

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist/cli.js')), 'dist/ is built (npm run build)').toBe(true);
  // What `prepack` adds to dist/ (run by hand: lifecycle scripts are off, see npm() above).
  const types = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types.json'], { cwd: ROOT, encoding: 'utf8' });
  expect(types.status, types.stdout + types.stderr).toBe(0);
  const pack = npm(['pack', '--pack-destination', work], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const tarball = readdirSync(work).find((f) => /^wenfeng-.+\.tgz$/.test(f));
  expect(tarball).toBeDefined();
  // Offline from npm's cache when it holds the dependencies (after `npm ci`), else the registry.
  let install = npm(['install', '-g', '--prefix', prefix, '--offline', join(work, tarball!)], outside);
  if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) install = npm(['install', '-g', '--prefix', prefix, '--prefer-offline', join(work, tarball!)], outside);
  if (install.status !== 0 && /ENOTCACHED|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.test(install.stderr)) {
    skipReason = `the dependencies are neither in npm's cache nor reachable: ${install.stderr.trim().split('\n')[0]}`;
    return;
  }
  expect(install.status, install.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('installed from the npm pack tarball', () => {
  test('the tarball holds what the CLI loads at run time, and no sources or tests', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const pkg = join(prefix, 'lib', 'node_modules', 'wenfeng');
    for (const file of ['bin/wenfeng.js', 'dist/cli.js', 'dist/worker.js', 'dist/index.js', 'dist/data/typos.json', 'docs/rules/typo.md', 'README.md']) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }
    for (const dir of ['src', 'test', 'fixtures', 'rules', 'scripts']) expect(existsSync(join(pkg, dir)), dir).toBe(false);
    // Plugin authors in TypeScript get the declarations package.json names (written by `prepack`).
    const types = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).exports['.'].types as string;
    const declarations = readFileSync(join(pkg, types), 'utf8');
    expect(declarations).toMatch(/export \* from '\.\/plugin-api\.js'/);
    expect(readFileSync(join(pkg, 'dist/types/src/api.d.ts'), 'utf8')).toMatch(/export interface RuleContext/);
    // Only the run-time dependencies come along.
    expect(existsSync(join(pkg, 'node_modules', 'vitest'))).toBe(false);
    expect(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).name).toBe('wenfeng');
  });

  test('checks seed 002 as .docx and .pdf from outside the clone, as the clone does', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    for (const file of ['002-city-report.docx', '002-city-report.pdf']) {
      const draft = join(ROOT, 'fixtures/seeds', file);
      const r = run([draft, '--format', 'json', '--no-config']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.files[0].fatal).toBe(false);
      expect(out.files[0].messages.some((m: { ruleId: string }) => m.ruleId === 'typo')).toBe(true);
      expect(out.files[0].messages.some((m: { ruleId: string }) => m.ruleId === 'placeholder')).toBe(true);
      expect(r.stdout).toBe(fromClone([draft, '--format', 'json', '--no-config']));
    }
  });

  test('reads a PDF whose CJK font is not embedded: pdf.js finds its cMaps in the installed package', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const draft = join(ROOT, 'fixtures/pdf/nonembedded-cjk.pdf');
    const r = run([draft, '--format', 'json', '--no-config']);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.fatal).toBe(false);
    expect(file.docType).toMatchObject({ id: 'task', source: 'title' });
    expect(r.stdout).toBe(fromClone([draft, '--format', 'json', '--no-config']));
  });

  test('prints a rule\'s documentation, the help, an HTML and a SARIF report, and runs workers', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    expect(run(['rules', 'typo']).stdout).toMatch(/^# typo/);
    expect(run(['--help']).stdout).toContain('--format');
    const draft = join(ROOT, 'fixtures/seeds/002-city-report.docx');
    expect(run([draft, '--format', 'html', '--no-config']).stdout).toMatch(/^<!DOCTYPE html>/i);
    const sarif = JSON.parse(run([draft, '--format', 'sarif', '--no-config']).stdout);
    expect(sarif.runs[0].tool.driver.name).toBe('wenfeng');
    const seeds = ['000-moj-jianfu', '002-city-report', '003-news'].map((s) => join(ROOT, 'fixtures/seeds', `${s}.txt`));
    const parallel = run([...seeds, '--concurrency', '2', '--format', 'compact', '--no-config']);
    expect(parallel.stderr).toBe('');
    expect(parallel.stdout).toBe(fromClone([...seeds, '--concurrency', 'off', '--format', 'compact', '--no-config']));
  });
});
