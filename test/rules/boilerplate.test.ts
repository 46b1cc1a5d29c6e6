import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';
import { dictionarySize } from '../../rules/boilerplate.js';
import { compilePattern, formCount } from '../../rules/formula-pattern.js';

const ROOT = new URL('../..', import.meta.url).pathname;

async function lint(text: string, options: Record<string, unknown> = {}, severity = 'warning'): Promise<FileResult> {
  const session = new LintSession({ cwd: ROOT, useConfig: false, locale: 'zh', rules: { boilerplate: [severity, options] } as never });
  return session.lintBytes(new TextEncoder().encode(`关于做好防汛工作的通知\n${text}\n`), 'draft.txt');
}

const mine = (r: FileResult) => r.messages.filter((m) => m.ruleId === 'boilerplate');
const texts = (r: FileResult) => mine(r).map((m) => m.text);

describe('the dictionary', () => {
  test('at least 1,000 entries (listed formulas and family patterns, not their expanded forms), every one with a source', () => {
    const size = dictionarySize();
    expect(size.patterns).toBeGreaterThanOrEqual(1000);
    expect(size.forms).toBeGreaterThan(size.patterns);
    expect(size.families).toBeGreaterThanOrEqual(10);
    expect(size.unsourced).toBe(0);
  });

  test('a pattern compiles to parts of alternatives with gaps', () => {
    const [c] = compilePattern('为…30提供[坚强|有力][的|]保障');
    expect(c!.parts).toEqual([['为'], ['提供坚强的保障', '提供坚强保障', '提供有力的保障', '提供有力保障']]);
    expect(c!.gaps).toEqual([30]);
    expect(formCount(c!)).toBe(4);
    const slots = compilePattern('{A}{V}', { A: ['进一步', '切实'], V: ['加强', '推[进|动]'] });
    expect(slots[0]!.parts[0]).toHaveLength(6);
    // An optional part yields the pattern with and without it.
    expect(compilePattern('[了|]…成效').map((x) => x.parts)).toEqual([[['了'], ['成效']], [['成效']]]);
  });
});

describe('formulas with the topic written in', () => {
  test.each([
    ['为全市经济社会高质量发展提供坚强保障', '为全市经济社会高质量发展提供坚强保障'],
    ['我们将着力在完善制度、堵塞漏洞上下功夫', '着力在完善制度、堵塞漏洞上下功夫'],
    ['把防汛安全摆在更加突出的位置', '把防汛安全摆在更加突出的位置'],
    ['不断开创全市防汛减灾工作新局面', '不断开创全市防汛减灾工作新局面'],
    ['全年防汛工作取得了较为明显的成效', '工作取得了较为明显的成效'],
    ['要以对人民群众高度负责的态度抓好此项工作', '以对人民群众高度负责的态度'],
  ])('%s', async (sentence, formula) => {
    const found = texts(await lint(`${sentence}，6月30日前由市水利局完成12座水库的检查。`));
    expect(found).toContain(formula);
  });

  test('an inserted topic stays in its clause: 为此，… is not 为…提供保障', async () => {
    const found = texts(await lint('为此，市水利局在6月底前为12座水库配备了应急物资。'));
    expect(found).toEqual([]);
  });
});

