#!/usr/bin/env node
// Writes fixtures/format/: .docx drafts in GB/T 9704-2012 format and drafts with one format fault each, for the
// format-* rules. Each is a flat ODT (kept in fixtures/format/src/) converted by LibreOffice:
//
//   node scripts/make-format-fixtures.mjs [name …]   (needs soffice; the seeds' text is read from fixtures/seeds/*.txt;
//                                                    names: write only these drafts, keep the rest)
//
// The GB/T 9704 page: A4; margins 37/35/28/26 mm (the bottom one holds a 6 mm footer 7 mm below the text);
// a document grid of 22 lines × 28 characters (LibreOffice writes it as w:docGrid snapToChars, linePitch 579,
// charSpace −1025); body 仿宋 16 pt, first line indented 2 characters; title 方正小标宋简体 22 pt centred;
// 一、 headings 黑体, （一） headings 楷体 (a run-in heading has its first sentence in that font); 署名 and
// 成文日期 right-aligned; 版记 仿宋 14 pt; footer "— N —" 宋体 14 pt.
//
// good-complete: a whole 公文 with every element (发文字号, 主送机关, four heading levels, 附件说明, 署名, 成文
// 日期, 附注, 抄送, 印发). good-seed-000…004: the five seeds' text set the same way. good-gb2312: the complete
// draft with the _GB2312/_GBK names of the same fonts. good-title-lines: the complete draft with its title on two
// lines, broken between words. good-banji-page: the complete draft with its 版记 on a page of its own (a section
// break before it) whose footer has no page number; banji-page-numbered: the same with the page number there.
// Every other file is good-complete with one fault. good-title-lines and
// elements-title-break are written as .txt too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures', 'format');
const SRC = path.join(OUT, 'src');
const SOFFICE = process.env.SOFFICE ?? 'soffice';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const BASE = {
  paper: [210, 297],
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  gridLines: 22,
  /** Line pitch and character width of the grid, pt: 28.95 pt (579 twips) and 16 − 0.25 pt (28 characters on 156 mm). */
  gridPitch: 28.95,
  gridCharWidth: 15.75,
  fonts: { body: '仿宋', title: '方正小标宋简体', h1: '黑体', h2: '楷体', footer: '宋体' },
  sizes: { body: 16, title: 22, banji: 14 },
};

const COMPLETE = [
  ['DocNumber', '云川政办发〔2024〕5号'],
  ['Title', '云川市人民政府办公室关于印发《云川市政务移动应用程序管理办法》的通知'],
  ['Addressee', '各区县人民政府，市政府各部门，各直属机构：'],
  ['Body', '《云川市政务移动应用程序管理办法》已经市政府同意，现印发给你们，请结合实际认真贯彻执行。执行中遇到的问题，请及时向市数据局反映。'],
  ['H1', '一、适用范围'],
  ['Body', '本办法适用于市、区县两级行政机关及其所属事业单位建设、管理或者要求基层使用的政务移动应用程序和工作群。'],
  ['H2', '（一）政务移动应用程序'],
  ['Body', '包括自行开发或者委托开发的客户端、微信小程序和公众号，以及在第三方平台开设的工作账号。'],
  ['H2', '（二）工作群'],
  ['Body', '指以工作名义建立、要求乡镇（街道）和村（社区）工作人员加入的微信群、钉钉群和政务微信群。'],
  ['H1', '二、建设和保留'],
  ['Body', '1.新建审核。新建程序须经同级数据部门审核，现有平台能够满足需要的不再新建。'],
  ['Body', '2.保留条件。确需保留的程序和工作群，须同时符合下列要求：'],
  ['Body', '（1）名称标明主管单位和用途；'],
  ['Body', '（2）成员限于与该项工作直接相关的人员。'],
  ['RunIn2', '（三）定期复查。', '市数据局每半年对保留的程序和工作群复查1次，复查结果在市政府门户网站公开。'],
  ['AttachNote', '附件：1.云川市政务移动应用程序管理办法'],
  ['AttachItem', '2.保留程序和工作群清单'],
  ['Signature', '云川市人民政府办公室'],
  ['Date', '2024年8月6日'],
  ['Note', '（此件公开发布）'],
  ['Banji', '抄送：市委办公室，市人大常委会办公室，市政协办公室。'],
  ['Banji', '云川市人民政府办公室　　　　　　　　　2024年8月6日印发'],
];

