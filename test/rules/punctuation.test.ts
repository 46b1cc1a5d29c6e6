import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeFixes } from '../../src/engine/fix.js';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult, LintMessage } from '../../src/engine/result.js';
import type { RuleSetting } from '../../src/config/types.js';
import { builtinRules } from '../../rules/index.js';

const RULE = 'punctuation';
/** This rule alone, so the fixes in a result are its own; one finding per mark unless a test groups them. */
const only = (setting: RuleSetting = ['warning', { groupWidth: false }]): Record<string, RuleSetting> => ({ ...Object.fromEntries(builtinRules.map((r) => [r.meta.id, 'off'])), [RULE]: setting });
const session = new LintSession({ cwd: process.cwd(), useConfig: false, rules: only() });
const sessionEn = new LintSession({ cwd: process.cwd(), useConfig: false, locale: 'en', rules: only() });

const mine = (r: FileResult): LintMessage[] => r.messages.filter((m) => m.ruleId === RULE);
const lintResult = (text: string, s = session): Promise<FileResult> => s.lintBytes(new TextEncoder().encode(text), 'x.txt');
const lintText = async (text: string, s = session): Promise<LintMessage[]> => mine(await lintResult(text, s));
const lintFile = async (path: string): Promise<LintMessage[]> => mine((await session.lintPaths([path]))[0]!);
/** A draft: a title, then the lines. Findings are reported from line 2. */
const doc = (...lines: string[]): string => `关于开展清理工作的通知\n${lines.join('\n')}\n`;
const isWidth = (m: LintMessage): boolean => /^半角/.test(m.message);
const brief = (ms: LintMessage[]): Array<[number, string, string | undefined]> => ms.map((m) => [m.line, m.text ?? '', m.suggestion]);

describe('the seeds', () => {
  const SEEDS = ['000-moj-jianfu', '001-province-measures-trad', '002-city-report', '003-news', '004-regulation'];

  test('every seed uses half-width punctuation in Chinese text: one fixable finding per mark, on that mark alone', async () => {
    const counts: Record<string, number> = {};
    for (const name of SEEDS) {
      const found = (await lintFile(`fixtures/seeds/${name}.txt`)).filter(isWidth);
      counts[name] = found.length;
      for (const m of found) {
        expect(m.text).toMatch(/^[,;:?!()]$/);
        expect(m.fixable).toBe(true);
        expect(m.column).toBe(m.endColumn);
      }
    }
    expect(counts).toEqual({ '000-moj-jianfu': 167, '001-province-measures-trad': 375, '002-city-report': 232, '003-news': 115, '004-regulation': 166 });
  });

  test('the other findings in the seeds: ranges in 001, 002 and 003, nothing else', async () => {
    const other: Record<string, Array<[number, string, string | undefined]>> = {};
    for (const name of SEEDS) other[name] = brief((await lintFile(`fixtures/seeds/${name}.txt`)).filter((m) => !isWidth(m)));
    expect(other).toEqual({
      '000-moj-jianfu': [],
      '001-province-measures-trad': [
        [8, '30%~50%', '30%～50%'],
        [14, '30%~50%', '30%～50%'],
      ],
      '002-city-report': [[3, '2021-2023年', '2021—2023年']],
      '003-news': [[18, '2022-2027年', '2022—2027年']],
      '004-regulation': [],
    });
  });

  test('000: the e-mail address keeps its dot and @, the comma after it is Chinese', async () => {
    const line = readFileSync('fixtures/seeds/000-moj-jianfu.txt', 'utf8').split('\n').findIndex((l) => l.includes('监督电子信箱')) + 1;
    const found = (await lintFile('fixtures/seeds/000-moj-jianfu.txt')).filter((m) => m.line === line);
    expect(found.map((m) => m.text)).toEqual([':', ',', ',']);
  });

  test('fixing 000 leaves no half-width mark in its Chinese text and changes nothing else', async () => {
    const source = readFileSync('fixtures/seeds/000-moj-jianfu.txt', 'utf8');
    const { fixed, applied } = computeFixes(await lintResult(source), source);
    expect(applied).toBe(167);
    expect(fixed!.length).toBe(source.length);
    expect(fixed!.replace(/[，；：（）]/g, '')).toBe(source.replace(/[,;:()，；：（）]/g, ''));
    expect((await lintText(fixed!)).filter(isWidth)).toEqual([]);
  });
});

