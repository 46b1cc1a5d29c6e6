// package.json admits every Node from 20.16 on, and Node 21 and 22.0–22.2 have no process.getBuiltinModule
// (it came with 20.16 and 22.3). On those a .docx was reported as damaged ("_rels/.rels 无法解压") once
// zlib was taken through it. A preload removes the call, as those Nodes lack it; -r keeps the code cache.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/run-cli.js';

const dir = tempDir();
const preload = join(dir, 'no-get-builtin-module.cjs');
writeFileSync(preload, "Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true });\n");
const withoutIt = (env: Record<string, string> = {}) => ({ env: { NODE_OPTIONS: `--require ${preload}`, ...env } });

describe('on a Node without process.getBuiltinModule (21.x, 22.0–22.2)', () => {
  const args = ['fixtures/seeds/002-city-report.docx', 'fixtures/good/good-notice.txt', '--format', 'json', '--no-config', '--concurrency', 'off'];

  it.each([
    ['from the code cache', {}],
    ['from the module build', { WENFENG_CODE_CACHE: 'off' }],
  ])('reads a .docx as on any other Node (%s)', (_, env: Record<string, string>) => {
    const run = runCli(args, withoutIt(env));
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).files.map((f: { fatal: boolean }) => f.fatal)).toEqual([false, false]);
    expect(run).toEqual(runCli(args, { env }));
  });

  it('writes an annotated copy (deflate and CRC-32 on the way out)', () => {
    const out = join(dir, 'reviewed.docx');
    const run = runCli(['annotate', 'fixtures/seeds/002-city-report.docx', '-o', out, '--no-config'], withoutIt());
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const reread = runCli([out, '--format', 'json', '--no-config'], withoutIt());
    expect(JSON.parse(reread.stdout).files[0].fatal).toBe(false);
  });
});
