#!/usr/bin/env node
// Writes fixtures/format/namespaces/: one rough draft (fixtures/format/src/namespace-draft.fodt — Word's default
// margins, 宋体 12 pt, no indent, empty paragraphs between body paragraphs, no page number; text written for the
// fixture, with a typo) converted by LibreOffice, then its WordprocessingML parts rewritten as other generators
// write them, every other byte kept:
//
//   node scripts/make-format-namespace-fixtures.mjs      (needs soffice and dist/zip-write.js: `npm run build` first)
//
// namespace-w.docx: LibreOffice's file (w: bound on each part's root), its Normal style marked the default one
//   (w:default="1", as Word marks it; LibreOffice does not), so that the formatter edits styles.xml too.
// namespace-ns0.docx: the w: prefix renamed ns0: in every tag (and r: ns1:), as Python's ElementTree writes
//   namespaces it has no registered prefix for.
// namespace-default.docx: Word's namespace the default one (elements unprefixed, xmlns="…" on the root) and its
//   attributes under a prefix p1 declared on each element that carries one, as .NET's LINQ to XML writes them:
//   no prefix for the namespace is in scope at the root.
// Each rewritten part is checked to name the same (namespace, local name) for every element and attribute as
// LibreOffice's, read with a namespace-aware parser.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { inputEntries, writeZip } from '../dist/zip-write.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures', 'format', 'namespaces');
const SRC = path.join(ROOT, 'fixtures', 'format', 'src');
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const LINES = [
  ['Title', '关于做好2025年度汛期安全生产工作的通知'],
  ['Plain', '各乡镇人民政府，县政府各部门：'],
  ['Plain', '为切实做好今年汛期安全生产工作，有效防范和遏制各类事故发生，保障人民群众生命财产安全，经县政府同意，现将有关事项通知如下。'],
  ['Blank'],
  ['Heading', '一、压实防汛责任'],
  ['Plain', '各乡镇、各部门要把汛期安全生产摆在突出位置，主要负责同志亲自部署，分管负责同志具体抓落实，层层签订责任书，确保责任落实到岗到人。'],
  ['Blank'],
  ['Heading', '二、开展隐患排查'],
  ['Plain', '县应急管理局牵头，会同水利、交通运输、住房城乡建设等部门，对山洪灾害易发区、在建工地、病险水库和地质灾害隐患点开展拉网式排查，发现问题立即按排整改。'],
  ['Blank'],
  ['Plain', '各乡镇要于6月15日前将排查情况报送县应急管理局。'],
  ['Signature', '云川县人民政府办公室'],
  ['Date', '2025年5月20日'],
];

function fodt() {
  const body = LINES.map(([style, text]) => (style === 'Blank' ? '<text:p text:style-name="Plain"/>' : `<text:p text:style-name="${style}">${esc(text)}</text:p>`)).join('\n');
  const text = (font, size, bold) => `<style:text-properties style:font-name="${font}" style:font-name-asian="${font}" fo:font-size="${size}pt" style:font-size-asian="${size}pt"${bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : ''}/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="宋体" svg:font-family="宋体"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="宋体" style:font-name-asian="宋体" fo:font-size="12pt" style:font-size-asian="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:line-height="150%" fo:text-align="start"/>${text('宋体', 12)}</style:style>
<style:style style:name="Plain" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start"/>${text('宋体', 18, true)}</style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">${text('宋体', 12, true)}</style:style>
<style:style style:name="Signature" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:margin-top="24pt"/></style:style>
<style:style style:name="Date" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait" fo:margin-top="25.4mm" fo:margin-bottom="25.4mm" fo:margin-left="31.8mm" fo:margin-right="31.8mm" style:writing-mode="lr-tb"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}

/** Every element and attribute of an XML part as [namespace, local name, value], in document order. */
function expandedNames(xml) {
  const out = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    out.push(['<', tag.uri, tag.local]);
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') out.push(['@', a.uri, a.local, a.value]);
  });
  parser.on('text', (t) => out.push(['#', t]));
  parser.write(xml).close();
  return JSON.stringify(out);
}

/** Each tag of `xml` passed through `rewrite(tag)`; text, comments and declarations kept. */
const eachTag = (xml, rewrite) => xml.replace(/<[^?!][^>]*>/g, rewrite);

/** w: → ns0: and r: → ns1: in element names, attribute names and the declarations. */
const toNs0 = (xml) =>
  eachTag(xml, (tag) => tag.replace(/(<\/?|\s)w:/g, '$1ns0:').replace(/\sxmlns:w=/, ' xmlns:ns0=').replace(/\sr:/g, ' ns1:').replace(/\sxmlns:r=/, ' xmlns:ns1='));

/** Word's namespace as the default one; its attributes under p1, declared on each element that has any. */
function toDefault(xml) {
  let root = true;
  return eachTag(xml, (tag) => {
    let t = tag.replace(/^(<\/?)w:/, '$1');
    if (root && !t.startsWith('</')) {
      root = false;
      t = t.replace(/\sxmlns:w="[^"]*"/, ` xmlns="${W}"`);
    }
    if (/\sw:[\w.-]+=/.test(t)) t = t.replace(/\sw:([\w.-]+=)/g, ' p1:$1').replace(/^(<[^\s/>]+)/, `$1 xmlns:p1="${W}"`);
    if (/(<\/?|\s)w:/.test(t.replace(/"[^"]*"/g, '""'))) throw new Error(`w: left in ${t}`);
    return t;
  });
}

/** The package with each part whose root is in Word's namespace rewritten; checked to mean the same unless `same` is false. */
function rewritten(bytes, rewrite, same = true) {
  const parts = inputEntries(bytes).map((input) => {
    const { entry, compressed } = input;
    const name = entry.name;
    if (!name.endsWith('.xml')) return { name, copy: input };
    const xml = new TextDecoder().decode(entry.method === 0 ? compressed : inflateRawSync(compressed));
    if (!new RegExp(`^(<\\?xml[^>]*\\?>\\s*)?<w:\\w+[^>]*xmlns:w="${W}"`).test(xml)) return { name, copy: input };
    const next = rewrite(xml);
    if (same && expandedNames(next) !== expandedNames(xml)) throw new Error(`${name}: the rewrite changed what the part says`);
    return { name, data: new TextEncoder().encode(next) };
  });
  return writeZip(parts);
}

fs.mkdirSync(SRC, { recursive: true });
fs.mkdirSync(OUT, { recursive: true });
const draft = path.join(SRC, 'namespace-draft.fodt');
fs.writeFileSync(draft, fodt());
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-ns-'));
try {
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, draft], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
    env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp', TZ: 'UTC' },
  });
  const normal = '<w:style w:type="paragraph" w:styleId="Normal">';
  let marked = 0;
  const markNormal = (xml) => (xml.includes(normal) ? (marked++, xml.replace(normal, '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">')) : xml);
  const bytes = rewritten(new Uint8Array(fs.readFileSync(path.join(tmp, 'namespace-draft.docx'))), markNormal, false);
  if (marked !== 1) throw new Error(`LibreOffice's Normal style is not written as ${normal}`);
  fs.writeFileSync(path.join(OUT, 'namespace-w.docx'), bytes);
  fs.writeFileSync(path.join(OUT, 'namespace-ns0.docx'), rewritten(bytes, toNs0));
  fs.writeFileSync(path.join(OUT, 'namespace-default.docx'), rewritten(bytes, toDefault));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const f of ['namespace-w', 'namespace-ns0', 'namespace-default']) console.log(`fixtures/format/namespaces/${f}.docx`);
