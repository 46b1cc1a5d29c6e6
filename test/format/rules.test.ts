// The format family (format-page, format-fonts, format-elements) on real .docx files LibreOffice made
// (scripts/make-format-fixtures.mjs): each fault fixture gets exactly its finding, at the right element; the drafts in
// GB/T 9704 format — the five seeds' text, a complete 公文, the same with _GB2312 font names — and the repository's
// good drafts and seeds get none; presets and config overrides change the answer; the real Word/WPS drafts.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { banjiOwnSection } from '../../rules/format-banji-section.js';
import { buildDocument } from '../../src/document/build.js';
import { readDocumentBytes } from '../../src/readers/index.js';
import type { DocxLayoutFacts } from '../../src/readers/docx/layout-facts.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const CALIBRATION = `${ROOT}../shared/calibration`;
const FAMILY = /^format-/;

const session = (configFile?: string): LintSession => new LintSession({ cwd: ROOT, useConfig: configFile !== undefined, configFile, concurrency: 'off' });
const family = (r: FileResult): Array<[number, string, string]> => r.messages.filter((m) => FAMILY.test(m.ruleId ?? '')).map((m) => [m.line, m.ruleId!, m.message]);

async function lint(paths: string[], configFile?: string): Promise<FileResult[]> {
  return session(configFile).lintPaths(paths);
}

/** Each fault fixture: the one finding it must get — line, rule, and words of the message. */
const FAULTS: Record<string, [number, string, string]> = {
  'page-margins': [1, 'format-page', '页边距不符：上 30 mm（应为 37 mm）、下 42 mm（应为 35 mm）'],
  'page-letter': [1, 'format-page', '纸张 215.9 × 279.4 mm，应为 A4（210 × 297 mm）'],
  'page-lines': [1, 'format-page', '文档网格每页 20 行，应为 22 行'],
  'page-chars': [1, 'format-page', '文档网格每行 26 字，应为 28 字'],
  'fonts-title': [2, 'format-fonts', '标题应为二号（22 pt）小标宋：第 2 段用了宋体'],
  'fonts-body-size': [4, 'format-fonts', '正文应为三号（16 pt）仿宋：第 4、6 段为小三（15 pt）'],
  'fonts-heading1': [5, 'format-fonts', '一级标题应为三号（16 pt）黑体：第 5、11 段用了楷体'],
  'fonts-heading2': [7, 'format-fonts', '二级标题应为三号（16 pt）楷体：第 7、9、16 段用了仿宋'],
  'fonts-banji': [22, 'format-fonts', '版记应为四号（14 pt）仿宋：第 22、23 段为三号（16 pt）'],
  'elements-doc-number': [1, 'format-elements', '发文字号“云川政办发[2024]5号”：年份用六角括号〔〕'],
  'elements-doc-number-zero': [1, 'format-elements', '发文字号“云川政办发〔2024〕第05号”：序号前不加"第"；序号不编虚位（不写 0）'],
  'elements-date': [20, 'format-elements', '成文日期“2024年08月06日”：月、日不编虚位（不写 0）'],
  'elements-date-chinese': [20, 'format-elements', '成文日期“二〇二四年八月六日”：用阿拉伯数字'],
  'elements-attachment-single': [17, 'format-elements', '只有一个附件时不编序号'],
  'elements-attachment-colon': [17, 'format-elements', '附件说明应以“附件：”开头（全角冒号）'],
  'elements-note': [21, 'format-elements', '附注应加圆括号（全角）'],
  'elements-title': [2, 'format-elements', '标题末尾不加标点符号'],
  'elements-cc': [22, 'format-elements', '抄送机关名称后加句号，“抄送”后用全角冒号'],
  'elements-title-break': [2, 'format-elements', '标题回行拆开了词语“印发”'],
  'banji-page-numbered': [22, 'format-page-number', '版记单独成页时不编排页码，版记所在的节页脚中有页码'],
};

describe('fault fixtures: each gets exactly its finding', () => {
  test('every fault fixture is listed here', () => {
    // paragraph-* and page-number-* are format-paragraph's and format-page-number's (test/format/paragraph-page-number.test.ts).
    // theme-fonts-* has a finding for every kind of element in the body font (below).
    const files = readdirSync(`${ROOT}fixtures/format`).filter((f) => f.endsWith('.docx') && !f.startsWith('good-') && !/^(paragraph|page-number|theme-fonts)-/.test(f));
    expect(files.map((f) => f.replace(/\.docx$/, '')).sort()).toEqual(Object.keys(FAULTS).sort());
  });
  test.each(Object.entries(FAULTS))('%s', async (name, [line, rule, words]) => {
    const [r] = await lint([`fixtures/format/${name}.docx`]);
    const found = family(r!);
    expect(found).toHaveLength(1);
    expect(found[0]!.slice(0, 2)).toEqual([line, rule]);
    expect(found[0]![2]).toContain(words);
  });
});

