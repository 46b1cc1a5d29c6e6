#!/usr/bin/env node
// Regenerates the page-estimator calibration corpus under fixtures/layout/:
//
//   node scripts/make-layout-fixtures.mjs [--only name,name] [--keep DIR] [--out DIR --seed-offset N]
//
// Each case is written as a flat ODT, converted to .docx by LibreOffice (`soffice --headless
// --convert-to docx`, private profile), and the .docx is rendered back to PDF by LibreOffice to get
// the page count recorded in fixtures/layout/pages.json (the "truth" for this corpus: LibreOffice is a
// good independent renderer of files without the linesAndChars character grid, which is why no case
// here uses that grid). The two page-limit fixtures report-9-pages / report-7-pages get their PDF too.
//
// Needs: Node >= 20 (built-ins only), LibreOffice `soffice` (7.4 here), fonts-noto-cjk, poppler-utils
// (pdfinfo). The files name the fonts a Windows/WPS drafter has (仿宋, 黑体, 楷体, 方正小标宋简体); a
// private fontconfig file maps them to Noto CJK for rendering, as scripts/make-fixtures.mjs does.
// The text is written for wenfeng (SENTENCES below) and mixed by a seeded generator: reproducible.
// --keep DIR keeps the .fodt and the rendered PDFs there, for inspection (pdftotext -bbox).
// --out DIR with --seed-offset N writes a fresh corpus (same setups, other text) elsewhere: a check
// that the estimator was not fitted to this corpus's text.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARGS = process.argv.slice(2);
const arg = (name) => (ARGS.includes(name) ? ARGS[ARGS.indexOf(name) + 1] : undefined);
const OUT = path.resolve(arg('--out') ?? path.join(ROOT, 'fixtures', 'layout'));
const SEED_OFFSET = Number(arg('--seed-offset') ?? 0);
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const FIXED_DATE = '2024-08-06T00:00:00';

// ---------------------------------------------------------------------------------------------
// Text

