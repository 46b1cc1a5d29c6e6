// The confusables table (rules/data/typo/confusables.json): each entry fires where its cue stands and
// stays quiet on the right word and on the wrong form in other company.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const table: Array<{ wrong: string; right: string }> = JSON.parse(readFileSync(`${ROOT}rules/data/typo/confusables.json`, 'utf8')).entries;

async function lintText(text: string) {
  const session = new LintSession({ cwd: ROOT, useConfig: false, locale: 'zh', rules: { typo: ['error', {}] } });
  return (await session.lintBytes(new TextEncoder().encode(text), 'draft.txt')).messages.filter((m) => m.ruleId === 'typo');
}

/** Drafts with a real-word slip that a neighbour gives away. */
const WRONG = [
  '当前国际形式依然严峻复杂，各单位要认清形式。',
  '会议采取视频会议形势召开，坚决反对形势主义。',
  '市委对此作出决策部属，各地要按照部属要求抓好落实。',
  '请各单位登陆系统填报数据，用户登陆后即可查询。',
  '预计台风将于今晚登录我国沿海。',
  '严禁泄漏国家秘密，防止个人信息泄漏。',
  '发生燃气泄露后应立即疏散群众。',
  '各单位要规范资金使用，不得挪用、截流专项资金。',
  '大坝截留工程于去年完工。',
  '各单位于3月1日起正式起用新印章。',
  '要大胆启用年轻干部。',
  '要如实交待问题。',
  '陪伴老人渡过晚年，帮助企业度过难关。',
  '组织干部赴浙江考查学习，考查对象为拟提拔人选。',
  '病人出现药物过敏反映后立即停药。',
  '受灾害影响以至造成重大损失，以致于至今未能恢复。',
  '优化配制资源，合理配制人员。',
  '严格按规定配置消毒液。',
  '各地要指定实施方案，制定专人负责。',
  '全市共有50人已上参加培训，30岁已下青年占多数。',
  '会议在次强调安全生产工作，再此基础上形成方案，该项目在度成为示范。',
  '名单在公式期内无异议的，予以公式。',
  '严谨酒后驾驶，严谨使用公款吃喝，工作作风严禁细致。',
  '今年以来疫情爆发，山洪爆发造成损失，战争暴发后物价上涨。',
  '这场雨下得很利害，双方存在厉害关系。',
  '要加强机关作风建设，改进工作做风。',
  '目前己完成投资3亿元，巳经全部到位。',
  '与会人员一至同意，按照即定目标推进。',
  '由付调研员牵头落实。',
  '推进法制政府建设，加强法治审核。',
  '要竖立正确导向，树立标志牌。',
  '坚持辨证思维，学会辨证看待问题，坚持辩证施治。',
  '邻近春节，临近地区加强联防，年青干部要敢于担当。',
  '公平公证地处理，非盈利组织要规范管理，提升营利能力。',
  '招聘启示，深刻的启事。',
  '督察检查工作，中央生态环境保护督查组进驻，案件侦察终结。',
  '入学需知，按时交纳社会保险费。',
  '制定实事方案，抓好落石工作，开战专项检查。',
  '建立长效机智，深化管理体质改革，增强学生体制。',
  '发声火灾事故，开展安全检察，人民检查院。',
  '加强科技公关，做好危机攻关，保障职工合法权宜，完善财物制度，保护涉案财务。',
  '力行节约，身体厉行，突出主体教育，落实主题责任，培育市场主题。',
  '对此省教育厅与以追加，对违规行为于以通报。',
  '本办法自发布之日起实行。',
  '要作到应收尽收，要须要的资金及时拨付。',
  '特此申明如下。',
  '确保安全渡汛。',
  '本次调整一率按新标准执行。',
  '争对群众反映的问题，逐项整改。',
  '该项目座落于城区东部。',
  '扫码登录后既可办理。',
  '请填写连系电话。',
  '要敢于申张正义。',
  '要规范公共权利运行，依法保障当事人的申辩权力。',
  '非盈利性机构，公正员，寻人启示，出身日期，安全检察，合法权宜，即往开来。',
  '在次召开会议，再此期间，防止管道燃气泄露。',
  '引导新市民溶入城市，及时修定完善制度，双方定立合同。',
  '全年累积发放补贴3亿元，累计了丰富经验。',
  '尽快回复生产，及时恢复群众来信。',
  '吸引企业入住园区，居民入驻新小区。',
  '履行告之义务，既日起施行，即然如此就要抓紧。',
  '学会分辩真伪，统筹谐调各方力量。',
  '回顾百年奋斗的里程，新增通车历程120公里。',
  '当前安全形势严峻，当前形式严峻。',
  '个别单位整改不利，监管不利。',
  '各地要认真的排查隐患，要科学的安排施工。',
  '所须资金由市财政保障，拟利用即有设施改造。',
  '储备帐篷、棉被等应急物质，做好物质调拨。',
  '工程必须再今年汛期前完工，检测必需报送结果。',
  '同步完成电器线路改造，认真听取群众反应的意见。',
  '各部门要作好任务分解，加强人民调节委员会建设。',
  '推行社区吹哨、部门报道机制。',
  '对计量器具实施强制鉴定，新系统起用前要测试，新设施起用前须验收。',
  '确保数据的准确性、完整性和即时性，全面推行河湖长治。',
  '严格落实中央八顶规定精神，登记企业名称、住所、法人代表等信息。',
  '设置三个月的过度期，防止过渡开发，有关适宜如下，依法保障申述权。',
];

