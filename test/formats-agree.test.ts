// The same draft as .txt, .docx and .pdf gets the same findings at the same places; seed 002's blanks
// and typos are all found; the good drafts stay quiet.
import { describe, expect, test } from 'vitest';
import { LintSession } from '../src/engine/session.js';
import type { FileResult } from '../src/engine/result.js';
import { ROOT } from './helpers/run-cli.js';

const session = new LintSession({ cwd: ROOT, useConfig: false });
const lint = async (path: string): Promise<FileResult> => (await session.lintPaths([path]))[0]!;
const key = (m: { ruleId: string | null; line: number; column: number; text?: string }): string => `${m.ruleId} ${m.line}:${m.column} ${m.text}`;

describe('seed 002 in every format', () => {
  const SEED = 'fixtures/seeds/002-city-report';
  const BLANKS = ['的个', '不超过次', '控制在小时', '提前个工作日', '下降%', '作项', '20XX年', '检查次', '检查次', '检查次', '言余件', '序个', '群个', '率为%', '共有项', '议个', '减少%', '构个', '成立个', '调整个', '撤销个', '共个', '超过页'];
  const TYPOS = ['官像主义', '官僚主问题', '召领导班子', '留言版'];

  for (const ext of ['txt', 'docx', 'pdf']) {
    test(`.${ext}: all 23 blanks and the four typos, where they are`, async () => {
      const r = await lint(`${SEED}.${ext}`);
      const blanks = r.messages.filter((m) => m.ruleId === 'placeholder').map((m) => m.text);
      expect(blanks).toEqual(BLANKS);
      const typos = r.messages.filter((m) => m.ruleId === 'typo').map((m) => m.text);
      for (const t of TYPOS) expect(typos).toContain(t);
      // Each finding's text is found at its line and column in the document.
      for (const m of r.messages.filter((x) => x.ruleId === 'placeholder' || x.ruleId === 'typo')) {
        const p = r.document!.paragraphs[m.line - 1]!;
        expect([...p.text].slice(m.column - 1, m.endColumn).join('')).toBe(m.text);
      }
    });
  }

  const findings = async (path: string) => (await lint(path)).messages.filter((m) => m.ruleId && m.ruleId !== 'page-limit');

  test('.docx findings equal the .txt findings: rule, line, column and text', async () => {
    expect((await findings(`${SEED}.docx`)).map(key)).toEqual((await findings(`${SEED}.txt`)).map(key));
  });

  test('.pdf findings equal them too, but for spaces (PDF text drops spaces beside Chinese characters)', async () => {
    const loose = (m: { ruleId: string | null; line: number; text?: string }): string => `${m.ruleId} ${m.line} ${(m.text ?? '').replace(/\s/g, '')}`;
    expect((await findings(`${SEED}.pdf`)).map(loose)).toEqual((await findings(`${SEED}.txt`)).map(loose));
  });
});

describe('seed 001 in traditional characters', () => {
  test('boilerplate and preamble quote its own characters', async () => {
    const r = await lint('fixtures/seeds/001-province-measures-trad.txt');
    const boiler = r.messages.filter((m) => m.ruleId === 'boilerplate');
    expect(boiler.length).toBeGreaterThan(0);
    expect(boiler.some((m) => /[溫頁貫徹實務處]/.test(m.text ?? '') || /[溫頁貫徹實務處]/.test(m.message))).toBe(true);
    const preamble = r.messages.find((m) => m.ruleId === 'preamble');
    expect(preamble?.line).toBe(2);
    expect(preamble?.text).toMatch(/^為認真貫徹/);
  });
});

describe('precision on the well-written drafts', () => {
  for (const name of ['good-notice', 'good-report']) {
    for (const ext of ['txt', 'docx', 'pdf']) {
      test(`${name}.${ext}: no rule reports more than one warning or error per thousand characters`, async () => {
        const r = await lint(`fixtures/good/${name}.${ext}`);
        expect(r.fatal).toBe(false);
        const perRule = new Map<string, number>();
        for (const m of r.messages) if (m.severity !== 'info') perRule.set(m.ruleId ?? 'reader', (perRule.get(m.ruleId ?? 'reader') ?? 0) + 1);
        const allowed = Math.floor(r.stats.chars! / 1000);
        for (const [rule, count] of perRule) expect(count, `${rule}: ${count} findings in ${r.stats.chars} characters`).toBeLessThanOrEqual(allowed);
        expect(r.errorCount).toBe(0);
      });
    }
  }
});