const SENTENCES = [
  '今年以来，市政府把为基层减负作为转变作风的重要抓手，逐项梳理文件、会议、督查检查和填表报数事项。',
  '全市共清理各类工作群1426个，其中近6个月没有发布信息的312个已全部解散。',
  '市数据局牵头建设的一体化政务服务平台已接入部门系统37个，基层填报数据由平台统一归集。',
  '乡镇（街道）工作人员平均每月填写的报表由28张减少到11张，节省工作时间约40%。',
  '上半年以市政府名义召开的全市性会议9个，平均时长78分钟，比去年同期缩短22分钟。',
  '各区县要对照清单逐项核实，不得要求村（社区）另行报送材料或者重复填写表格。',
  '对群众反映强烈的问题，由分管负责同志牵头，明确整改时限，做到件件有回音。',
  '市财政安排专项资金2.35亿元，重点支持老旧小区改造、背街小巷整治和农贸市场提升。',
  '全年新增城镇就业4.6万人，城镇调查失业率控制在5.2%以内，零就业家庭保持动态清零。',
  '我们坚持问题导向，把基层反映最集中的“多头检查”“重复填报”作为整治重点。',
  '督查检查考核事项由年初的20项压减为14项，能够合并的一律合并，能够线上完成的不再到现场。',
  '安全生产专项整治三年行动收官以来，全市重点行业领域事故起数和死亡人数实现“双下降”。',
  '全市森林覆盖率达到62.8%，主要河流断面水质优良比例保持在95%以上。',
  '农村生活污水治理率提高到48.5%，新建和改造农村公路312公里，行政村通客车率达到100%。',
  '教育方面，新建改扩建中小学和幼儿园23所，新增学位1.8万个，中小学课后服务实现全覆盖。',
  '医疗方面，县域医共体建设全面推开，基层医疗卫生机构诊疗量占比提高到58%。',
  '政务服务“一网通办”事项达到1236项，全程网办率提高到87.4%，企业开办时间压缩到1个工作日。',
  '对已经出台的政策文件，起草部门要同步做好解读，用群众听得懂的话讲清楚办什么、怎么办。',
  '会议材料每次不超过3份，每份不超过5页，会前2天发给参会单位，会上不照本宣科。',
  '文件起草坚持短实新，开门见山、直奔主题，能用一页说清楚的不写两页。',
  '对以文件落实文件、以会议落实会议的做法，市政府办公室将逐件退回并予以通报。',
  '工作中也存在一些问题：部分部门习惯于层层发文，个别乡镇对上报材料把关不严，数据口径不统一的情况仍然存在。',
  '下一步，我们将把精简文件会议与推进数字政府建设结合起来，从源头上减少基层负担。',
  '各单位要明确一名联络员，于每月5日前将上月工作进展报市政府办公室。',
  '对工作推进不力、问题整改不到位的，按照有关规定严肃问责。',
  '2024年第一季度，全市地区生产总值完成612.4亿元，同比增长6.1%，增速高于全省平均水平0.4个百分点。',
  '规模以上工业增加值增长7.3%，其中装备制造业增长11.2%，新能源汽车零部件产量增长近两倍。',
  '固定资产投资增长5.6%，民间投资占比回升到52.1%，一批重点项目提前开工。',
  '社会消费品零售总额增长4.9%，餐饮和文旅消费持续回暖，五一假期接待游客286万人次。',
  '进出口总额增长9.7%，跨境电商交易额突破30亿元，新增外贸备案企业146家。',
  '我们组织开展了营商环境“体检”，走访企业1200余家，收集并解决问题437个。',
  '涉企检查实行“综合查一次”，同一部门对同一企业的检查一年原则上不超过1次。',
  '市场监管、生态环境、应急管理等部门的联合检查已占全部涉企检查的61%。',
  '推行“无事不扰”，对信用良好的企业降低抽查比例，对高风险领域提高检查频次。',
  '防汛期间，全市转移避险群众1.2万人次，没有发生因灾死亡事件。',
  '城市更新要尊重历史文脉，不搞大拆大建，留住城市的记忆和烟火气。',
  '老旧小区改造坚持“先民生后提升”，优先解决加装电梯、管网更新和停车难等问题。',
  '全市累计加装电梯628部，惠及居民2.3万户，平均审批时间由45天压缩到15天。',
  '垃圾分类示范片区扩大到45个，生活垃圾回收利用率达到38.6%。',
  '公共交通方面，新开和优化公交线路27条，轨道交通1号线二期完成主体结构施工。',
  '按照《云川市基层减负工作清单》，乡镇（街道）不再承担与其职能无关的考核事项。',
  '我们对“属地管理”事项进行了全面梳理，明确了市、区县、乡镇三级的责任边界。',
  '凡是法律法规没有明确规定由乡镇承担的事项，上级部门不得通过签订责任状等方式转嫁责任。',
  '确需乡镇配合的，由主管部门提供必要的经费、人员和技术支持。',
  '基层干部反映，过去一项工作要在4个平台上分别录入，现在一次录入、多方共享。',
  '问卷调查显示，认为上级文件和会议数量明显减少的占81.4%，比去年提高12个百分点。',
  '但也有46.2%的受访者认为填表报数仍然较多，说明减负工作还有不少短板。',
  '主要原因：一是部门数据标准不统一，二是系统之间缺少接口，三是个别单位仍把工作群当作布置任务的主渠道。',
  '针对这些问题，市数据局会同有关部门制定了统一的数据目录，9月底前完成接口改造。',
  '今后凡是能够从平台直接取得的数据，一律不再要求基层报送。',
  '我们还建立了基层减负观察点制度，在全市选取30个乡镇（街道）作为联系点，定期听取意见。',
  '观察点反映的问题实行清单管理，办结一件、销号一件，办理情况每季度通报一次。',
  '乡村振兴方面，粮食播种面积稳定在186万亩，总产量达到78.5万吨。',
  '特色产业加快发展，茶叶、中药材和高原蔬菜三大产业综合产值突破120亿元。',
  '农村居民人均可支配收入达到1.86万元，增长7.8%，增速继续快于城镇居民。',
  '脱贫人口务工规模稳定在21万人以上，防止返贫动态监测和帮扶机制有效运行。',
  '生态环境方面，中心城区空气质量优良天数比例为97.3%，细颗粒物平均浓度下降到24微克每立方米。',
  '长江支流岸线整治全面完成，清理非法码头和采砂点43处，恢复岸线生态12.6公里。',
  '我们严格落实河湖长制，市、县、乡、村四级河湖长巡河28万人次，发现并解决问题1500余个。',
  '民生实事项目全部按期完成，财政民生支出占一般公共预算支出的比重保持在80%以上。',
  '养老服务体系不断完善，新建社区养老服务中心36个，城市社区养老服务设施覆盖率达到100%。',
  '婴幼儿照护服务纳入基本公共服务，每千人口拥有3岁以下婴幼儿托位数达到3.8个。',
  '困难群众基本生活得到保障，城乡低保标准分别提高到每人每月760元和560元。',
  '社会治理方面，网格化服务管理实现全覆盖，全市划分网格1.1万个，配备专兼职网格员1.6万名。',
  '12345政务服务便民热线受理群众诉求86万件，按时办结率达到99.2%，满意率为93.5%。',
  '信访工作坚持源头治理，初信初访一次性化解率提高到91%。',
  '政府自身建设方面，严格执行重大行政决策程序，全年提请市人大常委会审议地方性法规草案3件。',
  '认真办理人大代表建议和政协委员提案，办结率100%，代表委员满意率98%以上。',
  '坚持过紧日子，一般性支出压减10%，“三公”经费下降6.4%。',
  '审计发现的问题整改到位，追回和盘活资金4.7亿元，健全制度26项。',
  '同时，我们也清醒地看到，经济恢复的基础还不稳固，部分企业生产经营仍然困难。',
  '科技创新能力不强，研究与试验发展经费投入强度低于全省平均水平。',
  '城乡区域发展不平衡，教育、医疗、养老等公共服务供给与群众期待还有差距。',
  '一些干部工作作风不实，抓落实的力度和效率有待提高。',
  '对这些问题，我们将采取有力措施，认真加以解决。',
  '明年的主要预期目标是：地区生产总值增长6%左右，城镇新增就业4.5万人以上。',
  '居民人均可支配收入增长与经济增长同步，单位地区生产总值能耗完成省下达的目标任务。',
  '围绕这些目标，重点抓好以下几个方面的工作。',
  '扩大有效投资，全年实施重点项目380个，完成投资850亿元以上。',
  '培育新兴产业，推动装备制造、新材料和数字经济三个产业集群加快成长。',
  '深化重点领域改革，开展国有企业改革深化提升行动，完善要素市场化配置。',
  '持续改善民生，把有限的财力更多用于就业、教育、医疗、养老等领域。',
  '加强生态保护，统筹推进山水林田湖草沙一体化保护和系统治理。',
  '各区县、各部门要按照职责分工，制定具体实施方案，明确时间表、路线图和责任人。',
  '市政府督查室将对重点任务实行清单化管理，按月调度，按季通报，年底考核。',
  '请各单位于12月15日前将全年工作总结和明年工作打算报送市政府办公室（电子版发送至指定邮箱）。',
  '联系人：市政府办公室秘书一处李明，电话：0871-63112345。',
  '此项工作时间紧、任务重，各单位务必高度负责，确保按期完成。',
  '附件中的统计数据截至2024年6月30日，部分数据为快报数，最终以统计部门公布的为准。',
  '凡涉及群众切身利益的事项，要广泛听取意见，充分论证评估，稳妥有序推进。',
  '对重点工程建设中发现的质量安全隐患，要立即整改，整改不到位的不得进入下一道工序。',
  '各级领导干部要带头调查研究，每人每年到基层蹲点不少于2次，每次不少于3天。',
  '调研报告要有情况、有分析、有建议，不搞走马观花，不搞层层陪同。',
  '坚持用数据说话，所有工作成效都要有可核查的数字支撑。',
  '全面推行“一件事一次办”，出生、入学、就业、退休等23个事项实现集成办理。',
  '企业开办、项目审批、不动产登记等高频事项全部实现“最多跑一次”。',
  '推进惠企政策“免申即享”，上半年通过平台直接兑现奖补资金3.1亿元，惠及企业2100余家。',
];
const HEADINGS_1 = [
  '主要工作情况', '存在的问题', '下一步工作安排', '工作目标', '重点任务', '保障措施', '工作要求',
  '基本情况', '主要做法和成效', '几点建议', '组织实施', '职责分工', '进度安排', '监督检查',
];
const HEADINGS_2 = [
  '精简文件和会议', '规范督查检查考核', '整治填表报数', '加强政务平台建设', '优化营商环境', '保障和改善民生',
  '推进乡村振兴', '加强生态环境保护', '提升社会治理水平', '加强政府自身建设', '强化组织领导', '严格考核问责',
  '加大资金投入', '做好宣传引导', '健全工作机制', '抓好风险防范',
];
const TITLES = [
  '云川市人民政府办公室关于2024年上半年为基层减负工作情况的报告',
  '云川市人民政府关于进一步优化营商环境的若干意见',
  '云川市人民政府办公室关于开展政务服务事项清理的通知',
  '云川市生态环境局关于长江支流岸线整治工作的专项报告',
  '关于印发《云川市城市更新三年行动方案》的通知',
  '云川市人民政府关于2024年度民生实事完成情况的报告',
  '云川市数据局关于一体化政务服务平台建设进展情况的报告',
  '云川市人民政府办公室关于做好2025年防汛工作的通知',
];
const TABLE_WORDS = [
  '清理工作群', '市数据局', '2024年9月底', '已完成', '整合政务应用', '市委网信办', '2024年10月底', '推进中',
  '压减督查检查事项', '市政府督查室', '2024年12月底', '老旧小区改造', '市住房城乡建设局', '农村公路建设',
  '市交通运输局', '加装电梯', '各区县人民政府', '按季度报送进展', '每月5日前', '需财政配套资金',
  '垃圾分类示范片区', '市城市管理局', '统一数据目录', '涉及4个部门，需协调统计口径，9月底前完成接口改造',
];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** mulberry32: a small seeded generator, so every run writes the same documents. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

function paragraph(r, [lo, hi]) {
  let s = '';
  const n = r.int(lo, hi);
  for (let i = 0; i < n; i++) s += r.pick(SENTENCES);
  return s;
}

