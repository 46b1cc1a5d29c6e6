import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeFixes } from '../../src/engine/fix.js';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult, LintMessage } from '../../src/engine/result.js';
import type { RuleSetting } from '../../src/config/types.js';
import { builtinRules } from '../../rules/index.js';

const RULES = ['heading-format', 'heading-sequence'];
/** The two heading rules alone, so the fixes in a result are theirs; set together through their old name. */
const only = (setting: RuleSetting = 'warning'): Record<string, RuleSetting> => ({ ...Object.fromEntries(builtinRules.map((r) => [r.meta.id, 'off'])), 'heading-numbering': setting });
const session = new LintSession({ cwd: process.cwd(), useConfig: false, rules: only() });
const sessionEn = new LintSession({ cwd: process.cwd(), useConfig: false, locale: 'en', rules: only() });

const mine = (r: FileResult): LintMessage[] => r.messages.filter((m) => RULES.includes(m.ruleId ?? ''));
const lintText = async (text: string, s = session): Promise<LintMessage[]> => mine(await s.lintBytes(new TextEncoder().encode(text), 'x.txt'));
const lintFile = async (path: string): Promise<LintMessage[]> => mine((await session.lintPaths([path]))[0]!);
const seed = (name: string): string => readFileSync(`fixtures/seeds/${name}.txt`, 'utf8');
const doc = (...lines: string[]): string => `关于开展清理工作的通知\n${lines.join('\n')}\n`;

describe('the seeds', () => {
  test('000, 001 and 003 number correctly: no finding (001 numbers 1.–30. on across its 一、 parts; 003 runs 一是…八是 over paragraphs)', async () => {
    for (const name of ['000-moj-jianfu', '001-province-measures-trad', '003-news']) {
      expect(await lintFile(`fixtures/seeds/${name}.txt`), name).toEqual([]);
    }
  });

  test('002: only the nine half-width "(一)" markers; its 一是…五是 runs are in order', async () => {
    const found = await lintFile('fixtures/seeds/002-city-report.txt');
    expect(found).toHaveLength(9);
    for (const m of found) {
      expect(m.message).toMatch(/^序号“\([一二三四五]\)”应写作“（[一二三四五]）”$/);
      expect(m.fixable).toBe(true);
      expect(m.column).toBe(1);
    }
    expect(found.map((m) => m.line)).toEqual([5, 6, 7, 8, 9, 11, 12, 13, 14]);
  });

  test('004: 第一章…第八章 and 第一条…第二十一条 are continuous, so the only findings are its 25 half-width "(一)" lists under 第四条, 第六条, 第十三条 and 第十四条', async () => {
    const found = await lintFile('fixtures/seeds/004-regulation.txt');
    expect(found.filter((m) => /第/.test(m.message))).toEqual([]);
    expect(found).toHaveLength(25);
    expect(found.every((m) => /^序号“\(.\)”应写作“（.）”$/.test(m.message))).toBe(true);
  });

  test('004 with 第十二条 deleted: one finding, at 第十三条', async () => {
    const lines = seed('004-regulation').split('\n');
    const at = lines.findIndex((l) => l.startsWith('第十二条'));
    lines.splice(at, 1);
    const line = lines.findIndex((l) => l.startsWith('第十三条')) + 1;
    const found = (await lintText(lines.join('\n'))).filter((m) => /第/.test(m.message));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line, column: 1, text: '第十三条', message: '序号跳号：“第十三条”前缺少“第十二条”', suggestion: '改为“第十二条”' });
  });

  test('004 with 第五章 written as 第四章: a repeated chapter, and articles still count on across chapters', async () => {
    const text = seed('004-regulation').replace('第五章', '第四章');
    const found = (await lintText(text)).filter((m) => /第/.test(m.message));
    expect(found.map((m) => m.message)).toEqual(['序号重复：“第四章”，应为“第五章”']);
  });

  test('a fixed copy of 002 has no finding left', async () => {
    const source = seed('002-city-report');
    const result = await session.lintBytes(new TextEncoder().encode(source), 'x.txt');
    const { fixed, applied } = computeFixes(result, source);
    expect(applied).toBe(9);
    expect(fixed).toContain('（一）以学为本');
    expect(await lintText(fixed!)).toEqual([]);
  });
});

