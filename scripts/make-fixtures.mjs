#!/usr/bin/env node
// Regenerates the test fixtures under fixtures/ (seeds, encodings, good, bad, src, README.md).
//
//   node scripts/make-fixtures.mjs            (or: npm run fixtures)
//
// Needs: Node >= 20 (built-ins only), LibreOffice `soffice` (7.4 here), fonts-noto-cjk, poppler-utils
// (pdftotext, pdfinfo), qpdf, and iconv (python3 is the fallback for GB18030/Big5 if iconv is missing).
// The seeds are read from ../shared/seeds (next to the repository), or from $WENFENG_SEEDS.
// Set $SOFFICE to use another LibreOffice binary.
//
// Titles added to the seeds that start with their body (line 1 of the .txt; everything after it is
// the seed, character for character, with its empty lines dropped so that each line is one paragraph):
//
//   000 司法部关于整治形式主义为基层减负专项工作情况的报告
//       The text reports, in the past tense, what 司法部 has done (建立了专项工作机制, 印发了实施方案,
//       组织开展专项整治 …) on one topic, and its closing line invites supervision. A single-topic account
//       of work done is a 专项报告 (its own §四 limits that kind to 5 pages), so the 文种 is 报告 and the
//       issuing authority is 司法部, which the text names throughout.
//   001 關於持續解決困擾基層的形式主義問題的若干措施
//       The body ends its preamble with "制定如下措施" and implements the 中办 notice 《關于持續解決困擾
//       基層的形式主義問題…》, so the title names that subject and the kind the text gives itself
//       (若干措施). It is in traditional characters like the body, but written correctly (關於, not the
//       body's mis-converted 關于). 措施 is not one of the 15 文种: such measures are issued as the
//       attachment of a "關於印發《…》的通知", and the province is not named in the text, so no 发文机关 is
//       invented. The kind a linter should infer is a 政策性文件 (the text itself limits those to 10 pages).
//   002 关于2023年整治形式主义为基层减负工作情况的报告
//       As given in the brief: a city government office (市政府办) reporting its 2023 为基层减负 work;
//       the body opens "现将2023年整治形式主义为基层减负工作情况报告如下". The city is not named, so no
//       发文机关 is invented.
//   003 and 004 keep their own first lines (003: a slogan line, then its headline; 004: the web page's
//       "无障碍浏览" line, then the regulation's title).
//
// The fixtures/good/ texts are written here (GOOD below); fixtures/good/*.txt are outputs, edit them here.
// The flat ODT sources are kept in fixtures/src/ so a conversion can be repeated or inspected by hand.
// Output is byte-for-byte reproducible on the same LibreOffice/font build (zip entry times in the .docx
// are set to 2024-08-06 00:00; the PDFs' /CreationDate, /ID and /DocChecksum are fixed), except
// bad/encrypted.pdf: qpdf draws a random AES-256 file key, which --static-id/--static-aes-iv do not fix.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIX = path.join(ROOT, 'fixtures');
const SEEDS_DIR = process.env.WENFENG_SEEDS ?? path.resolve(ROOT, '..', 'shared', 'seeds');
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const OWNED = ['seeds', 'encodings', 'good', 'bad', 'src']; // the only fixtures/ folders this script writes
const FIXED_DATE = '2024-08-06T00:00:00';

// ---------------------------------------------------------------------------------------------
// The documents

const SEEDS = [
  { prefix: '000_', slug: '000-moj-jianfu', title: '司法部关于整治形式主义为基层减负专项工作情况的报告' },
  { prefix: '001_', slug: '001-province-measures-trad', title: '關於持續解決困擾基層的形式主義問題的若干措施' },
  { prefix: '002_', slug: '002-city-report', title: '关于2023年整治形式主义为基层减负工作情况的报告' },
  { prefix: '003_', slug: '003-news', title: null, titleLine: 1 },
  { prefix: '004_', slug: '004-regulation', title: null, titleLine: 1 },
];

