import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult, LintMessage } from '../../src/engine/result.js';
import type { RuleSetting } from '../../src/config/types.js';

const RULE = 'paragraph-length';
const sessionWith = (setting?: RuleSetting, locale: 'zh' | 'en' = 'zh'): LintSession => new LintSession({ cwd: process.cwd(), useConfig: false, locale, rules: setting ? { [RULE]: setting } : {} });
const session = sessionWith();

const mine = (r: FileResult): LintMessage[] => r.messages.filter((m) => m.ruleId === RULE);
const lintText = async (text: string, s = session): Promise<LintMessage[]> => mine(await s.lintBytes(new TextEncoder().encode(text), 'x.txt'));
const lintFile = async (path: string): Promise<LintMessage[]> => mine((await session.lintPaths([path]))[0]!);
const doc = (...lines: string[]): string => `关于开展清理工作的通知\n${lines.join('\n')}\n`;
const sentence = (n: number): string => `${'清理整合政务移动应用程序和工作群'.repeat(Math.ceil(n / 16)).slice(0, n - 1)}。`;

describe('the seeds', () => {
  test('paragraphs over 400 characters, as info: three in 000, five in 002 (up to 886 characters), none elsewhere', async () => {
    const found: Record<string, Array<[number, string]>> = {};
    for (const name of ['000-moj-jianfu', '001-province-measures-trad', '002-city-report', '003-news', '004-regulation']) {
      const ms = await lintFile(`fixtures/seeds/${name}.txt`);
      expect(ms.every((m) => m.severity === 'info')).toBe(true);
      found[name] = ms.map((m) => [m.line, m.message]);
    }
    expect(found).toEqual({
      '000-moj-jianfu': [
        [10, '段落过长：447 字，超过 400 字'],
        [12, '段落过长：444 字，超过 400 字'],
        [16, '段落过长：430 字，超过 400 字'],
      ],
      '001-province-measures-trad': [],
      '002-city-report': [
        [5, '段落过长：490 字，超过 400 字'],
        [7, '段落过长：886 字，超过 400 字'],
        [8, '段落过长：671 字，超过 400 字'],
        [11, '段落过长：644 字，超过 400 字'],
        [13, '段落过长：640 字，超过 400 字'],
      ],
      '003-news': [],
      '004-regulation': [],
    });
  });
});

describe('counting', () => {
  test('the finding covers the paragraph without its indent; whitespace is not counted', async () => {
    const body = `${sentence(200)}${sentence(201)}`;
    const found = await lintText(doc(`　　${body}`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, column: 3, text: body, message: '段落过长：401 字，超过 400 字', suggestion: '按层次拆成几段，或加小标题分开' });
    expect(await lintText(doc(`${sentence(200)}  ${sentence(200)}`))).toEqual([]);
  });

  test('option max; English message', async () => {
    expect((await lintText(doc(sentence(150)), sessionWith(['info', { max: 100 }]))).map((m) => m.message)).toEqual(['段落过长：150 字，超过 100 字']);
    expect((await lintText(doc(sentence(450)), sessionWith(undefined, 'en'))).map((m) => m.message)).toEqual(['long paragraph: 450 characters (over 400)']);
  });
});

describe('precision on the good drafts', () => {
  test('good-notice and good-report: no finding (their longest paragraphs are 149 and 218 characters)', async () => {
    expect(await lintFile('fixtures/good/good-notice.txt')).toEqual([]);
    expect(await lintFile('fixtures/good/good-report.txt')).toEqual([]);
  });
});
