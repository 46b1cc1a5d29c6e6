import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';
import { loadLexicon } from '../../src/text/lexicon.js';
import { TypoDetector } from '../../src/text/typo-detector.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const data = (name: string) => JSON.parse(readFileSync(`${ROOT}rules/data/${name}`, 'utf8'));

const session = (options: Record<string, unknown> = {}): LintSession =>
  new LintSession({ cwd: ROOT, useConfig: false, locale: 'zh', rules: { typo: ['error', options] } });

const mine = (r: FileResult) => r.messages.filter((m) => m.ruleId === 'typo');

async function lintText(text: string, options: Record<string, unknown> = {}) {
  return mine(await session(options).lintBytes(new TextEncoder().encode(text), 'draft.txt'));
}

async function lintFile(path: string) {
  const [r] = await session().lintPaths([path]);
  return mine(r!);
}

/** Every wrong form the lists name, to show that a detector find is not one of them. */
const listed = new Set<string>([
  ...data('typos.json').entries.map((e: { wrong: string }) => e.wrong),
  ...data('typo/words.json').entries.map((e: string[]) => e[0]),
  ...data('typo/idioms.json').entries.map((e: string[]) => e[0]),
]);

describe('typo: listed misspellings (error)', () => {
  test.each([
    ['市政府对全年重点工作进行了布署。', '布署', '部署'],
    ['对此类行为决不能既往不究。', '既往不究', '既往不咎'],
    ['我们将一如继往地支持基层工作。', '一如继往', '一如既往'],
    ['要以此为前车之签，举一反三。', '前车之签', '前车之鉴'],
    ['各项工作要按步就班推进。', '按步就班', '按部就班'],
    ['请于周五前完成设备的按装和调试。', '按装', '安装'],
  ])('%s', async (text, wrong, right) => {
    const found = await lintText(text);
    expect(found.map((m) => [m.text, m.suggestion, m.severity])).toContainEqual([wrong, right, 'error']);
  });

  test('an exception keeps a longer correct string: 按排名 is 按 + 排名', async () => {
    expect(await lintText('各地按排名先后确定试点单位。')).toEqual([]);
  });
});

describe('typo: the detector finds slips no list names (warning)', () => {
  test.each([
    ['要建立键全长效机制，防止问题反弹。', '键全', '健全'],
    ['今年以来共排查安全隐换126处。', '隐换', '隐患'],
    ['公安机关将严历打击电信网络诈骗犯罪。', '严历', '严厉'],
    ['进一步加快传统产业转型升极。', '升极', '升级'],
    ['做到统筹兼故、协调推进各项改革。', '兼故', '兼顾'],
    ['对物业服务企业要进一步规范化管里。', '管里', '管理'],
    ['坚持问题导向，坚决杜决安全事故发生。', '杜决', '杜绝'],
  ])('%s', async (text, wrong, right) => {
    expect(listed.has(wrong)).toBe(false);
    const found = await lintText(text);
    expect(found.map((m) => [m.text, m.suggestion, m.severity])).toEqual([[wrong, right, 'warning']]);
    expect(found[0]!.message).toBe(`疑似错别字："${wrong}"可能应为"${right}"`);
  });

  test('the same sentences written correctly give nothing', async () => {
    for (const text of ['要建立健全长效机制，防止问题反弹。', '今年以来共排查安全隐患126处。', '公安机关将严厉打击电信网络诈骗犯罪。', '做到统筹兼顾、协调推进各项改革。']) {
      expect(await lintText(text)).toEqual([]);
    }
  });

  test('detect: false turns the detector off and keeps the lists', async () => {
    const found = await lintText('要建立键全长效机制，市政府对工作进行了布署。', { detect: false });
    expect(found.map((m) => m.text)).toEqual(['布署']);
  });

  test('a span the document uses twice in the same form is a term, not a slip', async () => {
    expect((await lintText('要建立键全长效机制。')).map((m) => m.text)).toEqual(['键全']);
    expect(await lintText('要建立键全长效机制。\n键全机制每年评估一次。')).toEqual([]);
  });

  test('an abbreviation the document defines (以下简称…) is left alone', async () => {
    expect(await lintText('市防汛抗旱指挥部（以下简称严历）负责统筹协调。')).toEqual([]);
  });

  test('names after a listing mark, coined parallel phrases and modern terms are left alone', async () => {
    const text = '参加培训的有张建国、刘志强和宋建伟三位同志。要坚持查深查细，先行先试，通过微信群和政务服务平台接诉即办。';
    expect(await lintText(text)).toEqual([]);
  });

  test('a 1,000,000-character paragraph is checked in one linear pass', () => {
    const lexicon = loadLexicon(new URL('../../rules/data/generated/lexicon.u16', import.meta.url))!;
    const detector = new TypoDetector(lexicon, data('typo/similar.json'), data('typo/guards.json'));
    // One slip in about a hundred characters: ordinary prose, not a paragraph the detector gives up on.
    const sentence = '各级党组织要认真贯彻落实会议精神，排查安全隐换，建立健全长效机制。今年以来，全市共组织专项检查十二次，督促有关单位完成整改任务，群众满意度明显提高。';
    const paragraph = sentence.repeat(Math.ceil(1e6 / sentence.length));
    const found = detector.detect(paragraph);
    // One slip per sentence is found in every sentence, and nothing else.
    expect(found.length).toBe(Math.ceil(1e6 / sentence.length));
    expect(new Set(found.map((t) => paragraph.slice(t.start, t.end) + '=' + t.right))).toEqual(new Set(['隐换=隐患']));
  });
});