describe('half-width marks', () => {
  test('each of , ; : ? ! ( ) next to Chinese text, fixed to full width', async () => {
    const source = doc('一是合并会议,二是压缩文件;三是:减少检查?能否做到!(以下简称《通知》)');
    const found = await lintText(source);
    expect(found.map((m) => [m.text, m.message])).toEqual([
      [',', '半角“,”应为全角“，”'],
      [';', '半角“;”应为全角“；”'],
      [':', '半角“:”应为全角“：”'],
      ['?', '半角“?”应为全角“？”'],
      ['!', '半角“!”应为全角“！”'],
      ['(', '半角“(”应为全角“（”'],
      [')', '半角“)”应为全角“）”'],
    ]);
    expect(found[0]).toMatchObject({ line: 2, column: 7, message: '半角“,”应为全角“，”', fixable: true });
    expect(computeFixes(await lintResult(source), source).fixed).toBe(doc('一是合并会议，二是压缩文件；三是：减少检查？能否做到！（以下简称《通知》）'));
  });

  test('not in numbers, times, Latin text, URLs, e-mail addresses or code', async () => {
    expect(
      await lintText(
        doc(
          '投资1,000万元，会议3:00开始，比例为1:2。',
          '口号是“Keep calm, carry on!”。',
          '详见 http://www.gov.cn/zhengce?id=1,2&a=(b) 。',
          '邮箱[email protected]。',
          '配置写作`a,b;c`。',
          'Copyright (c) 2019 All rights reserved',
        ),
      ),
    ).toEqual([]);
  });

  test('a bracket pair changes together: both ends, or neither', async () => {
    const found = await lintText(doc('All rights reserved(2019 改版升级).', '使用App(Application)开展。', 'see f(x) and g(y)'));
    expect(found.map((m) => [m.line, m.text])).toEqual([
      [2, '('],
      [2, ')'],
      [3, '('],
      [3, ')'],
    ]);
  });

  test('a Markdown link keeps its brackets', async () => {
    const found = mine(await session.lintBytes(new TextEncoder().encode('# 通知\n\n详见[政策文件](https://www.gov.cn/zhengce/)解读,按要求办理。\n'), 'x.md'));
    expect(found.map((m) => m.text)).toEqual([',']);
  });

  test('a comma after a URL belongs to the sentence', async () => {
    expect((await lintText(doc('访问https://www.gov.cn/path,然后登记。'))).map((m) => m.text)).toEqual([',']);
  });

  test('heading markers are left to heading-format', async () => {
    expect(await lintText(doc('一,总体要求', '(一)工作目标', '(1)微信群'))).toEqual([]);
  });
});

describe('ranges (GB/T 15834-2011 4.13)', () => {
  test('time ranges take "—"', async () => {
    expect(brief(await lintText(doc('2021-2023年工作情况。', '2021年~2023年。', '1-6月，9月1日-9月20日，8月5-10日。')))).toEqual([
      [2, '2021-2023年', '2021—2023年'],
      [3, '2021年~2023年', '2021年—2023年'],
      [4, '1-6月', '1—6月'],
      [4, '9月1日-9月20日', '9月1日—9月20日'],
      [4, '8月5-10日', '8月5—10日'],
    ]);
  });

  test('value ranges take "～", a percentage keeps its sign on both ends', async () => {
    expect(brief(await lintText(doc('减少30%-50%，或30-50%，或30%~50%。', '提前5-10个工作日，3-5年。')))).toEqual([
      [2, '30%-50%', '30%～50%'],
      [2, '30-50%', '30%～50%'],
      [2, '30%~50%', '30%～50%'],
      [3, '5-10个工作日', '5～10个工作日'],
      [3, '3-5年', '3～5年'],
    ]);
  });

  test('not phone numbers, addresses, standards, ISO dates or ranges already right', async () => {
    expect(await lintText(doc('电话：0871-63112345，山大路207-2号，GB/T 15834-2011，2018-09-11。', '2021—2023年，30%～50%，2021～2023年。'))).toEqual([]);
  });
});

describe('、等, dates, 文号', () => {
  test('"、等": no 顿号 before 等, but 等级 is a word', async () => {
    const found = await lintText(doc('通过电话、邮件、等方式沟通。', '落实网络安全、等级保护要求。'));
    expect(found.map((m) => [m.line, m.text, m.message, m.suggestion])).toEqual([[2, '、等', '“、等”：“等”前不用顿号', '等']]);
  });

  test('dates: 日 not 号, no zero padding', async () => {
    expect(brief(await lintText(doc('8月1号起施行。', '2024年08月06日印发。', '08月底前完成。', '2024年8月6日，8号楼，8月1号楼。')))).toEqual([
      [2, '8月1号', '8月1日'],
      [3, '2024年08月06日', '2024年8月6日'],
      [4, '08月', '8月'],
    ]);
  });

  test('文号 years take 〔〕', async () => {
    const found = await lintText(doc('云川政办发[2024]7号', '国办发(2024)5号', '省政府【2024】12号', '厅字（2023）', '国发〔2024〕5号，规划（2024）。'));
    expect(brief(found)).toEqual([
      [2, '[2024]', '〔2024〕'],
      [3, '(2024)', '〔2024〕'],
      [4, '【2024】', '〔2024〕'],
      [5, '（2023）', '〔2023〕'],
    ]);
    expect(found.every((m) => !m.fixable)).toBe(true);
  });

  test('文号 numbers take no 第 and no leading zero', async () => {
    expect(brief(await lintText(doc('国发〔2024〕第5号', '国办函〔2024〕05号', '国发〔2024〕10号')))).toEqual([
      [2, '第5号', '5号'],
      [3, '05号', '5号'],
    ]);
  });
});