describe('drafts in GB/T 9704 format get no finding from the family', () => {
  const good = readdirSync(`${ROOT}fixtures/format`).filter((f) => f.startsWith('good-') && f.endsWith('.docx')).map((f) => `fixtures/format/${f}`);
  test('fixtures/format/good-* (the five seeds, a complete 公文, _GB2312 font names, a title on two lines, a 版记 page of its own, the body font from the theme) are ten', () => expect(good).toHaveLength(10));
  test.each(good)('%s', async (path) => {
    const [r] = await lint([path]);
    expect(family(r!)).toEqual([]);
  });
  test('fixtures/good and fixtures/seeds, every format', async () => {
    const paths = ['fixtures/good', 'fixtures/seeds'].flatMap((d) => readdirSync(`${ROOT}${d}`).map((f) => `${d}/${f}`));
    for (const r of await lint(paths)) expect([r.path, family(r)]).toEqual([r.path, []]);
  });
});

describe('the 版记 page (format-page-number)', () => {
  test('a 版记 in a section of its own is found as such; one sharing the body\'s section is not (its page is not known)', async () => {
    const paths = ['fixtures/format/good-banji-page.docx', 'fixtures/format/banji-page-numbered.docx', 'fixtures/format/good-complete.docx'];
    const sections: Array<number | undefined> = [];
    for (const path of paths) {
      const doc = await buildDocument(await readDocumentBytes(new Uint8Array(readFileSync(`${ROOT}${path}`)), path, { maxInflatedBytes: 64 << 20 }), path);
      sections.push(banjiOwnSection(doc, doc.layout as DocxLayoutFacts));
    }
    expect(sections).toEqual([1, 1, undefined]);
    const results = await lint(paths);
    // The 版记's own section needs no page number: no "missing" for it, and the body's section is still checked.
    expect(results.map((r) => family(r).map(([, rule]) => rule))).toEqual([[], ['format-page-number'], []]);
  });
});

describe('theme fonts (format-fonts)', () => {
  test('a body font named through the theme is the theme\'s font: 仿宋 passes, 等线 is named', async () => {
    const [good, dengxian] = await lint(['fixtures/format/good-theme-fonts.docx', 'fixtures/format/theme-fonts-dengxian.docx']);
    expect(family(good!)).toEqual([]);
    const found = family(dengxian!);
    // One finding for each kind of element set in the body font (the title and the two heading fonts are the styles' own).
    expect(found.map(([line, rule]) => [line, rule])).toEqual([1, 3, 4, 12, 14, 17, 19, 20, 21].map((line) => [line, 'format-fonts']));
    expect(found.find(([line]) => line === 4)![2]).toBe('正文应为三号（16 pt）仿宋：第 4、6、8、10 段用了等线（主题字体）');
  });
});

