// Precision of the 套话 rules on well-edited documents: the two good drafts and seeds 000, 001, 003, 004.
// Warnings and errors are what a drafter must act on; info findings (common formulas, specificity) are not
// counted. The figure is held here so that a new formula family that cries wolf fails the build.
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const FILES = [
  'fixtures/good/good-notice.txt',
  'fixtures/good/good-report.txt',
  'fixtures/seeds/000-moj-jianfu.txt',
  'fixtures/seeds/001-province-measures-trad.txt',
  'fixtures/seeds/003-news.txt',
  'fixtures/seeds/004-regulation.txt',
];
const TAO = new Set(['boilerplate', 'preamble', 'closing-slogan', 'specificity']);

describe('套话 rules on well-edited documents', () => {
  test('at most 1 warning per 1,000 characters over the set, at most 1.5 in any one document; none in the good drafts', async () => {
    const results = await new LintSession({ cwd: ROOT, useConfig: false, locale: 'zh' }).lintPaths(FILES);
    let warnings = 0;
    let chars = 0;
    for (const r of results) {
      const n = r.messages.filter((m) => TAO.has(m.ruleId ?? '') && m.severity !== 'info').length;
      const perThousand = (n * 1000) / (r.stats.chars ?? 1);
      if (r.path.includes('good')) expect(n, r.path).toBe(0);
      expect(perThousand, r.path).toBeLessThanOrEqual(1.5);
      warnings += n;
      chars += r.stats.chars ?? 0;
    }
    expect((warnings * 1000) / chars).toBeLessThanOrEqual(1);
  });
});