// Two drafts in good 短实新 style, written for this project (the place and names are invented).
const GOOD = {
  'good-notice': `
云川市人民政府办公室关于开展政务移动应用程序和工作群清理整合的通知
各区县人民政府，市政府各部门，各直属机构：
全市各级行政机关目前自建或者要求基层使用的政务移动应用程序有87个、工作群1426个。其中，近6个月没有发布信息的有312个，同一事项要求乡镇（街道）在不同程序中重复填报的有19项。市政府决定，2024年9月1日至11月30日在全市开展政务移动应用程序和工作群清理整合。现将有关事项通知如下：
一、清理范围
（一）政务移动应用程序
市、区县两级行政机关及其所属事业单位自行开发、委托开发或者要求基层使用的政务移动应用程序、微信小程序、公众号，以及上述单位在第三方平台开设的工作账号。
（二）工作群
上述单位以工作名义建立、要求乡镇（街道）和村（社区）工作人员加入的微信群、钉钉群和政务微信群。以项目组、工作专班名义建立的临时工作群一并纳入清理，个人之间的联络群不在清理范围内。
（三）不纳入本次清理的情形
涉密信息系统，以及应急指挥、防汛值守、安全生产值班使用的程序和工作群，由主管单位按现行规定自行核查，11月30日前将核查结果报市数据局。
二、工作安排
（一）自查登记
9月1日至9月20日，各单位在市政务服务平台“清理整合”栏目逐个登记本单位建设或者管理的程序和工作群，填写名称、主管单位、用户数、近3个月发布信息条数和主要用途。登记由建设或管理单位直接填报，不经区县汇总。市数据局9月2日前开通登记功能并发布填报说明。
（二）分类处置
9月21日至10月31日，各单位按下列方式处置：
1.停用注销。符合下列情形之一的，10月15日前停用并注销：
（1）近3个月没有发布信息或者没有用户登录的；
（2）功能已由市一体化政务服务平台提供的；
（3）只用于打卡签到、上传工作截图或者统计点赞转发的；
（4）同一单位就同一事项建有2个以上工作群的，除保留的1个以外的其他工作群。
2.整合归并。同一部门建设的多个程序，功能相近的合并为1个；要求基层重复填报的数据，统一接入市一体化政务服务平台，由数据部门按需共享。整合后的程序使用市政务服务平台统一身份认证，基层人员用1个账号登录。10月31日前完成。
3.规范保留。确需保留的，由主管单位指定1名负责人，并符合下列要求：
（1）名称标明主管单位和用途；
（2）成员限于与该项工作直接相关的人员，工作结束后30日内解散工作群；
（3）不要求基层人员每日打卡、发送工作照片或者在非工作时间回复消息。
（三）检查验收
11月1日至11月25日，市数据局会同市委网信办抽查程序后台数据，随机进入工作群查看，并电话回访乡镇（街道）工作人员。每个区县抽查不少于3个乡镇（街道），每个市级部门抽查不少于2个程序或工作群。检查发现应注销未注销或者注销后换名重建的，责令10日内整改。11月30日前，市数据局将检查结果报市政府。
三、职责分工
（一）市数据局负责牵头组织，9月25日前提出全市保留、整合、注销清单，报市政府同意后执行；对保留和整合后的程序统一开展安全检测。
（二）市委网信办负责核查各单位以工作名义开设的公众号、视频号等账号，督促注销停更6个月以上的账号，10月31日前将注销情况报市数据局。
（三）各区县人民政府负责本区县及所辖乡镇（街道）的清理工作，区县政府分管负责同志为第一责任人。乡镇（街道）的程序和工作群由区县数据部门统一登记，不再由乡镇（街道）逐个填报。
（四）市政府各部门负责本系统的清理工作，对要求下级单位使用的程序逐一说明保留理由，10月15日前报市数据局。
（五）市政府办公室负责跟踪进度，10月、11月各通报1次各区县和市级部门的清理进度。通报只列进度和问题，不要求被通报单位另写书面说明。
四、工作要求
（一）不向基层转嫁任务。清理由建设和管理单位负责，不得要求乡镇（街道）和村（社区）另行报送材料、填写表格。确需基层核实的情况，由主管单位在平台上直接发起，基层在平台上确认。
（二）暂停新建。清理期间暂停审批新建政务移动应用程序。此后新建的，须经同级数据部门审核，现有平台能够提供的功能不再单独建设。
（三）定期复查。自2025年起，市数据局每半年对保留的程序和工作群复查1次，复查结果在市政府门户网站公开。发现注销后换名重建的，由市政府办公室通报建设单位。
（四）保留业务数据。程序注销前，建设单位须导出业务数据，按档案管理规定保存，不得擅自删除；涉及个人信息的，按规定销毁并留存销毁记录。
各单位于9月6日前将清理工作联系人姓名和电话报市数据局。市数据局联系人：张岚，电话：0871-63112345。
特此通知。
云川市人民政府办公室
2024年8月6日
`,
  'good-report': `
云川市人民政府办公室关于2024年上半年精简文件会议工作情况的报告
省人民政府办公厅：
按照省政府办公厅关于报送精简文件会议工作进展的要求，现将我市2024年1月至6月的工作情况报告如下。
一、主要工作和结果
（一）文件数量和篇幅
1月至6月，市政府和市政府办公室共印发文件46件，比去年同期减少17件，下降27.0%。其中发至乡镇（街道）的12件，减少9件。印发文件平均篇幅3.2页，没有超过规定页数的文件。主要做法有四项：
1.按计划发文。年初按部门核定全年发文数量，列入《2024年市政府系统精简文件会议计划》（云川政办发〔2024〕7号）。计划外发文须经分管副市长签批，上半年退回计划外发文申请8件。
2.审核时控制篇幅。政策性文件不超过10页，部署专项工作的文件不超过7页，超过的退回起草部门压缩。上半年退回压缩11件，平均每件压缩1.4页。
3.合并同类事项。安全生产和森林防火的春季部署合并为1个文件印发，防汛和地质灾害防治的部署合并为1个文件印发。
4.公开代替转发。除涉密文件外，印发的46件文件全部在市政府门户网站公开，其中9件政策性文件同步发布图文解读，区县和乡镇（街道）不再另行转发。
（二）会议数量和时长
1月至6月，以市政府名义召开的全市性会议9个，比去年同期减少5个；平均时长78分钟，比去年同期缩短22分钟。其中视频会议6个，占67%。市级会议直接开到乡镇（街道）的有2个，区县均未再层层召开。2月起执行“无会周”制度，每月第一周不安排全市性会议，上半年没有例外。参会范围按议题确定，上半年有4个会议改由部门分管负责同志参加，区县政府主要负责同志参会比去年同期减少31人次。会议材料每次不超过3份，每份不超过5页，会前2天发给参会单位。
（三）督查检查考核
市政府系统列入2024年计划的督查检查考核事项14项，比2023年减少6项。上半年实施5项，均采取不发通知、不打招呼、直奔现场的方式，没有要求基层准备汇报材料。市应急管理局和市消防救援支队的2项安全检查合并为1次联合检查，86家受检企业的迎检次数由2次减为1次。5项检查共发现问题27个，已整改24个，其余3个涉及资金安排，已列入下半年计划。
（四）政务移动应用程序和工作群
4月，市数据局对市、区县两级行政机关的政务移动应用程序和工作群进行清查，注销程序21个、工作群418个。乡镇（街道）工作人员平均加入的工作群由27个减为11个。
（五）基层评价
6月，市政府办公室通过线上问卷向全市98个乡镇（街道）的1260名工作人员了解情况，收回有效问卷1132份。认为上级文件和会议数量减少的占81.4%，认为填表报数仍然较多的占46.2%。
（六）基层承担事项
3月，市政府办公室梳理乡镇（街道）承担的市级部门事项213项，取消或者收回19项，另有8项改由部门通过平台直接取数，不再要求乡镇（街道）报送。
二、存在的问题
（一）以文件落实文件仍有发生。上半年有3个市级部门转发省级文件时没有提出本地措施，只在文前加了一段转发语。
（二）工作群清理后有反弹。6月抽查发现，已注销的工作群中有5个被原建群单位换名重建。主要原因是这些单位把工作群当作布置任务的主要渠道，注销后没有替代方式。
（三）数据重复填报没有根治。乡镇（街道）每月仍要向市统计局、市人力资源社会保障局、市民政局和市卫生健康委分别报送同一批人口和就业数据，每月约占用2个工作日。原因是4个部门的统计口径不一致，部门系统之间没有数据接口。
（四）部分会议时间偏长。9个全市性会议中有2个超过120分钟，原因是多个议题合并召开后，每个议题仍安排多个单位发言。
三、下半年工作安排
（一）转发类文件逐件审核。7月起，市政府办公室秘书一处对各部门报送的转发类文件逐件审核，没有本地具体措施的不予印发，每季度在市政府常务会议上通报退文情况。
（二）复查换名重建的工作群。8月31日前，市数据局对全市工作群再核查1次，注销换名重建的工作群，并通报建群单位。同时在市一体化政务服务平台开通任务交办功能，10月起市级部门向乡镇（街道）布置任务一律通过平台交办。
（三）数据一次填报、多方共享。8月31日前，市统计局会同3个部门统一统计口径；9月30日前，市统计局牵头，将人口和就业数据纳入市一体化政务服务平台，乡镇（街道）每月只填报1次，4个部门从平台取数。
（四）控制会议时长。自8月起，合并召开的会议每个议题只安排1个单位发言，全会不超过90分钟，由市政府办公室会务科在会议方案审核时把关。
（五）全年评估。12月20日前，市政府办公室对全年精简文件会议工作进行评估，评估结果纳入部门年度绩效考评。
特此报告。
云川市人民政府办公室
2024年7月15日
`,
};