/** One fault each: a change to the page, the fonts, or one line of text. */
const FAULTS = {
  'page-margins': { page: { margins: { top: 30, bottom: 42, left: 28, right: 26 } } },
  'page-letter': { page: { paper: [215.9, 279.4] } },
  'page-lines': { page: { gridPitch: 31.2, gridLines: 20 } },
  'page-chars': { page: { gridCharWidth: 16.8 } },
  'fonts-title': { fonts: { title: '宋体' } },
  'fonts-body-size': { direct: { 3: { size: 15 }, 5: { size: 15 } } },
  'fonts-heading1': { fonts: { h1: '楷体' } },
  'fonts-heading2': { fonts: { h2: '仿宋' } },
  'fonts-banji': { sizes: { banji: 16 } },
  'elements-doc-number': { text: { 0: '云川政办发[2024]5号' } },
  'elements-doc-number-zero': { text: { 0: '云川政办发〔2024〕第05号' } },
  'elements-date': { text: { 19: '2024年08月06日' } },
  'elements-date-chinese': { text: { 19: '二〇二四年八月六日' } },
  'elements-attachment-single': { text: { 16: '附件：1.云川市政务移动应用程序管理办法' }, drop: [17] },
  'elements-attachment-colon': { text: { 16: '附件:1.云川市政务移动应用程序管理办法' } },
  'elements-note': { text: { 20: '此件公开发布' } },
  'elements-title': { text: { 1: '云川市人民政府办公室关于印发《云川市政务移动应用程序管理办法》的通知。' } },
  'elements-cc': { text: { 21: '抄送：市委办公室，市人大常委会办公室，市政协办公室' } },
  'banji-page-numbered': { banjiPage: 'numbered' },
  'elements-title-break': { text: { 1: '云川市人民政府办公室关于印\n发《云川市政务移动应用程序管理办法》的通知' } },
};

/** Drafts also written as .txt (a line break in the title is a new line there). */
const AS_TEXT = ['good-title-lines', 'elements-title-break'];

function paragraphStyles(o) {
  const f = o.fonts;
  const s = o.sizes;
  const text = (font, size) => `<style:text-properties style:font-name="${font}" style:font-name-asian="${font}" fo:font-size="${size}pt" style:font-size-asian="${size}pt"/>`;
  const para = (name, display, parent, props, textProps, extra = '') =>
    `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph"${parent ? ` style:parent-style-name="${parent}"` : ''}${extra}><style:paragraph-properties ${props}/>${textProps}</style:style>`;
  return [
    para('Standard', 'Standard', '', 'fo:text-align="justify" fo:text-indent="32pt" fo:margin-top="0pt" fo:margin-bottom="0pt" style:punctuation-wrap="simple"', text(f.body, s.body)),
    para('Title', 'Title', 'Standard', 'fo:text-align="center" fo:text-indent="0pt" fo:margin-bottom="28.95pt"', text(f.title, s.title)),
    para('Heading_20_1', 'Heading 1', 'Standard', 'fo:text-align="justify"', text(f.h1, s.body), ' style:default-outline-level="1"'),
    para('Heading_20_2', 'Heading 2', 'Standard', 'fo:text-align="justify"', text(f.h2, s.body), ' style:default-outline-level="2"'),
    para('DocNumber', 'Document Number', 'Standard', 'fo:text-align="center" fo:text-indent="0pt" fo:margin-bottom="28.95pt"', ''),
    para('Addressee', 'Addressee', 'Standard', 'fo:text-indent="0pt"', ''),
    para('AttachNote', 'Attachment Note', 'Standard', 'fo:margin-top="28.95pt"', ''),
    para('AttachItem', 'Attachment Item', 'Standard', 'fo:margin-left="80pt" fo:text-indent="0pt"', ''),
    para('Signature', 'Signature', 'Standard', 'fo:text-align="end" fo:text-indent="0pt" fo:margin-right="32pt" fo:margin-top="57.9pt"', ''),
    para('Date', 'Date', 'Standard', 'fo:text-align="end" fo:text-indent="0pt" fo:margin-right="64pt"', ''),
    para('Note', 'Note', 'Standard', '', ''),
    para('Banji', 'Banji', 'Standard', 'fo:text-align="start" fo:text-indent="0pt" fo:margin-left="14pt" fo:margin-right="14pt"', text(f.body, s.banji)),
    para('Chapter', 'Chapter', 'Standard', 'fo:text-align="center" fo:text-indent="0pt"', text(f.h1, s.body)),
    para('Header', 'Header Line', 'Standard', 'fo:text-align="center" fo:text-indent="0pt"', ''),
    para('Footer', 'Footer', 'Standard', 'fo:text-align="center" fo:text-indent="0pt" fo:line-height="6mm" style:snap-to-layout-grid="false"', text(f.footer, 14)),
    `<style:style style:name="RunIn1" style:display-name="Run-in Heading 1" style:family="text">${text(f.h1, s.body)}</style:style>`,
    `<style:style style:name="RunIn2" style:display-name="Run-in Heading 2" style:family="text">${text(f.h2, s.body)}</style:style>`,
  ].join('\n');
}