// ---------------------------------------------------------------------------------------------
// The cases. Lengths in mm unless named pt. Every case is an A4 GB/T 9704 draft unless it says otherwise.

const GB = { t: 37, b: 35, l: 28, r: 26 };
const PAPER = { A4: [210, 297], Letter: [215.9, 279.4], B5: [176, 250], A5: [148, 210] };

/** A GB/T 9704 draft: 仿宋 16 pt, 22 lines of 28.95 pt on a `lines` grid, title 22 pt, headings 黑体/楷体. */
const gbDoc = (over = {}) => ({
  paper: 'A4', margins: GB, grid: 28.95, size: 16, line: { exact: 28.95 }, letterSpacing: 0, indent: 2,
  title: true, recipient: true, signature: true, footer: true, h1: 3, h2: 2, paras: [2, 4], sentences: [2, 6], ...over,
});

const CASES = [
  { name: 'gb-grid-exact-short', kind: 'GB/T 9704, lines grid, exact 28.95 pt, 1 page', seed: 1, ...gbDoc({ h1: 1, h2: 0, paras: [2, 2], sentences: [1, 2], signature: false }) },
  { name: 'gb-grid-exact-3p', kind: 'GB/T 9704, lines grid, exact 28.95 pt', seed: 2, ...gbDoc({ h1: 2, h2: 2, paras: [1, 3] }) },
  { name: 'gb-grid-exact-6p', kind: 'GB/T 9704, lines grid, exact 28.95 pt', seed: 3, ...gbDoc({ h1: 2, h2: 2, paras: [2, 3] }) },
  { name: 'gb-grid-exact-12p', kind: 'GB/T 9704, lines grid, exact 28.95 pt', seed: 4, ...gbDoc({ h1: 3, h2: 3, paras: [2, 3], sentences: [3, 6] }) },
  { name: 'gb-grid-exact-20p', kind: 'GB/T 9704, lines grid, exact 28.95 pt', seed: 5, ...gbDoc({ h1: 5, h2: 3, paras: [2, 3], sentences: [3, 6] }) },
  { name: 'gb-28chars-squeezed', kind: 'GB/T 9704, exact 28.95 pt, −0.25 pt letter spacing (28 a line)', seed: 6, ...gbDoc({ grid: null, letterSpacing: -0.25, h1: 3, h2: 2 }) },
  { name: 'gb-grid-single', kind: 'A4 GB margins, lines grid 28.95 pt, single spacing', seed: 7, ...gbDoc({ line: { prop: 100 }, h1: 3, h2: 2 }) },
  { name: 'gb-grid-15', kind: 'A4 GB margins, lines grid 15.6 pt, 1.5 spacing', seed: 8, ...gbDoc({ grid: 15.6, line: { prop: 150 }, h1: 3, h2: 2 }) },
  { name: 'exact-28', kind: 'A4 GB margins, no grid, exact 28 pt', seed: 9, ...gbDoc({ grid: null, line: { exact: 28 }, h1: 3, h2: 3 }) },
  { name: 'exact-29', kind: 'A4 GB margins, no grid, exact 29 pt', seed: 10, ...gbDoc({ grid: null, line: { exact: 29 }, h1: 4, h2: 2 }) },
  { name: 'exact-29-long', kind: 'A4 GB margins, no grid, exact 29 pt', seed: 11, ...gbDoc({ grid: null, line: { exact: 29 }, h1: 5, h2: 3, sentences: [3, 6] }) },
  { name: 'body-14pt-exact', kind: 'A4, 14 pt body, exact 24 pt', seed: 12, ...gbDoc({ grid: null, size: 14, line: { exact: 24 }, h1: 4, h2: 3 }) },
  { name: 'body-14pt-single', kind: 'A4, 14 pt body, single spacing', seed: 13, ...gbDoc({ grid: null, size: 14, line: { prop: 100 }, h1: 4, h2: 3 }) },
  { name: 'single-16pt', kind: 'A4 GB margins, no grid, single spacing', seed: 14, ...gbDoc({ grid: null, line: { prop: 100 }, h1: 3, h2: 3 }) },
  { name: 'onehalf-16pt', kind: 'A4 GB margins, no grid, 1.5 spacing', seed: 15, ...gbDoc({ grid: null, line: { prop: 150 }, h1: 3, h2: 3 }) },
  { name: 'onehalf-12pt', kind: 'A4 Word margins, 12 pt body, 1.5 spacing', seed: 16, ...gbDoc({ grid: null, size: 12, line: { prop: 150 }, margins: { t: 25.4, b: 25.4, l: 31.8, r: 31.8 }, h1: 4, h2: 3, sentences: [3, 7] }) },
  { name: 'double-12pt', kind: 'A4, 12 pt body, double spacing', seed: 17, ...gbDoc({ grid: null, size: 12, line: { prop: 200 }, margins: { t: 25.4, b: 25.4, l: 31.8, r: 31.8 }, h1: 3, h2: 2 }) },
  { name: 'atleast-20', kind: 'A4, 12 pt body, at least 20 pt', seed: 18, ...gbDoc({ grid: null, size: 12, line: { atLeast: 20 }, h1: 3, h2: 2 }) },
  { name: 'letter-exact', kind: 'Letter, 1 in margins, exact 24 pt, 14 pt body', seed: 19, ...gbDoc({ paper: 'Letter', grid: null, size: 14, line: { exact: 24 }, margins: { t: 25.4, b: 25.4, l: 25.4, r: 25.4 }, h1: 4, h2: 2 }) },
  { name: 'letter-single', kind: 'Letter, 1 in margins, single spacing, 12 pt', seed: 20, ...gbDoc({ paper: 'Letter', grid: null, size: 12, line: { prop: 100 }, margins: { t: 25.4, b: 25.4, l: 25.4, r: 25.4 }, h1: 5, h2: 3, sentences: [3, 8] }) },
  { name: 'b5-exact', kind: 'B5, exact 26 pt, 15 pt body', seed: 21, ...gbDoc({ paper: 'B5', grid: null, size: 15, line: { exact: 26 }, margins: { t: 25, b: 25, l: 22, r: 20 }, h1: 3, h2: 2 }) },
  { name: 'b5-grid', kind: 'B5, lines grid 24 pt, single spacing, 14 pt', seed: 22, ...gbDoc({ paper: 'B5', grid: 24, size: 14, line: { prop: 100 }, margins: { t: 25, b: 25, l: 22, r: 20 }, h1: 3, h2: 2 }) },
  { name: 'wide-margins', kind: 'A4, 45 mm margins, exact 28 pt', seed: 23, ...gbDoc({ grid: null, line: { exact: 28 }, margins: { t: 45, b: 45, l: 45, r: 45 }, h1: 3, h2: 2 }) },
  { name: 'narrow-margins', kind: 'A4, 12.7 mm margins, exact 22 pt, 14 pt', seed: 24, ...gbDoc({ grid: null, size: 14, line: { exact: 22 }, margins: { t: 12.7, b: 12.7, l: 12.7, r: 12.7 }, h1: 5, h2: 3, sentences: [3, 8] }) },
  { name: 'spacing-paras', kind: 'A4, single spacing, 6 pt after every paragraph, 12 pt before headings', seed: 25, ...gbDoc({ grid: null, size: 14, line: { prop: 100 }, after: 6, headingBefore: 12, h1: 4, h2: 3 }) },
  { name: 'spacing-lines', kind: 'A4, exact 28 pt, 0.5 line before/after headings', seed: 26, ...gbDoc({ grid: 28, line: { exact: 28 }, headingBefore: 14, headingAfter: 14, h1: 4, h2: 3 }) },
  { name: 'table-spanning', kind: 'GB/T 9704 with a 40-row table spanning pages, header row repeated', seed: 27, ...gbDoc({ h1: 2, h2: 1, table: { rows: 40, cols: 4, header: true } }) },
  { name: 'table-cantsplit', kind: 'A4 single spacing, table with rows that may not split, minimum row heights', seed: 28, ...gbDoc({ grid: null, size: 14, line: { prop: 100 }, h1: 2, h2: 1, table: { rows: 30, cols: 5, header: true, cantSplit: true, minRow: 10, long: true } }) },
  { name: 'table-long-cells', kind: 'GB/T 9704, table with long wrapping cells, rows split across pages', seed: 29, ...gbDoc({ h1: 2, h2: 1, table: { rows: 16, cols: 3, header: false, long: true, longer: true } }) },
  { name: 'page-breaks', kind: 'GB/T 9704 with explicit page breaks', seed: 30, ...gbDoc({ h1: 4, h2: 1, paras: [1, 2], pageBreaks: true }) },
  { name: 'sections-sizes', kind: 'three sections: A4, A4 landscape, B5', seed: 31, ...gbDoc({ grid: null, line: { exact: 28 }, h1: 6, h2: 1, sections: [{ paper: 'A4' }, { paper: 'A4', landscape: true }, { paper: 'B5', margins: { t: 25, b: 25, l: 22, r: 20 } }] }) },
  { name: 'sections-margins', kind: 'two sections with different margins and spacing', seed: 32, ...gbDoc({ grid: null, line: { exact: 29 }, h1: 4, h2: 2, sections: [{ paper: 'A4' }, { paper: 'A4', margins: { t: 20, b: 20, l: 20, r: 20 } }] }) },
  { name: 'images-inline', kind: 'A4 single spacing with inline pictures in their own paragraphs', seed: 33, ...gbDoc({ grid: null, size: 14, line: { prop: 100 }, h1: 3, h2: 2, images: [{ mode: 'inline', w: 120, h: 80 }, { mode: 'inline', w: 100, h: 60 }, { mode: 'inline', w: 140, h: 100 }] }) },
  { name: 'images-anchored', kind: 'GB/T 9704 with anchored pictures: top-and-bottom wrap and no wrap', seed: 34, ...gbDoc({ h1: 3, h2: 2, images: [{ mode: 'topBottom', w: 120, h: 70 }, { mode: 'none', w: 60, h: 40 }, { mode: 'topBottom', w: 100, h: 50 }] }) },
  { name: 'lists', kind: 'A4 exact 28 pt with numbered and bulleted lists', seed: 35, ...gbDoc({ grid: null, line: { exact: 28 }, h1: 3, h2: 2, lists: 4 }) },
  { name: 'headings-big', kind: 'A4 single spacing, large headings (22/18 pt) with spacing', seed: 36, ...gbDoc({ grid: null, size: 14, line: { prop: 100 }, h1: 4, h2: 3, h1Size: 22, h2Size: 18, headingBefore: 12, headingAfter: 6 }) },
  { name: 'empty-paras', kind: 'GB/T 9704 with empty paragraphs between blocks', seed: 37, ...gbDoc({ h1: 3, h2: 2, empties: true }) },
  { name: 'hanging-off', kind: 'GB/T 9704 without hanging punctuation', seed: 38, ...gbDoc({ grid: null, letterSpacing: -0.25, hanging: false, h1: 3, h2: 3 }) },
  { name: 'left-aligned-onehalf', kind: 'A4, 1.5 spacing, left aligned, no first-line indent, 6 pt after', seed: 39, ...gbDoc({ grid: null, size: 14, line: { prop: 150 }, indent: 0, align: 'start', after: 6, h1: 4, h2: 2 }) },
  { name: 'keep-with-next', kind: 'GB/T 9704, keep-with-next headings and keep-together paragraphs', seed: 40, ...gbDoc({ grid: null, line: { exact: 28.95 }, letterSpacing: -0.25, h1: 6, h2: 3, paras: [1, 2], keepTogether: true }) },
  { name: 'a5-single', kind: 'A5, 15 mm margins, 12 pt single spacing', seed: 42, ...gbDoc({ paper: 'A5', grid: null, size: 12, line: { prop: 100 }, margins: { t: 15, b: 15, l: 15, r: 15 }, h1: 3, h2: 2 }) },
  { name: 'landscape-exact', kind: 'A4 landscape, exact 26 pt, 14 pt body', seed: 43, ...gbDoc({ grid: null, size: 14, line: { exact: 26 }, sections: [{ paper: 'A4', landscape: true, margins: { t: 25, b: 25, l: 30, r: 30 } }], h1: 4, h2: 2 }) },
  { name: 'mixed-report', kind: 'GB/T 9704 report with a table, pictures and page breaks', seed: 44, ...gbDoc({ h1: 4, h2: 2, paras: [1, 3], pageBreaks: true, table: { rows: 12, cols: 4, header: true }, images: [{ mode: 'inline', w: 110, h: 70 }, { mode: 'topBottom', w: 90, h: 50 }] }) },
  { name: 'long-60-pages', kind: 'GB/T 9704, lines grid, about 60 pages (also the benchmark input)', seed: 45, ...gbDoc({ h1: 17, h2: 3, paras: [2, 3], sentences: [3, 6], table: { rows: 30, cols: 4, header: true } }) },
  { name: 'table-nested', kind: 'GB/T 9704, a form: a one-column table whose rows each hold a heading and a nested table, split across pages', seed: 46, ...gbDoc({ h1: 1, h2: 1, paras: [1, 2], table: { rows: 4, cols: 3, nested: 16, long: true } }) },
  { name: 'small-11pt-single', kind: 'A4, 11 pt body, single spacing, 10 pages', seed: 41, ...gbDoc({ grid: null, size: 11, line: { prop: 100 }, margins: { t: 25.4, b: 25.4, l: 31.8, r: 31.8 }, h1: 8, h2: 3, sentences: [4, 9] }) },
];

