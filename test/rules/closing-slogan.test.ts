import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';

const ROOT = new URL('../..', import.meta.url).pathname;

const session = (options: Record<string, unknown> = {}, locale: 'zh' | 'en' = 'zh'): LintSession =>
  new LintSession({ cwd: ROOT, useConfig: false, locale, rules: { 'closing-slogan': ['warning', options] } });

const mine = (r: FileResult) => r.messages.filter((m) => m.ruleId === 'closing-slogan');

async function lintFile(path: string, options: Record<string, unknown> = {}) {
  const [r] = await session(options).lintPaths([path]);
  return mine(r!);
}

async function lintText(text: string, options: Record<string, unknown> = {}, locale: 'zh' | 'en' = 'zh') {
  return mine(await session(options, locale).lintBytes(new TextEncoder().encode(text), 'draft.txt'));
}

const SEEDS = ['000-moj-jianfu', '001-province-measures-trad', '002-city-report', '003-news', '004-regulation'];

describe('closing-slogan on the seeds', () => {
  // None of the seeds ends in a hat: 000 ends with its complaint mailbox, 002 with a proposal, 003 with a
  // count of rules, 004 with 本实施细则…自印发之日起施行 (then web debris, skipped).
  for (const seed of SEEDS) {
    test(`${seed}: no finding`, async () => {
      expect(await lintFile(`fixtures/seeds/${seed}.txt`)).toEqual([]);
    });
  }

  test('seed 001 ends with a measure and a slogan tail (营造…良好氛围): under the default share, over 0.5', async () => {
    // "及時宣傳推介干實事、作風好的先進典型,進一步在全省營造實干創業、擔當作為的良好氛圍。" — the debris line
    // after it (來源:網絡整理 免責聲明…) is skipped; the pinyin "(chuàng)" does not count.
    const [f, ...rest] = await lintFile('fixtures/seeds/001-province-measures-trad.txt', { minShare: 0.5 });
    expect(rest).toEqual([]);
    expect(f!.line).toBe(39);
    expect(f!.message).toMatch(/^结尾口号 54 字，口号占 55%（"營造實干創\(chuàng\)業\(yè\)、擔當作為的良好氛圍"/);
    expect(f!.text!.startsWith('及時宣傳推介')).toBe(true);
  });
});

describe('precision: the good fixtures', () => {
  for (const file of ['good-notice', 'good-report']) {
    for (const ext of ['txt', 'docx', 'pdf']) {
      test(`${file}.${ext}: no finding`, async () => {
        expect(await lintFile(`fixtures/good/${file}.${ext}`)).toEqual([]);
      });
    }
  }
});