describe('typo: collocations (both words exist; the neighbours decide)', () => {
  test.each([
    ['截止今年6月，全市已完成改造任务的80%。', '截至今年6月，全市已完成改造任务的80%。', '截止', '截至'],
    ['截止12月31日，全年共受理申请320件。', '申报截止时间为12月31日。', '截止', '截至'],
    ['报名的截至日期为5月20日。', '截至5月20日，报名人数已超过300人。', '截至', '截止'],
    ['省人大常委会制订了地方性法规。', '各乡镇要制订年度工作计划。', '制订', '制定'],
    ['依法保障当事人的陈述、申辩权力。', '要把权力关进制度的笼子里。', '权力', '权利'],
    ['严防滥用权利、以权谋私。', '依法保障公民的合法权利。', '权利', '权力'],
    ['施工单位必需在开工前完成围挡。', '为受灾群众发放生活必需品。', '必需', '必须'],
    ['保障生产所必须的设备和资金。', '各单位必须在月底前报送材料。', '必须', '必需'],
    ['各单位要认真的落实整改要求。', '这是一次认真的检查。', '的', '地'],
    ['这项工作做的很扎实。', '我们做的是具体工作。', '的', '得'],
    ['问题反馈后优化的不够及时。', '优化的方向已经明确。', '的', '得'],
    ['要实实在在的解决群众的急难愁盼问题。', '这是实实在在的成绩。', '的', '地'],
    ['各科室要作好迎检准备工作。', '各科室要做好迎检准备工作。', '作好', '做好'],
    ['好象问题已经解决了。', '这一现象值得重视。', '象', '像'],
    ['再此基础上，进一步完善制度。', '在此基础上，再次完善制度。', '再', '在'],
    ['在接再厉，争取更好成绩。', '在基层接受锻炼。', '在', '再'],
    ['相关资料以经报送市局。', '坚持以经济建设为中心。', '以', '已'],
    ['请尽快回复，已便统筹安排。', '群众办事已便利许多。', '已', '以'],
    ['对施工中群众反应的问题，社区要及时处理。', '应急队伍反应迅速。', '反应', '反映'],
    ['值班人员不得擅离值守。', '节日期间安排专人值守。', '值守', '职守'],
    ['即要防大汛，又要抗大旱。', '即日起开始报名。', '即', '既'],
    ['对违法停车依法查出。', '检查中查出问题12个。', '查出', '查处'],
    ['新生报道时间为9月1日。', '媒体对此作了报道。', '报道', '报到'],
    ['会议纪录由办公室存档。', '他打破了全国纪录。', '纪录', '记录'],
    ['全面提升景区品味。', '细细品味这段历史。', '品味', '品位'],
  ])('%s', async (wrongText, rightText, wrong, right) => {
    const found = await lintText(wrongText);
    expect(found.map((m) => [m.text, m.suggestion, m.severity])).toContainEqual([wrong, right, 'error']);
    expect(await lintText(rightText)).toEqual([]);
  });

  test('every collocation pattern is covered by a case above', () => {
    // One case per pattern: adding a pattern without a test of a right and a wrong use fails here.
    expect(data('typo/collocations.json').entries).toHaveLength(25);
  });
});

