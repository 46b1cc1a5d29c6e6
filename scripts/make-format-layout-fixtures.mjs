#!/usr/bin/env node
// Writes the paragraph-format and page-number fixtures of fixtures/format/ (paragraph-*.docx, page-number-*.docx):
// the good notice (fixtures/src/good-notice.fodt, in GB/T 9704-2012 format) with one fault each, converted by
// LibreOffice; the flat ODT of each is kept in fixtures/format/src/.
//
//   node scripts/make-format-layout-fixtures.mjs      (needs soffice; run `npm run fixtures` first if src/ is gone)
//
// paragraph-indent: the body with no first-line indent; paragraph-title-align: the title left-aligned;
// paragraph-body-align: the body centred; paragraph-spacing: three body paragraphs at 1.5 lines;
// paragraph-blank: empty paragraphs between body paragraphs; page-number-missing: no footer;
// page-number-dashes: the number with no dashes; page-number-size: the number in 五号 (10.5 pt);
// page-number-sides: odd pages' number on the left and even pages' on the right (the wrong way round);
// page-number-outside: odd right and even left, each one character in (GB/T 9704 7.5.1) — a good file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures', 'format');
const SRC = path.join(OUT, 'src');
const SOFFICE = process.env.SOFFICE ?? 'soffice';
const base = fs.readFileSync(path.join(ROOT, 'fixtures', 'src', 'good-notice.fodt'), 'utf8');

/** Replaces exactly one occurrence (or the n-th … as counted), so a change to the base file fails loudly. */
function once(s, from, to) {
  const at = s.indexOf(from);
  if (at < 0 || s.indexOf(from, at + 1) >= 0) throw new Error(`not exactly one: ${from}`);
  return s.slice(0, at) + to + s.slice(at + from.length);
}

const STANDARD = '<style:style style:name="Standard" style:family="paragraph" style:class="text">\n<style:paragraph-properties fo:line-height="28.95pt" fo:text-indent="32pt" fo:margin-left="0pt" fo:margin-right="0pt" fo:margin-top="0pt" fo:margin-bottom="0pt" fo:text-align="justify"';
const FOOTER = '<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>';
const TITLE_ALIGN = '<style:paragraph-properties fo:text-align="center" fo:text-indent="0pt" fo:margin-bottom="28.95pt" fo:keep-with-next="always"/>';

/** The n-th (0-based) body paragraph of the base file given another style. */
function restyle(s, indexes, style) {
  let n = -1;
  return s.replace(/<text:p text:style-name="Standard">/g, (m) => (indexes.includes(++n) ? `<text:p text:style-name="${style}">` : m));
}
/** An empty paragraph after each of the listed body paragraphs. */
function blankAfter(s, indexes) {
  let n = -1;
  return s.replace(/(<text:p text:style-name="Standard">[^\n]*<\/text:p>)/g, (m) => (indexes.includes(++n) ? `${m}\n<text:p text:style-name="Standard"/>` : m));
}
const auto = (s, xml) => once(s, '</office:automatic-styles>', `${xml}\n</office:automatic-styles>`);
const footer = (s, xml) => once(s, FOOTER, xml);
const pageNumber = '<text:page-number text:select-page="current">1</text:page-number>';

const FIXTURES = {
  'paragraph-indent': (s) => once(s, STANDARD, STANDARD.replace('fo:text-indent="32pt"', 'fo:text-indent="0pt"')),
  'paragraph-title-align': (s) => once(s, TITLE_ALIGN, TITLE_ALIGN.replace('fo:text-align="center"', 'fo:text-align="start"')),
  'paragraph-body-align': (s) => once(s, STANDARD, STANDARD.replace('fo:text-align="justify"', 'fo:text-align="center"')),
  'paragraph-spacing': (s) =>
    restyle(auto(s, '<style:style style:name="Loose" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:line-height="150%"/></style:style>'), [2, 5, 9], 'Loose'),
  'paragraph-blank': (s) => blankAfter(s, [0, 3, 4]),
  'page-number-missing': (s) => footer(s, ''),
  'page-number-dashes': (s) => footer(s, `<style:footer><text:p text:style-name="Footer">${pageNumber}</text:p></style:footer>`),
  'page-number-size': (s) =>
    footer(auto(s, '<style:style style:name="SmallFooter" style:family="paragraph" style:parent-style-name="Footer"><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt" style:font-size-complex="10.5pt"/></style:style>'), `<style:footer><text:p text:style-name="SmallFooter">— ${pageNumber} —</text:p></style:footer>`),
  'page-number-sides': (s) => sides(s, 'start', 'end'),
  'page-number-outside': (s) => sides(s, 'end', 'start'),
};

/** Odd pages' footer aligned `odd`, even pages' `even`, each one character (14 pt) in from its side. */
function sides(s, odd, even) {
  const styles = ['Odd', 'Even']
    .map((name, i) => {
      const align = i === 0 ? odd : even;
      const margin = align === 'end' ? 'fo:margin-right="14pt"' : 'fo:margin-left="14pt"';
      return `<style:style style:name="Footer${name}" style:family="paragraph" style:parent-style-name="Footer"><style:paragraph-properties fo:text-align="${align}" ${margin}/></style:style>`;
    })
    .join('\n');
  return footer(auto(s, styles), `<style:footer><text:p text:style-name="FooterOdd">— ${pageNumber} —</text:p></style:footer><style:footer-left><text:p text:style-name="FooterEven">— ${pageNumber} —</text:p></style:footer-left>`);
}

fs.mkdirSync(SRC, { recursive: true });
const written = [];
for (const [name, change] of Object.entries(FIXTURES)) {
  const file = path.join(SRC, `${name}.fodt`);
  fs.writeFileSync(file, change(base));
  written.push(file);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-lo-'));
try {
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', OUT, ...written], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
    env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp', TZ: 'UTC' },
  });
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}
for (const f of written) console.log(path.relative(ROOT, f).replace(/\/src\/(.*)\.fodt$/, '/$1.docx'));
