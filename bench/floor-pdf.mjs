#!/usr/bin/env node
// Floor of a .pdf lint: pdf.js text extraction alone — import pdf-parse, load the file with the options
// wenfeng's reader passes (isEvalSupported: false, packed cMaps, standard fonts, wasm, no system fonts,
// errors-only logging), getText(), destroy.
//   node bench/floor-pdf.mjs file.pdf
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFParse, VerbosityLevel } from 'pdf-parse';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(createRequire(require.resolve('pdf-parse')).resolve('pdfjs-dist/package.json'));
const parser = new PDFParse({
  data: new Uint8Array(fs.readFileSync(process.argv[2])),
  isEvalSupported: false,
  cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
  wasmUrl: `${path.join(pdfjsRoot, 'wasm')}/`,
  useSystemFonts: false,
  verbosity: VerbosityLevel.ERRORS,
});
try {
  const text = await parser.getText();
  process.stdout.write(`${JSON.stringify({ pages: text.total, chars: text.text.length })}\n`);
} finally {
  await parser.destroy();
}
