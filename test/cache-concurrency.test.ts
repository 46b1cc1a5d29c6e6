// Speed over many files must not change the answer: workers give the same bytes as a serial run, and
// a cached run re-reads nothing unchanged but notices what changed.
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers/run-cli.js';

const SOURCES = ['seeds/002-city-report.txt', 'seeds/000-moj-jianfu.docx', 'seeds/003-news.pdf', 'good/good-notice.txt', 'seeds/001-province-measures-trad.txt'];

function corpus(copies: number): string {
  const dir = tempDir('wenfeng-many-');
  for (let i = 0; i < copies; i++) {
    const src = SOURCES[i % SOURCES.length]!;
    const sub = join(dir, `d${i % 7}`);
    mkdirSync(sub, { recursive: true });
    copyFileSync(join(ROOT, 'fixtures', src), join(sub, `${String(i).padStart(3, '0')}-${src.split('/')[1]}`));
  }
  return dir;
}

describe('many files', () => {
  const dir = corpus(500);

  test('--concurrency auto gives byte-identical output to --concurrency off', () => {
    const serial = runCli(['.', '--format', 'json', '--concurrency', 'off'], { cwd: dir });
    const workers = runCli(['.', '--format', 'json', '--concurrency', 'auto'], { cwd: dir });
    expect(JSON.parse(serial.stdout).files).toHaveLength(500);
    expect(workers.stdout).toBe(serial.stdout);
    expect(workers.code).toBe(serial.code);
  }, 180_000);

  test('stylish output is identical too', () => {
    const small = corpus(60);
    const serial = runCli(['.', '--concurrency', 'off'], { cwd: small });
    expect(runCli(['.', '--concurrency', '2'], { cwd: small }).stdout).toBe(serial.stdout);
  }, 120_000);

  test('a second --cache run re-reads nothing unchanged and gives the same output', () => {
    const cache = join(dir, '.wf-cache');
    const first = runCli(['.', '--format', 'json', '--cache', '--cache-location', cache, '--debug'], { cwd: dir });
    expect(first.stderr).toMatch(/0 hit\(s\), 500 miss\(es\)/);
    const second = runCli(['.', '--format', 'json', '--cache', '--cache-location', cache, '--debug'], { cwd: dir });
    expect(second.stderr).toMatch(/500 hit\(s\), 0 miss\(es\)/);
    expect(second.stdout).toBe(first.stdout);
  }, 180_000);
});

describe('cache invalidation', () => {
  test('a changed file, a touched file and a changed config', () => {
    const dir = tempDir();
    const draft = join(dir, 'a.txt');
    writeFileSync(draft, '关于检查的通知\n每年不超过次。\n');
    writeFileSync(join(dir, 'b.txt'), '关于检查的通知\n每年不超过2次。\n');
    const run = () => runCli(['.', '--format', 'json', '--cache', '--debug'], { cwd: dir });
    expect(run().stderr).toMatch(/0 hit\(s\), 2 miss\(es\)/);
    // Same content, new mtime: the content hash says it is unchanged.
    utimesSync(draft, new Date(), new Date(Date.now() + 5000));
    expect(run().stderr).toMatch(/2 hit\(s\), 0 miss\(es\)/);
    writeFileSync(draft, '关于检查的通知\n每年不超过3次。\n');
    const changed = run();
    expect(changed.stderr).toMatch(/1 hit\(s\), 1 miss\(es\)/);
    expect(JSON.parse(changed.stdout).files[0].errorCount).toBe(0);
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ rules: { placeholder: 'warning' } }));
    expect(run().stderr).toMatch(/0 hit\(s\), 2 miss\(es\)/);
  });
});