describe('the families of the 1,000-entry dictionary: the topic written in, however long', () => {
  test.each([
    ['推动全县农村人居环境整治工作持续向好', '推动全县农村人居环境整治工作持续向好'],
    ['要把保障和改善民生、促进社会公平正义摆在更加突出的重要位置', '把保障和改善民生、促进社会公平正义摆在更加突出的重要位置'],
    ['把数字政府建设作为推动治理能力现代化的重要抓手', '作为推动治理能力现代化的重要抓手'],
    ['加快形成党委领导、政府负责、部门协同、社会参与的齐抓共管工作格局', '形成党委领导、政府负责、部门协同、社会参与的齐抓共管工作格局'],
    ['统筹协调推进各项改革任务', '统筹协调推进各项改革'],
    ['要充分利用电视、广播、网络等各类媒体', '充分利用电视、广播、网络等各类媒体'],
    ['切实扛起防汛救灾政治责任', '切实扛起防汛救灾政治责任'],
    ['进一步增强做好老龄工作的责任感紧迫感', '进一步增强做好老龄工作的责任感紧迫感'],
    ['全力守护好人民群众的生命财产安全', '全力守护好人民群众的生命财产安全'],
    ['把矛盾纠纷化解在基层、化解在萌芽状态', '化解在基层、化解在'],
    ['思想上再重视、措施上再细化', '思想上再重视、措施上再细化'],
    ['坚持党建引领、多元参与、共建共享', '坚持党建引领、多元参与、共建共享'],
    ['以零容忍的态度严肃查处违规问题', '以零容忍的态度'],
    ['以数字化改革引领治理方式全方位变革', '以数字化改革引领治理方式全方位变革'],
  ])('%s', async (sentence, formula) => {
    const found = texts(await lint(`${sentence}。市水利局负责，6月30日前完成12座水库的检查。`));
    expect(found.some((t) => t?.includes(formula))).toBe(true);
  });

  test('a common formula with a figure in its clause is an instruction: 统筹安排2000万元, 一体推进3个小区', async () => {
    expect(texts(await lint('市财政局统筹安排2000万元用于老旧小区改造，一体推进城东片区3个安置小区建设。'))).toEqual([]);
    expect(texts(await lint('进一步提高审批效率，将办理时限由20个工作日压缩至10个工作日。'))).toEqual([]);
    expect(texts(await lint('压实区住建局、区城管局的监管责任，6月底前完成全部排查。'))).toEqual([]);
    expect(texts(await lint('其余资金由区级财政统筹安排。'))).toEqual([]);
    expect(texts(await lint('统筹推进各项工作。'))).not.toEqual([]);
  });

  test('accountability with nobody named is a formula; a sanction naming its trigger and person is a rule', async () => {
    expect(texts(await lint('对工作不力的，严肃追究相关人员责任。'))).not.toEqual([]);
    expect(texts(await lint('对因管理不到位导致食物中毒的，依法依规追究学校主要负责人责任。'))).toEqual([]);
  });

  test('a lead-in naming its basis in a sentence that says something concrete is not an opening formula', async () => {
    expect(texts(await lint('按照省应急厅统一部署，市应急局于3月1日至4月30日在全市开展燃气安全专项检查。'))).toEqual([]);
    expect(texts(await lint('按照上级统一部署，各单位要高度重视。'))).not.toEqual([]);
  });

  test('a shortfall followed by its figures is reporting; a bare frame is a formula', async () => {
    expect(texts(await lint('与年初目标相比还有差距，全市仍有12个村未完成改造。'))).toEqual([]);
    expect(texts(await lint('与上级要求相比还有差距。'))).not.toEqual([]);
  });

  test('thanks are the form of a letter (函), a formula elsewhere', async () => {
    const session = new LintSession({ cwd: ROOT, useConfig: false, locale: 'zh', rules: { boilerplate: ['warning', {}] } as never });
    const letter = await session.lintBytes(new TextEncoder().encode('关于商请协助做好公交线路调整的函\n对贵大队的大力支持表示衷心感谢。\n'), 'letter.txt');
    expect(texts(letter)).toEqual([]);
    expect(texts(await lint('对各部门的大力支持表示衷心感谢。'))).not.toEqual([]);
  });
});

describe('separators', () => {
  test('、，, and a space stand for one another, or for none', async () => {
    for (const s of ['、', '，', ',', ' ', '']) {
      const r = await lint(`各科室统一思想${s}提高认识，在6月10日前报送名单。`);
      expect(texts(r), JSON.stringify(s)).toContain(`统一思想${s}提高认识`);
    }
  });

  test('a separator the formula does not have breaks it: 统筹，增强 is not 统筹增强', async () => {
    const found = texts(await lint('由市发改委统筹，增强后的预算于7月1日下达。'));
    expect(found.filter((t) => /统筹.?增强/.test(t ?? ''))).toEqual([]);
  });
});

