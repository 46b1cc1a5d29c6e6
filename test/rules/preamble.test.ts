import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';

const ROOT = new URL('../..', import.meta.url).pathname;

const session = (options: Record<string, unknown> = {}, locale: 'zh' | 'en' = 'zh'): LintSession =>
  new LintSession({ cwd: ROOT, useConfig: false, locale, rules: { preamble: ['warning', options] } });

const mine = (r: FileResult) => r.messages.filter((m) => m.ruleId === 'preamble');

async function lintFile(path: string, options: Record<string, unknown> = {}) {
  const [r] = await session(options).lintPaths([path]);
  return mine(r!);
}

async function lintText(text: string, options: Record<string, unknown> = {}, locale: 'zh' | 'en' = 'zh') {
  return mine(await session(options, locale).lintBytes(new TextEncoder().encode(text), 'draft.txt'));
}

describe('preamble on the seeds', () => {
  test('seed 000: the chain of lead-ins before "司法部多次召开…" is reported, and the framing sentence after it', async () => {
    const [boots, framing, ...rest] = await lintFile('fixtures/seeds/000-moj-jianfu.txt');
    expect(rest).toEqual([]);
    expect(boots!.line).toBe(2);
    expect(boots!.column).toBe(1);
    expect(boots!.message).toBe('开头铺垫 100 字，其中套语占 100%：建议开门见山');
    expect(boots!.text).toMatch(/^为深入贯彻落实习近平总书记关于加强党的作风建设,.*重要指示批示精神,认真贯彻落实《中共中央办公厅关于解决形式主义突出问题为基层减负的通知》\(以下简称《通知》\)要求$/);
    expect(boots!.suggestion).toBe('删去引述和表态，直接从"司法部多次召开部党组会和部长办公…"写起');
    expect(framing!.line).toBe(2);
    expect(framing!.message).toMatch(/^开头表态 213 字（"政治站位"、"四个意识"、"四个自信"），没有具体措施$/);
    expect(framing!.text).toMatch(/^中央《通知》对解决形式主义突出问题.*落实到司法行政工作全领域、各方面和全过程$/);
  });

  test('seed 001 (traditional characters): the purpose chain before "制定如下措施", quoted in its own characters', async () => {
    const found = await lintFile('fixtures/seeds/001-province-measures-trad.txt');
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f!.line).toBe(2);
    expect(f!.column).toBe(1);
    expect(f!.message).toBe('开头铺垫 114 字，其中套语占 100%：建议开门见山');
    expect(f!.text!.startsWith('為認真貫徹《中共中央辦公廳')).toBe(true);
    expect(f!.text!.endsWith('確保“基層減負年”取得明顯成效')).toBe(true);
    expect(f!.suggestion).toBe('删去引述和表态，直接从"制定如下措施"写起');
  });

  test('seed 002 opens "按照有关要求,现将…报告如下。": short, no finding', async () => {
    expect(await lintFile('fixtures/seeds/002-city-report.txt')).toEqual([]);
  });

  test('seeds 003 (news) and 004 (regulation: 第一条 states its purpose after the first heading) have none', async () => {
    expect(await lintFile('fixtures/seeds/003-news.txt')).toEqual([]);
    expect(await lintFile('fixtures/seeds/004-regulation.txt')).toEqual([]);
  });

  for (const ext of ['docx', 'pdf']) {
    test(`the same findings from the .${ext}`, async () => {
      for (const seed of ['000-moj-jianfu', '001-province-measures-trad']) {
        const txt = await lintFile(`fixtures/seeds/${seed}.txt`);
        const other = await lintFile(`fixtures/seeds/${seed}.${ext}`);
        expect(other.map((m) => [m.message, m.text])).toEqual(txt.map((m) => [m.message, m.text]));
      }
    });
  }
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

describe('preamble on written examples', () => {
  test('a long chain of lead-ins and framing before "现就…通知如下"', async () => {
    const [f, ...rest] = await lintText(
      '关于做好2024年安全生产工作的通知\n各区县人民政府，市政府各部门：\n为深入贯彻落实党的二十大精神和省委十二届三次全会精神，全面落实市委市政府决策部署，进一步提高政治站位，增强“四个意识”、坚定“四个自信”、做到“两个维护”，切实把思想和行动统一到中央和省委的决策部署上来，推动全市安全生产形势持续稳定向好，现就做好2024年安全生产工作通知如下：\n一、开展隐患排查\n6月30日前，各区县完成辖区内危险化学品企业隐患排查。\n',
    );
    expect(rest).toEqual([]);
    expect(f!.line).toBe(3);
    expect(f!.message).toMatch(/^开头铺垫 118 字，其中套语占 \d+%/);
    expect(f!.text!.endsWith('推动全市安全生产形势持续稳定向好')).toBe(true);
  });

  test('a preamble of two sentences: 在…领导下，以…为指导 and then 为…，根据…，结合…', async () => {
    const [f] = await lintText(
      '云川市信访工作办法\n在市委市政府的坚强领导下，以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。为进一步加强和改进我市信访工作，切实维护群众合法权益，根据《信访工作条例》有关规定，结合我市实际，制定本办法。\n一、适用范围\n',
    );
    expect(f!.message).toMatch(/^开头铺垫 94 字/);
    expect(f!.suggestion).toBe('删去引述和表态，直接从"制定本办法"写起');
  });

  test('under maxLength but mostly set phrases: reported by share', async () => {
    const [f] = await lintText(
      '关于2024年基层减负工作情况的报告\n市委：\n为深入贯彻落实习近平总书记关于安全生产的重要论述和重要指示批示精神，按照省委省政府的决策部署和工作要求，现将有关情况报告如下。\n',
    );
    expect(f!.message).toBe('开头铺垫 51 字，其中套语占 100%：建议开门见山');
  });

  test('an opening that ends in "：" is not taken for the 主送机关 line', async () => {
    const [f] = await lintText('关于做好防汛工作的通知\n为深入贯彻落实习近平总书记关于防汛救灾工作的重要指示精神，按照省委省政府决策部署，现将有关事项通知如下：\n一、值班值守\n');
    expect(f!.message).toBe('开头铺垫 40 字，其中套语占 100%：建议开门见山');
  });

  test('traditional characters match the same lists', async () => {
    const [f] = await lintText(
      '關於做好基層減負工作的通知\n為深入貫徹落實黨的二十大精神，全面落實省委省政府決策部署，進一步提高政治站位，增強“四個意識”、堅定“四個自信”、做到“兩個維護”，切實減輕基層負擔，現就有關事項通知如下：\n一、精簡文件\n',
    );
    expect(f!.message).toMatch(/^开头铺垫 74 字/);
    expect(f!.text!.startsWith('為深入貫徹落實黨的二十大精神')).toBe(true);
  });

  const good: Array<[string, string]> = [
    ['a short lead-in (good-report)', '关于上半年工作情况的报告\n省人民政府办公厅：\n按照省政府办公厅关于报送精简文件会议工作进展的要求，现将我市2024年1月至6月的工作情况报告如下。\n'],
    ['a transmittal notice', '关于印发《云川市政务数据共享管理办法》的通知\n各区县人民政府，市政府各部门：\n经市政府同意，现将《云川市政务数据共享管理办法》印发给你们，请认真贯彻执行。\n'],
    ['a short purpose clause', '关于开展政务移动应用程序清理的通知\n各区县人民政府：\n为规范政务移动应用程序管理，减轻基层负担，现将有关事项通知如下：\n'],
    ['facts first', '关于做好下半年安全生产工作的通知\n今年1月至6月，全市发生生产安全事故12起，死亡9人，同比分别下降20%和25%。为做好下半年安全生产工作，现就有关事项通知如下：\n一、开展隐患排查\n'],
    ['a regulation whose 第一条 states its purpose', '云川市档案管理办法\n第一条 为了加强档案管理，规范档案收集、整理工作，根据《中华人民共和国档案法》等法律法规，结合本市实际，制定本办法。\n'],
  ];
  for (const [name, text] of good) {
    test(`no finding: ${name}`, async () => {
      expect(await lintText(text)).toEqual([]);
    });
  }
});

describe('options and messages', () => {
  test('maxLength and minLength: the 100-character opening of seed 000 passes minLength 105, the 114 of seed 001 does not', async () => {
    const options = { maxLength: 200, minLength: 105 };
    expect((await lintFile('fixtures/seeds/000-moj-jianfu.txt', options)).map((m) => m.message.slice(0, 4))).toEqual(['开头表态']);
    expect((await lintFile('fixtures/seeds/001-province-measures-trad.txt', options)).map((m) => m.message.slice(0, 4))).toEqual(['开头铺垫']);
  });

  test('by structure: a purpose chain of any wording before 特制定本方案 is preamble', async () => {
    const [f, ...rest] = await lintText(
      '关于印发全市安全生产专项整治实施方案的通知\n为认真贯彻落实省委省政府关于安全生产的决策部署，进一步压实安全生产责任，有效防范遏制重特大事故发生，确保全市安全生产形势持续稳定向好，结合我市实际，特制定本方案。\n一、工作目标\n',
    );
    expect(rest).toEqual([]);
    expect(f!.message).toBe('开头铺垫 73 字，其中套语占 100%：建议开门见山');
    expect(f!.suggestion).toBe('删去引述和表态，直接从"特制定本方案"写起');
    // A purpose with figures in it is a measure: 为在6月30日前完成… is not boots.
    expect(await lintText('关于做好汛前检查的通知\n为在6月30日前完成全市12座水库的汛前检查，市水利局组织3个检查组，现将有关事项通知如下：\n')).toEqual([]);
  });

  test('framing: false leaves only the lead-in', async () => {
    expect(await lintFile('fixtures/seeds/000-moj-jianfu.txt', { framing: false })).toHaveLength(1);
  });

  test('English', async () => {
    const [f] = await lintText('关于2024年基层减负工作情况的报告\n为深入贯彻落实习近平总书记关于安全生产的重要论述和重要指示批示精神，按照省委省政府的决策部署和工作要求，现将有关情况报告如下。\n', {}, 'en');
    expect(f!.message).toBe('the opening runs 51 characters before the substance, 100% of them set phrases: get to the point');
    expect(f!.suggestion).toBe('drop the citations and declarations; start with "现将有关情况报告如下"');
  });

  test('a lead-in naming its legal basis (title marks and an article, a 文号 or a 关于… title) is not a preamble', async () => {
    expect(await lintText('关于开展燃气安全检查的通知\n根据《中华人民共和国安全生产法》第二十一条和《城镇燃气管理条例》第四十一条的规定，结合本市燃气安全管理工作实际，现将2025年燃气安全检查有关事项通知如下：\n一、检查范围\n')).toEqual([]);
    expect(await lintText('关于报送统计数据的通知\n根据省统计局《关于做好2024年统计年报工作的通知》（鲁统字〔2024〕14号）要求，为确保年报数据按时报送，结合我市统计工作实际情况，现将有关事项通知如下：\n一、报送内容\n')).toEqual([]);
    // The same lead-in with slogans in it stays a preamble.
    const [f] = await lintText('关于报送统计数据的通知\n根据《关于做好2024年统计年报工作的通知》精神和省委省政府决策部署要求，为深入贯彻落实党中央关于统计工作的重要指示精神，进一步提高政治站位，现将有关事项通知如下：\n一、报送内容\n');
    expect(f?.ruleId).toBe('preamble');
  });
});