describe('numbers at each level', () => {
  test('a skipped number, with the expected marker as suggestion', async () => {
    const found = await lintText(doc('一、总体要求', '内容。', '二、工作任务', '内容。', '四、保障措施', '内容。'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 6, column: 1, text: '四、', message: '序号跳号：“四、”前缺少“三、”', suggestion: '改为“三、”' });
  });

  test('repeated and out-of-order numbers', async () => {
    const found = await lintText(doc('一、总体要求', '（一）目标', '（二）原则', '（二）范围', '二、工作任务', '（一）自查', '（三）整改', '（二）验收'));
    expect(found.map((m) => [m.line, m.message])).toEqual([
      [5, '序号重复：“（二）”，应为“（三）”'],
      [8, '序号跳号：“（三）”前缺少“（二）”'],
      [9, '序号顺序颠倒：“（二）”，应为“（四）”'],
    ]);
  });

  test('a lower level restarts under each new parent', async () => {
    expect(await lintText(doc('一、清理范围', '（一）程序', '1.自建程序。', '2.委托开发的程序。', '（二）工作群', '1.工作群。', '（1）微信群；', '（2）钉钉群。', '2.临时群。', '二、工作安排', '（一）自查登记', '（二）分类处置'))).toEqual([]);
  });

  test('a lower level numbered on across parents is accepted (若干措施, seed 001), unless turned off', async () => {
    const text = doc('一、文件', '1.减少发文。', '2.控制规格。', '二、会议', '3.计划管理。', '4.控制规模。');
    expect(await lintText(text)).toEqual([]);
    const strict = new LintSession({ cwd: process.cwd(), useConfig: false, rules: only(['warning', { continuousAcrossParents: false }]) });
    expect((await lintText(text, strict)).map((m) => m.message)).toEqual(['序号“3.”前没有“1.”']);
  });

  test('a list that starts at 2', async () => {
    expect((await lintText(doc('一、总体要求', '（二）目标'))).map((m) => m.message)).toEqual(['序号“（二）”前没有“（一）”']);
  });

  test('（一） before the first 一、 in a document that has 一、', async () => {
    const found = await lintText(doc('（一）背景', '（二）依据', '一、总体要求', '（一）目标'));
    expect(found.map((m) => [m.line, m.message])).toEqual([[2, '“（一）”出现在第一个“一、”之前，缺少上一级序号']]);
    // A document whose top level is （一） is fine.
    expect(await lintText(doc('（一）背景', '（二）依据', '1.法律。', '2.法规。'))).toEqual([]);
  });

  test('levels inverted: （一） under 1.', async () => {
    const found = await lintText(doc('一、总体要求', '1.目标。', '2.原则。', '（一）范围'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('层次颠倒：“（一）”用在“1.”之下（层次应为一、→（一）→1.→（1））');
  });

  test('skipping a level downward (一、 then 1.) is accepted, as in seed 001', async () => {
    expect(await lintText(doc('一、文件', '1.减少发文。', '（1）合并；', '（2）取消。', '2.控制规格。'))).toEqual([]);
  });
});

describe('separators and brackets', () => {
  test.each([
    ['一，总体要求', '一，', '一、'],
    ['一.总体要求', '一.', '一、'],
    ['一．总体要求', '一．', '一、'],
    ['（一）、工作目标', '（一）、', '（一）'],
    ['(一)工作目标', '(一)', '（一）'],
    ['(一)、工作目标', '(一)、', '（一）'],
    ['（1）.微信群', '（1）.', '（1）'],
    ['(1)微信群', '(1)', '（1）'],
    ['1）微信群', '1）', '（1）'],
    ['1)微信群', '1)', '（1）'],
  ])('"%s" → %s should be %s, fixable', async (line, found, expected) => {
    const level1 = line.startsWith('一') ? [] : ['一、总体要求'];
    const level3 = /1/.test(line) ? ['1.目标。'] : [];
    const messages = await lintText(doc(...level1, ...level3, line));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ text: found, message: `序号“${found}”应写作“${expected}”`, suggestion: `改为“${expected}”`, fixable: true });
  });

  test('"1、" and "1，" should be "1."; "1．" is accepted', async () => {
    const found = await lintText(doc('一、总体要求', '1、目标。', '2，原则。', '3．范围。'));
    expect(found.map((m) => m.message)).toEqual(['序号“1、”应写作“1.”', '序号“2，”应写作“2.”']);
  });

  test('the fix writes the marker right and nothing else', async () => {
    const source = doc('一，总体要求', '(一)工作目标', '1、停用注销。');
    const result = await session.lintBytes(new TextEncoder().encode(source), 'x.txt');
    expect(computeFixes(result, source).fixed).toBe(doc('一、总体要求', '（一）工作目标', '1.停用注销。'));
  });

  test('English messages', async () => {
    const found = await lintText(doc('一、总体要求', '三、工作任务', '1、目标。'), sessionEn);
    expect(found.map((m) => m.message)).toEqual(['skipped number: "二、" is missing before "三、"', 'write the number "1、" as "1."']);
  });
});