describe('presets and overrides', () => {
  function config(body: string): string {
    const dir = tempDir();
    const file = join(dir, '.wenfengrc.yaml');
    writeFileSync(file, body);
    return file;
  }

  test('gbt9704-strict takes only the _GB2312 names and 方正小标宋简体: 仿宋, 楷体, 方正小标宋_GBK are faults there', async () => {
    const strict = config('format: { preset: gbt9704-strict }\n');
    const [plain, gb2312] = await lint(['fixtures/format/good-complete.docx', 'fixtures/format/good-gb2312.docx'], strict);
    // The strict preset also wants odd pages' numbers right and even pages' left (these are centred).
    expect(family(plain!).filter(([, rule]) => rule === 'format-page-number').map(([, , m]) => m)).toEqual(['页码位置应为单页居右、双页居左，现为单页居中、双页居中']);
    const found = family(plain!).filter(([, rule]) => rule !== 'format-page-number');
    // One finding per kind of element in 仿宋 or 楷体; the 黑体 headings and the 方正小标宋简体 title pass.
    expect(found.map(([, rule]) => rule).every((r) => r === 'format-fonts')).toBe(true);
    expect(found.map(([line]) => line)).toEqual([1, 3, 4, 7, 12, 14, 17, 19, 20, 21, 22]);
    expect(found.find(([line]) => line === 4)![2]).toBe('正文应为三号（16 pt）仿宋：第 4、6、8、10 段用了仿宋');
    expect(found.find(([line]) => line === 7)![2]).toBe('二级标题应为三号（16 pt）楷体：第 7、9、16 段用了楷体');
    expect(found.some(([, , m]) => /标题应为.*(黑体|小标宋)/.test(m))).toBe(false);
    // Its title is in 方正小标宋_GBK: the default preset's 小标宋, not the strict one's (方正小标宋简体 only).
    expect(family(gb2312!).filter(([, rule]) => rule !== 'format-page-number')).toEqual([[2, 'format-fonts', '标题应为二号（22 pt）小标宋：第 2 段用了方正小标宋_GBK']]);
    // Under the default preset both are right.
    const [a, b] = await lint(['fixtures/format/good-complete.docx', 'fixtures/format/good-gb2312.docx']);
    expect([family(a!), family(b!)]).toEqual([[], []]);
  });

  test('an office overrides one value: its own margins, its own font names, a rule option', async () => {
    const margins = config('format:\n  page: { marginsMm: { top: 30, bottom: 42 } }\n');
    expect(family((await lint(['fixtures/format/page-margins.docx'], margins))[0]!)).toEqual([]);
    expect(family((await lint(['fixtures/format/good-complete.docx'], margins))[0]!).map(([, rule]) => rule)).toEqual(['format-page']);
    const songti = config('format:\n  fontFamilies: { 小标宋: [宋体, 方正小标宋简体] }\n');
    expect(family((await lint(['fixtures/format/fonts-title.docx'], songti))[0]!)).toEqual([]);
    const perRule = config('rules:\n  format-page: [warning, { format: { page: { linesPerPage: 20 } } }]\n');
    expect(family((await lint(['fixtures/format/page-lines.docx'], perRule))[0]!)).toEqual([]);
  });

  test('overrides by glob carry format settings too', async () => {
    const dir = tempDir();
    copyFileSync(`${ROOT}fixtures/format/page-letter.docx`, join(dir, 'letter.docx'));
    writeFileSync(join(dir, '.wenfengrc.yaml'), 'overrides:\n  - files: ["letter.docx"]\n    format: { page: { paperMm: { width: 215.9, height: 279.4 }, linesPerPage: 20, charsPerLine: 29 } }\n');
    const run = runCli([join(dir, 'letter.docx'), '--format', 'json'], { cwd: dir });
    const messages = JSON.parse(run.stdout).files[0].messages.filter((m: { ruleId: string }) => FAMILY.test(m.ruleId ?? ''));
    expect(messages.map((m: { message: string }) => m.message)).toEqual([]);
  });

  test('a wrong key or preset is a config error naming it, exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.wenfengrc.yaml'), 'format:\n  preset: gbt9704\n  page: { margin: { top: 30 }, toleranceMm: "1" }\n');
    writeFileSync(join(dir, 'a.txt'), '关于开展检查的通知\n');
    const run = runCli([join(dir, 'a.txt')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('format.preset: 未知的格式预设 gbt9704（可用：gbt9704-2012、gbt9704-strict）');
    expect(run.stderr).toContain('format.page.margin: 没有这一项');
    expect(run.stderr).toContain('format.page.toleranceMm: 应为非负数');
  });
});

describe('format-elements on text drafts', () => {
  test('the same faults in a .txt: 文号, date, 附件说明, 附注, 主送机关, 抄送 — and a 文号 quoted in the body is not one', async () => {
    const text = [
      '云川政办发（2024）第5号',
      '云川市人民政府办公室关于开展政务移动应用程序清理的通知',
      '各区县人民政府:',
      '根据云川政办发[2023]12号文件，现将有关事项通知如下。',
      '附件：1.清理工作方案',
      '云川市人民政府办公室',
      '2024年8月6号',
      '此件公开发布',
      '抄送:市委办公室。',
    ].join('\n');
    const r = await session().lintBytes(new TextEncoder().encode(text), 'notice.txt');
    expect(family(r).map(([line, rule, message]) => [line, rule, message])).toEqual([
      [1, 'format-elements', '发文字号“云川政办发（2024）第5号”：年份用六角括号〔〕；序号前不加"第"'],
      [3, 'format-elements', '主送机关末尾用全角冒号“：”'],
      [5, 'format-elements', '只有一个附件时不编序号'],
      [7, 'format-elements', '成文日期“2024年8月6号”：用"日"不用"号"'],
      [8, 'format-elements', '附注应加圆括号（全角）'],
      [9, 'format-elements', '抄送机关名称后加句号，“抄送”后用全角冒号'],
    ]);
  });
});