/** The page-limit fixtures: a comprehensive report on GB/T 9704 pages, grown until LibreOffice gives `pages`. */
const REPORTS = [
  { name: 'report-9-pages', pages: 9, seed: 909 },
  { name: 'report-7-pages', pages: 7, seed: 707 },
];
const REPORT_TITLE = '云川市人民政府办公室2024年度工作报告';

// ---------------------------------------------------------------------------------------------
// Content

/** Blocks of a case: title, recipient, headings, paragraphs and the features the case asks for. */
function content(c) {
  const r = rng(c.seed + SEED_OFFSET);
  const blocks = [];
  if (c.title) {
    blocks.push({ t: 'title', text: c.titleText ?? r.pick(TITLES) });
    if (c.empties) blocks.push({ t: 'empty' });
  }
  if (c.recipient) blocks.push({ t: 'p', style: 'Recipient', text: c.recipientText ?? '各区县人民政府，市政府各部门：' });
  const sections = c.sections ?? [null];
  const h1Total = c.h1;
  let imageNo = 0;
  let listNo = 0;
  let tableDone = false;
  for (let i = 0; i < h1Total; i++) {
    const h = { t: 'h1', text: `${CN_NUM[i]}、${HEADINGS_1[i % HEADINGS_1.length]}` };
    const sectionAt = sections.length > 1 ? Math.floor((i * sections.length) / h1Total) : 0;
    if (sections.length > 1 && i > 0 && sectionAt !== Math.floor(((i - 1) * sections.length) / h1Total)) h.section = sectionAt;
    if (c.pageBreaks && i > 0 && i % 2 === 0) h.pageBreak = true;
    blocks.push(h);
    const subs = c.h2;
    for (let j = 0; j <= subs; j++) {
      if (j > 0) blocks.push({ t: 'h2', text: `（${CN_NUM[j - 1]}）${HEADINGS_2[(i * 3 + j) % HEADINGS_2.length]}` });
      const n = r.int(c.paras[0], c.paras[1]);
      for (let k = 0; k < n; k++) {
        blocks.push({ t: 'p', text: paragraph(r, c.sentences), keepTogether: c.keepTogether && k === 0 });
        if (c.empties && r.next() < 0.25) blocks.push({ t: 'empty' });
      }
      if (c.images && imageNo < c.images.length && j === 0 && i >= 0) {
        const img = c.images[imageNo++];
        blocks.push({ t: 'image', ...img, text: img.mode === 'inline' ? '' : paragraph(r, [2, 3]) });
      }
      if (c.lists && listNo < c.lists && j === subs) {
        const items = r.int(3, 6);
        blocks.push({ t: 'list', numbered: listNo % 2 === 0, items: Array.from({ length: items }, () => paragraph(r, [1, 2])) });
        listNo++;
      }
    }
    if (c.table && !tableDone && i === 0) {
      // A nested table case: each outer row holds a heading and a table of its own (header row first).
      const cells = c.table.nested ? Array.from({ length: c.table.rows }, () => tableCells(r, { ...c.table, rows: c.table.nested, header: true })) : tableCells(r, c.table);
      blocks.push({ t: 'table', ...c.table, cells });
      tableDone = true;
    }
  }
  // Closing paragraphs (the page-limit reports grow by these to reach their page count).
  for (let i = 0; i < (c.tail ?? 0); i++) blocks.push({ t: 'p', text: paragraph(r, [2, 3]) });
  if (c.signature) {
    blocks.push({ t: 'p', style: 'Signature', text: '云川市人民政府办公室' });
    blocks.push({ t: 'p', style: 'SignDate', text: '2024年8月6日' });
  }
  return blocks;
}