describe('一是…二是…三是…', () => {
  test('in order within a paragraph and over paragraphs (seeds 002, 003)', async () => {
    expect(await lintText(doc('（一）以学为本，筑牢思想根基。一是强化理论武装。二是落实主体责任。三是严肃政治生活。', '（二）统筹计划。一是制定计划；二是定期通报。', '下一步：', '一是加强统筹。', '二是加大力度。', '三是完善制度。'))).toEqual([]);
  });

  test('一是 then 三是 is a skip; 二是 without 一是', async () => {
    const found = await lintText(doc('（一）强化措施。一是严格控制会议数量。三是创新方法。', '（二）严格程序。主要做法：二是严格执行报备制度。'));
    expect(found.map((m) => [m.line, m.text, m.message])).toEqual([
      [2, '三是', '序号跳号：“三是”前缺少“二是”'],
      [3, '二是', '序号“二是”前没有“一是”'],
    ]);
    expect(found[0]!.suggestion).toBe('改为“二是”');
  });

  test('over paragraphs: 一是, 二是, 四是', async () => {
    const found = await lintText(doc('下步工作打算', '一是加强统筹。', '二是加大力度。', '四是完善制度。'));
    expect(found.map((m) => [m.line, m.message])).toEqual([[5, '序号跳号：“四是”前缺少“三是”']]);
  });

  test('words with 是 after a numeral are not items: 唯一是, 统一是, 一是否', async () => {
    expect(await lintText(doc('这是唯一是非判断的依据，统一是前提。', '一是否需要报批，要看是否涉及经费。'))).toEqual([]);
  });
});

describe('false positives avoided', () => {
  test('a numbered list inside a paragraph, 1.5倍, dates and numbers at the start of a paragraph', async () => {
    expect(
      await lintText(doc('一、总体要求', '主要有：1.减少发文；2.控制规格；4.合并会议。', '1.5倍以上的，从严掌握。', '2024年8月6日起施行。', '3、4月份开展自查。', '86家企业受检。')),
    ).toEqual([]);
  });

  test('"一、二类会议" at the start of a paragraph is a list of numbers, not a heading', async () => {
    expect(await lintText(doc('一、总体要求', '内容。', '二、会议管理', '一、二类会议由省委研究确定。', '三、督查检查'))).toEqual([]);
  });

  test('an attachment starts its numbering again; 附件：1. … 2. … is a list of its own', async () => {
    expect(await lintText(doc('一、总体要求', '二、工作任务', '附件：1.清理登记表', '      2.联系人名单', '附件1', '清理登记表', '一、填表说明', '二、报送方式'))).toEqual([]);
  });

  test('a paragraph that starts with a reference to an article is not an article', async () => {
    expect(await lintText(doc('第一条　为了规范督查工作，制定本办法。', '第二条　本办法适用于全省。', '第五条规定的情形，按照有关规定处理。', '第三条　督查工作遵循以下原则：', '（一）围绕中心；', '（二）注重实效。'))).toEqual([]);
  });

  test('a list under each 第X条 restarts, and is not "without a parent"', async () => {
    expect(await lintText(doc('第一条　原则：', '（一）围绕中心；', '（二）注重实效。', '第二条　范围：', '（一）会议；', '（二）文件。'))).toEqual([]);
  });
});

