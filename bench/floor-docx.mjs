#!/usr/bin/env node
// Floor of a .docx lint: read the file, find word/document.xml through the zip's central directory,
// inflate it (zlib.inflateRawSync) and parse it with saxes, as the project's reader does
// ({ xmlns: false, position: true }), keeping only counts. Nothing else: no styles, no rules.
// saxes is CommonJS and is require()d: an ESM `import` of a CommonJS package runs Node's
// cjs-module-lexer over it (~30 ms on first use), which wenfeng's bundle (saxes inlined) never pays.
//   node bench/floor-docx.mjs file.docx
import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const { SaxesParser } = createRequire(import.meta.url)('saxes');

const buf = fs.readFileSync(process.argv[2]);
let eocd = -1;
for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
  if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
}
if (eocd < 0) throw new Error('not a zip');
let p = buf.readUInt32LE(eocd + 16);
const count = buf.readUInt16LE(eocd + 10);
let xml;
for (let n = 0; n < count; n++) {
  const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
  const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
  if (name === 'word/document.xml') {
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20), local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    xml = new TextDecoder('utf-8').decode(method === 0 ? data : zlib.inflateRawSync(data));
    break;
  }
  p += 46 + nameLen + extraLen + commentLen;
}
if (xml === undefined) throw new Error('no word/document.xml');
const parser = new SaxesParser({ xmlns: false, position: true });
let elements = 0, chars = 0;
parser.on('opentag', () => { elements++; });
parser.on('text', (t) => { chars += t.length; });
parser.write(xml).close();
process.stdout.write(`${JSON.stringify({ elements, chars })}\n`);
