// Choosing a reader by extension and content; each reader is imported only when a file needs it.
import { extname } from 'node:path';
import type { Format } from '../document/model.js';
import { SNIFFED_NAMES, sniff, type Sniffed } from './detect.js';
import { ReadError, type ReadResult, type ReaderOptions } from './types.js';

const EXTENSIONS: Record<string, Format> = { '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx', '.pdf': 'pdf' };

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export function formatOfPath(path: string): Format | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

const EXPECTED: Record<Format, Sniffed[]> = { txt: ['text'], md: ['text'], docx: ['docx', 'ole'], pdf: ['pdf'] };

function formatOfContent(kind: Sniffed): Format | undefined {
  return kind === 'docx' || kind === 'pdf' ? kind : kind === 'text' ? 'txt' : kind === 'ole' ? 'docx' : undefined;
}

export async function readDocumentBytes(bytes: Uint8Array, path: string, options: ReaderOptions): Promise<ReadResult> {
  const kind = sniff(bytes);
  if (kind === 'empty') throw new ReadError('empty-file', { zh: '文件是空的（0 字节）', en: 'the file is empty (0 bytes)' });
  const byName = formatOfPath(path);
  const format = byName ?? formatOfContent(kind);
  if (!format || (byName && !EXPECTED[byName].includes(kind))) {
    const what = SNIFFED_NAMES[kind];
    const ext = extname(path) || '(无扩展名)';
    throw new ReadError('format-mismatch', {
      zh: `扩展名是 ${ext}，但内容是${what.zh}`,
      en: `the name says ${ext} but the content is ${what.en}`,
    });
  }
  switch (format) {
    case 'txt':
      return (await import('./text.js')).readTxt(bytes, path, options);
    case 'md':
      return (await import('./text.js')).readMd(bytes, path, options);
    case 'docx':
      return (await import('./docx/index.js')).readDocx(bytes, path, options);
    case 'pdf':
      return (await import('./pdf.js')).readPdf(bytes, path, options);
  }
}
