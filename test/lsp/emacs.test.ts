// Emacs's eglot as the client, set up as README says: it opens a seed, shows wenfeng's diagnostics through
// flymake and applies a code action to the buffer; the file on disk stays as it was.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './rpc-client.js';

const emacs = spawnSync('emacs', ['--batch', '--eval', "(require 'eglot)"], { encoding: 'utf8' });
const hasEglot = emacs.status === 0;

describe.skipIf(!hasEglot)('Emacs eglot as the client of wenfeng lsp (skipped: emacs with eglot is not installed; .ci/run installs emacs-nox and elpa-eglot)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenfeng-eglot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the seed\'s diagnostics and applies the typo\'s code action to the buffer only', () => {
    const draft = join(dir, '002-city-report.txt');
    copyFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), draft);
    const before = readFileSync(draft);
    const out = join(dir, 'out.json');
    const run = spawnSync('emacs', ['--batch', '-l', join(ROOT, 'test/lsp/emacs.el')], {
      cwd: dir,
      env: { ...process.env, WENFENG_DRAFT: draft, WENFENG_OUT: out, WENFENG_NODE: process.execPath, WENFENG_BIN: join(ROOT, 'bin/wenfeng.js') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const seen = JSON.parse(readFileSync(out, 'utf8'));
    expect(seen.error, run.stderr.slice(-2000)).toBeUndefined();
    expect(seen.ok).toBe(true);
    expect(seen.diagnostics).toBeGreaterThan(20);
    // flymake put the diagnostic on the very characters wenfeng found.
    expect(seen.typo_text).toBe('官像主义');
    expect(seen.applied).toBe('改为“官僚主义”（typo）');
    expect(seen.line5).toBe(before.toString('utf8').split('\n')[4]!.replace('官像主义', '官僚主义'));
    expect(seen.modified).toBe(true);
    expect(readFileSync(draft)).toEqual(before);
  });
});