function tableCells(r, t) {
  const rows = [];
  if (t.header) rows.push(['序号', '事项', '责任单位', '完成时限', '备注'].slice(0, t.cols));
  for (let i = rows.length; i < t.rows; i++) {
    const row = [String(i + (t.header ? 0 : 1))];
    for (let j = 1; j < t.cols; j++) {
      let s = r.pick(TABLE_WORDS);
      if (t.long && r.next() < 0.4) s += r.pick(TABLE_WORDS);
      if (t.longer && j === t.cols - 1) s = paragraph(r, [1, 2]);
      row.push(s);
    }
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Flat ODT

const xmlEsc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pt = (n) => `${Math.round(n * 100) / 100}pt`;
const mm = (n) => `${Math.round(n * 100) / 100}mm`;
const MM = 72 / 25.4;

const FONTS = { body: '仿宋', h1: '黑体', h2: '楷体', title: '方正小标宋简体', pageNo: '宋体' };

/** A 4 × 4 grey PNG; frames scale it to their size. */
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(4 * 5, 0x99);
  for (let y = 0; y < 4; y++) raw[y * 5] = 0; // filter byte
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function pageSize(s) {
  const [w, h] = PAPER[s.paper] ?? PAPER.A4;
  return s.landscape ? [h, w] : [w, h];
}

function lineProps(line) {
  if (line.exact) return `fo:line-height="${pt(line.exact)}"`;
  if (line.atLeast) return `style:line-height-at-least="${pt(line.atLeast)}"`;
  return `fo:line-height="${line.prop}%"`;
}

function fodt(c, blocks) {
  const sections = (c.sections ?? [{}]).map((s) => ({ paper: c.paper, margins: c.margins, ...s }));
  const text = (font, size, extra = '') =>
    `<style:text-properties style:font-name="${font}" fo:font-size="${pt(size)}" style:font-name-asian="${font}" style:font-size-asian="${pt(size)}" style:font-name-complex="${font}" style:font-size-complex="${pt(size)}"${extra}/>`;
  const ls = c.letterSpacing ? ` fo:letter-spacing="${pt(c.letterSpacing)}"` : '';
  const align = c.align ?? 'justify';
  const indent = pt(c.indent * (c.size + (c.letterSpacing ?? 0)));
  const after = c.after ? pt(c.after) : '0pt';
  const hBefore = pt(c.headingBefore ?? 0);
  const hAfter = pt(c.headingAfter ?? c.after ?? 0);
  const titleLine = c.line.exact ? `fo:line-height="${pt(Math.max(c.line.exact, 22 * 1.3))}"` : 'fo:line-height="100%"';
  const wrap = c.hanging === false ? 'simple' : 'hanging';

  const auto = new Map(); // paragraph auto-styles by key
  const autoStyle = (parent, { master, breakBefore, keep }) => {
    if (!master && !breakBefore && !keep) return parent;
    const key = `${parent}|${master ?? ''}|${breakBefore ? 1 : 0}|${keep ? 1 : 0}`;
    if (!auto.has(key)) auto.set(key, { name: `P${auto.size + 1}`, parent, master, breakBefore, keep });
    return auto.get(key).name;
  };

  const image = png().toString('base64');
  const out = [];
  let pendingBreak = false;
  let pendingMaster = 'M0';
  let frameNo = 0;
  let listNo = 0;
  const para = (style, inner, opts = {}) => {
    const name = autoStyle(style, { master: pendingMaster, breakBefore: pendingBreak && !pendingMaster, keep: opts.keep });
    pendingBreak = false;
    pendingMaster = undefined;
    return `<text:p text:style-name="${name}">${inner}</text:p>`;
  };
  for (const b of blocks) {
    if (b.section !== undefined) pendingMaster = `M${b.section}`;
    if (b.pageBreak) pendingBreak = true;
    switch (b.t) {
      case 'title':
        out.push(para('Title', xmlEsc(b.text)));
        break;
      case 'empty':
        out.push(para('Standard', ''));
        break;
      case 'h1':
      case 'h2': {
        const style = b.t === 'h1' ? 'Heading_20_1' : 'Heading_20_2';
        const name = autoStyle(style, { master: pendingMaster, breakBefore: pendingBreak && !pendingMaster });
        pendingBreak = false;
        pendingMaster = undefined;
        out.push(`<text:h text:style-name="${name}" text:outline-level="${b.t === 'h1' ? 1 : 2}">${xmlEsc(b.text)}</text:h>`);
        break;
      }
      case 'p':
        out.push(para(b.style ?? 'Standard', xmlEsc(b.text), { keep: b.keepTogether }));
        break;
      case 'image': {
        frameNo++;
        const frame = (style, anchor) =>
          `<draw:frame draw:style-name="${style}" draw:name="Picture${frameNo}" text:anchor-type="${anchor}" svg:width="${mm(b.w)}" svg:height="${mm(b.h)}" draw:z-index="${frameNo}"><draw:image><office:binary-data>${image}</office:binary-data></draw:image></draw:frame>`;
        if (b.mode === 'inline') out.push(para('Figure', frame('frInline', 'as-char')));
        else out.push(para('Standard', frame(b.mode === 'none' ? 'frNone' : 'frTopBottom', 'paragraph') + xmlEsc(b.text)));
        break;
      }
      case 'list': {
        listNo++;
        const items = b.items.map((t) => `<text:list-item>${para('ListPara', xmlEsc(t))}</text:list-item>`).join('');
        out.push(`<text:list text:style-name="${b.numbered ? 'LNum' : 'LBullet'}"${listNo > 1 && b.numbered ? '' : ''}>${items}</text:list>`);
        break;
      }
      case 'table': {
        if (b.nested) {
          // One column as wide as the text; each cell: a heading, the nested table, an empty paragraph.
          const [pw] = pageSize(sections[0]);
          const width = pw - sections[0].margins.l - sections[0].margins.r;
          const cols = b.cells[0][0].length;
          const weights = [0.6, ...Array(cols - 1).fill(1)];
          const sum = weights.reduce((a, x) => a + x, 0);
          const inner = width - 3.8;
          const innerRow = (cells, header) =>
            `<table:table-row table:style-name="Tab.R">${cells.map((t) => `<table:table-cell table:style-name="Tab.Cell" office:value-type="string">${para(header ? 'TableHead' : 'TableText', xmlEsc(t))}</table:table-cell>`).join('')}</table:table-row>`;
          const rows = b.cells.map((grid, k) => {
            const nested = `<table:table table:name="Inner${k}" table:style-name="TabIn">${weights.map((_, i) => `<table:table-column table:style-name="TabIn.C${i}"/>`).join('')}${grid.map((x, j) => innerRow(x, j === 0)).join('')}</table:table>`;
            return `<table:table-row table:style-name="Tab.R"><table:table-cell table:style-name="Tab.Cell" office:value-type="string">${para('TableHead', xmlEsc(`${CN_NUM[k]}、${HEADINGS_2[k % HEADINGS_2.length]}`))}${nested}${para('TableText', '')}</table:table-cell></table:table-row>`;
          });
          out.push(`<table:table table:name="Table${out.length}" table:style-name="Tab"><table:table-column table:style-name="Tab.C0"/>${rows.join('')}</table:table>`);
          c._tableCols = [width];
          c._tableWidth = width;
          c._innerCols = weights.map((w) => (w / sum) * inner);
          c._innerWidth = inner;
          break;
        }
        const cols = b.cells[0].length;
        const [pw] = pageSize(sections[0]);
        const width = pw - sections[0].margins.l - sections[0].margins.r;
        const weights = [0.6, ...Array(cols - 1).fill(1)];
        const sum = weights.reduce((a, x) => a + x, 0);
        const colStyles = weights.map((w, i) => `<table:table-column table:style-name="Tab.C${i}"/>`).join('');
        const row = (cells, header) =>
          `<table:table-row table:style-name="Tab.R">${cells.map((t) => `<table:table-cell table:style-name="Tab.Cell" office:value-type="string">${para(header ? 'TableHead' : 'TableText', xmlEsc(t))}</table:table-cell>`).join('')}</table:table-row>`;
        const [head, ...rest] = b.cells;
        const rows = b.header ? `<table:table-header-rows>${row(head, true)}</table:table-header-rows>${rest.map((x) => row(x)).join('')}` : b.cells.map((x) => row(x)).join('');
        out.push(`<table:table table:name="Table${out.length}" table:style-name="Tab">${colStyles}${rows}</table:table>`);
        c._tableCols = weights.map((w) => (w / sum) * width);
        c._tableWidth = width;
        break;
      }
    }
  }

  const pageLayouts = sections.map((s, i) => {
    const [w, h] = pageSize(s);
    const m = s.margins;
    const foot = c.footer ? 13 : 0; // footer 6 mm + 7 mm gap inside the bottom margin, as GB/T 9704 drafts have it
    const grid = c.grid
      ? ` style:layout-grid-mode="line" style:layout-grid-base-height="${pt(c.grid)}" style:layout-grid-ruby-height="0pt" style:layout-grid-lines="${Math.floor(((h - m.t - m.b) * MM) / c.grid)}" style:layout-grid-color="#c0c0c0" style:layout-grid-ruby-below="false" style:layout-grid-print="false" style:layout-grid-display="false" style:layout-grid-snap-to="true"`
      : '';
    const footer = c.footer ? '<style:footer-style><style:header-footer-properties fo:min-height="6mm" fo:margin-top="7mm" fo:margin-left="0mm" fo:margin-right="0mm"/></style:footer-style>' : '';
    return `<style:page-layout style:name="PL${i}"><style:page-layout-properties fo:page-width="${mm(w)}" fo:page-height="${mm(h)}" style:print-orientation="${s.landscape ? 'landscape' : 'portrait'}" fo:margin-top="${mm(m.t)}" fo:margin-bottom="${mm(m.b - foot)}" fo:margin-left="${mm(m.l)}" fo:margin-right="${mm(m.r)}" style:writing-mode="lr-tb"${grid}/>${footer}</style:page-layout>`;
  });
  const masters = sections.map((_, i) => {
    const footer = c.footer ? '<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>' : '';
    return `<style:master-page style:name="M${i}" style:page-layout-name="PL${i}">${footer}</style:master-page>`;
  });
  const autoStyles = [...auto.values()].map((a) =>
    `<style:style style:name="${a.name}" style:family="paragraph" style:parent-style-name="${a.parent}"${a.master ? ` style:master-page-name="${a.master}"` : ''}><style:paragraph-properties${a.breakBefore ? ' fo:break-before="page"' : ''}${a.keep ? ' fo:keep-together="always"' : ''}/></style:style>`);
  const tableStyles = c._tableCols
    ? [
        `<style:style style:name="Tab" style:family="table"><style:table-properties style:width="${mm(c._tableWidth)}" table:align="margins"/></style:style>`,
        ...c._tableCols.map((w, i) => `<style:style style:name="Tab.C${i}" style:family="table-column"><style:table-column-properties style:column-width="${mm(w)}"/></style:style>`),
        `<style:style style:name="Tab.R" style:family="table-row"><style:table-row-properties${c.table.cantSplit ? ' fo:keep-together="always"' : ''}${c.table.minRow ? ` style:min-row-height="${mm(c.table.minRow)}"` : ''}/></style:style>`,
        ...(c._innerCols
          ? [
              `<style:style style:name="TabIn" style:family="table"><style:table-properties style:width="${mm(c._innerWidth)}" table:align="left"/></style:style>`,
              ...c._innerCols.map((w, i) => `<style:style style:name="TabIn.C${i}" style:family="table-column"><style:table-column-properties style:column-width="${mm(w)}"/></style:style>`),
            ]
          : []),
        '<style:style style:name="Tab.Cell" style:family="table-cell"><style:table-cell-properties fo:padding-left="1.9mm" fo:padding-right="1.9mm" fo:padding-top="0.5mm" fo:padding-bottom="0.5mm" fo:border="0.5pt solid #000000"/></style:style>',
      ]
    : [];
  const frameStyles = [
    '<style:style style:name="frInline" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline"/></style:style>',
    '<style:style style:name="frTopBottom" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" style:horizontal-rel="paragraph" fo:margin-top="0mm" fo:margin-bottom="0mm"/></style:style>',
    '<style:style style:name="frNone" style:family="graphic"><style:graphic-properties style:wrap="run-through" style:run-through="foreground" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="right" style:horizontal-rel="paragraph"/></style:style>',
  ];
  const listIndent = c.size * 2;
  const h1Size = c.h1Size ?? c.size;
  const h2Size = c.h2Size ?? c.size;
  const tableSize = Math.min(c.size, 12);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${xmlEsc(c.name)}</dc:title><dc:language>zh-CN</dc:language><meta:generator>wenfeng scripts/make-layout-fixtures.mjs</meta:generator><meta:creation-date>${FIXED_DATE}</meta:creation-date><dc:date>${FIXED_DATE}</dc:date></office:meta>
<office:font-face-decls>
${Object.values(FONTS).map((f) => `<style:font-face style:name="${f}" svg:font-family="${f}" style:font-family-generic="roman" style:font-pitch="variable"/>`).join('\n')}
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties style:punctuation-wrap="${wrap}" style:line-break="strict" style:writing-mode="page"/>
${text(FONTS.body, c.size, ' fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN" fo:hyphenate="false"')}
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text">
<style:paragraph-properties ${lineProps(c.line)} fo:text-indent="${indent}" fo:margin-left="0pt" fo:margin-right="0pt" fo:margin-top="0pt" fo:margin-bottom="${after}" fo:text-align="${align}" fo:orphans="2" fo:widows="2"/>
${text(FONTS.body, c.size, ls)}
</style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:class="chapter">
<style:paragraph-properties ${titleLine} fo:text-align="center" fo:text-indent="0pt" fo:margin-bottom="${pt(c.line.exact ?? c.size * 1.5)}" fo:keep-with-next="always"/>
${text(FONTS.title, 22, ' fo:letter-spacing="normal"')}
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="1" style:class="text">
<style:paragraph-properties fo:margin-top="${hBefore}" fo:margin-bottom="${hAfter}" fo:keep-with-next="always"${h1Size > c.size ? ' fo:line-height="100%" fo:text-indent="0pt"' : ''}/>
${text(FONTS.h1, h1Size)}
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="2" style:class="text">
<style:paragraph-properties fo:margin-top="${hBefore}" fo:margin-bottom="${hAfter}" fo:keep-with-next="always"${h2Size > c.size ? ' fo:line-height="100%" fo:text-indent="0pt"' : ''}/>
${text(FONTS.h2, h2Size)}
</style:style>
<style:style style:name="Recipient" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:text-indent="0pt"/></style:style>
<style:style style:name="Signature" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:text-align="end" fo:text-indent="0pt" fo:margin-right="${pt(c.size * 2)}" fo:margin-top="${pt(c.line.exact ?? c.size * 1.5)}" fo:keep-with-next="always"/></style:style>
<style:style style:name="SignDate" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:text-align="end" fo:text-indent="0pt" fo:margin-right="${pt(c.size * 4)}"/></style:style>
<style:style style:name="Figure" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:line-height="100%" fo:text-align="center" fo:text-indent="0pt"/></style:style>
<style:style style:name="ListPara" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:text-indent="0pt"/></style:style>
<style:style style:name="TableText" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:line-height="100%" fo:text-indent="0pt" fo:text-align="start" fo:margin-bottom="0pt"/>${text(FONTS.body, tableSize, ' fo:letter-spacing="normal"')}</style:style>
<style:style style:name="TableHead" style:family="paragraph" style:parent-style-name="TableText" style:class="extra"><style:paragraph-properties fo:text-align="center"/>${text(FONTS.h1, tableSize)}</style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" fo:line-height="17pt" fo:margin-bottom="0pt"/>${text(FONTS.pageNo, 14, ' fo:letter-spacing="normal"')}</style:style>
<text:list-style style:name="LNum"><text:list-level-style-number text:level="1" style:num-prefix="（" style:num-suffix="）" style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="0pt" fo:margin-left="${pt(listIndent)}"/></style:list-level-properties></text:list-level-style-number></text:list-style>
<text:list-style style:name="LBullet"><text:list-level-style-bullet text:level="1" text:bullet-char="●"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${pt(listIndent * 1.5)}" fo:text-indent="${pt(-listIndent * 0.75)}" fo:margin-left="${pt(listIndent * 1.5)}"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
${autoStyles.join('\n')}
${tableStyles.join('\n')}
${frameStyles.join('\n')}
${pageLayouts.join('\n')}
</office:automatic-styles>
<office:master-styles>
${masters.join('\n')}
</office:master-styles>
<office:body><office:text>
${out.join('\n')}
</office:text></office:body>
</office:document>
`;
}

// ---------------------------------------------------------------------------------------------
// LibreOffice

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { maxBuffer: 64 << 20, timeout: 600_000, ...opts });

function fontsConf() {
  const serif = ['仿宋', 'FangSong', '仿宋_GB2312', '楷体', 'KaiTi', '宋体', 'SimSun', '方正小标宋简体'];
  const sans = ['黑体', 'SimHei'];
  const alias = (fam, to) => `<alias binding="strong"><family>${fam}</family><prefer><family>${to}</family></prefer></alias>`;
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${serif.map((f) => alias(f, 'Noto Serif CJK SC')).join('\n')}
${sans.map((f) => alias(f, 'Noto Sans CJK SC')).join('\n')}
</fontconfig>
`;
}

function soffice(files, target, outdir, env) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-lo-'));
  try {
    run(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outdir, ...files], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function pdfPages(file) {
  const m = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]).toString('utf8'));
  if (!m) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(m[1]);
}

