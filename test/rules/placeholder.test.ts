import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import { DEFAULT_LIMITS } from '../../src/engine/limits.js';
import type { FileResult, LintMessage } from '../../src/engine/result.js';
import { builtinRules } from '../../rules/index.js';

const RULE = 'placeholder';
// The paragraph cap is raised past the million-character paragraph of the cost test (the rule is what it measures).
const session = new LintSession({ cwd: process.cwd(), useConfig: false, limits: { ...DEFAULT_LIMITS, maxParagraphChars: 2_000_000 }, rules: { ...Object.fromEntries(builtinRules.map((r) => [r.meta.id, 'off'])), [RULE]: 'error' } });
const mine = (r: FileResult): LintMessage[] => r.messages.filter((m) => m.ruleId === RULE);
const lintText = async (text: string): Promise<LintMessage[]> => mine(await session.lintBytes(new TextEncoder().encode(text), 'x.txt'));
/** The findings of one body line under a title, as the text each one covers. */
const found = async (line: string): Promise<string[]> => (await lintText(`关于做好防汛工作的通知\n${line}\n`)).map((m) => m.text ?? '');

describe('blank dates, in every form a template leaves them', () => {
  test.each([
    ['请于　　年　　月　　日前报送市局。', '年　　月　　日'],
    ['请于2024年 月 日前将名单报送市局。', '2024年 月 日'],
    ['各县区要于6月 日前完成自查。', '6月 日'],
    ['本通知自20XX年X月X日起施行。', '20XX年X月X日'],
    ['会议定于××月××日召开。', '××月××日'],
    ['请于○月○日前报送。', '○月○日'],
    ['申请时间：2026年x月x日', '2026年x月x日'],
    ['道路将于2024年X月X日起封闭施工。', '2024年X月X日'],
    ['第一批楼栋于7月×日开工。', '7月×日'],
  ])('%s', async (line, blank) => {
    const f = await found(line);
    expect(f).toHaveLength(1);
    expect(f[0]).toBe(blank);
  });

  test('a date written out, and a label of a form ("出生年月日"), are no blanks', async () => {
    expect(await found('本办法自2024年5月1日起施行，请填写出生年月日和身份证号码。')).toEqual([]);
    expect(await found('二〇二四年三月十二日，市政府召开常务会议。')).toEqual([]);
  });
});

describe('X, ×, ○ and 某某 standing for digits or names', () => {
  test.each([
    ['对新认定的集聚区给予一次性奖励X万元。', 'X'],
    ['国考断面水质优良比例达到XX%。', 'XX'],
    ['全市还有××个行政村没有互助养老站点。', '××'],
    ['对○○水库等5个水源地开展整治。', '○○'],
    ['全区累计报告手足口病○例。', '○'],
    ['记录：某某', '某某'],
    ['XXXX人民政府办公室', 'XXXX'],
    ['机关代字〔20××〕×号', '××'],
  ])('%s', async (line, leftover) => {
    expect(await found(line)).toContain(leftover);
  });

  test('a name withheld on purpose, a product of sizes, a Latin word, X光 and 二〇二四 are left alone', async () => {
    expect(await found('经查，党员张某某违规收受礼品。')).toEqual([]);
    expect(await found('纸张幅面为210mm×297mm，版心为156mm×225mm，按3×4排列。')).toEqual([]);
    expect(await found('配备X光安检机和Xbox体验区，尺码为XXL。')).toEqual([]);
    expect(await found('二〇二四年是实施规划的关键一年。')).toEqual([]);
    expect(await found('用户提供的“长江X号”数据集已脱敏。')).toEqual([]);
  });
});

