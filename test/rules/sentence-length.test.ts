import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult, LintMessage } from '../../src/engine/result.js';
import type { RuleSetting } from '../../src/config/types.js';

const RULE = 'sentence-length';
const sessionWith = (setting?: RuleSetting, locale: 'zh' | 'en' = 'zh'): LintSession => new LintSession({ cwd: process.cwd(), useConfig: false, locale, rules: setting ? { [RULE]: setting } : {} });
const session = sessionWith();

const mine = (r: FileResult): LintMessage[] => r.messages.filter((m) => m.ruleId === RULE);
const lintText = async (text: string, s = session): Promise<LintMessage[]> => mine(await s.lintBytes(new TextEncoder().encode(text), 'x.txt'));
const lintFile = async (path: string): Promise<LintMessage[]> => mine((await session.lintPaths([path]))[0]!);
const doc = (...lines: string[]): string => `关于开展清理工作的通知\n${lines.join('\n')}\n`;
/** A clause of `n` Chinese characters. */
const clause = (n: number): string => '清理整合政务移动应用程序和工作群'.repeat(Math.ceil(n / 16)).slice(0, n);

describe('the seeds', () => {
  test('sentences over 120 characters, as info: 4 in 000, 3 in 001, 4 in 002, 6 in 003, none in 004', async () => {
    const counts: Record<string, number> = {};
    for (const name of ['000-moj-jianfu', '001-province-measures-trad', '002-city-report', '003-news', '004-regulation']) {
      const found = await lintFile(`fixtures/seeds/${name}.txt`);
      counts[name] = found.length;
      for (const m of found) {
        expect(m.severity).toBe('info');
        expect(Number(/(\d+) 字/.exec(m.message)![1])).toBeGreaterThan(120);
      }
    }
    expect(counts).toEqual({ '000-moj-jianfu': 4, '001-province-measures-trad': 3, '002-city-report': 4, '003-news': 6, '004-regulation': 0 });
  });

  test('000: the 213-character second sentence of its opening paragraph', async () => {
    const found = await lintFile('fixtures/seeds/000-moj-jianfu.txt');
    expect(found[1]).toMatchObject({ line: 2, column: 158, message: '句子过长：213 字，超过 120 字', suggestion: '拆成几个短句，一句只说一层意思' });
    expect(found[1]!.text).toMatch(/^中央《通知》对解决形式主义突出问题.*落实到司法行政工作全领域、各方面和全过程。$/);
  });
});

describe('splitting and counting', () => {
  test('a sentence ends at 。！？；, not at a comma; the finding covers the sentence and its closing quote', async () => {
    const long = `${clause(60)}，${clause(60)}。”`;
    const found = await lintText(doc(`${clause(20)}。${long}${clause(30)}；${clause(30)}？${clause(30)}！`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, column: 22, text: long, message: '句子过长：121 字，超过 120 字' });
  });

  test('half-width ; ? ! end a sentence too; whitespace is not counted', async () => {
    expect(await lintText(doc(`${clause(70)};${clause(70)}?${clause(70)}!`))).toEqual([]);
    expect(await lintText(doc(`${clause(60)}      ${clause(60)}。`))).toEqual([]);
  });

  test('exactly the limit is fine', async () => {
    expect(await lintText(doc(`${clause(120)}。`))).toEqual([]);
    expect(await lintText(doc(`${clause(121)}。`))).toHaveLength(1);
  });

  test('options: max, endings', async () => {
    expect((await lintText(doc(`${clause(60)}，${clause(10)}。`), sessionWith(['info', { max: 60 }]))).map((m) => m.message)).toEqual(['句子过长：71 字，超过 60 字']);
    expect(await lintText(doc(`${clause(60)}，${clause(60)}。`), sessionWith(['info', { endings: '。！？；，' }]))).toEqual([]);
  });

  test('English message', async () => {
    expect((await lintText(doc(`${clause(125)}。`), sessionWith(undefined, 'en'))).map((m) => m.message)).toEqual(['long sentence: 125 characters (over 120)']);
  });
});

describe('precision on the good drafts', () => {
  test('good-notice and good-report: no finding (their longest sentences are 80 and 70 characters)', async () => {
    expect(await lintFile('fixtures/good/good-notice.txt')).toEqual([]);
    expect(await lintFile('fixtures/good/good-report.txt')).toEqual([]);
  });
});
