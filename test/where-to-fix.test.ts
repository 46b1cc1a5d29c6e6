// The stylish summary tells each kind of draft where its fixes are made: --fix for text drafts,
// `wenfeng annotate` for Word drafts, the Word original for PDFs.
import { describe, expect, test } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('where the fixes are', () => {
  test('a .docx points at wenfeng annotate with its own name, never at --fix', () => {
    const r = runCli(['fixtures/seeds/002-city-report.docx', '--no-config']);
    expect(r.stdout).toContain('wenfeng annotate fixtures/seeds/002-city-report.docx -o fixtures/seeds/002-city-report.reviewed.docx');
    expect(r.stdout).not.toContain('--fix');
  });

  test('a .pdf points at its Word original', () => {
    const r = runCli(['fixtures/seeds/002-city-report.pdf', '--no-config']);
    expect(r.stdout).toMatch(/请在其 Word 原稿中修改：wenfeng annotate 原稿\.docx -o/);
    expect(r.stdout).not.toContain('--fix');
  });

  test('a .txt keeps the --fix hint, and says nothing of annotate', () => {
    const r = runCli(['fixtures/seeds/002-city-report.txt', '--no-config']);
    expect(r.stdout).toMatch(/其中 \d+ 个可用 --fix 自动修正（仅 \.txt\/\.md）/);
    expect(r.stdout).not.toContain('annotate');
  });

  test('in English too, and a Word and a text draft together get both hints', () => {
    const r = runCli(['fixtures/seeds/002-city-report.docx', 'fixtures/seeds/002-city-report.txt', '--no-config', '--locale', 'en']);
    expect(r.stdout).toMatch(/^ {2}\d+ fixable with --fix \(\.txt\/\.md only\)$/m);
    expect(r.stdout).toContain('To fix them in Word: wenfeng annotate fixtures/seeds/002-city-report.docx -o fixtures/seeds/002-city-report.reviewed.docx');
  });
});