describe('pairs and ellipses', () => {
  test('unpaired quotes and brackets', async () => {
    const found = await lintText(doc('增强“四个意识、坚定“四个自信”。', '印发《通知的要求。', '（以下简称规定。', '要求】。'));
    expect(found.map((m) => [m.line, m.text, m.message])).toEqual([
      [2, '“', '““”不成对'],
      [3, '《', '“《”不成对'],
      [4, '（', '“（”不成对'],
      [5, '】', '“】”不成对'],
    ]);
  });

  test('paired, mixed-width pairs, 1）list items, apostrophes, a quotation over several paragraphs', async () => {
    const found = await lintText(doc('“四个意识”‘两个维护’《通知》【注】(见附件）。', '1）合并会议；2）压缩文件。', 'don’t', '“第一段。', '“第二段。”'));
    // "(见附件）" pairs; its "(" is only too narrow.
    expect(found.map((m) => m.message)).toEqual(['半角“(”应为全角“（”']);
  });

  test('ellipses', async () => {
    expect(brief(await lintText(doc('会议、文件、简报。。。', '等等...', '以及…', '以及……', 'etc...')))).toEqual([
      [2, '。。。', '……'],
      [3, '...', '……'],
      [4, '…', '……'],
    ]);
  });

  test('English messages', async () => {
    const found = await lintText(doc('合并会议,压缩文件。2021-2023年。'), sessionEn);
    expect(found.map((m) => m.message)).toEqual(['half-width "," → "，"', 'a time range takes "—": write "2021-2023年" as "2021—2023年"']);
  });
});

describe('precision on the good drafts', () => {
  test('good-notice and good-report: no finding', async () => {
    expect(await lintFile('fixtures/good/good-notice.txt')).toEqual([]);
    expect(await lintFile('fixtures/good/good-report.txt')).toEqual([]);
  });
});

describe('garbage in', () => {
  test('long runs (spaces, digits, numerals, commas, brackets) stay linear: a 360,000-character paragraph in well under a second', async () => {
    const { default: rule } = await import('../../rules/punctuation.js');
    const { normalizeAll } = await import('../../src/document/normalize.js');
    const runs = ['a'.repeat(50000), ' '.repeat(50000), '一'.repeat(30000), ',中'.repeat(20000), '0'.repeat(20000), '）'.repeat(10000), 'x@'.repeat(5000), '.'.repeat(10000), '1-'.repeat(10000), '“'.repeat(5000), '(中'.repeat(5000), '中)'.repeat(5000)];
    const text = runs.join('中文');
    const [norm] = await normalizeAll([text]);
    const doc = { path: 'x.txt', format: 'txt' as const, paragraphs: [{ index: 0, text, norm: norm!, kind: 'body' as const }], warnings: [], hasText: true };
    let reports = 0;
    const started = performance.now();
    await rule.check(doc, { options: { groupWidth: false }, locale: 'zh', severity: 'warning', references: [], report: () => void reports++, stat: () => {} });
    // A guard against quadratic blow-up (minutes), not a speed target: those live in bench/.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(reports).toBeGreaterThan(20000);
  });
});

describe('grouped width findings (the default)', () => {
  test('one finding and one fix per paragraph for all its half-width marks', async () => {
    const grouped = new LintSession({ cwd: process.cwd(), useConfig: false, rules: only('warning') });
    const text = doc('各单位要按时报送,不得延误;确需延期的(特殊情况),须说明理由。', '第二段全部用全角标点，没有问题。');
    const r = await lintResult(text, grouped);
    const width = mine(r).filter((m) => /半角标点/.test(m.message));
    expect(width).toHaveLength(1);
    expect(width[0]).toMatchObject({ line: 2, column: 9, message: '本段有 5 处半角标点（, ; ( )）应为全角', fixable: true });
    const fixed = computeFixes(r, text).fixed!;
    expect(fixed).toBe(doc('各单位要按时报送，不得延误；确需延期的（特殊情况），须说明理由。', '第二段全部用全角标点，没有问题。'));
  });
});
