// placeholder: numbers gone from shapes that always carry one (findMissingNumbers), and the words that must
// stay clean around them. Sentences written for these tests; each runs through the engine with only this rule on.
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { LintMessage } from '../../src/engine/result.js';
import { builtinRules } from '../../rules/index.js';

const RULE = 'placeholder';
const session = new LintSession({ cwd: process.cwd(), useConfig: false, rules: { ...Object.fromEntries(builtinRules.map((r) => [r.meta.id, 'off'])), [RULE]: 'error' } });
const findings = async (line: string): Promise<LintMessage[]> =>
  (await session.lintBytes(new TextEncoder().encode(`关于做好安全生产工作的通知\n${line}\n`), 'x.txt')).messages.filter((m) => m.ruleId === RULE);
/** The text each finding of one body line covers. */
const found = async (line: string): Promise<string[]> => (await findings(line)).map((m) => m.text ?? '');

describe('recurring and partial dates', () => {
  test.each([
    ['各镇街于每月日前报送上月进度。', ['日']],
    ['全市每年月组织一次集中宣传。', ['月']],
    ['值班人员每日时前完成交接。', ['时']],
    ['新建道路于2025年月15日通车。', ['2025年月15日']],
    ['请于2025年月底前完成验收。', ['月']],
    ['会议定于6月3日（星期）上午召开。', ['星期']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });
});

describe('a second counter straight after a count', () => {
  test.each([
    ['共转移安置受灾群众42户人。', ['人']],
    ['走访低保家庭86户人，送去慰问品。', ['人']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });
});

describe('a counting verb or adverb right before a counter', () => {
  test.each([
    ['目前剩余个问题尚未销号。', ['剩余个']],
    ['其中户已完成危房改造。', ['其中户']],
    ['紧急转移人，无一伤亡。', ['转移人']],
    ['每个村配备名网格员。', ['配备名']],
    ['各地原有个临时安置点已全部撤销。', ['原有个']],
    ['每年至少召开次联席会议。', ['召开次']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });
});

describe('a bound, a deadline or a notice period with its number gone', () => {
  test.each([
    ['道路养护周期不低于年。', ['不低于年']],
    ['单次采购不超过万元的，由科室负责人审批。', ['不超过万元']],
    ['每名教师每年参加培训不少于学时。', ['不少于学时']],
    ['接到报告后日内完成核查。', ['后日']],
    ['收到申请之日起个工作日内作出答复。', ['起个工作日']],
    ['承办部门须在日内反馈办理结果。', ['须在日']],
    ['停水检修施工前天发布公告。', ['前天']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });

  test('a bound with nothing after it says so: the number and unit go after it', async () => {
    const [f] = await findings('每年学习时间不少于。');
    expect(f?.text).toBe('不少于');
    expect(f?.message).toContain('后缺少数字');
  });
});

describe('a noun and a counter at the end of a clause', () => {
  test.each([
    ['共排查燃气管道隐患处，', ['处']],
    ['全市梳理问题清单项；', ['项']],
    ['经比对，已掌握的出让合同份，相差宗。', ['份', '宗']],
    ['今年预计接收退役军人人左右。', ['人']],
    ['拆除违法建筑处、平方米；', ['处', '平方米']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });
});

describe('scores, clock times, ranges, 某月 and prompts', () => {
  test.each([
    ['测评得分分以上为合格。', ['得分分']],
    ['满分分，按得分高低排序。', ['满分分']],
    ['会议定于上午时分在三楼召开。', ['上午时']],
    ['考试时间为上午9时至时。', ['时']],
    ['培训于9时分开始。', ['分']],
    ['90分以上为优秀，分至89分为良好。', ['分']],
    ['安全事故起数同比下降%。', ['下降%']],
    ['参会人数不到人，', ['不到人']],
    ['方案于下半年某月实施。', ['某月']],
    ['由【牵头单位】负责，【配合单位】协助。', ['【牵头单位】', '【配合单位】']],
    ['请［单位名称］于【时间】前报送。', ['［单位名称］', '【时间】']],
    ['对失职人员给予（处分种类）。', ['（处分种类）']],
  ])('%s', async (line, blanks) => {
    expect(await found(line)).toEqual(blanks);
  });
});

describe('guards: words, weekdays and times of day that carry no blank', () => {
  test.each([
    '每月日报由办公室汇总。',
    '每周星期一召开例会。',
    '每月月初报送上月数据。',
    '2024年月度考核结果已公布。',
    '2024年6月日均客流达到3万人次。',
    '全村共有120户人家。',
    '一家家企业走访到位，一户户核实情况。',
    '目前剩余人员已全部撤离。',
    '其中个别单位整改不到位。',
    '完成所有项目的验收工作。',
    '涉及村民切身利益的事项要公开。',
    '转移支付资金已全部下达。',
    '全市户籍人口达到300万人。',
    '受灾群众已全部得到妥善安置。',
    '公共场所要配备消防器材。',
    '有人反映该路段存在安全隐患。',
    '不低于年度目标的90%。',
    '超过年限的车辆要强制报废。',
    '达到个人所得税起征点的，依法缴纳。',
    '考核得分分析表附后。',
    '请在工作日内办理。',
    '傍晚时分，雨势减弱。',
    '会议于9时分别在两个会场召开。',
    '一个星期内完成整改。',
    '每星期开展一次巡查。',
    '星期一至星期五正常办公。',
    '经费不足，部分设施老化。',
    '群众找不到人办事。',
    '保证培训课时。',
    '元旦期间加强值班。',
    '户籍、家庭、年度、月度报表按时报送。',
  ])('%s', async (line) => {
    expect(await found(line)).toEqual([]);
  });

  test.each([
    '重点帮扶困难户，落实救助政策。',
    '走访企业家，听取意见建议。',
    '培育种养专业户，',
    '加强对用户的服务，商家要诚信经营。',
    '组织人员开展巡查，项目建设有序推进。',
    '及时处理群众反映的问题。',
    '强化对种植户的技术服务。',
    '每处设物资储备间，储备帐篷和折叠床。',
    '依托司法所开展法律服务。',
    '做好困难群众的帮扶工作，确保不漏一户、不落一人。',
  ])('a noun and a counter that make a word: %s', async (line) => {
    expect(await found(line)).toEqual([]);
  });

  test('quoted words and titles keep their counters', async () => {
    expect(await found('文件中“转移人”一词另有所指。')).toEqual([]);
    expect(await found('《关于每年月开展检查的说明》已废止。')).toEqual([]);
  });
});
