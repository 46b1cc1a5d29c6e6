// --fix on a real seed: only half-width punctuation in Chinese text becomes full-width; nothing else moves.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers/run-cli.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

for (const seed of ['002-city-report.txt', '004-regulation.txt', '001-province-measures-trad.txt']) {
  test(`--fix on ${seed} changes half-width punctuation only`, () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'fixtures/seeds', seed), join(dir, seed));
    const before = readFileSync(join(dir, seed), 'utf8');

    const dry = runCli([seed, '--fix-dry-run', '--format', 'compact'], { cwd: dir });
    expect(dry.stdout).toMatch(/^--- a\//m);
    expect(readFileSync(join(dir, seed), 'utf8')).toBe(before);

    runCli([seed, '--fix'], { cwd: dir });
    const after = readFileSync(join(dir, seed), 'utf8');
    expect(after.length).toBe(before.length);
    let changed = 0;
    for (let i = 0; i < before.length; i++) {
      if (before[i] === after[i]) continue;
      changed++;
      expect(FULL[before[i]!], `position ${i}: ${before.slice(i - 5, i + 5)}`).toBe(after[i]);
    }
    expect(changed).toBeGreaterThan(50);

    // What is left: no half-width mark next to a Chinese character.
    const again = JSON.parse(runCli([seed, '--format', 'json'], { cwd: dir }).stdout).files[0];
    const fixable = again.messages.filter((m: { fixable?: boolean }) => m.fixable);
    expect(fixable).toEqual([]);
    expect(after).not.toMatch(/[\p{Script=Han}][,;:?!]|[,;:?!(][\p{Script=Han}]/u);
  });
}