/** The same words in their right company. */
const RIGHT = [
  '会议形式灵活多样，形势政策教育扎实开展，当前形势依然严峻。',
  '他的部属都很尊重他，要抓好决策部署的落实。',
  '台风登陆我国沿海，请登录系统填报。',
  '燃气泄漏事故，信息泄露风险。',
  '各单位要起用一批年轻干部，启用新的办公系统。',
  '要交代清楚，顺利度过春节，渡过难关。',
  '对学生的知识掌握情况进行考查，组织考察调研。',
  '以至于今天仍未解决，以致造成损失。',
  '配置资源，配制药品，指定地点，制定方案。',
  '以上情况已上报市政府，已下发通知，全市20人已上岗。',
  '存在次生灾害风险，现在再次强调，在此基础上，所在次级河道，实在次要，存在度汛风险。',
  '公示期满，计算公式。',
  '严禁酒驾，治学严谨。',
  '疫情暴发，战争爆发。',
  '利害关系，很厉害。',
  '工作作风，做风险评估。',
  '自己完成，已经完成，克己奉公，律己要严。',
  '高度一致，既定目标，一至三年。',
  '支付局长的薪酬，交付主任审阅，副局长主持。',
  '法治政府，法制审核。',
  '树立榜样，竖立标志牌。',
  '辩证法，辨证施治。',
  '非营利组织，盈利能力。',
  '临近春节，邻近地区。',
  '年轻干部，公正执法，公证员，招聘启事，深刻启示。',
  '督查检查，环保督察，侦查终结，入学须知，缴纳社保，交纳党费。',
  '实施方案，实事求是，落实责任，开展检查，长效机制，体制改革，增强体质。',
  '发生火灾，安全检查，检察院，科技攻关，危机公关，合法权益，权宜之计，财务制度，涉案财物。',
  '厉行节约，身体力行，主题教育，主体责任，予以通报，与以往相比。',
  '本办法自发布之日起施行，做到应收尽收，特此声明，安全度汛，一律按新标准，针对问题，坐落于城区。',
  '登录后即可办理，既可以线上办理，也可以线下办理。',
  '联系电话，伸张正义，融入城市，修订完善，订立合同。',
  '全年累计发放补贴3亿元，积累了丰富经验，恢复生产，回复群众来信。',
  '企业入驻园区，居民入住新小区，履行告知义务，即日起施行，既然如此。',
  '分辨真伪，统筹协调各方力量，回顾百年奋斗的历程，新增通车里程120公里，这是一座里程碑。',
  '整改不力的要问责，不利于发展的因素要消除，天气条件不利。',
  '各地要认真地排查隐患，作出科学的安排，能公开的公开，系统的设计质量较好。',
  '所需资金由市财政保障，拟利用既有设施改造，物质文明和精神文明协调发展。',
  '工程须在今年汛期前完工，一再强调安全，检测必须报送结果，家用电器以旧换新。',
  '企业反应迅速，认真听取群众反映的意见，做好任务分解，调节气温。',
  '媒体对此作了报道，新系统启用前要测试，对计量器具实施强制检定。',
  '数据的即时性很强，长治久安，一顶帽子，三顶帐篷，中央八项规定，法人代表大会。',
  '设置过渡期，防止过度开发，有关事宜如下，气候适宜，依法保障申诉权，申述理由。',
];

describe('typo: confusables decided by their neighbours (warning)', () => {
  test.each(WRONG)('%s', async (text) => {
    expect((await lintText(text)).length).toBeGreaterThan(0);
  });

  test('every entry of the table is met by a case above, with its correction', async () => {
    const seen = new Set<string>();
    for (const text of WRONG) for (const m of await lintText(text)) seen.add(`${m.text}>${m.suggestion}`);
    // A list or a collocation may name the same slip first (燃气泄露): the finding then comes from there.
    const met = (e: { wrong: string; right: string }) =>
      [...seen].some((s) => {
        const [text, suggestion] = s.split('>') as [string, string];
        return (text.includes(e.wrong) && suggestion.includes(e.right)) || (e.wrong.includes(text) && e.right.includes(suggestion));
      });
    const unmet = table.filter((e) => !met(e)).map((e) => `${e.wrong}→${e.right}`);
    expect(unmet).toEqual([]);
  });

  test('a table find is a warning: the context makes the slip likely, not certain', async () => {
    const found = await lintText('各地要按照部属要求抓好落实。');
    expect(found.map((m) => [m.text, m.suggestion, m.severity])).toEqual([['部属', '部署', 'warning']]);
  });

  test.each(RIGHT)('right: %s', async (text) => {
    expect((await lintText(text)).map((m) => `${m.text}→${m.suggestion}`)).toEqual([]);
  });
});
