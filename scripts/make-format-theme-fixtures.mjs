#!/usr/bin/env node
// Writes the theme-font fixtures of fixtures/format/: good-complete.docx (made by LibreOffice, see
// make-format-fixtures.mjs) with its body font named through the theme, as Word's own templates name it —
// docDefaults and the Normal style say w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" — and a theme
// part (word/theme/theme1.xml) that gives the font. The other parts are copied byte for byte, zipped by wenfeng's
// own writer (src/zip/write.ts, built to dist/zip-write.js: run `npm run build` first).
//
//   node scripts/make-format-theme-fixtures.mjs
//
// good-theme-fonts: the theme's East-Asian minor font (a:minorFont/a:ea) is 仿宋 — right for the body.
// theme-fonts-dengxian: a:ea is empty and the Simplified Chinese font (a:font script="Hans") is 等线, as in
// Word's Office theme — wrong for every element set in the body font.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { inputEntries, writeZip } from '../dist/zip-write.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'format');
const base = new Uint8Array(readFileSync(join(OUT, 'good-complete.docx')));

/** A whole theme (colours, fonts, formats), so that Word and LibreOffice open it as they open their own. */
function theme(minorEa, hans) {
  const fontSet = (tag, latin, ea) =>
    `<a:${tag}><a:latin typeface="${latin}"/><a:ea typeface="${ea}"/><a:cs typeface=""/><a:font script="Hans" typeface="${hans}"/></a:${tag}>`;
  const solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const colours = [['dk1', '<a:sysClr val="windowText" lastClr="000000"/>'], ['lt1', '<a:sysClr val="window" lastClr="FFFFFF"/>'], ['dk2', '<a:srgbClr val="44546A"/>'], ['lt2', '<a:srgbClr val="E7E6E6"/>'], ['accent1', '<a:srgbClr val="4472C4"/>'], ['accent2', '<a:srgbClr val="ED7D31"/>'], ['accent3', '<a:srgbClr val="A5A5A5"/>'], ['accent4', '<a:srgbClr val="FFC000"/>'], ['accent5', '<a:srgbClr val="5B9BD5"/>'], ['accent6', '<a:srgbClr val="70AD47"/>'], ['hlink', '<a:srgbClr val="0563C1"/>'], ['folHlink', '<a:srgbClr val="954F72"/>']];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>' +
    `<a:clrScheme name="Office">${colours.map(([n, c]) => `<a:${n}>${c}</a:${n}>`).join('')}</a:clrScheme>` +
    `<a:fontScheme name="Office">${fontSet('majorFont', 'Calibri Light', '')}${fontSet('minorFont', 'Calibri', minorEa)}</a:fontScheme>` +
    '<a:fmtScheme name="Office">' +
    `<a:fillStyleLst>${solid}${solid}${solid}</a:fillStyleLst>` +
    `<a:lnStyleLst>${'<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'.repeat(3)}</a:lnStyleLst>` +
    `<a:effectStyleLst>${'<a:effectStyle><a:effectLst/></a:effectStyle>'.repeat(3)}</a:effectStyleLst>` +
    `<a:bgFillStyleLst>${solid}${solid}${solid}</a:bgFillStyleLst>` +
    '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>'
  );
}

const THEMED = '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:cs="DejaVu Sans"/>';

function text(entry) {
  const { entry: e, compressed } = entry;
  return new TextDecoder().decode(e.method === 0 ? compressed : inflateRawSync(compressed));
}

/** Replaces every occurrence of `from` (at least `min` of them), so a change in LibreOffice's output fails loudly. */
function replaceAll(s, from, to, min) {
  const n = s.split(from).length - 1;
  if (n < min) throw new Error(`expected ${min}+ of ${from}, found ${n}`);
  return s.split(from).join(to);
}

function variant(minorEa, hans) {
  const parts = [];
  for (const entry of inputEntries(base)) {
    const name = entry.entry.name;
    if (name === 'word/styles.xml') {
      // The 仿宋 of docDefaults and of the Normal style; the other styles name their own fonts and keep them.
      parts.push({ name, data: replaceAll(text(entry), '<w:rFonts w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋" w:cs="DejaVu Sans"/>', THEMED, 2) });
    } else if (name === 'word/_rels/document.xml.rels') {
      parts.push({ name, data: replaceAll(text(entry), '</Relationships>', '<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>', 1) });
    } else if (name === '[Content_Types].xml') {
      parts.push({ name, data: replaceAll(text(entry), '</Types>', '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>', 1) });
    } else {
      parts.push({ name, copy: entry });
    }
  }
  parts.push({ name: 'word/theme/theme1.xml', data: theme(minorEa, hans) });
  return writeZip(parts);
}

writeFileSync(join(OUT, 'good-theme-fonts.docx'), variant('仿宋', '等线'));
writeFileSync(join(OUT, 'theme-fonts-dengxian.docx'), variant('', '等线'));
console.log('fixtures/format: good-theme-fonts.docx, theme-fonts-dengxian.docx');
