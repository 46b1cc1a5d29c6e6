#!/usr/bin/env node
// Generates the PDF reader's fixtures under fixtures/pdf/.
//
//   node scripts/make-pdf-fixtures.mjs
//
// Two files are written byte by byte here (no tool can be trusted to leave a CJK font unembedded,
// or to make a page with no text layer); the rest come from LibreOffice (soffice), qpdf and a cut.
// Needs: soffice, qpdf (both only for the LibreOffice-based files).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'pdf');
mkdirSync(out, { recursive: true });

// ---------------------------------------------------------------------------------------------
// A minimal PDF writer: objects are numbered 1..n in order, object 1 is the catalog.

/** A stream object: `dict` is the inside of the dictionary, without /Length. */
function stream(dict, data) {
  const body = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${body.length} >>\nstream\n`, 'latin1'),
    body,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

function buildPdf(objects) {
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach((obj, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof obj === 'string' ? Buffer.from(obj, 'latin1') : obj,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xrefAt = length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space + LF.
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) xref += `${String(off).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** UCS-2 (UTF-16BE) hex string, the code space of /UniGB-UCS2-H. */
function ucs2Hex(text) {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

const A4 = '[0 0 595.28 841.89]';
const LEFT = 79.37; // 28 mm

// ---------------------------------------------------------------------------------------------
// nonembedded-cjk.pdf: STSong-Light through a predefined CMap, no font file. pdf.js can only map
// these codes to Unicode when it can load the UniGB-UCS2-H and Adobe-GB1-UCS2 cMaps.
{
  const title = '关于做好年度工作的通知';
  const line1 = '各单位要按照年度计划，认真做好各项工作，确保按时完成任';
  const line2 = '务。';
  const body2 = '特此通知。';
  const size = 16;
  const titleSize = 22;
  const titleX = (595.28 - title.length * titleSize) / 2;
  const content = [
    'BT',
    `/F1 ${titleSize} Tf`,
    `1 0 0 1 ${titleX.toFixed(2)} 720 Tm ${ucs2Hex(title)} Tj`,
    `/F1 ${size} Tf`,
    // First-line indent of two characters; the first line runs to the right edge (28 cells).
    `1 0 0 1 ${(LEFT + 2 * size).toFixed(2)} 660 Tm ${ucs2Hex(line1)} Tj`,
    `1 0 0 1 ${LEFT.toFixed(2)} 631 Tm ${ucs2Hex(line2)} Tj`,
    `1 0 0 1 ${(LEFT + 2 * size).toFixed(2)} 602 Tm ${ucs2Hex(body2)} Tj`,
    'ET',
  ].join('\n');
  const pdf = buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox ${A4} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    stream('', content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    // No /FontFile, /FontFile2 or /FontFile3: the font is not embedded.
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
      '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
  writeFileSync(join(out, 'nonembedded-cjk.pdf'), pdf);
}

// ---------------------------------------------------------------------------------------------
// scanned.pdf: two pages, the first an image (as a scanner makes), the second vector strokes
// shaped like lines of text. No text operators anywhere.
{
  const w = 96;
  const h = 128;
  const pixels = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Paper white with grey "text rows".
      const inRow = y % 8 < 4 && x > 8 && x < w - 8 && y > 10 && y < h - 14;
      pixels[y * w + x] = inRow ? 60 + ((x * 7 + y * 3) % 40) : 245;
    }
  }
  const page1 = `q 436.54 0 0 581.8 ${LEFT} 160 cm /Im1 Do Q`;
  const strokes = ['0.15 g'];
  for (let i = 0; i < 22; i++) {
    const y = 740 - i * 28.95;
    const x = i % 5 === 0 ? LEFT + 32 : LEFT;
    const width = i % 5 === 4 ? 200 : 436.54 - (x - LEFT);
    strokes.push(`${x.toFixed(2)} ${y.toFixed(2)} ${width.toFixed(2)} 12 re f`);
  }
  const pdf = buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox ${A4} /Resources << /XObject << /Im1 7 0 R >> >> /Contents 4 0 R >>`,
    stream('', page1),
    `<< /Type /Page /Parent 2 0 R /MediaBox ${A4} /Contents 6 0 R >>`,
    stream('', strokes.join('\n')),
    stream(`/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8`, pixels),
  ]);
  writeFileSync(join(out, 'scanned.pdf'), pdf);
}

// ---------------------------------------------------------------------------------------------
// two-pages.pdf: a 公文-shaped document laid out by LibreOffice per GB/T 9704 (A4, margins
// 37/35/28/26 mm, 3号 body with a fixed 28.95 pt line pitch, first-line indent of two characters,
// "— N —" in the footer). two-pages.txt beside it holds the source paragraphs, one per line.
const paragraphs = [
  { kind: 'title', text: '市人民政府办公室关于进一步精简会议文件切实改进机关文风的通知' },
  { kind: 'plain', text: '各区县人民政府，市政府各部门、各直属机构：' },
  {
    kind: 'body',
    text: '为减少文山会海，让基层干部把更多时间和精力用在抓落实上，经市政府同意，现就进一步精简会议文件、改进机关文风有关事项通知如下。',
  },
  { kind: 'h1', text: '一、严格控制发文数量' },
  {
    kind: 'body',
    text: '凡是国家和省已经发文部署的工作，没有新要求的，一律不再制发贯彻落实文件；确需发文的，要结合本地实际提出具体措施，不得照抄照搬上级文件。可发可不发的文件坚决不发，可以通过电话、网络等方式解决的事项不再发文。各部门每年年初要制定发文计划，报市政府办公室审核后执行，未列入计划的文件原则上不予制发。对超计划发文的单位，市政府办公室将在年底进行通报。',
  },
  { kind: 'h1', text: '二、从严把握文件篇幅' },
  { kind: 'h2', text: '（一）政策性文件' },
  {
    kind: 'body',
    text: '部署重要工作的政策性文件，原则上不超过10页；部署专项工作或者具体任务的文件，原则上不超过7页。起草部门要在送审时说明文件篇幅，超出规定篇幅的，要说明理由并经分管负责同志同意。文件内容要开门见山、直奔主题，不穿靴戴帽，不堆砌辞藻，不写空话套话。',
  },
  { kind: 'h2', text: '（二）请示和报告' },
  {
    kind: 'body',
    text: '向上级机关的请示应当一文一事，报告中不得夹带请示事项。综合报告一般不超过8页，专项报告一般不超过5页。报送的材料要实事求是、数据准确，引用的标准名称和编号要完整，例如 GB/T 9704-2012 Layout key elements of official documents of party and government organs。',
  },
  { kind: 'h1', text: '三、大力精简会议活动' },
  {
    kind: 'body',
    text: '能合并召开的会议一律合并召开，能以视频形式召开的不再集中召开，能以文件形式部署的工作不再召开会议。严格控制会议规模和时间，一般性工作会议不超过1个半小时，领导讲话不超过30分钟。',
  },
  { kind: 'sign', text: '市人民政府办公室' },
  { kind: 'sign', text: '2024年8月6日' },
];

function xmlEscape(s) {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function fodt() {
  const styleOf = { title: 'Title', plain: 'Plain', body: 'Body', h1: 'H1', h2: 'H2', sign: 'Sign' };
  const bodyXml = paragraphs
    .map((p) => `<text:p text:style-name="${styleOf[p.kind]}">${xmlEscape(p.text)}</text:p>`)
    .join('\n');
  // Body: Noto Serif CJK (stands in for 仿宋), headings Noto Sans CJK (for 黑体); both are
  // embedded by LibreOffice as subsets with a ToUnicode map.
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Serif CJK" svg:font-family="'Noto Serif CJK SC'"/>
 <style:font-face style:name="Sans CJK" svg:font-family="'Noto Sans CJK SC'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="28.95pt" fo:text-align="justify" style:punctuation-wrap="hanging"/>
  <style:text-properties style:font-name="Serif CJK" style:font-name-asian="Serif CJK" fo:font-size="16pt" style:font-size-asian="16pt" fo:language="en" fo:country="US" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="32pt" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Plain" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:line-height="36pt" fo:margin-bottom="28.95pt"/>
  <style:text-properties fo:font-size="22pt" style:font-size-asian="22pt"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="32pt" fo:text-align="justify"/>
  <style:text-properties style:font-name="Sans CJK" style:font-name-asian="Sans CJK"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="32pt" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Sign" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end" fo:margin-right="64pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:line-height="100%"/>
  <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="37mm" fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="15mm" fo:margin-top="0mm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
${bodyXml}
</office:text></office:body>
</office:document>
`;
}

function soffice(input, outDir, profile) {
  execFileSync(
    'soffice',
    [
      // A private profile: another soffice running on the machine must not lock us out.
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      input,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000 },
  );
}

const work = mkdtempSync(join(tmpdir(), 'wenfeng-pdf-'));
try {
  const src = join(work, 'two-pages.fodt');
  writeFileSync(src, fodt());
  soffice(src, work, join(work, 'profile'));
  const twoPages = readFileSync(join(work, 'two-pages.pdf'));
  writeFileSync(join(out, 'two-pages.pdf'), twoPages);
  writeFileSync(join(out, 'two-pages.txt'), `${paragraphs.map((p) => p.text).join('\n')}\n`);

  // Encryption: AES-256 with an open (user) password, and with only an owner password.
  execFileSync('qpdf', ['--encrypt', 'userpw', 'ownerpw', '256', '--', join(out, 'two-pages.pdf'), join(out, 'encrypted-user.pdf')]);
  execFileSync('qpdf', [
    '--encrypt', '', 'ownerpw', '256', '--print=none', '--',
    join(out, 'two-pages.pdf'),
    join(out, 'owner-only.pdf'),
  ]);

  // Damaged: the first half of a real PDF (no xref, no trailer, objects cut off).
  writeFileSync(join(out, 'truncated.pdf'), twoPages.subarray(0, Math.floor(twoPages.length / 2)));
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`PDF fixtures written to ${out}`);
