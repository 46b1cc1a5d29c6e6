// Telling a file's real format from its first bytes, so a .docx renamed .pdf is named for what it is.

import { includesAscii } from './bytes.js';

export type Sniffed = 'docx' | 'ofd' | 'zip' | 'pdf' | 'ole' | 'executable' | 'image' | 'empty' | 'text';

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Zip entry names are stored uncompressed, in local headers and in the central directory.
    if (includesAscii(bytes, 'word/document.xml')) return 'docx';
    // An OFD package (GB/T 33190) has its entry file OFD.xml at the root.
    return includesAscii(bytes, 'OFD.xml') ? 'ofd' : 'zip';
  }
  if (includesAscii(bytes.subarray(0, 1024), '%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe])) return 'executable';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image';
  return 'text';
}

/** How a sniffed kind is named in messages. */
export const SNIFFED_NAMES: Record<Sniffed, { zh: string; en: string }> = {
  docx: { zh: 'Word 文档（.docx）', en: 'a Word document (.docx)' },
  ofd: { zh: 'OFD 版式文档（.ofd）', en: 'an OFD document (.ofd)' },
  zip: { zh: 'zip 压缩包（不是 Word 文档）', en: 'a zip archive (not a Word document)' },
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  ole: { zh: 'Word 97-2003 文档（.doc）或加密的 Office 文件', en: 'a Word 97-2003 document (.doc) or an encrypted Office file' },
  executable: { zh: '可执行程序', en: 'an executable program' },
  image: { zh: '图片', en: 'an image' },
  empty: { zh: '空文件', en: 'an empty file' },
  text: { zh: '纯文本', en: 'plain text' },
};
