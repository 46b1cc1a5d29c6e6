// The kinds of slip the typo rule finds beyond its lists, each with a guard that keeps right text quiet:
// words of official writing the lexicon now knows, look-alike variants inside any word, slogans one sound
// off, a common word with an edge character doubled, and names after a unit.
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const session = new LintSession({ cwd: ROOT, useConfig: false, locale: 'zh', rules: { typo: ['error', {}] } });

async function found(text: string): Promise<Array<[string | undefined, string | undefined]>> {
  const r = await session.lintBytes(new TextEncoder().encode(text), 'draft.txt');
  return r.messages.filter((m) => m.ruleId === 'typo').map((m) => [m.text, m.suggestion]);
}

describe('typo: words of official writing by field', () => {
  test.each([
    ['异地备份：对异地备分数据每月开展恢复演练。', '备分', '备份'],
    ['资产：按期完成清产核资，对闲至房产登记造册。', '闲至', '闲置'],
    ['纪要：会议纪耍由办公室印发各成员单位。', '纪耍', '纪要'],
    ['迭代：系统上线后将持续叠代升级。', '叠代', '迭代'],
    ['账目：审计发现部分单位帐目不清。', '帐目', '账目'],
    ['休耕：今年全县实施轮作修耕面积3万亩。', '修耕', '休耕'],
  ])('%s', async (text, wrong, right) => {
    expect(await found(text)).toContainEqual([wrong, right]);
  });

  test('a measure after 逐 and a laboratory term are words, not slips', async () => {
    expect(await found('组织检验机构对全部电梯逐台检查，逐户走访；参加市级室间质评，合格的方可互认。')).toEqual([]);
  });
});

describe('typo: look-alike variants inside a word', () => {
  test.each([
    ['各地要釆取有效措施。', '釆取', '采取'],
    ['确保嬴得工作主动。', '嬴得', '赢得'],
    ['要增强责任感和紧廹感。', '紧廹感', '紧迫感'],
    ['严防截留挪用征菅资金。', '征菅', '征管'],
  ])('%s', async (text, wrong, right) => {
    expect(await found(text)).toContainEqual([wrong, right]);
  });

  test('a rare character that is part of a word as written stands (膏肓, 亳州, 如火如荼)', async () => {
    expect(await found('病入膏肓，亳州市，如火如荼，昆仑山下，卫戍部队。')).toEqual([]);
  });
});

describe('typo: slogans and idioms one sound off', () => {
  test.each([
    ['坚持控缀保学，确保适龄儿童不失学。', '控缀保学', '控辍保学'],
    ['要以钉钉子精神抓好落实，做到久久为攻。', '久久为攻', '久久为功'],
  ])('%s', async (text, wrong, right) => {
    expect(await found(text)).toContainEqual([wrong, right]);
  });

  test('the slogans written right stand', async () => {
    expect(await found('各地要深化拓展控辍保学，扎实推进精文减会，久久为功。')).toEqual([]);
  });
});

describe('typo: a common word with its first or last character doubled', () => {
  test.each([
    ['要进一步步压实各方责任。', '进一步步', '进一步'],
    ['各地要进进一步提高效率。', '进进一步', '进一步'],
  ])('%s', async (text, wrong, right) => {
    expect(await found(text)).toContainEqual([wrong, right]);
  });

  test('a reduplication, or a doubled character that makes a word with its neighbour, stands', async () => {
    expect(await found('要一步步推进改革，促进进一步发展。')).toEqual([]);
  });
});

describe('typo: names', () => {
  test('a name right after a unit (就业促进科陈立伟) is not read as a slip', async () => {
    expect(await found('我局联系人：就业促进科陈立伟，电话：0597-2351234。')).toEqual([]);
  });
});

describe('typo: a two-character slip that breaks no neighbouring word needs less evidence', () => {
  test.each([
    ['坚持钢性约束不放松。', '钢性', '刚性'],
    ['对房屋租凭合同备案。', '租凭', '租赁'],
    ['组织公益性讲坐。', '讲坐', '讲座'],
    ['坚决兑见各项承诺。', '兑见', '兑现'],
  ])('%s', async (text, wrong, right) => {
    expect(await found(text)).toContainEqual([wrong, right]);
  });

  test.each([
    ['a character that belongs to the next word (长效)', '推广使用电子秤长效管理机制。'],
    ['a rare character of a place name', '机关党员干部在渭华起义纪念馆开展主题党日活动。'],
    ['a measure after a count left blank', '第一批互认项目共项，其中检验项目76项。'],
    ['a suffix that ends the word before', '全县农村管网漏损率约为19%。'],
    ['a character of a three-character word before (好差评)', '政务服务实行好差评，差评件由承办部门回访。'],
  ])('stands: %s', async (_why, text) => {
    expect(await found(text)).toEqual([]);
  });
});
