// The engine's platform in Node: zlib for (de)compression and checksums, the data files beside the
// bundle, pdf-parse for PDFs and word-extractor for .doc, each loaded on first use.
import { Buffer, constants as bufferConstants } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import type * as Zlib from 'node:zlib';
import { tableCrc32 } from './crc32-table.js';
import { InflateCapError, type Platform, type WordText } from './types.js';

// zlib costs ~2 ms to load and a run of text files never needs it: taken on first use, synchronously.
// process.getBuiltinModule came with Node 20.16 and 22.3: on Node 21 and 22.0–22.2 (outside package.json's
// engines, which follow pdf-parse's, but npm only warns) zlib is required instead, or every .docx would be
// reported as damaged there.
let zlibModule: typeof Zlib | undefined;
const zlib = (): typeof Zlib => (zlibModule ??= process.getBuiltinModule?.('node:zlib') ?? (createRequire(import.meta.url)('node:zlib') as typeof Zlib));
let crc32Of: ((data: Uint8Array) => number) | undefined;
function crc32(data: Uint8Array): number {
  if (!crc32Of) {
    const native = (zlib() as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
    crc32Of = typeof native === 'function' ? (d) => native(d) >>> 0 : tableCrc32;
  }
  return crc32Of(data);
}

type WordExtractorClass = new () => {
  extract(source: Buffer): Promise<{ getBody(o?: object): string; getTextboxes(o?: object): string }>;
};
let wordExtractor: Promise<WordExtractorClass> | undefined;

export const platform: Platform = {
  name: 'node',
  inflateRaw(data, maxOutput) {
    const cap = Math.min(maxOutput, bufferConstants.MAX_LENGTH);
    try {
      return zlib().inflateRawSync(data, { maxOutputLength: cap });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateCapError(cap);
      throw error;
    }
  },
  deflateRaw(data, level) {
    return zlib().deflateRawSync(data, level === undefined ? {} : { level });
  },
  crc32,
  readData(url) {
    return readFileSync(url);
  },
  shownPath(path) {
    const rel = relative(process.cwd(), resolve(path));
    return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : path;
  },
  relativePath(from, to) {
    return relative(from, to).split(sep).join('/');
  },
  resolvePath(dir, path) {
    return resolve(dir, path);
  },
  samePath(a, b) {
    return resolve(a) === resolve(b);
  },
  async pdf() {
    return (await import('./node-pdf.js')).nodePdfEngine();
  },
  async wordText(bytes): Promise<WordText> {
    // @ts-ignore -- word-extractor ships no types; the slice used here is typed above.
    wordExtractor ??= import('word-extractor').then((mod: { default?: WordExtractorClass }) => mod.default ?? (mod as unknown as WordExtractorClass));
    const WordExtractor = await wordExtractor.catch((error) => {
      wordExtractor = undefined;
      throw Object.assign(error as Error, { wenfengUnavailable: true });
    });
    const extracted = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode: false — by default word-extractor rewrites “ ” ‘ ’ — – and en/em spaces to
    // ASCII, which would hide exactly the punctuation the rules check.
    return { body: extracted.getBody({ filterUnicode: false }), textboxes: extracted.getTextboxes({ filterUnicode: false, includeHeadersAndFooters: false }) };
  },
};