describe('format-elements stays quiet on elements written right', () => {
  test('a single attachment whose name starts with a year; several numbered; a dated 附注 in parentheses', async () => {
    const drafts = [
      ['关于追加2024年食品安全抽检经费的请示', '市人民政府：', '特恳请市政府追加经费186万元。', '当否，请批示。', '附件：2024年食品安全抽检经费测算明细表', '临江市市场监督管理局', '2024年7月15日', '（联系人：王敏，联系电话：6623518）'],
      ['关于印发两项制度的通知', '各科室：', '现将两项制度印发给你们，请遵照执行。', '附件：1.公文办理制度', '　　　2.会议管理制度', '临江市市场监督管理局办公室', '2024年7月15日', '（此件公开发布）', '抄送：市政府办公室，市委办公室。'],
    ];
    for (const lines of drafts) {
      const r = await session().lintBytes(new TextEncoder().encode(lines.join('\n')), 'draft.txt');
      expect(r.document!.paragraphs.some((p) => p.element === 'attachment-note')).toBe(true);
      expect(family(r)).toEqual([]);
    }
  });
});

/** The real Word/WPS drafts: what the family says of each (README lists them with a note on each). */
const CALIBRATION_FINDINGS: Record<string, Array<[number, string]>> = {
  'real-ffgzz-sow.docx': [[1, 'format-page'], [1, 'format-page'], [6, 'format-fonts'], [6, 'format-page-number'], [6, 'format-page-number'], [6, 'format-page-number'], [6, 'format-paragraph'], [6, 'format-paragraph'], [7, 'format-paragraph'], [22, 'format-page'], [23, 'format-fonts'], [38, 'format-page'], [38, 'format-page'], [49, 'format-fonts']],
  'real-ffgzz-zhinan.docx': [[1, 'format-page'], [1, 'format-page'], [1, 'format-page-number']],
  'real-gwa-sx_1.docx': [],
  'real-gwa-tz_1.docx': [],
  'real-hsz-guanlibanfa-2023.docx': [[42, 'format-fonts']],
  'real-hsz-qingshibaogao-2023.docx': [[1, 'format-elements'], [46, 'format-elements']],
  'real-mrered-template-14.docx': [[1, 'format-page-number'], [1, 'format-page-number'], [3, 'format-paragraph']],
  'real-wps-gongwen-yangzhang.docx': [[1, 'format-page-number']],
};

describe.skipIf(!existsSync(CALIBRATION))('the real drafts in ../shared/calibration (skipped: ../shared is absent)', () => {
  test('each draft gets the findings README lists', async () => {
    const files = readdirSync(CALIBRATION).filter((f) => f.endsWith('.docx')).sort();
    const results = await lint(files.map((f) => join(CALIBRATION, f)));
    const got = Object.fromEntries(results.map((r, i) => [files[i]!, family(r).map(([line, rule]) => [line, rule])]));
    expect(got).toEqual(CALIBRATION_FINDINGS);
  });
  test("Word's Office theme is read: an empty a:ea falls back to the Simplified Chinese font", async () => {
    const path = join(CALIBRATION, 'real-gwa-sx_1.docx');
    const doc = await buildDocument(await readDocumentBytes(new Uint8Array(readFileSync(path)), path, { maxInflatedBytes: 64 << 20 }), path);
    const theme = (doc.layout as DocxLayoutFacts).themeFonts!;
    expect([theme.minorEastAsia, theme.majorEastAsia]).toEqual(['宋体', '宋体']);
    expect(theme.minorHAnsi).toBeTruthy();
  });
});

describe('wenfeng init writes the preset choice', () => {
  test('--preset gbt9704-strict is written and applies; the default is gbt9704-2012; an unknown one is refused', () => {
    const dir = tempDir();
    expect(runCli(['init', '--preset', 'gbt9704-strict'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, '.wenfengrc.yaml'), 'utf8')).toMatch(/^format:\n {2}preset: gbt9704-strict$/m);
    copyFileSync(`${ROOT}fixtures/format/good-gb2312.docx`, join(dir, 'draft.docx'));
    const run = runCli(['draft.docx', '--format', 'json'], { cwd: dir });
    const rules = JSON.parse(run.stdout).files[0].messages.map((m: { ruleId: string }) => m.ruleId).filter((id: string) => FAMILY.test(id ?? ''));
    expect(rules).toEqual(['format-page-number', 'format-fonts']); // centred page numbers; the title's 方正小标宋_GBK

    const plain = tempDir();
    expect(runCli(['init'], { cwd: plain }).code).toBe(0);
    expect(readFileSync(join(plain, '.wenfengrc.yaml'), 'utf8')).toMatch(/^ {2}preset: gbt9704-2012$/m);
    const bad = tempDir();
    const refused = runCli(['init', '--preset', 'strict'], { cwd: bad });
    expect([refused.code, existsSync(join(bad, '.wenfengrc.yaml'))]).toEqual([2, false]);
    expect(refused.stderr).toContain("--preset 的值 'strict' 无效");
  });
});
