// A real editor as the client: headless Neovim (its built-in LSP client) opens a seed, receives
// wenfeng's diagnostics and applies two code actions to its buffer; the file on disk stays as it was.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './rpc-client.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;

describe.skipIf(!hasNvim)('Neovim as the client of wenfeng lsp (skipped: nvim is not installed; .ci/run installs it)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenfeng-nvim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the seed\'s diagnostics and applies code actions to the buffer only', () => {
    const draft = join(dir, '002-city-report.txt');
    copyFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), draft);
    const before = readFileSync(draft);
    const out = join(dir, 'out.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(ROOT, 'test/lsp/neovim.lua')}`], {
      cwd: dir,
      env: { ...process.env, WENFENG_DRAFT: draft, WENFENG_OUT: out, WENFENG_NODE: process.execPath, WENFENG_BIN: join(ROOT, 'bin/wenfeng.js') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const seen = JSON.parse(readFileSync(out, 'utf8'));
    expect(seen.error, run.stderr).toBeUndefined();
    expect(seen.ok).toBe(true);
    const codes = new Set(seen.first.map((d: any) => d.code));
    for (const code of ['typo', 'placeholder', 'punctuation', 'page-limit', 'wenfeng/summary']) expect(codes).toContain(code);
    const typo = seen.first.find((d: any) => d.code === 'typo');
    expect(typo.codeDescription.href).toMatch(/docs\/rules\/typo\.md$/);
    // Neovim took them in as its own diagnostics, one for each published.
    expect(seen.shown).toBe(seen.first.length);
    expect(seen.typo_action).toBe('改为“官僚主义”（typo）');
    expect(seen.comma_action).toBe('改为“，”（punctuation）');
    const source = before.toString('utf8').split('\n');
    expect(seen.lines[1]).toBe(source[1]!.replace(',', '，'));
    expect(seen.lines[4]).toBe(source[4]!.replace('官像主义', '官僚主义'));
    expect(seen.modified).toBe(true);
    expect(seen.typo_gone).toBe(true);
    expect(seen.comma_gone).toBe(true);
    expect(readFileSync(draft)).toEqual(before);
  });
});
