// --fix never loses an edit and keeps the file what it was: an edit saved while the run is busy with
// another draft survives; BOM, CRLF, mode, symlinks and hard links are kept byte for byte; read-only
// files are refused.
import { chmodSync, linkSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from './helpers/run-cli.js';

// Half-width commas between Chinese characters: the punctuation rule's safe fix makes them full-width.
const BEFORE = '关于开展安全检查的通知\n各单位要在月底前完成检查,认真整改,按时上报。\n';
const AFTER = '关于开展安全检查的通知\n各单位要在月底前完成检查，认真整改，按时上报。\n';

const fix = (dir: string, args: string[]) => runCli([...args, '--fix', '--no-config', '--format', 'compact'], { cwd: dir });

describe('--fix keeps the file', () => {
  test('a UTF-8 BOM and CRLF line endings, byte for byte', () => {
    const dir = tempDir();
    const crlf = (s: string) => `\ufeff${s.replace(/\n/g, '\r\n')}`;
    writeFileSync(join(dir, 'bom.txt'), crlf(BEFORE));
    const r = fix(dir, ['bom.txt']);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'bom.txt'))).toEqual(Buffer.from(crlf(AFTER), 'utf8'));
    expect([...readFileSync(join(dir, 'bom.txt')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('a symlink stays a symlink; its target gets the fix', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/draft.md'), BEFORE);
    chmodSync(join(dir, 'real/draft.md'), 0o640);
    symlinkSync('real/draft.md', join(dir, 'link.md'));
    const r = fix(dir, ['link.md']);
    expect(r.stderr).toBe('');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe('real/draft.md');
    expect(readFileSync(join(dir, 'real/draft.md'), 'utf8')).toBe(AFTER);
    expect(statSync(join(dir, 'real/draft.md')).mode & 0o777).toBe(0o640);
  });

  test('a hard-linked file is fixed in place: both names still share one inode', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), BEFORE);
    linkSync(join(dir, 'a.txt'), join(dir, 'copy.txt.bak'));
    const inode = statSync(join(dir, 'a.txt')).ino;
    const r = fix(dir, ['a.txt']);
    expect(r.stderr).toBe('');
    expect(statSync(join(dir, 'a.txt')).ino).toBe(inode);
    expect(statSync(join(dir, 'a.txt')).nlink).toBe(2);
    expect(readFileSync(join(dir, 'copy.txt.bak'))).toEqual(Buffer.from(AFTER, 'utf8'));
  });

  test('a read-only file is refused with one line and left alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ro.txt'), BEFORE);
    chmodSync(join(dir, 'ro.txt'), 0o444);
    const r = fix(dir, ['ro.txt']);
    expect(r.stderr.trim()).toBe('wenfeng: ro.txt: 文件是只读的，未写入修正 (the file is read-only; no fix written)');
    expect(readFileSync(join(dir, 'ro.txt'), 'utf8')).toBe(BEFORE);
    // The findings are still reported, since nothing was fixed.
    expect(r.stdout).toMatch(/^ro\.txt:2:\d+: 警告 /m);
  });
});

describe('--fix never loses an edit', () => {
  test('an edit saved to a.txt while b.txt is being checked survives; b.txt is fixed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), BEFORE);
    writeFileSync(join(dir, 'b.txt'), BEFORE);
    const edited = '关于开展安全检查的通知\n（已由起草人改写,请勿覆盖）\n';
    // A plugin rule stands in for an editor: it saves a.txt while the run is busy with b.txt, after
    // a.txt was checked and before any fix is written.
    writeFileSync(
      join(dir, 'editor.mjs'),
      `import { writeFileSync } from 'node:fs';
export default { rules: { save: { meta: { id: 'save', description: { zh: '保存', en: 'save' }, defaultSeverity: 'info' },
  check(doc) { if (doc.path.endsWith('b.txt')) writeFileSync(${JSON.stringify(join(dir, 'a.txt'))}, ${JSON.stringify(edited)}); } } } };\n`,
    );
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ plugins: ['./editor.mjs'] }));
    const r = runCli(['a.txt', 'b.txt', '--fix', '--format', 'compact'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(edited);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe(AFTER);
    expect(r.stderr.trim()).toBe('wenfeng: a.txt: 文件在检查之后被修改过，未写入修正（请重新运行 --fix） (the file changed after it was checked; no fix written (run --fix again))');
    expect(r.code).toBe(0);
  });

  test('--fix-dry-run on a file edited meanwhile prints no diff for it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), BEFORE);
    writeFileSync(join(dir, 'b.txt'), BEFORE);
    writeFileSync(
      join(dir, 'editor.mjs'),
      `import { appendFileSync } from 'node:fs';
export default { rules: { save: { meta: { id: 'save', description: { zh: '保存', en: 'save' }, defaultSeverity: 'info' },
  check(doc) { if (doc.path.endsWith('b.txt')) appendFileSync(${JSON.stringify(join(dir, 'a.txt'))}, '补充一行。\\n'); } } } };\n`,
    );
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ plugins: ['./editor.mjs'] }));
    const r = runCli(['a.txt', 'b.txt', '--fix-dry-run', '--format', 'compact'], { cwd: dir });
    expect(r.stdout).not.toContain('--- a/a.txt');
    expect(r.stdout).toContain('--- a/b.txt');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe(BEFORE);
    expect(r.stderr).toContain('wenfeng: a.txt: 文件在检查之后被修改过');
  });
});
