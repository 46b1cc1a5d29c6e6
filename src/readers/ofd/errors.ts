// The OFD reader's failures: one stable code each, a one-line message in Chinese and English.
// (Zip and XML damage is reported with the .docx reader's zip-* and xml-* codes, which say no format.)
import { ReadError } from '../types.js';

export const ofdErrors = {
  notZip: () =>
    new ReadError('not-ofd', {
      zh: '不是 OFD 文件：内容不是 zip 格式',
      en: 'not an OFD file: the content is not a zip archive',
    }),
  missingPart: (part: string, referredBy: string) =>
    new ReadError('ofd-missing-part', {
      zh: part === 'OFD.xml' ? '不是有效的 OFD 文件：缺少入口文件 OFD.xml' : `文件已损坏：缺少 ${part}（${referredBy} 指向它）`,
      en: part === 'OFD.xml' ? 'not a valid OFD file: the entry file OFD.xml is missing' : `damaged file: ${part} is missing (${referredBy} points to it)`,
    }),
  invalid: (detail: { zh: string; en: string }) =>
    new ReadError('ofd-invalid', { zh: `不是有效的 OFD 文件：${detail.zh}`, en: `not a valid OFD file: ${detail.en}` }),
};