function fodt(lines, o) {
  const g = o.page;
  const foot = 13; // footer 6 mm + 7 mm gap inside the 35 mm bottom margin
  const grid = ` style:layout-grid-mode="both" style:layout-grid-lines="${g.gridLines}" style:layout-grid-base-height="${g.gridPitch}pt" style:layout-grid-ruby-height="0pt" style:layout-grid-base-width="${g.gridCharWidth}pt" style:layout-grid-standard-mode="true" style:layout-grid-snap-to="true" style:layout-grid-print="false" style:layout-grid-display="false"`;
  const fonts = [...new Set([...Object.values(o.fonts), '宋体'])].map((f) => `<style:font-face style:name="${f}" svg:font-family="${f}"/>`).join('');
  const auto = [];
  const body = lines
    .map(([style, text, rest], i) => {
      let name = style === 'Body' || style === 'RunIn2' || style === 'RunIn1' ? 'Standard' : style === 'H1' ? 'Heading_20_1' : style === 'H2' ? 'Heading_20_2' : style;
      // The 版记 on a page of its own: its first line starts the page style BanjiPage (a section break in .docx).
      if (o.banjiPage && style === 'Banji' && lines[i - 1]?.[0] !== 'Banji') name = 'BanjiFirst';
      const d = o.direct?.[i];
      if (d) {
        auto.push(`<style:style style:name="P${i}" style:family="paragraph" style:parent-style-name="${name}"><style:text-properties fo:font-size="${d.size}pt" style:font-size-asian="${d.size}pt"/></style:style>`);
        name = `P${i}`;
      }
      // A line break inside a paragraph (a title set over two lines) is "\n" in the text.
      const content = (style === 'RunIn1' || style === 'RunIn2' ? `<text:span text:style-name="${style}">${esc(text)}</text:span>${esc(rest)}` : esc(text)).replace(/\n/g, '<text:line-break/>');
      if (style === 'H1' || style === 'H2') return `<text:h text:style-name="${name}" text:outline-level="${style === 'H1' ? 1 : 2}">${content}</text:h>`;
      return `<text:p text:style-name="${name}">${content}</text:p>`;
    })
    .join('\n');
  const footer = '<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>';
  // numbered: the 版记 page's footer has the page number (a fault); plain: an empty footer.
  const banjiMaster = o.banjiPage ? `<style:master-page style:name="BanjiPage" style:page-layout-name="PL">${o.banjiPage === 'numbered' ? footer : '<style:footer><text:p text:style-name="Footer"/></style:footer>'}</style:master-page>` : '';
  const banjiStyle = o.banjiPage ? '<style:style style:name="BanjiFirst" style:display-name="Banji First" style:family="paragraph" style:parent-style-name="Banji" style:master-page-name="BanjiPage"><style:paragraph-properties style:page-number="auto"/></style:style>' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>${fonts}</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:punctuation-wrap="simple"/><style:text-properties style:font-name="${o.fonts.body}" style:font-name-asian="${o.fonts.body}" fo:font-size="16pt" style:font-size-asian="16pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
${paragraphStyles(o)}
${banjiStyle}
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="${g.paper[0]}mm" fo:page-height="${g.paper[1]}mm" style:print-orientation="portrait" fo:margin-top="${g.margins.top}mm" fo:margin-bottom="${g.margins.bottom - foot}mm" fo:margin-left="${g.margins.left}mm" fo:margin-right="${g.margins.right}mm" style:writing-mode="lr-tb"${grid}/><style:footer-style><style:header-footer-properties fo:min-height="6mm" fo:margin-top="7mm" fo:margin-left="0mm" fo:margin-right="0mm"/></style:footer-style></style:page-layout>
${auto.join('\n')}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">${footer}</style:master-page>${banjiMaster}</office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}

function merge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over ?? {})) out[k] = v && typeof v === 'object' && !Array.isArray(v) && typeof base[k] === 'object' && !Array.isArray(base[k]) ? merge(base[k], v) : v;
  return out;
}

