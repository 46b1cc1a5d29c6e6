// The seeds as .txt, .docx and .pdf get the right kind and limit class from their titles.
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import { ROOT } from '../helpers/run-cli.js';

const EXPECTED: Array<[string, string, number | undefined, RegExp]> = [
  ['000-moj-jianfu', 'special-report', 5, /情况的报告/],
  ['001-province-measures-trad', 'policy', 10, /若干措施/],
  ['002-city-report', 'special-report', 5, /情况的报告/],
  ['003-news', 'other', undefined, /未能/],
  ['004-regulation', 'policy', 10, /实施细则/],
];

describe('document types of the seeds', () => {
  const session = new LintSession({ cwd: ROOT, useConfig: false });
  for (const [name, id, limit, reason] of EXPECTED) {
    for (const ext of ['txt', 'docx', 'pdf']) {
      test(`${name}.${ext} → ${id}`, async () => {
        const [r] = await session.lintPaths([`fixtures/seeds/${name}.${ext}`]);
        expect(r!.docType).toMatchObject({ id, source: id === 'other' ? 'default' : 'title' });
        expect(r!.docType!.pageLimit).toBe(limit);
        expect(r!.docType!.reason).toMatch(reason);
      });
    }
  }

  test('--type and config overrides come first', async () => {
    const flagged = new LintSession({ cwd: ROOT, useConfig: false, type: 'task' });
    const [r] = await flagged.lintPaths(['fixtures/seeds/002-city-report.docx']);
    expect(r!.docType).toMatchObject({ id: 'task', source: 'flag', pageLimit: 7 });
  });
});