describe('bracketed template prompts, underscore lines, 第　条, 〔2024〕号', () => {
  test.each([
    ['联系人：【填写单位名称】办公室', '【填写单位名称】'],
    ['联系人：（姓名），电话：【电话】', '（姓名）'],
    ['联系人：运输管理科 <联系人姓名>，电话：0536-1234567', '<联系人姓名>'],
    ['年内确定试点园区［具体数字］个。', '［具体数字］'],
    ['按实际售票收入的【比例】给予奖励。', '【比例】'],
    ['[此处输入正文内容]', '[此处输入正文内容]'],
    ['请贵单位于________前函复意见。', '________'],
    ['不再享受第　条规定的同类奖励。', '第　条'],
    ['按照《专项资金管理办法》（临财规〔2024〕号）管理。', '〔2024〕号'],
    ['附件：《》', '《》'],
  ])('%s', async (line, leftover) => {
    expect(await found(line)).toContain(leftover);
  });

  test('brackets that carry real text are left alone', async () => {
    expect(await found('各县（市、区）人民政府（以下简称县级政府）要按照《中华人民共和国防洪法》执行。')).toEqual([]);
    expect(await found('投资总额（单位：万元）见附表，报告（盖章）后报送。')).toEqual([]);
    expect(await found('【典型案例】某区建立“街乡吹哨、部门报到”机制。')).toEqual([]);
  });
});

describe('a counter or unit after a quantity context with no number', () => {
  test.each([
    ['各部门召开的全市性会议，原则上每年不超过次。', '次'],
    ['2023年市政府系统召开会议数同比下降%。', '%'],
    ['会议方案需提前个工作日报市政府。', '个工作日'],
    ['会议时间控制在小时以内。', '小时'],
    ['共清理移动互联网应用程序个、工作群个。', '个'],
    ['市级仓库储备编织袋万条、救生衣2000件。', '万条'],
    ['60周岁以上户籍老年人口达到万人。', '万人'],
    ['新增处置能力万吨/年。', '万吨/年'],
    ['更换老化管网约公里，居民满意率达到%以上。', '公里'],
    ['每个县参训人员不少于名。', '名'],
    ['鉴定报告建议在个月内完成整改。', '个月'],
    ['在全区家银行网点增设自助办税终端。', '家'],
    ['急救反应时间由14分钟缩短至分钟以内。', '分钟'],
    ['共出动执法人员人次，检查学校食堂86家。', '人次'],
    ['现有中型水库23座、小型水库座，其中6座病险水库。', '座'],
    ['其中成立个，调整个，撤销个。', '个'],
    ['查找主要表现出的个方面问题。', '个'],
    ['全区累计报告手足口病例，较去年同期下降12.6%。', '例'],
  ])('%s', async (line, unit) => {
    const messages = await lintText(`关于做好防汛工作的通知\n${line}\n`);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((m) => m.message === `数字空缺："${unit}"前缺少数字`), messages.map((m) => m.message).join('; ')).toBe(true);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
  });

  test('"调整个，" is 调整 and a blank, though 整个 is a word; "调整个别政策" is not', async () => {
    expect(await found('其中成立个，调整个，撤销个。')).toHaveLength(3);
    expect(await found('统筹调整个别政策的执行口径。')).toEqual([]);
  });
});

describe('guards: a counter or unit that is part of a word, in a quotation, or in a table cell', () => {
  test.each([
    '严格控制会议人员规模，参会人员由各部门自行确定。',
    '加快推进重点项目建设，做好项目储备。',
    '其次，要把次要矛盾和主要矛盾区分开。',
    '严格控制发文数量，按照文件规定的条件办理，依法查处案件。',
    '个人所得税汇算清缴中个别问题要逐一解决。',
    '万一发生险情，立即启动应急预案。',
    '教育引导身边人，做好身边事。',
    '对决策执行不力、工作落实不到位的，严肃问责。',
    '需要几个部门共同落实办理的事项，明确主办部门。',
    '在人与系统的全新交互形态下，减少人工干预。',
    '原则上每年只召开一次全系统工作会议。',
    '淘汰老旧营运车辆，更新公交车辆。',
    '先在部内组织开展自查。',
    '不得以任何形式变相对地方开展条线考评。',
    '自2024年1月1日起施行，有效期至2026年12月31日。',
    '这是提升类项目，利用闲置用房改建社区食堂。',
  ])('%s', async (line) => {
    expect(await found(line)).toEqual([]);
  });

  test('quotations are someone else’s words: a counter there is no blank, a number asked for outright is', async () => {
    expect(await found('群众称他为“带头人”，把《关于进一步精简会议的若干规定》落到实处。')).toEqual([]);
    expect(await found('落实“政策性文件原则性不得超过页”的要求。')).toEqual(['超过页']);
  });

  test('a table cell holds a figure or a header of its own; the same words in a sentence are read (fixtures/rules, by LibreOffice)', async () => {
    // The table's cells read 风险项, 人数, 次 and 个; its sentences have 负责人, 项目 and 人员.
    expect(mine((await session.lintPaths(['fixtures/rules/lists-and-table.docx']))[0]!)).toEqual([]);
    expect(mine((await session.lintPaths(['fixtures/rules/lists-and-table.pdf']))[0]!)).toEqual([]);
    expect(await found('风险项')).toEqual([]);
    expect(await found('对排查出的风险隐患，逐一建立风险项，共整改项。')).toEqual(['整改项']);
  });
});