// ---------------------------------------------------------------------------------------------
// Small helpers

const log = (...a) => console.log(...a);
const write = (p, data) => {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
};
const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { maxBuffer: 64 << 20, timeout: 300_000, ...opts });
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const stripWs = (s) => s.replace(/\s+/gu, '');
const nonWsChars = (s) => [...stripWs(s)].length;

/** Reads a zip's central directory; entries carry their local-header offset. */
function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip: no end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    out.push({
      cdOffset: p,
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
function zipDataStart(buf, e) {
  return e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
}
function zipRead(buf, name) {
  const e = zipEntries(buf).find((x) => x.name === name);
  if (!e) throw new Error(`zip has no ${name}`);
  const data = buf.subarray(zipDataStart(buf, e), zipDataStart(buf, e) + e.compressedSize);
  return e.method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data);
}
/** Sets every entry's DOS time to FIXED_DATE, in place (local headers and central directory). */
function zipFixTimes(buf) {
  const [y, mo, d] = FIXED_DATE.slice(0, 10).split('-').map(Number);
  const dosDate = ((y - 1980) << 9) | (mo << 5) | d;
  for (const e of zipEntries(buf)) {
    buf.writeUInt16LE(0, e.cdOffset + 12);
    buf.writeUInt16LE(dosDate, e.cdOffset + 14);
    buf.writeUInt16LE(0, e.localOffset + 10);
    buf.writeUInt16LE(dosDate, e.localOffset + 12);
  }
  return buf;
}
/**
 * Makes LibreOffice's PDF reproducible: a fixed /CreationDate, and /ID and LibreOffice's /DocChecksum
 * derived from the content. Every replacement keeps its length, so the xref offsets stay valid.
 */
function pdfFixVolatile(buf) {
  let s = buf.toString('latin1');
  s = s.replace(/\/CreationDate\(D:(\d{14})Z'\)/g, '/CreationDate(D:20240806000000Z\')');
  const hexRe = /(\/ID\s*\[\s*<)([0-9A-F]+)(>\s*<)([0-9A-F]+)(>\s*\])|(\/DocChecksum\s*\/)([0-9A-F]+)/g;
  const blank = s.replace(hexRe, (m) => m.replace(/[0-9A-F]{16,}/g, (h) => '0'.repeat(h.length)));
  const digest = sha256(Buffer.from(blank, 'latin1')).toUpperCase();
  s = blank.replace(/(\/ID\s*\[\s*<)(0+)(>\s*<)(0+)(>)|(\/DocChecksum\s*\/)(0+)/g,
    (m) => m.replace(/0{16,}/g, (z) => digest.slice(0, z.length)));
  if (/\/CreationDate\(D:(?!20240806000000Z)/.test(s)) throw new Error('unexpected /CreationDate form in LibreOffice PDF');
  return Buffer.from(s, 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Paragraph roles (shared by the .fodt writer; the .txt files carry no styling)

const H1 = /^[一二三四五六七八九十]+、/u;
const CHAPTER = /^第[一二三四五六七八九十百零]+章/u;
const H2 = /^[（(][一二三四五六七八九十]+[）)]/u;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/u;

/**
 * How a line is laid out. A numbered line that is only a heading gets the Heading 1/2 style; a numbered
 * line whose heading is the first sentence of a longer paragraph ("（一）以学为本，…。一是…") is a body
 * paragraph whose first sentence is set in the heading font, as drafters do it in Word.
 */
function roleOf(lines, i, titleIndex) {
  const t = lines[i];
  if (i === titleIndex) return { style: 'Title' };
  if (i === titleIndex + 1 && /[：:]$/u.test(t) && t.length <= 40) return { style: 'Recipient' };
  if (DATE_LINE.test(t) && i === lines.length - 1) return { style: 'SignDate' };
  if (i === lines.length - 2 && DATE_LINE.test(lines[i + 1]) && t.length <= 24 && !/[，。：；,]/u.test(t)) {
    return { style: 'Signature' };
  }
  if (CHAPTER.test(t)) return { style: 'Heading_20_1', level: 1, chapter: true };
  for (const [re, style, level, span] of [[H1, 'Heading_20_1', 1, 'RunIn1'], [H2, 'Heading_20_2', 2, 'RunIn2']]) {
    if (!re.test(t)) continue;
    const stop = t.search(/[。；;]/u);
    if (stop < 0 || stop === t.length - 1) return { style, level };
    return { style: 'Standard', span, spanEnd: stop + 1 };
  }
  return { style: 'Standard' };
}

// ---------------------------------------------------------------------------------------------
// Flat ODT

const xmlEsc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Escapes text for ODF, keeping every space (ODF collapses runs of U+0020 and drops leading ones). */
function odfText(s) {
  return s.split(/( +|\t)/u).map((part, i, all) => {
    if (part === '\t') return '<text:tab/>';
    if (!/^ +$/u.test(part)) return xmlEsc(part);
    const inner = part.length === 1 && all.slice(0, i).join('') !== '' && all.slice(i + 1).join('') !== '';
    return inner ? ' ' : `<text:s text:c="${part.length}"/>`;
  }).join('');
}

const LINE = '28.95pt'; // 225 mm / 22 lines, exact
const FONTS = {
  body: '仿宋', h1: '黑体', h2: '楷体', title: '方正小标宋简体', pageNo: '宋体',
};

function fodt(lines, { titleIndex, docTitle }) {
  const ff = (name, generic) => `<style:font-face style:name="${name}" svg:font-family="${name}" style:font-family-generic="${generic}" style:font-pitch="variable"/>`;
  const text = (font, size, extra = '') =>
    `<style:text-properties style:font-name="${font}" fo:font-size="${size}" style:font-name-asian="${font}" style:font-size-asian="${size}" style:font-name-complex="${font}" style:font-size-complex="${size}"${extra}/>`;
  const body = lines.map((t, i) => {
    const r = roleOf(lines, i, titleIndex);
    if (r.level) {
      const name = r.chapter ? 'Chapter' : r.style;
      return `<text:h text:style-name="${name}" text:outline-level="${r.level}">${odfText(t)}</text:h>`;
    }
    if (r.span) {
      return `<text:p text:style-name="Standard"><text:span text:style-name="${r.span}">${odfText(t.slice(0, r.spanEnd))}</text:span>${odfText(t.slice(r.spanEnd))}</text:p>`;
    }
    return `<text:p text:style-name="${r.style}">${odfText(t)}</text:p>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${xmlEsc(docTitle)}</dc:title><dc:language>zh-CN</dc:language><meta:generator>wenfeng scripts/make-fixtures.mjs</meta:generator><meta:creation-date>${FIXED_DATE}</meta:creation-date><dc:date>${FIXED_DATE}</dc:date></office:meta>
<office:font-face-decls>
${ff(FONTS.body, 'roman')}
${ff(FONTS.h1, 'swiss')}
${ff(FONTS.h2, 'roman')}
${ff(FONTS.title, 'roman')}
${ff(FONTS.pageNo, 'roman')}
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:punctuation-wrap="simple" style:line-break="strict" style:writing-mode="page"/>
${text(FONTS.body, '16pt', ' fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN" fo:hyphenate="false"')}
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text">
<style:paragraph-properties fo:line-height="${LINE}" fo:text-indent="32pt" fo:margin-left="0pt" fo:margin-right="0pt" fo:margin-top="0pt" fo:margin-bottom="0pt" fo:text-align="justify" fo:orphans="0" fo:widows="0"/>
${text(FONTS.body, '16pt', ' fo:letter-spacing="-0.25pt"')}
</style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:class="chapter">
<style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" fo:margin-bottom="${LINE}" fo:keep-with-next="always"/>
${text(FONTS.title, '22pt', ' fo:letter-spacing="normal"')}
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="1" style:class="text">
<style:paragraph-properties fo:text-indent="32pt" fo:margin-left="0pt" fo:keep-with-next="always"/>
${text(FONTS.h1, '16pt')}
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="2" style:class="text">
<style:paragraph-properties fo:text-indent="32pt" fo:margin-left="0pt" fo:keep-with-next="always"/>
${text(FONTS.h2, '16pt')}
</style:style>
<style:style style:name="Recipient" style:display-name="Main Recipient" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
<style:paragraph-properties fo:text-indent="0pt"/>
</style:style>
<style:style style:name="Signature" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
<style:paragraph-properties fo:text-align="end" fo:text-indent="0pt" fo:margin-right="32pt" fo:margin-top="${LINE}" fo:keep-with-next="always"/>
</style:style>
<style:style style:name="SignDate" style:display-name="Sign Date" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
<style:paragraph-properties fo:text-align="end" fo:text-indent="0pt" fo:margin-right="64pt"/>
</style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
<style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" fo:line-height="17pt"/>
${text(FONTS.pageNo, '14pt', ' fo:letter-spacing="normal"')}
</style:style>
<style:style style:name="RunIn1" style:display-name="Run-in Heading 1" style:family="text">${text(FONTS.h1, '16pt')}</style:style>
<style:style style:name="RunIn2" style:display-name="Run-in Heading 2" style:family="text">${text(FONTS.h2, '16pt')}</style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Chapter" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:text-align="center" fo:text-indent="0pt"/></style:style>
<style:page-layout style:name="GBT9704">
<style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" fo:margin-top="37mm" fo:margin-bottom="22mm" fo:margin-left="28mm" fo:margin-right="26mm" style:writing-mode="lr-tb"/>
<style:footer-style><style:header-footer-properties fo:min-height="6mm" fo:margin-top="7mm" fo:margin-left="0mm" fo:margin-right="0mm"/></style:footer-style>
</style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="GBT9704"><style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer></style:master-page>
</office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body>
</office:document>
`;
}

// Fontconfig aliases: the files name the fonts a Windows/WPS drafter has (仿宋, 黑体, 楷体, 方正小标宋简体,
// 宋体); this machine renders them with Noto CJK. Only the PDF is affected; the .docx keeps the names.
function fontsConf() {
  const serif = ['仿宋', 'FangSong', '仿宋_GB2312', 'FangSong_GB2312', '楷体', 'KaiTi', '楷体_GB2312', '宋体', 'SimSun'];
  const sans = ['黑体', 'SimHei'];
  const alias = (fam, to) => `<alias binding="strong"><family>${fam}</family><prefer><family>${to}</family></prefer></alias>`;
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${serif.map((f) => alias(f, 'Noto Serif CJK SC')).join('\n')}
${sans.map((f) => alias(f, 'Noto Sans CJK SC')).join('\n')}
<match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
<edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit></match>
</fontconfig>
`;
}

function soffice(files, target, outdir, env) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-lo-'));
  try {
    run(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
      '--convert-to', target, '--outdir', outdir, ...files], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Paragraph texts of a .docx body, in order (runs joined; tabs as \t). */
function docxParagraphs(buf) {
  const xml = zipRead(buf, 'word/document.xml').toString('utf8');
  const body = xml.slice(xml.indexOf('<w:body>'), xml.lastIndexOf('</w:body>'));
  const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return body.split(/<\/w:p>/).slice(0, -1).map((p) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[1] === undefined ? '\t' : unesc(m[1]))).join(''));
}
function pdfText(file) {
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString('utf8');
}
function pdfPages(file) {
  const m = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]).toString('utf8'));
  if (!m) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(m[1]);
}
function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

// ---------------------------------------------------------------------------------------------
// Main

function main() {
  for (const cmd of [SOFFICE, 'pdftotext', 'pdfinfo', 'qpdf']) {
    if (!have(cmd)) throw new Error(`${cmd} is not installed (needed to make the fixtures)`);
  }
  if (!fs.existsSync(SEEDS_DIR)) throw new Error(`no seeds at ${SEEDS_DIR} (set WENFENG_SEEDS)`);
  for (const d of OWNED) fs.rmSync(path.join(FIX, d), { recursive: true, force: true });
  fs.rmSync(path.join(FIX, 'README.md'), { force: true });

  const rows = []; // [path, how, pages]
  const docs = []; // { slug, dir, lines, titleIndex, origin }

  // 1. Seeds as one-paragraph-per-line UTF-8 text.
  const seedFiles = fs.readdirSync(SEEDS_DIR);
  for (const s of SEEDS) {
    const file = seedFiles.find((f) => f.startsWith(s.prefix));
    if (!file) throw new Error(`seed ${s.prefix}* not found in ${SEEDS_DIR}`);
    const raw = fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    const seedLines = raw.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '');
    const lines = s.title ? [s.title, ...seedLines] : seedLines;
    const titleIndex = s.title ? 0 : s.titleLine;
    docs.push({ slug: s.slug, dir: 'seeds', lines, titleIndex, origin: `seed ${file}` });
    write(path.join(FIX, 'seeds', `${s.slug}.txt`), lines.join('\n') + '\n');
    rows.push([`seeds/${s.slug}.txt`, s.title
      ? `seed \`${file}\`, empty lines dropped, title added on line 1: ${s.title}`
      : `seed \`${file}\`, empty lines dropped, otherwise verbatim (title on line ${titleIndex + 1})`]);
  }

  // 4 (text part). The good drafts.
  for (const [slug, body] of Object.entries(GOOD)) {
    const lines = body.trim().split('\n');
    docs.push({ slug, dir: 'good', lines, titleIndex: 0, origin: 'written for wenfeng' });
    write(path.join(FIX, 'good', `${slug}.txt`), lines.join('\n') + '\n');
    rows.push([`good/${slug}.txt`, `written in \`scripts/make-fixtures.mjs\` (GOOD), ${nonWsChars(lines.join(''))} characters`]);
  }

  // 2. Encoding variants.
  const seedTxt = (slug) => fs.readFileSync(path.join(FIX, 'seeds', `${slug}.txt`));
  const encode = (buf, to, { dropUnencodable = false } = {}) => {
    if (have('iconv')) {
      return run('iconv', [...(dropUnencodable ? ['-c'] : []), '-f', 'UTF-8', '-t', to], { input: buf, stdio: ['pipe', 'pipe', 'ignore'] });
    }
    const py = `import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode(${JSON.stringify(to.toLowerCase())}, ${dropUnencodable ? "'ignore'" : "'strict'"}))`;
    return run('python3', ['-c', py], { input: buf });
  };
  const encTool = have('iconv') ? 'iconv' : 'python3 codecs (iconv not installed)';
  {
    const src = seedTxt('002-city-report');
    const out = encode(src, 'GB18030');
    check(new TextDecoder('gb18030').decode(out) === src.toString('utf8'), 'GB18030 round trip of 002');
    write(path.join(FIX, 'encodings', '002-city-report.gb18030.txt'), out);
    rows.push(['encodings/002-city-report.gb18030.txt', `seeds/002-city-report.txt in GB18030 (${encTool}); decodes back exactly`]);
  }
  {
    const src = seedTxt('000-moj-jianfu');
    const out = Buffer.from(src.toString('utf8'), 'utf16le');
    write(path.join(FIX, 'encodings', '000-moj-jianfu.utf16le.txt'), out);
    rows.push(['encodings/000-moj-jianfu.utf16le.txt', 'seeds/000-moj-jianfu.txt in UTF-16LE, no BOM (Node Buffer)']);
  }
  {
    const src = seedTxt('003-news');
    write(path.join(FIX, 'encodings', '003-news.utf8bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), src]));
    rows.push(['encodings/003-news.utf8bom.txt', 'seeds/003-news.txt with a UTF-8 BOM (EF BB BF) in front']);
  }
  {
    const src = seedTxt('001-province-measures-trad');
    const text = src.toString('utf8');
    const out = encode(src, 'BIG5', { dropUnencodable: true });
    const back = new TextDecoder('big5').decode(out);
    const dropped = new Map();
    for (const ch of text) if (!back.includes(ch)) dropped.set(ch, (dropped.get(ch) ?? 0) + 1);
    const expected = [...text].filter((ch) => !dropped.has(ch)).join('');
    check(back === expected, 'Big5 round trip of 001 (apart from the dropped characters)');
    write(path.join(FIX, 'encodings', '001-province-measures-trad.big5.txt'), out);
    const list = [...dropped].map(([c, n]) => `${c}×${n}`).join(' ');
    rows.push(['encodings/001-province-measures-trad.big5.txt',
      `seeds/001-province-measures-trad.txt in Big5 (${encTool}${have('iconv') ? ' -c' : ", errors='ignore'"}); ` +
      `dropped ${[...dropped.values()].reduce((a, b) => a + b, 0)} unencodable characters, all pinyin tone letters of the "(xù)" noise: ${list}`]);
  }

  // 3/4. Flat ODT -> .docx and .pdf with LibreOffice.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-fixtures-'));
  try {
    const conf = path.join(tmp, 'fonts.conf');
    write(conf, fontsConf());
    const env = { ...process.env, FONTCONFIG_FILE: conf, SAL_USE_VCLPLUGIN: 'svp', LC_ALL: 'C.UTF-8', TZ: 'UTC' };
    const srcs = docs.map((d) => {
      const p = path.join(FIX, 'src', `${d.slug}.fodt`);
      write(p, fodt(d.lines, { titleIndex: d.titleIndex, docTitle: d.lines[d.titleIndex] }));
      rows.push([`src/${d.slug}.fodt`, `flat ODT written by the script from ${d.dir}/${d.slug}.txt (the LibreOffice input)`]);
      return p;
    });
    const out = path.join(tmp, 'out');
    fs.mkdirSync(out);
    log(`LibreOffice: ${srcs.length} documents -> docx, pdf`);
    soffice(srcs, 'docx:MS Word 2007 XML', out, env);
    soffice(srcs, 'pdf:writer_pdf_Export', out, env);
    for (const d of docs) {
      const docx = zipFixTimes(fs.readFileSync(path.join(out, `${d.slug}.docx`)));
      const pdf = pdfFixVolatile(fs.readFileSync(path.join(out, `${d.slug}.pdf`)));
      const docxPath = path.join(FIX, d.dir, `${d.slug}.docx`);
      const pdfPath = path.join(FIX, d.dir, `${d.slug}.pdf`);
      write(docxPath, docx);
      write(pdfPath, pdf);

      // The .docx body must be the text, paragraph for paragraph, character for character.
      const paras = docxParagraphs(docx);
      check(paras.length === d.lines.length, `${rel(docxPath)}: ${paras.length} paragraphs, expected ${d.lines.length}`);
      paras.forEach((p, i) => check(p === d.lines[i], `${rel(docxPath)} paragraph ${i + 1}: ${JSON.stringify(p.slice(0, 40))}… differs from the text`));
      // The PDF text layer must be the text (whitespace aside), plus one "— N —" per page.
      const pages = pdfPages(pdfPath);
      const raw = pdfText(pdfPath);
      const numbers = [...raw.matchAll(/^— ?(\d+) ?—$/gmu)].map((m) => Number(m[1]));
      check(numbers.join() === Array.from({ length: pages }, (_, i) => i + 1).join(), `${rel(pdfPath)}: page numbers ${numbers.join()} for ${pages} pages`);
      const got = stripWs(raw.replace(/^— ?\d+ ?—$/gmu, ''));
      check(got === stripWs(d.lines.join('')), `${rel(pdfPath)}: pdftotext text differs from the text`);
      d.pages = pages;
      const how = `LibreOffice from src/${d.slug}.fodt`;
      rows.push([`${d.dir}/${d.slug}.docx`, `${how} (\`--convert-to docx\`); document.xml checked paragraph by paragraph`, pages]);
      rows.push([`${d.dir}/${d.slug}.pdf`, `${how} (\`--convert-to pdf\`); pdftotext checked`, pages]);
    }

    // 5. Bad inputs.
    const bad = (name, data, how) => {
      write(path.join(FIX, 'bad', name), data);
      rows.push([`bad/${name}`, how]);
    };
    const noticeDocx = fs.readFileSync(path.join(FIX, 'good', 'good-notice.docx'));
    const noticePdf = fs.readFileSync(path.join(FIX, 'good', 'good-notice.pdf'));
    {
      const b = Buffer.from(noticeDocx);
      const e = zipEntries(b).find((x) => x.name === 'word/document.xml');
      const start = zipDataStart(b, e);
      const at = start + Math.floor(e.compressedSize / 2) - 256;
      b.fill(0xa5, at, at + 512);
      bad('corrupt.docx', b, `good/good-notice.docx with 512 bytes (0xA5) written over the middle of word/document.xml's deflated data (offset ${at}); the zip directory is intact`);
    }
    bad('truncated.docx', noticeDocx.subarray(0, Math.floor(noticeDocx.length / 2)), `first half (${Math.floor(noticeDocx.length / 2)} of ${noticeDocx.length} bytes) of good/good-notice.docx: no central directory`);
    bad('truncated.pdf', noticePdf.subarray(0, Math.floor(noticePdf.length / 2)), `first half (${Math.floor(noticePdf.length / 2)} of ${noticePdf.length} bytes) of good/good-notice.pdf: no xref, no trailer`);
    {
      const p = path.join(FIX, 'bad', 'encrypted.pdf');
      run('qpdf', ['--static-id', '--static-aes-iv', '--encrypt', 'userpw', 'ownerpw', '256', '--',
        path.join(FIX, 'good', 'good-notice.pdf'), p]);
      rows.push(['bad/encrypted.pdf', '`qpdf --static-id --static-aes-iv --encrypt userpw ownerpw 256 -- good/good-notice.pdf` (AES-256; user password "userpw", owner "ownerpw"; the only fixture whose bytes change on every run: qpdf picks a random file key)']);
    }
    bad('program.docx', elfJunk(), '4096 bytes: a synthetic ELF64 x86-64 executable header ("\\x7fELF…") followed by deterministic junk (SHA-256 chain), named .docx');
    bad('empty.txt', Buffer.alloc(0), '0 bytes');
    bad('really-docx.pdf', noticeDocx, 'a byte-for-byte copy of good/good-notice.docx named .pdf (starts "PK\\x03\\x04")');
    bad(path.join('no-drafts', 'README'),
      'This folder holds no drafts: only this README, which has no draft extension (.txt, .md, .docx, .pdf).\n' +
      'A linter given this folder should say it found nothing to check. (git keeps no empty folders.)\n',
      'a folder with only this README (no file with a draft extension)');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  // 6. README.
  write(path.join(FIX, 'README.md'), readme(rows, docs));
  log(`wrote ${rows.length + 1} fixture files under ${rel(FIX)}/`);
  for (const d of docs) log(`  ${d.dir}/${d.slug}: ${d.lines.length} paragraphs, ${nonWsChars(d.lines.join(''))} chars, ${d.pages} PDF pages`);
}

/** 4 KB that any sniffer takes for a Linux executable; the same bytes on every machine. */
function elfJunk() {
  const b = Buffer.alloc(4096);
  let h = Buffer.from('wenfeng program.docx');
  for (let i = 0; i < b.length; i += 32) {
    h = createHash('sha256').update(h).digest();
    h.copy(b, i);
  }
  // ELF64 header: magic, class 64, little-endian, version 1, SysV; type EXEC, machine x86-64.
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]).copy(b, 0);
  b.writeUInt16LE(2, 16); // e_type ET_EXEC
  b.writeUInt16LE(0x3e, 18); // e_machine EM_X86_64
  b.writeUInt32LE(1, 20); // e_version
  b.writeBigUInt64LE(0x401000n, 24); // e_entry
  b.writeBigUInt64LE(64n, 32); // e_phoff
  b.writeBigUInt64LE(0n, 40); // e_shoff
  b.writeUInt32LE(0, 48); // e_flags
  b.writeUInt16LE(64, 52); // e_ehsize
  b.writeUInt16LE(56, 54); // e_phentsize
  b.writeUInt16LE(1, 56); // e_phnum
  b.writeUInt16LE(64, 58); // e_shentsize
  b.writeUInt16LE(0, 60); // e_shnum
  b.writeUInt16LE(0, 62); // e_shstrndx
  return b;
}

function readme(rows, docs) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const table = rows
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([p, how, pages]) => `| \`${p}\` | ${esc(how)} | ${pages ?? ''} |`).join('\n');
  const docTable = docs.map((d) =>
    `| \`${d.dir}/${d.slug}\` | ${esc(d.lines[d.titleIndex])} | ${d.lines.length} | ${nonWsChars(d.lines.join(''))} | ${d.pages} |`).join('\n');
  return `# Test fixtures

Generated by \`node scripts/make-fixtures.mjs\` (\`npm run fixtures\`). Do not edit the files in
\`seeds/\`, \`encodings/\`, \`good/\`, \`bad/\` or \`src/\` by hand: the script deletes and rewrites those folders
(the good drafts' text lives in the script). \`pdf/\` and \`docx/\` are made elsewhere and are not touched.

The seeds come from \`../shared/seeds\`; each \`.txt\` is one paragraph per line (UTF-8, LF, final newline),
the seed's characters kept verbatim (half-width commas, typos, blank numbers, the "(xù)" pinyin noise in
001, the web-page debris around 004), only its empty lines dropped. 000, 001 and 002 start with their body,
so the script puts a title on line 1 (why each title: the comment at the top of the script).

## Documents

| document | title | paragraphs | characters (no whitespace) | PDF pages (LibreOffice) |
| --- | --- | --- | --- | --- |
${docTable}

## Layout of the .docx and .pdf

Each document is written as a flat ODT (\`src/*.fodt\`) and converted by LibreOffice (\`soffice --headless
--convert-to docx\` / \`pdf\`, private profile) — GB/T 9704-2012:

- A4; margins top 37 mm, left 28 mm, right 26 mm; text block bottom 35 mm above the page edge
  (page margin 22 mm + footer 6 mm + 7 mm gap), so the block is 156 × 225 mm.
- Body ("Normal"): 仿宋 16 pt, justified, first-line indent 32 pt (2 characters), exact line spacing
  28.95 pt (22 lines a page; \`w:spacing w:line="579" w:lineRule="exact"\`), character spacing −0.25 pt
  (\`w:spacing w:val="-5"\`) so that 28 characters fit a 156 mm line, as a Word document grid would.
- Title ("Title"): 方正小标宋简体 22 pt, centred, one empty line (28.95 pt) after it.
- A line that is only a heading: "一、" → Heading 1 (黑体 16 pt), "（一）"/"(一)" → Heading 2 (楷体 16 pt),
  "第X章" → Heading 1 centred. A numbered heading that runs into its paragraph ("（一）以学为本，…。一是…")
  stays a body paragraph with its first sentence in the heading font (character style "Run-in Heading 2").
- A line ending in "：" right after the title (主送机关) has no indent. The good drafts end with 署名 and
  成文日期 laid out as GB/T 9704 7.3.5.3 has it for unsealed documents: one line below the text, the
  署名 2 characters in from the right, the date under it 4 characters in (both right-aligned).
- Footer: "— N —", 宋体 14 pt, centred.
- Fonts: the files name 仿宋/黑体/楷体/方正小标宋简体/宋体, as a drafter's Word would; the PDFs are
  rendered with Noto Serif CJK SC (仿宋, 楷体, 宋体; bold for the title) and Noto Sans CJK SC (黑体) through
  a fontconfig alias file the script writes, so the PDFs have real embedded CJK glyphs.
- Hanging punctuation is off (\`style:punctuation-wrap="simple"\`, \`w:overflowPunct w:val="false"\`):
  with it on, LibreOffice 7.4 dropped a "、" that hung into the right margin from the PDF.

## What LibreOffice wrote (worth knowing when reading these files)

- .docx: no document grid. \`w:sectPr\` has \`w:docGrid w:type="default" w:linePitch="600" w:charSpace="16384"\`
  (LibreOffice's placeholder, not the GB/T grid); page geometry is \`w:pgMar w:top="2098" w:bottom="1984"
  w:left="1587" w:right="1474" w:footer="1247"\` (bottom includes the footer). Line spacing is
  \`w:spacing w:line="579" w:lineRule="exact"\`, first-line indent \`w:ind w:firstLine="640"\` (twips, not
  \`w:firstLineChars\`), written both in the Normal style and again on every paragraph.
- .docx: Heading 1/2 carry \`w:numPr\` pointing at an outline list (\`numbering.xml\`, \`w:numFmt="none"\`,
  \`w:lvlText=""\`): no number is generated; "一、" and "（一）" are literal text.
- .docx: text is split into a run at every change between CJK and Latin/digits ("关于" "2023" "年…"),
  and at each half-width comma; join the runs of a paragraph before matching.
- .docx: \`docProps/app.xml\` has no \`<Pages>\` (LibreOffice does not record a page count, unlike Word/WPS).
  Style names LibreOffice maps to Word built-ins: "Signature" stays Signature; an ODF style named
  "Addressee" would have become "Envelope Address", so the 主送机关 style is "Main Recipient".
- .pdf: the fonts are embedded as Type 1 subsets named like \`NotoSerifCJKjp-Regular-VKana\` (the CFF
  name inside the Noto CJK .ttc, which its JP, KR, SC and TC faces share). Each page number
  comes out of pdftotext as "—1—" (no spaces) on its own line.
- .pdf: \`pdftotext\` without \`-raw\` joins a line-final hyphen with the next line ("2022-" + "2027" →
  "20222027" in 003); the script checks with \`pdftotext -raw\`.

## Every file

| file | how it was made | PDF pages (LibreOffice) |
| --- | --- | --- |
${table}
`;
}

// Run as a script; imported (by bench/make-inputs.mjs), it only lends its GB/T 9704 .fodt writer.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

export { fodt, fontsConf };
