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

test('--fix reports what is left as the fixed file reads, and says how many fixes it wrote', () => {
  const dir = tempDir();
  copyFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), join(dir, 'a.txt'));
  const before = JSON.parse(runCli(['a.txt', '--format', 'json', '--no-config'], { cwd: dir }).stdout).files[0];
  const fixed = runCli(['a.txt', '--fix', '--format', 'json', '--no-config'], { cwd: dir });
  const fresh = runCli(['a.txt', '--format', 'json', '--no-config'], { cwd: dir });
  // The same report as checking the fixed file afresh: no finding quotes text the fix replaced.
  expect(JSON.parse(fixed.stdout)).toEqual(JSON.parse(fresh.stdout));
  const applied = before.messages.filter((m: { fixable?: boolean }) => m.fixable).length;
  expect(applied).toBeGreaterThan(10);
  expect(fixed.stderr).toBe('');
  // The default report says what was written.
  copyFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), join(dir, 'b.txt'));
  const shown = runCli(['b.txt', '--fix', '--no-config'], { cwd: dir }).stdout;
  expect(shown).toContain(`--fix 已写入 ${applied} 处修正，以上是修正后的文稿`);
  expect(shown).not.toMatch(/[\p{Script=Han}],[\p{Script=Han}]/u);
});