describe('a template is meant to have slots', () => {
  test('a file whose title is a slot: its slots are warnings, with advice for drafting from it', async () => {
    const messages = await lintText('×××关于×××的通知\n[此处输入主送机关]：\n[此处输入正文内容]\nXXXX人民政府\n20××年×月×日\n');
    expect(messages.map((m) => m.text)).toEqual(['×××', '×××', '[此处输入主送机关]', '[此处输入正文内容]', 'XXXX', '20××年×月×日']);
    expect(messages.every((m) => m.severity === 'warning')).toBe(true);
    expect(messages[0]!.suggestion).toBe('模板中的占位：用模板起草时替换为实际内容');
  });

  test('a draft with a real title: the same slots are errors', async () => {
    const messages = await lintText('关于做好防汛工作的通知\n联系人：【填写联系人姓名】\n××县水利局\n2024年×月×日\n');
    expect(messages.map((m) => m.text)).toEqual(['【填写联系人姓名】', '××', '2024年×月×日']);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
  });
});

describe('the seeds and good drafts', () => {
  const seeds = ['000-moj-jianfu', '001-province-measures-trad', '003-news', '004-regulation'];

  test('seed 002 still has its 23 blanks, every one an error, in all three formats', async () => {
    for (const ext of ['txt', 'docx', 'pdf']) {
      const messages = mine((await session.lintPaths([`fixtures/seeds/002-city-report.${ext}`]))[0]!);
      expect(messages, ext).toHaveLength(23);
      expect(messages.every((m) => m.severity === 'error')).toBe(true);
      expect(messages.filter((m) => m.message.startsWith('数字空缺')).length).toBe(22);
    }
  });

  test('000, 001, 003, 004 and fixtures/good: no finding in any format', async () => {
    const files = [
      ...seeds.flatMap((s) => ['txt', 'docx', 'pdf'].map((ext) => `fixtures/seeds/${s}.${ext}`)),
      ...readdirSync('fixtures/good').map((n) => `fixtures/good/${n}`),
    ];
    for (const f of files) expect(mine((await session.lintPaths([f]))[0]!), f).toEqual([]);
  });
});

const CALIBRATION = ['../shared/calibration', '../shared/calibration-tables'].filter((d) => existsSync(d));
describe.skipIf(CALIBRATION.length === 0)('real Word/WPS files (../shared/calibration*, skipped when absent)', () => {
  const files = CALIBRATION.flatMap((d) => readdirSync(d).filter((n) => n.endsWith('.docx')).map((n) => join(d, n)));

  test('no counter or unit in them is reported as a missing number', async () => {
    for (const f of files) expect(mine((await session.lintPaths([f]))[0]!).filter((m) => m.message.startsWith('数字空缺')), f).toEqual([]);
  });

  test('a template (its title a slot, or "此处输入…") has its slots as warnings, never errors', async () => {
    for (const f of files) {
      const messages = mine((await session.lintPaths([f]))[0]!);
      const template = messages.some((m) => m.suggestion === '模板中的占位：用模板起草时替换为实际内容');
      if (template) expect(messages.filter((m) => m.severity === 'error'), f).toEqual([]);
      // The office templates among them (a 样张 with ×××, Word templates with [此处输入…]) are read as such.
      if (/gwa-|wps-gongwen|hsz-/.test(f)) expect(template, f).toBe(true);
    }
  });

  test('the only errors left are real unfilled slots: X for a name or sum, and a date with x or spaces for digits', async () => {
    for (const f of files) {
      for (const m of mine((await session.lintPaths([f]))[0]!).filter((x) => x.severity === 'error')) {
        expect(m.text, f).toMatch(/^(?:[Xx×]+|\d{4}年[Xx×]月[Xx×]日|年\s+月\s+日)$/);
      }
    }
  });
});