/** The seeds' text as a 公文: title, headings by marker (run-in ones with their first sentence in the heading font), body. */
function seedLines(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const titleLine = /003|004/.test(path.basename(file)) ? 1 : 0;
  return lines.map((text, i) => {
    if (i < titleLine) return ['Header', text];
    if (i === titleLine) return ['Title', text];
    const t = text.trim();
    if (/^第[一二三四五六七八九十]+章/.test(t)) return ['Chapter', text];
    const level = /^[一二三四五六七八九十]+、/.test(t) ? 1 : /^[（(][一二三四五六七八九十]+[）)]/.test(t) ? 2 : 0;
    if (!level) return ['Body', text];
    const stop = t.search(/[。！？：:]/);
    if (stop < 0) return [level === 1 ? 'H1' : 'H2', text];
    if (stop === t.length - 1) return ['Body', text];
    return [level === 1 ? 'RunIn1' : 'RunIn2', t.slice(0, stop + 1), t.slice(stop + 1)];
  });
}

const TITLE_ON_TWO_LINES = '云川市人民政府办公室关于印发\n《云川市政务移动应用程序管理办法》的通知';
const docs = { 'good-complete': [COMPLETE, {}], 'good-title-lines': [COMPLETE.map((l, i) => (i === 1 ? [l[0], TITLE_ON_TWO_LINES] : l)), {}], 'good-banji-page': [COMPLETE, { banjiPage: 'plain' }], 'good-gb2312': [COMPLETE, { fonts: { body: '仿宋_GB2312', title: '方正小标宋_GBK', h1: '黑体', h2: '楷体_GB2312' } }] };
for (const f of fs.readdirSync(path.join(ROOT, 'fixtures', 'seeds')).filter((n) => n.endsWith('.txt')).sort()) {
  docs[`good-seed-${f.slice(0, 3)}`] = [seedLines(path.join(ROOT, 'fixtures', 'seeds', f)), {}];
}
for (const [name, fault] of Object.entries(FAULTS)) {
  const lines = COMPLETE.map((l, i) => (fault.text?.[i] !== undefined ? [l[0], fault.text[i], l[2]] : l)).filter((_, i) => !fault.drop?.includes(i));
  docs[name] = [lines, fault];
}

// Names on the command line write only those drafts and keep the others as they are.
const only = process.argv.slice(2);
for (const name of only) if (!docs[name]) throw new Error(`no draft named ${name}`);
if (only.length === 0) fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(SRC, { recursive: true });
for (const [name, [lines, fault]] of Object.entries(docs)) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (AS_TEXT.includes(name)) fs.writeFileSync(path.join(OUT, `${name}.txt`), `${lines.map(([, text, rest]) => text + (rest ?? '')).join('\n')}\n`);
  const o = { page: merge(BASE, fault.page ?? {}), fonts: { ...BASE.fonts, ...fault.fonts }, sizes: { ...BASE.sizes, ...fault.sizes }, direct: fault.direct, banjiPage: fault.banjiPage };
  o.page = { ...o.page, margins: { ...BASE.margins, ...fault.page?.margins } };
  fs.writeFileSync(path.join(SRC, `${name}.fodt`), fodt(lines, o));
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-format-lo-'));
try {
  const files = fs.readdirSync(SRC).filter((n) => n.endsWith('.fodt') && (only.length === 0 || only.includes(n.slice(0, -5)))).map((n) => path.join(SRC, n));
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', OUT, ...files], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`fixtures/format: ${only.length || Object.keys(docs).length} drafts`);
