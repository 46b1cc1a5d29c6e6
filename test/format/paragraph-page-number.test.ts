// format-paragraph and format-page-number on .docx drafts made by LibreOffice: each fault fixture
// (scripts/make-format-layout-fixtures.mjs) gets exactly its one finding, at the right place; the good drafts,
// the seeds and the good-format fixtures get none; the strict preset asks for odd-right/even-left numbers.
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { LintMessage } from '../../src/engine/result.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const RULES = ['format-paragraph', 'format-page-number'];

async function findings(path: string, options?: Record<string, unknown>): Promise<LintMessage[]> {
  const rules = Object.fromEntries(RULES.map((r) => [r, options ? (['warning', options] as const) : 'warning'])) as never;
  const [r] = await new LintSession({ cwd: ROOT, useConfig: false, rules }).lintPaths([path]);
  return r!.messages.filter((m) => RULES.includes(m.ruleId ?? ''));
}

const FAULTS: Record<string, { rule: string; line: number; message: RegExp }> = {
  'paragraph-indent': { rule: 'format-paragraph', line: 3, message: /首行应缩进 2 字.*等 26 处/ },
  'paragraph-title-align': { rule: 'format-paragraph', line: 1, message: /标题应居中，第 1 段为左对齐/ },
  'paragraph-body-align': { rule: 'format-paragraph', line: 2, message: /正文应两端对齐.*居中/ },
  'paragraph-spacing': { rule: 'format-paragraph', line: 8, message: /第 8、15、19 段行距约 31.2 磅/ },
  'paragraph-blank': { rule: 'format-paragraph', line: 4, message: /空段落.*第 4、12、16 段/ },
  'page-number-missing': { rule: 'format-page-number', line: 1, message: /页脚中没有页码/ },
  'page-number-dashes': { rule: 'format-page-number', line: 1, message: /一字线.*现为“\d+”/ },
  'page-number-size': { rule: 'format-page-number', line: 1, message: /4 号（14 磅），现为 10.5 磅/ },
  'page-number-sides': { rule: 'format-page-number', line: 1, message: /单页居左、双页居右/ },
};

describe('each fault fixture: exactly its finding', () => {
  for (const [name, want] of Object.entries(FAULTS)) {
    test(name, async () => {
      const ms = await findings(`fixtures/format/${name}.docx`);
      expect(ms.map((m) => [m.ruleId, m.line])).toEqual([[want.rule, want.line]]);
      expect(ms[0]!.message).toMatch(want.message);
    });
  }
});

describe('good drafts: nothing', () => {
  const good = [
    'fixtures/format/page-number-outside.docx',
    ...readdirSync(`${ROOT}fixtures/good`).filter((f) => f.endsWith('.docx')).map((f) => `fixtures/good/${f}`),
    ...readdirSync(`${ROOT}fixtures/seeds`).filter((f) => f.endsWith('.docx')).map((f) => `fixtures/seeds/${f}`),
    ...readdirSync(`${ROOT}fixtures/format`).filter((f) => f.startsWith('good-') && f.endsWith('.docx')).map((f) => `fixtures/format/${f}`),
  ];
  for (const path of good) {
    test(path, async () => {
      expect(await findings(path)).toEqual([]);
    });
  }
});

describe('presets', () => {
  test('the strict preset wants odd pages right and even pages left: centred numbers are reported, outside ones are not', async () => {
    const strict = { format: { preset: 'gbt9704-strict' } };
    const centred = await findings('fixtures/good/good-notice.docx', strict);
    expect(centred.map((m) => m.message)).toEqual(['页码位置应为单页居右、双页居左，现为单页居中、双页居中']);
    expect(await findings('fixtures/format/page-number-outside.docx', strict)).toEqual([]);
  });
  test('an office preset override: 五号 page numbers accepted when the office sets them', async () => {
    expect(await findings('fixtures/format/page-number-size.docx', { format: { pageNumber: { sizePt: 10.5 } } })).toEqual([]);
  });
  test('text formats are left alone (no footers, no paragraph properties)', async () => {
    expect(await findings('fixtures/good/good-notice.txt')).toEqual([]);
  });
});
