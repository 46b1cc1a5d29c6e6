// A title set over several lines breaks between words (GB/T 9704-2012 7.3.3, format-elements): the two drafts of
// scripts/make-format-fixtures.mjs as .docx (a w:br in the title, written by LibreOffice) and as .txt (two lines),
// and titles of real notices broken at their words, inside a word, and after a function word.
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';
import { breakFault } from '../../rules/format-title-lines.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const session = (): LintSession => new LintSession({ cwd: ROOT, useConfig: false, concurrency: 'off' });
const family = (r: FileResult): Array<[number, string, string]> => r.messages.filter((m) => m.ruleId?.startsWith('format-')).map((m) => [m.line, m.ruleId!, m.message]);

describe('the title on two lines, .docx and .txt', () => {
  test.each(['docx', 'txt'])('good-title-lines.%s: broken between words, no finding', async (ext) => {
    const [r] = await session().lintPaths([`fixtures/format/good-title-lines.${ext}`]);
    expect(family(r!)).toEqual([]);
  });
  test.each(['docx', 'txt'])('elements-title-break.%s: broken inside 印发, exactly that finding', async (ext) => {
    const [r] = await session().lintPaths([`fixtures/format/elements-title-break.${ext}`]);
    expect(family(r!)).toEqual([[2, 'format-elements', '标题回行拆开了词语“印发”，回行应保持词意完整']]);
    const m = r!.messages.find((x) => x.ruleId === 'format-elements')!;
    // The finding covers the part of the word left on the first line: 印.
    expect([m.column, m.endColumn, m.text]).toEqual([13, 13, '印']);
  });
  test('in a .txt both lines are the title, and the 主送机关 comes after them', async () => {
    const [r] = await session().lintPaths(['fixtures/format/good-title-lines.txt']);
    expect(r!.document!.paragraphs.slice(0, 4).map((p) => p.element)).toEqual(['doc-number', 'title', 'title', 'addressee']);
  });
  test('a .txt title line followed by one that does not end it with a kind of document stays one line', async () => {
    const text = '关于做好2024年防汛工作的通知\n王明\n各区县人民政府：\n现将有关事项通知如下。\n';
    const r = await session().lintBytes(new TextEncoder().encode(text), 'a.txt');
    expect(r.document!.paragraphs.slice(0, 2).map((p) => p.element)).toEqual(['title', 'body']);
  });
});

describe('where a title line may break', () => {
  test.each([
    ['国务院办公厅关于印发', '全国深化改革方案的通知'],
    ['关于进一步加强安全生产', '工作的通知'],
    ['关于进一步加强安全', '生产工作的通知'],
    ['云川市人民政府办公室关于印发《云川市政务移动应用', '程序管理办法》的通知'],
    ['关于做好2024年度', '困难群众救助工作的通知'],
    ['关于加强和改进', '新时代基层治理工作的意见'],
    ['云川市发展和改革委员会', '关于报送项目的请示'],
  ])('%s / %s: between words (a compound of two words may part)', (a, b) => {
    expect(breakFault(a, b)).toBeUndefined();
  });
  test.each([
    ['关于开展城乡环境卫', '生整治行动的实施方案', '卫生', 1],
    ['中华人民共和', '国政府采购法实施条例', '共和国', 2],
    ['关于进一步加强安全生', '产工作的通知', '安全生产', 3],
    ['云川市人民政府办公室关于印发《云川市政务移动应用程序管', '理办法》的通知', '管理', 1],
  ])('%s / %s: inside %s', (a, b, word, before) => {
    expect(breakFault(a, b)).toEqual({ kind: 'word', word, before });
  });
  test.each([
    ['关于印发《云川市政务移动应用程序管理办法》的', '通知', '的'],
    ['关于加强和', '改进新时代基层治理工作的意见', '和'],
    ['关于表彰先进集体与', '先进个人的决定', '与'],
  ])('%s / %s: a line ending with %s', (a, b, word) => {
    expect(breakFault(a, b)).toEqual({ kind: 'function', word });
  });
  test('a word that ends in 的 or 和 is not a function word (目的, 共和)', () => {
    expect(breakFault('关于明确培训目的', '和考核办法的通知')).toBeUndefined();
  });
});
