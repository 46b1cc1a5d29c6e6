// Choosing a reader by extension and content; each reader is imported only when a file needs it.
import type { Format } from '../document/model.js';
import { SNIFFED_NAMES, sniff, type Sniffed } from './detect.js';
import { checkParagraphs, DEFAULT_LIMITS } from '../engine/limits.js';
import { ReadError, type ReadResult, type ReaderOptions } from './types.js';

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
  // WPS Writer's .wps is Word 97 binary, or OOXML in a .wps name; both are told apart by content.
  '.doc': 'doc',
  '.wps': 'doc',
  '.ofd': 'ofd',
};

/** The extension of a path's last segment, dot included ('' for none), as Node's path.extname. */
export function extname(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export function formatOfPath(path: string): Format | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

// A truncated .ofd may have lost the entry naming OFD.xml: its reader says what is wrong with it.
const EXPECTED: Record<Format, Sniffed[]> = { txt: ['text'], md: ['text'], docx: ['docx', 'ole'], pdf: ['pdf'], doc: ['ole', 'docx'], ofd: ['ofd', 'zip'] };

function formatOfContent(kind: Sniffed): Format | undefined {
  return kind === 'docx' || kind === 'pdf' || kind === 'ofd' ? kind : kind === 'text' ? 'txt' : kind === 'ole' ? 'doc' : undefined;
}

export async function readDocumentBytes(bytes: Uint8Array, path: string, options: ReaderOptions): Promise<ReadResult> {
  const read = await readByFormat(bytes, path, options);
  // Readers check their caps as they go; this backstop holds the rules' input to the same caps.
  checkParagraphs(read.paragraphs, options.limits ?? DEFAULT_LIMITS);
  return read;
}

async function readByFormat(bytes: Uint8Array, path: string, options: ReaderOptions): Promise<ReadResult> {
  const kind = sniff(bytes);
  if (kind === 'empty') throw new ReadError('empty-file', { zh: '文件是空的（0 字节）', en: 'the file is empty (0 bytes)' });
  const byName = formatOfPath(path);
  const format = byName ?? formatOfContent(kind);
  if (!format || (byName && !EXPECTED[byName].includes(kind))) {
    const what = SNIFFED_NAMES[kind];
    const ext = extname(path) || '(无扩展名)';
    throw new ReadError('format-mismatch', {
      // A space between Chinese and a Latin word (内容是 Word 文档), as the rest of the messages write it.
      zh: `扩展名是 ${ext}，但内容是${/^[A-Za-z]/.test(what.zh) ? ' ' : ''}${what.zh}`,
      en: `the name says ${ext} but the content is ${what.en}`,
    });
  }
  switch (format) {
    case 'txt':
      return (await import('./text.js')).readTxt(bytes, path, options);
    case 'md':
      return (await import('./text.js')).readMd(bytes, path, options);
    case 'docx':
    case 'doc':
      // The Word family goes by content: OOXML (.docx, or a .wps/.doc that is really one) or OLE.
      if (kind === 'ole') {
        // Word 97 binary is read by word-extractor, not our code: never in a strict (main-thread) trial.
        if (options.strict) throw new ReadError('worker-only', { zh: '需在工作线程中读取', en: 'read in a worker thread' });
        const read = await (await import('./doc.js')).readDoc(bytes, path, options);
        // Read, but say so: a .doc saved under a .docx name confuses other tools.
        if (format === 'docx') read.warnings.push({ code: 'doc-named-docx', message: { zh: '扩展名是 .docx，但内容是 Word 97-2003 文档（.doc），已按 .doc 读取', en: 'the name says .docx but the content is a Word 97-2003 document (.doc); read as .doc' } });
        return read;
      }
      return (await import('./docx/index.js')).readDocx(bytes, path, options);
    case 'pdf':
      return (await import('./pdf.js')).readPdf(bytes, path, options);
    case 'ofd':
      return (await import('./ofd.js')).readOfd(bytes, path, options);
  }
}