describe('precision on the good drafts', () => {
  test('good-notice and good-report: no finding', async () => {
    expect(await lintFile('fixtures/good/good-notice.txt')).toEqual([]);
    expect(await lintFile('fixtures/good/good-report.txt')).toEqual([]);
  });
});

describe('one slip, one finding', () => {
  test('a number written twice by mistake is one finding; a missing number is one finding', async () => {
    expect((await lintText(doc('一、甲', '二、乙', '二、丙', '四、丁'))).map((m) => [m.line, m.message])).toEqual([[4, '序号重复：“二、”，应为“三、”']]);
    expect((await lintText(doc('一、甲', '二、乙', '四、丙', '五、丁'))).map((m) => [m.line, m.message])).toEqual([[4, '序号跳号：“四、”前缺少“三、”']]);
    expect((await lintText(doc('（一）甲。一是A；二是B；二是C；四是D。'))).map((m) => m.message)).toEqual(['序号重复：“二是”，应为“三是”']);
  });
});

describe('a second part', () => {
  test('a 目录 before the text, or a 方案 after its 通知: the top level starting again at 1 and going on with 2', async () => {
    expect(await lintText(doc('目录', '一、总体要求', '二、工作任务', '三、保障措施', '一、总体要求', '（一）目标', '二、工作任务', '三、保障措施'))).toEqual([]);
    expect(await lintText(doc('第一章　总则', '第一条　目的。', '第二章　附则', '第二条　施行。', '第一章　总则', '第一条　目的。', '第二章　附则', '第二条　施行。'))).toEqual([]);
  });

  test('but 一、 alone after 二、 is out of order', async () => {
    expect((await lintText(doc('一、总体要求', '二、工作任务', '一、保障措施'))).map((m) => m.message)).toEqual(['序号顺序颠倒：“一、”，应为“三、”']);
  });
});

describe('lists that start again: lead lines, unmarked parent headings, a second part', () => {
  test('a lead line ending "：" opens a list of its own; the list it interrupts goes on after it', async () => {
    expect(
      await lintText(doc('一、总体要求', '（一）工作目标', '1.汛前完成水库安全检查。', '2.汛期不发生垮坝事故。', '主要指标如下：', '1.水库安全鉴定完成率100%。', '2.山洪预警覆盖率95%以上。', '3.险工险段全部落实责任人。', '（二）基本原则', '1.坚持人民至上。')),
    ).toEqual([]);
  });

  test('a heading with no marker ("第一部分　水库") is a parent: the list under it starts at 1', async () => {
    const text = doc('一、责任落实', '第一部分　水库', '1.落实行政责任人。', '2.落实技术责任人。', '3.落实巡查责任人。', '第二部分　堤防', '1.落实堤防巡查责任人。', '2.完成险工险段排查。', '二、有关要求');
    expect(await lintText(text)).toEqual([]);
  });

  test('but a list that skips under a lead line is still a skip', async () => {
    const found = await lintText(doc('一、总体要求', '主要任务如下：', '1.清理文件。', '3.精简会议。'));
    expect(found.map((m) => [m.line, m.message])).toEqual([[5, '序号跳号：“3.”前缺少“2.”']]);
  });

  test('nested lists in a real .docx and its PDF keep their levels (fixtures/rules, made by LibreOffice)', async () => {
    for (const ext of ['docx', 'pdf']) expect(await lintFile(`fixtures/rules/lists-and-table.${ext}`), ext).toEqual([]);
  });
});