describe('cost', () => {
  test('a paragraph of a million characters is checked in one pass (a quadratic scan would not finish)', async () => {
    const unit = '全年共开展检查次，清理项目个，下降%，不超过人员，（姓名）【填写】XX万元，2024年 月 日，“个人”、';
    let p = '';
    while (p.length < 1e6) p += unit;
    const messages = await lintText(`关于测试的通知\n${p}\n`);
    const perUnit = (await lintText(`关于测试的通知\n${unit}\n`)).length;
    expect(messages.length).toBe(perUnit * Math.ceil(1e6 / unit.length));
  }, 60_000);
});

describe('blanks of the held-out kinds: counted lists, bare units, 第　位, role brackets, 某村', () => {
  test.each([
    ['今年共检查企业家、发现隐患处、整改问题个。', 3],
    ['今年以来共受理投诉件次，办结率100%。', 1],
    ['新建道路km，完成造林亩。', 2],
    ['我市位列全省第　位，本周为第周。', 2],
    ['由【牵头单位】负责，（责任部门）配合，[责任人]督办。', 3],
    ['某村、某镇发生险情后，某局已派员处置。', 3],
    ['专项行动为期年，历时月完成建设。', 2],
    ['共排查风险点余处，救助困难群众余人次，帮扶企业多家。', 3],
  ])('%s', async (line, n) => {
    expect(await found(line)).toHaveLength(n);
  });

  test.each([
    '张某驾驶车辆途经某村时发生事故。',
    '市发改委（牵头单位）、市财政局（责任单位）按职责分工落实。',
    '请到服务台咨询，或拨打问询台电话。',
    '本院住院人次统计见附表。',
    'PM2.5年均浓度控制在32微克/立方米以内。',
    '完成全部站点的校准和维护，共同推进项目建设。',
    '其余人员于年底前完成，多家企业参与，避免多头、重复要求。',
    '超过年限的不再受理，为期一年的专项行动历时三个月。',
    '请在工作日内办理，于自然日内完成。',
    '共巡查河道至岩头、高台，项目位于东台、龙头。',
    '共培训干部，组织学员。',
  ])('no blank: %s', async (line) => {
    expect(await found(line)).toEqual([]);
  });
});

