// The docx reader's failures: one stable code each, a one-line message in Chinese and English.
import { ReadError } from '../types.js';

/** A size in words people read ("2 MiB"), for limits quoted in messages. */
function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export const docxErrors = {
  notZip: () =>
    new ReadError('not-docx', {
      zh: '不是 .docx 文件：内容不是 zip 格式',
      en: 'not a .docx file: the content is not a zip archive',
    }),
  zipNoDirectory: () =>
    new ReadError('zip-corrupt', {
      zh: '文件已损坏：找不到 zip 目录（文件可能被截断）',
      en: 'damaged file: the zip directory is missing (the file may be truncated)',
    }),
  zipDirectory: () =>
    new ReadError('zip-corrupt', {
      zh: '文件已损坏：zip 目录不完整',
      en: 'damaged file: the zip directory is incomplete',
    }),
  zipEntryTruncated: (name: string) =>
    new ReadError('zip-corrupt', {
      zh: `文件已损坏：${name} 的数据不完整`,
      en: `damaged file: the data of ${name} is incomplete`,
    }),
  zipInflate: (name: string, cause: unknown) =>
    new ReadError(
      'zip-corrupt',
      { zh: `文件已损坏：${name} 无法解压`, en: `damaged file: ${name} cannot be decompressed` },
      { cause },
    ),
  zipSize: (name: string) =>
    new ReadError('zip-corrupt', {
      zh: `文件已损坏：${name} 解压后的长度与记录不符`,
      en: `damaged file: ${name} does not inflate to its recorded size`,
    }),
  zipCrc: (name: string) =>
    new ReadError('zip-corrupt', {
      zh: `文件已损坏：${name} 校验和不符`,
      en: `damaged file: the checksum of ${name} does not match`,
    }),
  zipBomb: (name: string, limit: number) =>
    new ReadError('zip-bomb', {
      zh: `已拒绝读取：${name} 解压后超过 ${size(limit)} 上限（疑似压缩炸弹）`,
      en: `refused: ${name} inflates past the ${size(limit)} limit (a zip bomb?)`,
    }),
  zipMethod: (name: string, method: number) =>
    new ReadError('zip-unsupported', {
      zh: `无法读取：${name} 使用了不支持的压缩方式（${method}）`,
      en: `cannot read: ${name} uses an unsupported compression method (${method})`,
    }),
  zipEncrypted: () =>
    new ReadError('zip-encrypted', {
      zh: '无法读取：zip 内容已加密',
      en: 'cannot read: the zip entries are encrypted',
    }),
  missingPart: (part: string) =>
    new ReadError('docx-missing-part', {
      zh: `不是有效的 .docx 文件：缺少 ${part}`,
      en: `not a valid .docx file: ${part} is missing`,
    }),
  xmlMalformed: (part: string, detail: string, cause: unknown) =>
    new ReadError(
      'xml-malformed',
      {
        zh: `文件已损坏：${part} 不是合法的 XML（${detail}）`,
        en: `damaged file: ${part} is not well-formed XML (${detail})`,
      },
      { cause },
    ),
  xmlTooDeep: (part: string, limit: number) =>
    new ReadError('xml-too-deep', {
      zh: `已拒绝读取：${part} 的嵌套超过 ${limit} 层`,
      en: `refused: ${part} nests deeper than ${limit} levels`,
    }),
  encrypted: () =>
    new ReadError('docx-encrypted', {
      zh: '文件设有打开密码，无法读取；请先在 Word 或 WPS 中取消密码',
      en: 'the file is password-protected; remove the password in Word or WPS first',
    }),
  oleDoc: () =>
    new ReadError('not-docx-ole', {
      zh: '这是 Word 97-2003 的 .doc 文件，不是 .docx；请另存为 .docx',
      en: 'this is a Word 97-2003 .doc file, not .docx; save it as .docx',
    }),
};