describe('cross-references are never headings', () => {
  test('依照本办法第五条, 第三条第二款, 根据第一章, 第十条（一）项 inside or at the start of a paragraph', async () => {
    const text = doc(
      '第一条　为了规范督查工作，制定本办法。',
      '第二条　本办法适用于全省各级行政机关。',
      '依照本办法第五条规定，督查结果应当通报。',
      '第三条第二款所列情形，从其规定。',
      '根据第一章有关规定，各地应当于5月底前完成自查。',
      '第十条（一）项规定的材料，由督查机构保存。',
      '第三条　督查工作遵循以下原则：',
      '（一）围绕中心；',
      '（二）注重实效。',
      '第四条 本办法自2024年5月1日起施行。',
    );
    expect(await lintText(text)).toEqual([]);
  });

  test('an article whose text starts with a word that could follow a reference is still an article', async () => {
    const found = await lintText(doc('第一条　目的。', '第二条　所有部门应当执行本办法。', '第四条　施行日期。'));
    expect(found.map((m) => m.message)).toEqual(['序号跳号：“第四条”前缺少“第三条”']);
  });
});

describe('two rules, one old name', () => {
  const sessionFor = (rules: Record<string, RuleSetting>): LintSession =>
    new LintSession({ cwd: process.cwd(), useConfig: false, rules: { ...Object.fromEntries(builtinRules.map((r) => [r.meta.id, 'off'])), ...rules } });
  const text = doc('一、总体要求', '(一)工作目标', '（三）基本原则');

  test('heading-format reports only the form, heading-sequence only the order', async () => {
    const format = mine(await sessionFor({ 'heading-format': 'warning' }).lintBytes(new TextEncoder().encode(text), 'x.txt'));
    const sequence = mine(await sessionFor({ 'heading-sequence': 'warning' }).lintBytes(new TextEncoder().encode(text), 'x.txt'));
    expect(format.map((m) => [m.ruleId, m.message])).toEqual([['heading-format', '序号“(一)”应写作“（一）”']]);
    expect(sequence.map((m) => [m.ruleId, m.message])).toEqual([['heading-sequence', '序号跳号：“（三）”前缺少“（二）”']]);
  });

  test('"heading-numbering" in config sets both, and its options go to heading-sequence', async () => {
    const off = mine(await sessionFor({ 'heading-format': 'warning', 'heading-sequence': 'warning', 'heading-numbering': 'off' }).lintBytes(new TextEncoder().encode(text), 'x.txt'));
    expect(off).toEqual([]);
    const errors = mine(await sessionFor({ 'heading-numbering': 'error' }).lintBytes(new TextEncoder().encode(text), 'x.txt'));
    expect(errors.map((m) => [m.ruleId, m.severity])).toEqual([['heading-format', 'error'], ['heading-sequence', 'error']]);
    const across = doc('一、文件', '1.减少发文。', '2.控制规格。', '二、会议', '3.计划管理。');
    const strict = mine(await sessionFor({ 'heading-numbering': ['warning', { continuousAcrossParents: false }] }).lintBytes(new TextEncoder().encode(across), 'x.txt'));
    expect(strict.map((m) => m.ruleId)).toEqual(['heading-sequence']);
  });

  test('an option neither rule has is an error naming the old id', async () => {
    const s = sessionFor({ 'heading-numbering': ['warning', { nope: true }] });
    await expect(s.lintBytes(new TextEncoder().encode(text), 'x.txt')).rejects.toThrow(/heading-numbering.*nope|nope.*heading-numbering/);
  });
});

describe('no heading-sequence finding on well-edited documents', () => {
  test('seeds 000, 001, 003, 004 (.txt, .docx, .pdf) and fixtures/good', async () => {
    const files = [
      ...['000-moj-jianfu', '001-province-measures-trad', '003-news', '004-regulation'].flatMap((s) => ['txt', 'docx', 'pdf'].map((e) => `fixtures/seeds/${s}.${e}`)),
      ...['good-notice', 'good-report'].flatMap((s) => ['txt', 'docx', 'pdf'].map((e) => `fixtures/good/${s}.${e}`)),
    ];
    for (const f of files) expect((await lintFile(f)).filter((m) => m.ruleId === 'heading-sequence'), f).toEqual([]);
  });
});