describe('a counter right after a gap left for its number', () => {
  test.each([
    ['今年共走访农户　户，帮助解决实际困难　个。', ['　户', '　个']],
    ['全年检查企业　家，排查隐患　处，发生事故　起。', ['　家', '　处', '　起']],
    ['全年培训人员　人次，涉及资金　万元，修复道路　米。', ['　人次', '　万元', '　米']],
    ['共检查 家企业，发现问题 个。', [' 家', ' 个']],
    ['督查中发现问题　类，逐一建立台账。', ['　类']],
    ['年度考核得　分，群众满意度提高　成以上。', ['　分', '　成']],
    ['截至　日，全市已接种疫苗　万剂次，床位　张。', ['　日', '　万剂', '　张']],
    ['本方案自20　年起实施。', ['20　年']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });

  test.each([
    '第一条　为规范督查工作，制定本办法。',
    '附　件',
    '姓　　名：王　成　　　单　　位：市水利局',
    '出席：王　伟、李　明、张　家、刘　元',
    '基建处 陈立新，电话：0536-1234567',
    '自即日 起施行，2024年5月1日 起执行。',
    '参会 人员由各部门自行确定，已完 成全部任务，我局 分析了原因。',
    '请于今 年底前完成，加强 个人信息保护。',
    '各 级 人 民 政 府',
    '你是本站第 位来访者',
    '近20 年来，全市 GDP 增长 5.2%。',
  ])('no blank: %s', async (line) => {
    expect(await found(line)).toEqual([]);
  });
});

describe('no gap: a counted noun and its counter, blank dates, role brackets', () => {
  test.each([
    ['今年走访农户户，排查隐患处，涉及资金元。', ['户户', '患处', '金元']],
    ['已办结信访件件，发放补贴元。', ['件件', '贴元']],
    ['群众满意度提高成以上，考核分数不低于分。', ['提高成', '不低于分']],
    ['请于2024年月日前报送，6月日前完成自查。', ['2024年月日', '6月日']],
    ['请于年月日前报送。', ['年月日']],
    ['日期：年月日', ['年月日']],
    ['请于20　年　月前报送。', ['20　年　月']],
    ['由〔责任部门〕配合，〔分管领导〕督办，【经办人】签字。', ['〔责任部门〕', '〔分管领导〕', '【经办人】']],
    ['联系人：（填报人），电话：（填报人电话）。', ['（填报人）', '（填报人电话）']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });

  test.each([
    '走访贫困户，救助低保户，走访企业家，设立办事处。',
    '做到事事有回音、件件有着落，处处体现为民情怀，人人参与。',
    '走进家家户户，实现户户通。',
    '考核得分，降低成本，完成整改。',
    '分为三类，各类企业，人类社会，分门别类，此类问题，问题类型。',
    '（三）提升类。利用闲置用房改建社区食堂。',
    '请填写出生年月日和身份证号码，6月日均客流3万人次。',
    '对需要几个部门共同落实办理的事项，明确主办部门。',
    '责任落实到人，任务分解到岗。',
    '国办发〔2024〕12号文件，市发改委（牵头单位）负责。',
  ])('no blank: %s', async (line) => {
    expect(await found(line)).toEqual([]);
  });
});

describe('quantity contexts and units the first lists lacked', () => {
  test.each([
    ['机房温度连续个月超标。', '个月'],
    ['群众办事往返次才办结。', '次'],
    ['降雨量比常年偏少成。', '成'],
    ['避难场所可容纳人；', '人'],
    ['日志保存不少于年。', '年'],
    ['对问题学校限期日内整改。', '日'],
    ['墙体外闪最大处为厘米。', '厘米'],
    ['集装箱吞吐量达到万标箱。', '万标箱'],
    ['每人每月给予元运营补贴。', '元'],
  ])('%s', async (line, unit) => {
    const messages = await lintText(`关于做好防汛工作的通知\n${line}\n`);
    expect(messages.map((m) => m.message)).toContain(`数字空缺："${unit}"前缺少数字`);
  });

  test.each([
    '学生上课时要专心，保证培训课时。',
    '请按月提供辖内新增首贷户的企业名称。',
    '从三季度起，每季度直报数据。',
    '每处设物资储备间，储备帐篷和折叠床。',
    '在年内完成，按小时计费，连续三年获评先进。',
  ])('no blank: %s', async (line) => {
    expect(await found(line)).toEqual([]);
  });
});

describe('scores, tenths, list siblings, per-item sums and slots in 【】', () => {
  test.each([
    ['该项分值为分。', ['分']],
    ['相关单位年度绩效考评扣分。', ['分']],
    ['就业质量不高，成以上在建筑业，完好率在成以上。', ['成', '在成']],
    ['对全市156个农贸市场、个超市开展检查。', ['、个']],
    ['普通床位每张元，合格率由整治前的%提高到98.6%。', ['张元', '的%']],
    ['人均联系退役军人名。', ['人名']],
    ['复杂事件个工作日内办结。', ['件个工作日']],
    ['参加会议人员：【参会人员名单】', ['【参会人员名单】']],
    ['新装路灯　盏，', ['　盏']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });

  test.each([
    '考核中予以扣分，按照评分标准进行扣分。',
    '完成以上任务，形成以上共识。',
    '“标题”后是章，章后是条，条后是条。',
    '一级标题 一、二级标题 （一）',
    '每张床位配备一名护理员，每人每月领取补贴。',
    '退役军人事务局牵头，军人家属参加。',
  ])('no blank: %s', async (line) => {
    expect(await found(line)).toEqual([]);
  });
});

describe('a wide gap inside a sentence where a name or a date was to be typed', () => {
  test('after a word or a label, before the rest of the sentence', async () => {
    expect(await found('请由　　　负责落实，按时报送。')).toEqual(['　　　']);
    expect(await found('请于　　前将名单报送市局。')).toEqual(['　　']);
    expect(await found('联系人：　　　，电话：　　　。')).toEqual(['　　　', '　　　']);
  });

  test.each([
    '第三条　本办法由市政府负责解释，自印发之日起施行。',
    '按照《食品安全国家标准　食品中农药最大残留限量》（GB 2763—2021）判定。',
    '姓　　名：王　伟',
    '基建处 陈立新，电话：0536-1234567。',
  ])('no blank: %s', async (line) => {
    expect(await found(line)).toEqual([]);
  });
});