describe('typo: precision on well-edited documents', () => {
  const good = [
    ...['000-moj-jianfu', '001-province-measures-trad', '003-news', '004-regulation'].flatMap((s) => [`fixtures/seeds/${s}.txt`, `fixtures/seeds/${s}.docx`]),
    ...readdirSync(`${ROOT}fixtures/good`).map((f) => `fixtures/good/${f}`),
  ];
  test.each(good)('%s: no error-severity typo finding, at most one warning', async (path) => {
    const found = await lintFile(path);
    expect(found.filter((m) => m.severity === 'error')).toEqual([]);
    expect(found.length).toBeLessThanOrEqual(1);
  });

  test('seed 002 keeps its four known typos', async () => {
    const found = await lintFile('fixtures/seeds/002-city-report.txt');
    const errors = found.filter((m) => m.severity === 'error').map((m) => m.text);
    expect(errors).toEqual(expect.arrayContaining(['官像主义', '官僚主问题', '留言版', '召领导班子']));
  });
});

describe('typo: fixed formulas with a character dropped or doubled (error)', () => {
  test.each([
    ['坚持以人民中心的发展思想。', '坚持以人民中心', '坚持以人民为中心'],
    ['深入学习贯彻二十三中全会精神。', '二十三中全会', '二十届三中全会'],
    ['以新时代中国特色社会主义义思想为指导。', '新时代中国特色社会主义义思想', '新时代中国特色社会主义思想'],
    ['全面从从严治党永远在路上。', '全面从从严治党', '全面从严治党'],
    ['守护师生舌尖上的的安全。', '的的', '的'],
  ])('%s', async (text, wrong, right) => {
    const found = await lintText(text);
    expect(found.map((m) => [m.text, m.suggestion, m.severity])).toContainEqual([wrong, right, 'error']);
  });

  test('the formulas written right, and 乡村兴 or 的的确确, give nothing', async () => {
    expect(await lintText('坚持以人民为中心的发展思想，学习贯彻党的二十届三中全会精神，乡村兴则国家兴，这的的确确是实事，达到目的的手段。')).toEqual([]);
  });
});

describe('typo: what the detector takes for words, not slips', () => {
  test.each([
    ['numerals and measures after a number', '全县共有千人以下供水工程38处，其中12份为菌落总数超标。'],
    ['abbreviations of bodies and places', '街道会同区住建局、市人社局对厅直系统开展检查，双河镇至城区的公交已开通。'],
    ['the body a document speaks for', '同意你院自2025年起开展日间手术，我院拟对东校区宿舍楼进行改造。'],
    ['phrases built on a repeated first character', '坚持急事急办、特事特办，把问题找准找实、摸准摸透。'],
    ['domain words jieba lacks', '工作专班加强农残检测，民警接警后迅速出警，简支梁桥完成检测，按规定补齐短板。'],
  ])('%s', async (_what, text) => {
    expect(await lintText(text)).toEqual([]);
  });

  test('a paragraph with a slip every few dozen characters keeps only its clear slips', async () => {
    const text = '省建筑科学研究院对7栋楼进行了安全鉴订，结论为：电气线路普遍老化，部分线路绝椽层破损；4栋楼未设置自动喷淋系统。';
    expect((await lintText(text)).map((m) => m.text)).toEqual(['鉴订', '绝椽']);
  });
});