/** Sets every zip entry's DOS time to FIXED_DATE (local headers and central directory), for reproducible files. */
function zipFixTimes(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip');
  const [y, mo, d] = FIXED_DATE.slice(0, 10).split('-').map(Number);
  const dosDate = ((y - 1980) << 9) | (mo << 5) | d;
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    const local = buf.readUInt32LE(p + 42);
    buf.writeUInt16LE(0, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    buf.writeUInt16LE(0, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

/**
 * Makes LibreOffice's PDF reproducible: a fixed /CreationDate and an /ID derived from the content.
 * Every replacement keeps its length, so the xref offsets stay valid.
 */
function pdfFixVolatile(buf) {
  let text = buf.toString('latin1');
  text = text.replace(/\/CreationDate\(D:(\d{14})([^)]*)\)/g, (m, d, rest) => `/CreationDate(D:20240806000000${rest})`);
  const volatile = /(\/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)|\/DocChecksum\s*\/[0-9A-Fa-f]+/g;
  const blank = text.replace(volatile, (m) => m.replace(/[0-9A-Fa-f]{16,}/g, (h) => '0'.repeat(h.length)));
  const digest = createHash('sha256').update(Buffer.from(blank, 'latin1')).digest('hex').toUpperCase();
  return Buffer.from(blank.replace(/(\/ID\s*\[\s*<)(0+)(>\s*<)(0+)(>)|\/DocChecksum\s*\/0+/g, (m) => m.replace(/0{16,}/g, (z) => digest.slice(0, z.length))), 'latin1');
}

/** Writes the cases as .fodt, converts them to .docx and renders the .docx to PDF; returns name → pages. */
function build(cases, tmp, env) {
  const src = path.join(tmp, 'src');
  const docx = path.join(tmp, 'docx');
  const pdf = path.join(tmp, 'pdf');
  for (const d of [src, docx, pdf]) fs.mkdirSync(d, { recursive: true });
  const files = cases.map((c) => {
    const p = path.join(src, `${c.name}.fodt`);
    fs.writeFileSync(p, fodt(c, content(c)));
    return p;
  });
  soffice(files, 'docx:MS Word 2007 XML', docx, env);
  const docxFiles = cases.map((c) => path.join(docx, `${c.name}.docx`));
  soffice(docxFiles, 'pdf:writer_pdf_Export', pdf, env);
  return new Map(cases.map((c) => [c.name, { docx: path.join(docx, `${c.name}.docx`), pdf: path.join(pdf, `${c.name}.pdf`), pages: pdfPages(path.join(pdf, `${c.name}.pdf`)) }]));
}

/** A comprehensive report on GB/T 9704 pages with `h1` sections; more sections, more pages. */
function reportCase(rep, h1, tail) {
  return { name: rep.name, kind: `GB/T 9704 comprehensive report (${rep.pages} pages)`, seed: rep.seed, titleText: REPORT_TITLE, recipientText: '云川市人民政府：', tail, ...gbDoc({ h1, h2: 2, paras: [1, 2], sentences: [3, 5] }) };
}

function readme(data) {
  const rows = (list) => list.map((e) => `| \`${e.file}\` | ${e.kind} | ${e.libreofficePages} |`).join('\n');
  return `# Page-estimator calibration corpus

Generated by \`node scripts/make-layout-fixtures.mjs\` (do not edit by hand): each case is written as a
flat ODT, converted to .docx by LibreOffice, and the .docx rendered back to PDF by LibreOffice; the
PDF's page count is recorded in \`pages.json\`. ${data.renderer}, fonts-noto-cjk standing in for
仿宋/黑体/楷体/方正小标宋简体. The text is written for wenfeng (sentences about an invented city,
云川市) and mixed by a seeded generator.

LibreOffice is the truth here because these files have no \`linesAndChars\` character grid (on that
grid LibreOffice lays out differently from Word; see ../../../shared/calibration/README.md). The
estimator lays these files out with its LibreOffice profile (they were saved by LibreOffice);
\`test/layout/accuracy.test.ts\` requires ≥ 95 % exact and never more than one page off, and
\`npm run calibrate\` prints the comparison.

## Corpus

| file | setup | pages (LibreOffice) |
| --- | --- | --- |
${rows(data.corpus)}

## Page-limit fixtures

A comprehensive report (综合报告, limit 8 pages) over and under the limit; the PDF is LibreOffice's
rendering of the .docx, and the estimator gives the same count.

| file | setup | pages |
| --- | --- | --- |
${rows(data.reports)}
`;
}

function main() {
  const only = arg('--only')?.split(',') ?? null;
  const keep = arg('--keep') ? path.resolve(arg('--keep')) : null;
  for (const cmd of [SOFFICE, 'pdfinfo']) if (!have(cmd)) throw new Error(`${cmd} is not installed (needed to make the layout fixtures)`);

  const tmp = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-layout-'));
  try {
    const conf = path.join(tmp, 'fonts.conf');
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(conf, fontsConf());
    const env = { ...process.env, FONTCONFIG_FILE: conf, SAL_USE_VCLPLUGIN: 'svp', LC_ALL: 'C.UTF-8', TZ: 'UTC' };
    fs.mkdirSync(OUT, { recursive: true });
    const pagesFile = path.join(OUT, 'pages.json');
    const previous = fs.existsSync(pagesFile) ? JSON.parse(fs.readFileSync(pagesFile, 'utf8')) : { corpus: [], reports: [] };

    const cases = CASES.filter((c) => !only || only.includes(c.name));
    const corpus = [];
    if (cases.length > 0) {
      console.log(`LibreOffice: ${cases.length} cases -> docx -> pdf`);
      const built = build(cases, tmp, env);
      for (const c of cases) {
        const b = built.get(c.name);
        fs.writeFileSync(path.join(OUT, `${c.name}.docx`), zipFixTimes(fs.readFileSync(b.docx)));
        corpus.push({ file: `${c.name}.docx`, kind: c.kind, libreofficePages: b.pages });
        console.log(`  ${c.name}: ${b.pages} pages`);
      }
    }

    const reports = [];
    for (const rep of REPORTS.filter((x) => !only || only.includes(x.name))) {
      // Grow the number of sections while LibreOffice renders fewer pages than wanted, then, from
      // the last count below, add closing paragraphs one at a time until it renders exactly that.
      const render = (h1, tail) => build([reportCase(rep, h1, tail)], path.join(tmp, `${rep.name}-${h1}-${tail}`), env).get(rep.name);
      let h1 = Math.max(1, rep.pages - 3);
      let tail = 0;
      let b = render(h1, tail);
      while (b.pages < rep.pages) b = render(++h1, tail);
      if (b.pages > rep.pages) {
        h1--;
        do b = render(h1, ++tail);
        while (b.pages < rep.pages && tail < 40);
      }
      if (b.pages !== rep.pages) throw new Error(`${rep.name}: LibreOffice renders ${b.pages} pages, not ${rep.pages}`);
      fs.writeFileSync(path.join(OUT, `${rep.name}.docx`), zipFixTimes(fs.readFileSync(b.docx)));
      fs.writeFileSync(path.join(OUT, `${rep.name}.pdf`), pdfFixVolatile(fs.readFileSync(b.pdf)));
      reports.push({ file: `${rep.name}.docx`, pdf: `${rep.name}.pdf`, kind: reportCase(rep, h1, tail).kind, libreofficePages: b.pages });
      console.log(`  ${rep.name}: ${b.pages} pages (${h1} sections, ${tail} closing paragraphs)`);
    }

    const merge = (old, fresh) => {
      const byFile = new Map(old.map((e) => [e.file, e]));
      for (const e of fresh) byFile.set(e.file, e);
      return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
    };
    const data = {
      about: 'Page counts of fixtures/layout/*.docx as LibreOffice renders them (soffice --convert-to pdf of the .docx, Noto CJK fonts standing in for 仿宋/黑体/楷体/方正小标宋简体). Made by scripts/make-layout-fixtures.mjs.',
      renderer: run(SOFFICE, ['--version'], { env }).toString('utf8').trim(),
      corpus: merge(only ? previous.corpus : [], corpus),
      reports: merge(only ? previous.reports : [], reports),
    };
    fs.writeFileSync(pagesFile, JSON.stringify(data, null, 2) + '\n');
    fs.writeFileSync(path.join(OUT, 'README.md'), readme(data));
    console.log(`wrote ${path.relative(ROOT, pagesFile)}`);
  } finally {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