describe('written examples', () => {
  test('a notice whose last paragraph is empty calls and a slogan, before 特此通知, signature and date', async () => {
    const [f, ...rest] = await lintText(
      '关于做好2024年安全生产工作的通知\n各区县人民政府，市政府各部门：\n一、开展隐患排查\n6月30日前，各区县完成辖区内危险化学品企业隐患排查，排查结果报市应急管理局。\n各地各部门要切实加强组织领导，确保各项措施落到实处，为推动全市经济社会高质量发展作出新的更大贡献。\n特此通知。\n云川市人民政府办公室\n2024年8月6日\n',
    );
    expect(rest).toEqual([]);
    expect(f!.line).toBe(5);
    expect(f!.column).toBe(1);
    expect(f!.text).toBe('各地各部门要切实加强组织领导，确保各项措施落到实处，为推动全市经济社会高质量发展作出新的更大贡献。');
    expect(f!.message).toBe('结尾口号 49 字，口号占 100%（"为推动全市经济社会高质量发展作出新的更大贡献"）');
    expect(f!.suggestion).toMatch(/^删去口号，以具体要求收尾/);
  });

  test('让我们…团结在…周围…为…而努力奋斗！', async () => {
    const [f] = await lintText(
      '云川市信访工作办法\n一、适用范围\n本办法适用于市、区县两级行政机关办理信访事项。\n让我们更加紧密地团结在以习近平同志为核心的党中央周围，凝心聚力、苦干实干，为全面建设社会主义现代化国家而努力奋斗！\n',
    );
    expect(f!.line).toBe(4);
    expect(f!.message).toBe('结尾口号 57 字，口号占 100%（"为全面建设社会主义现代化国家而努力奋斗"、"团结在以习近平同志为核心的党中央周围"、"让我们更加紧密地"）');
  });

  test('only the closing sentences are reported, not the requirement before them', async () => {
    const [f] = await lintText(
      '关于基层减负工作情况的报告\n一、主要工作\n全年清理议事协调机构12个，撤销5个。12月20日前完成全年评估。下一步，我们将以更加饱满的热情、更加昂扬的斗志，奋力开创基层减负工作新局面，以优异成绩迎接党的二十大胜利召开。\n特此报告。\n云川市司法局\n2024年12月20日\n',
    );
    expect(f!.line).toBe(3);
    expect(f!.text).toBe('下一步，我们将以更加饱满的热情、更加昂扬的斗志，奋力开创基层减负工作新局面，以优异成绩迎接党的二十大胜利召开。');
    expect(f!.message).toMatch(/^结尾口号 55 字，口号占 94%/);
  });

  test('traditional characters, quoted as written', async () => {
    const [f] = await lintText('關於做好基層減負工作的通知\n一、精簡文件\n各部門發文數量比上年減少30%。\n讓我們凝心聚力、砥礪前行，奮力譜寫新時代高質量發展新篇章！\n');
    expect(f!.text).toBe('讓我們凝心聚力、砥礪前行，奮力譜寫新時代高質量發展新篇章！');
    expect(f!.message).toMatch(/^结尾口号 29 字，口号占 100%（"奮力譜寫新時代高質量發展新篇章"/);
  });

  const good: Array<[string, string]> = [
    ['a deadline and a contact', '关于开展清理工作的通知\n一、清理范围\n市级部门自建的程序。\n请各区县于12月31日前将落实情况报市政府办公室，联系人：张岚，电话：0871-63112345。\n特此通知。\n云川市人民政府办公室\n2024年8月6日\n'],
    ['a requirement with one empty call and no slogan', '关于开展清理工作的通知\n一、清理范围\n市级部门自建的程序。\n各地要在10月底前完成整改，确保工作取得实效。\n'],
    ['a transmittal notice', '关于印发《云川市政务数据共享管理办法》的通知\n各区县人民政府，市政府各部门：\n经市政府同意，现将《云川市政务数据共享管理办法》印发给你们，请认真贯彻执行。\n云川市人民政府办公室\n2024年8月6日\n'],
    ['a measure with a short purpose', '关于全年评估的通知\n一、评估\n12月20日前，市政府办公室对全年精简文件会议工作进行评估，评估结果纳入部门年度绩效考评，为明年工作安排提供依据。\n'],
  ];
  for (const [name, text] of good) {
    test(`no finding: ${name}`, async () => {
      expect(await lintText(text)).toEqual([]);
    });
  }
});

describe('options and messages', () => {
  test('minChars: a one-slogan closing shorter than it passes', async () => {
    const text = '关于评估的报告\n一、评估\n全年评估已完成。\n再创佳绩！\n';
    expect(await lintText(text)).toHaveLength(0);
    expect(await lintText(text, { minChars: 4 })).toHaveLength(1);
  });

  test('English', async () => {
    const [f] = await lintText('关于基层减负的通知\n一、精简文件\n各部门发文数量比上年减少30%。\n让我们凝心聚力、砥砺前行，奋力谱写新时代高质量发展新篇章！\n', {}, 'en');
    expect(f!.message).toMatch(/^the closing is 100% slogans over 29 characters \("奋力谱写新时代高质量发展新篇章", /);
    expect(f!.suggestion).toMatch(/^cut the slogans; end with a concrete requirement/);
  });
});
