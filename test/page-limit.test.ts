// The headline check: a 9-page comprehensive report fails its 8-page limit, a 7-page one passes, as
// .docx (estimated) and .pdf (exact); --render asks LibreOffice and falls back, saying so once.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

const json = (args: string[], env?: Record<string, string | undefined>) => JSON.parse(runCli([...args, '--format', 'json'], { env }).stdout).files[0];

describe('page-limit on a comprehensive report', () => {
  for (const ext of ['docx', 'pdf']) {
    test(`9 pages (.${ext}) is over the 8-page limit`, () => {
      const f = json([`fixtures/layout/report-9-pages.${ext}`]);
      expect(f.docType).toMatchObject({ id: 'comprehensive-report', source: 'title', pageLimit: 8 });
      expect(f.pages).toMatchObject({ count: 9, method: ext === 'pdf' ? 'pdf' : 'layout', exact: ext === 'pdf' });
      const over = f.messages.find((m: { ruleId: string }) => m.ruleId === 'page-limit');
      expect(over.severity).toBe('error');
      expect(over.message).toBe(ext === 'pdf' ? '9 页（PDF 实际页数），综合报告上限 8 页' : '约 9 页（按文档版式估算），综合报告上限 8 页');
    });

    test(`7 pages (.${ext}) passes`, () => {
      const f = json([`fixtures/layout/report-7-pages.${ext}`]);
      expect(f.pages.count).toBe(7);
      expect(f.messages.filter((m: { ruleId: string }) => m.ruleId === 'page-limit')).toEqual([]);
    });
  }

  test('a preset and a per-type number change the limit', () => {
    const f = json(['fixtures/layout/report-7-pages.pdf', '--rule', 'page-limit: error', '--no-config', '--type', 'special-report']);
    expect(f.docType.pageLimit).toBe(5);
    expect(f.messages.some((m: { ruleId: string }) => m.ruleId === 'page-limit')).toBe(true);
  });
});

describe('--render', () => {
  test.skipIf(!hasSoffice)('counts the pages LibreOffice lays out', () => {
    const f = json(['fixtures/layout/report-9-pages.docx', '--render']);
    expect(f.pages).toMatchObject({ count: 9, method: 'render', exact: false });
  }, 120_000);

  test('without LibreOffice it falls back to the estimate and says so once', () => {
    const r = runCli(['fixtures/layout/report-9-pages.docx', 'fixtures/layout/report-7-pages.docx', '--render', '--format', 'json', '--concurrency', 'off'], { env: { PATH: '/nonexistent' } });
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: { pages: { method: string } }) => f.pages.method)).toEqual(['layout', 'layout']);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--render/);
  });
});
