#!/usr/bin/env node
// Regenerates fixtures/leftover/review-marks.docx (and its source .fodt): a short 通知 draft that still
// carries what a drafter must clear before submitting it — a tracked insertion, deletion and formatting
// change by two reviewers, a review comment, highlighted text, hidden text, a content control still
// showing its placeholder, and the authors' names in the document properties. LibreOffice writes the
// .docx, so the OOXML (w:ins, w:del, w:rPrChange, comments.xml, w:highlight, w:vanish, w:sdt) is a real
// program's. test/rules/leftover.test.ts checks each finding at its paragraph.
//
// Needs: Node >= 20, LibreOffice `soffice` (7.4 here; override with SOFFICE=...).
// Usage: node scripts/make-leftover-fixtures.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures', 'leftover');
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const NAME = 'review-marks';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const info = (who, when) => `<office:change-info><dc:creator>${who}</dc:creator><dc:date>${when}</dc:date></office:change-info>`;
const p = (...parts) => `<text:p text:style-name="Body">${parts.join('')}</text:p>`;
const t = (s) => esc(s);
const span = (style, s) => `<text:span text:style-name="${style}">${esc(s)}</text:span>`;

// Two reviewers: 王科长 edits the text, 李处长 comments and bolds.
const changes = [
  `<text:changed-region xml:id="ct1" text:id="ct1"><text:insertion>${info('王科长', '2024-05-06T09:30:00')}</text:insertion></text:changed-region>`,
  `<text:changed-region xml:id="ct2" text:id="ct2"><text:deletion>${info('王科长', '2024-05-06T09:31:00')}<text:p text:style-name="Body">请各单位高度重视。</text:p></text:deletion></text:changed-region>`,
  `<text:changed-region xml:id="ct3" text:id="ct3"><text:format-change>${info('李处长', '2024-05-07T15:00:00')}</text:format-change></text:changed-region>`,
].join('');

const body = [
  `<text:p text:style-name="Title">关于开展2024年度安全生产检查的通知</text:p>`,
  p(t('各科室、各直属单位：')),
  p(
    t('为做好汛期前安全隐患排查，经研究，决定于'),
    '<text:change-start text:change-id="ct1"/>5月下旬<text:change-end text:change-id="ct1"/>',
    t('开展安全生产检查。'),
    '<text:change text:change-id="ct2"/>',
  ),
  p(
    t('一、检查范围。办公楼、'),
    `<office:annotation office:name="c1"><dc:creator>李处长</dc:creator><dc:date>2024-05-07T10:00:00</dc:date><text:p>档案室上月已查过，是否保留？</text:p></office:annotation>`,
    t('档案室'),
    '<office:annotation-end office:name="c1"/>',
    t('、食堂及车辆停放场所。'),
  ),
  p(t('二、检查内容。重点检查消防设施、用电线路和'), span('Highlight', '燃气管道'), t('的运行情况。')),
  p(t('三、时间安排。各单位于5月20日前完成自查，'), span('Hidden', '内部掌握：5月25日抽查。'), t('自查报告报办公室。')),
  p(
    t('四、工作要求。各单位要明确专人负责，发现问题'),
    '<text:change-start text:change-id="ct3"/>',
    span('Bold', '立即整改'),
    '<text:change-end text:change-id="ct3"/>',
    t('。'),
  ),
  p(
    t('联系人：'),
    '<loext:content-control loext:showing-place-holder="true">' + span('Placeholder', '单击或点击此处输入文字。') + '</loext:content-control>',
  ),
  `<text:p text:style-name="Signature">办公室</text:p>`,
  `<text:p text:style-name="Signature">2024年5月8日</text:p>`,
].join('\n');

const font = (name, size) =>
  `<style:text-properties style:font-name="${name}" fo:font-size="${size}" style:font-name-asian="${name}" style:font-size-asian="${size}"/>`;

const fodt = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:initial-creator>王小明</meta:initial-creator><dc:creator>李处长</dc:creator></office:meta>
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph">${font('Noto Serif CJK SC', '16pt')}</style:style>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="32pt"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/>${font('Noto Serif CJK SC', '22pt')}</style:style>
<style:style style:name="Signature" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Highlight" style:family="text"><style:text-properties fo:background-color="#ffff00"/></style:style>
<style:style style:name="Hidden" style:family="text"><style:text-properties text:display="none"/></style:style>
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Placeholder" style:family="text"><style:text-properties fo:color="#808080"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:tracked-changes text:track-changes="false">${changes}</text:tracked-changes>
${body}
</office:text></office:body></office:document>
`;

fs.mkdirSync(OUT, { recursive: true });
const source = path.join(OUT, `${NAME}.fodt`);
fs.writeFileSync(source, fodt);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-lo-'));
try {
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx', '--outdir', OUT, source], { stdio: ['ignore', 'pipe', 'pipe'] });
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`wrote ${path.relative(ROOT, path.join(OUT, `${NAME}.docx`))}`);