describe('what is reported, and how loudly', () => {
  test('an empty formula is a warning; a common one is info with its own message', async () => {
    const r = mine(await lint('防汛物资由市应急局统一调配到12个乡镇的38个储备点，进一步加强，为群众安全度汛提供坚强保障。'));
    const common = r.find((m) => m.text === '进一步加强');
    const empty = r.find((m) => m.text === '为群众安全度汛提供坚强保障');
    expect(common?.severity).toBe('info');
    expect(common?.message).toMatch(/^常用套语："进一步加强"/);
    expect(empty?.severity).toBe('warning');
    expect(empty?.message).toMatch(/^套话："为群众安全度汛提供坚强保障"/);
  });

  test('commonSeverity raises or silences the common formulas; ignore silences a family', async () => {
    const text = '防汛物资由市应急局统一调配到12个乡镇的38个储备点，进一步加强，为群众安全度汛提供坚强保障。';
    expect(mine(await lint(text, { commonSeverity: 'warning' })).map((m) => m.severity)).toEqual(['warning', 'warning']);
    expect(texts(await lint(text, { commonSeverity: 'off' }))).toEqual(['为群众安全度汛提供坚强保障']);
    expect(texts(await lint(text, { ignore: ['support-guarantee'] }))).toEqual(['进一步加强']);
  });

  test('a sentence made of formulas is one finding for the whole sentence, naming them', async () => {
    const r = mine(await lint('各区县要进一步提高思想认识，切实加强组织领导，确保各项工作落到实处。市水利局6月30日前完成检查。'));
    expect(r).toHaveLength(1);
    expect(r[0]!.severity).toBe('warning');
    expect(r[0]!.text).toBe('各区县要进一步提高思想认识，切实加强组织领导，确保各项工作落到实处');
    expect(r[0]!.message).toBe('本句几乎全是套话（"进一步提高思想认识"、"切实加强组织领导"、"确保各项工作落到实处"）');
  });

  test('overlapping formulas are one finding: 切实加强组织领导', async () => {
    expect(texts(await lint('市防指切实加强组织领导，每日8时通报雨情。'))).toEqual(['切实加强组织领导']);
  });

  test('a heading names its section: common formulas there are not reported, empty ones one by one', async () => {
    const plain = await lint('一、加强组织领导，确保各项工作落到实处\n市水利局局长任组长，7月1日前完成排查。');
    expect(mine(plain)).toEqual([]);
    const r = await lint('一、加强组织领导，为安全度汛提供坚强保障\n市水利局局长任组长，7月1日前完成排查。');
    expect(texts(r)).toEqual(['为安全度汛提供坚强保障']);
    expect(mine(r)[0]!.message.startsWith('本句')).toBe(false);
  });

  test('an intensifier and a verb with a concrete object is an instruction; with a vague one, a formula', async () => {
    expect(texts(await lint('5月底前全面开展高层建筑消防安全检查，加快推进城东污水处理厂二期项目。'))).toEqual([]);
    expect(texts(await lint('扎实做好各项工作。'))).toEqual(['扎实做好各项工作']);
    expect(texts(await lint('各科室要全面加强，市局统一调度。'))).toEqual(['全面加强']);
  });

  test('a lead-in naming its legal basis is not an opening formula', async () => {
    expect(texts(await lint('根据省统计局《关于做好2024年统计年报工作的通知》要求，市统计局3月10日前汇总报送。'))).toEqual([]);
    expect(texts(await lint('根据上级文件精神要求，市统计局3月10日前汇总报送。'))).toEqual(['根据上级文件精神要求']);
  });

  test('the families of priority, battle, atmosphere, triplet, speech and 切实 formulas', async () => {
    const r = texts(await lint('要把安全生产作为重中之重，打赢安全生产攻坚战，时刻绷紧安全生产这根弦。'));
    expect(r.length === 1 ? r[0] : r.join('|')).toMatch(/重中之重|攻坚战|这根弦/);
    expect(texts(await lint('大家讲得很好，我完全同意。'))).not.toEqual([]);
    expect(texts(await lint('各部门要守土有责、守土负责、守土尽责，千方百计解决问题。'))).not.toEqual([]);
    expect(texts(await lint('切实扛起防汛救灾政治责任，让群众有更多获得感。'))).not.toEqual([]);
    expect(texts(await lint('营造全社会关心支持退役军人事业发展的浓厚氛围。'))).not.toEqual([]);
  });

  test('neutral procedural words (原则上, 有关单位, 有关规定, 全覆盖) are not formulas', async () => {
    expect(texts(await lint('原则上每季度召开一次，有关单位按有关规定报送材料，个别单位逾期的，实现检查全覆盖。'))).toEqual([]);
  });

  test('stats keep the density of the whole draft', async () => {
    const r = await lint('进一步加强工作。为群众安全度汛提供坚强保障。市水利局6月30日前完成12座水库检查。');
    expect(r.stats.boilerplateHits).toBe(2);
    expect(r.stats.boilerplatePerThousand).toBeGreaterThan(30);
  });

  test('plain, concrete writing has no finding', async () => {
    const r = await lint('市水利局负责全市12座中型水库的汛前检查，6月30日前完成，发现的隐患7日内整改，整改情况报市防指办公室（联系人：李娜，电话：0371-12345678）。');
    expect(mine(r)).toEqual([]);
  });
});
