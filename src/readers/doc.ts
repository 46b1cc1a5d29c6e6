// The legacy .doc reader (Word 97-2003, and WPS's binary .wps, which is the same format for text).
// word-extractor pulls the text out; before it sees a byte, the compound file is walked and checked
// here, because on a damaged file that package can loop forever or fail outside any promise.
import { platform } from '../platform/index.js';
import type { WordText } from '../platform/types.js';
import type { ReadWarning } from '../document/model.js';
import { docxErrors } from './docx/errors.js';
import { kindOfTextLine } from './text.js';
import { ReadError, type RawParagraph, type ReadResult, type Reader } from './types.js';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const docErrors = {
  corrupt: (detail: { zh: string; en: string }) =>
    new ReadError('doc-corrupt', { zh: `文件已损坏：${detail.zh}`, en: `damaged file: ${detail.en}` }),
  truncated: () =>
    new ReadError('doc-corrupt', {
      zh: '文件已损坏：内容不完整（文件可能被截断）',
      en: 'damaged file: parts of it are missing (the file may be truncated)',
    }),
  notWord: () =>
    new ReadError('doc-not-word', {
      zh: '不是 Word 文档：文件是 OLE 复合文档，但其中没有 Word 正文（WordDocument 流）',
      en: 'not a Word document: the file is an OLE compound file without a WordDocument stream',
    }),
  encrypted: () =>
    new ReadError('doc-encrypted', {
      zh: '文件设有打开密码，无法读取；请先在 Word 或 WPS 中取消密码',
      en: 'the file is password-protected; remove the password in Word or WPS first',
    }),
  oldFormat: () =>
    new ReadError('doc-old-format', {
      zh: '这是 Word 6.0/95 格式的旧文档，无法读取；请在 Word 或 WPS 中另存为 .docx',
      en: 'this is a Word 6.0/95 document, which cannot be read; save it as .docx in Word or WPS',
    }),
  unavailable: (cause: unknown) =>
    new ReadError(
      'doc-reader-unavailable',
      { zh: '无法读取 .doc：组件（word-extractor）未能加载', en: 'cannot read .doc: the component (word-extractor) failed to load' },
      { cause },
    ),
};

const damaged = {
  header: () => docErrors.corrupt({ zh: 'OLE 复合文档的文件头无效', en: 'the OLE compound file header is invalid' }),
  chain: () => docErrors.corrupt({ zh: 'OLE 复合文档的扇区链断裂或成环', en: 'a sector chain of the OLE compound file is broken or loops' }),
  directory: () => docErrors.corrupt({ zh: 'OLE 复合文档的目录无效', en: 'the directory of the OLE compound file is invalid' }),
  fib: () => docErrors.corrupt({ zh: 'Word 文件头（FIB）不完整', en: 'the Word file header (FIB) is incomplete' }),
  table: () => docErrors.corrupt({ zh: '缺少 Word 表格流（0Table/1Table）', en: 'the Word table stream (0Table/1Table) is missing' }),
  pieces: () => docErrors.corrupt({ zh: 'Word 正文片段表（piece table）无效或指向文件之外', en: 'the Word piece table is invalid or points outside the file' }),
};

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/**
 * An OLE compound file, read the way word-extractor reads it (the same FAT, the same chains, the
 * same directory tree), with every chain checked for loops and for sectors past the end of the file.
 * If this constructor returns, word-extractor's own walk over the file terminates.
 */
export class CompoundFile {
  private readonly dv: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Int32Array;
  private readonly miniFat: Int32Array;
  private readonly entries: DirEntry[];
  /** The root storage's streams by name (the streams word-extractor can open). */
  readonly streams = new Map<string, DirEntry>();
  private readonly miniContainer: number[];

  constructor(private readonly bytes: Uint8Array) {
    if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw damaged.header();
    if (bytes.length < 512) throw docErrors.truncated();
    const dv = (this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const shift = dv.getUint16(0x1e, true);
    const miniShift = dv.getUint16(0x20, true);
    if ((shift !== 9 && shift !== 12) || miniShift !== 6) throw damaged.header();
    this.sectorSize = 1 << shift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = dv.getInt32(0x38, true);
    const fatCount = dv.getInt32(0x2c, true);
    const sectorsInFile = Math.ceil(bytes.length / this.sectorSize);
    if (fatCount < 0 || fatCount > sectorsInFile) throw damaged.header();

    // The FAT's own sectors: 109 listed in the header, the rest along the DIFAT chain.
    const fatSectors: number[] = [];
    for (let i = 0; i < Math.min(109, fatCount); i++) fatSectors.push(dv.getInt32(0x4c + i * 4, true));
    let difat = dv.getInt32(0x44, true);
    const difatCount = dv.getInt32(0x48, true);
    const perDifat = this.sectorSize / 4 - 1;
    for (let n = 0; fatSectors.length < fatCount; n++) {
      if (n >= difatCount || n > sectorsInFile) throw damaged.chain();
      const at = this.sectorOffset(difat, this.sectorSize);
      for (let i = 0; i < perDifat && fatSectors.length < fatCount; i++) fatSectors.push(dv.getInt32(at + i * 4, true));
      difat = dv.getInt32(at + perDifat * 4, true);
    }
    this.fat = this.readTable(fatSectors);

    const dirChain = this.chain(this.fat, dv.getInt32(0x30, true));
    const dirBytes = this.gather(dirChain, dirChain.length * this.sectorSize);
    this.entries = readDirectory(dirBytes);
    const root = this.entries[0];
    if (!root || root.type !== 5 || this.entries.findIndex((e) => e.type === 5) !== 0) throw damaged.directory();
    this.walkTree();

    const miniFatChain = this.chain(this.fat, dv.getInt32(0x3c, true));
    // word-extractor refuses a mini FAT whose chain length is not the header's count.
    if (miniFatChain.length !== dv.getInt32(0x40, true)) throw damaged.chain();
    this.miniFat = this.readTable(miniFatChain);
    this.miniContainer = this.chain(this.fat, root.start);
  }

  /** The bytes of a stream in the root storage, or undefined when there is none by that name. */
  stream(name: string): Uint8Array | undefined {
    const entry = this.streams.get(name);
    if (!entry) return undefined;
    if (entry.size < 0) throw damaged.directory();
    if (entry.size < this.miniCutoff) {
      const chain = this.chain(this.miniFat, entry.start);
      if (chain.length * this.miniSectorSize < entry.size) throw damaged.chain();
      const out = new Uint8Array(entry.size);
      chain.forEach((mini, i) => {
        const from = mini * this.miniSectorSize;
        const sector = this.miniContainer[Math.floor(from / this.sectorSize)];
        if (sector === undefined) throw damaged.chain();
        const take = Math.min(this.miniSectorSize, entry.size - i * this.miniSectorSize);
        if (take <= 0) return;
        const at = this.sectorOffset(sector, (from % this.sectorSize) + take) + (from % this.sectorSize);
        out.set(this.bytes.subarray(at, at + take), i * this.miniSectorSize);
      });
      return out;
    }
    const chain = this.chain(this.fat, entry.start);
    if (chain.length * this.sectorSize < entry.size) throw damaged.chain();
    return this.gather(chain, entry.size);
  }

  /** File offset of a sector whose first `need` bytes must be in the file. */
  private sectorOffset(sector: number, need: number): number {
    const at = (sector + 1) * this.sectorSize;
    if (sector < 0) throw damaged.chain();
    if (at + need > this.bytes.length) throw docErrors.truncated();
    return at;
  }

  private readTable(sectors: number[]): Int32Array {
    const table = new Int32Array((sectors.length * this.sectorSize) / 4);
    sectors.forEach((sector, i) => {
      const at = this.sectorOffset(sector, this.sectorSize);
      for (let j = 0; j < this.sectorSize / 4; j++) table[i * (this.sectorSize / 4) + j] = this.dv.getInt32(at + j * 4, true);
    });
    return table;
  }

  /** A chain of sector numbers; a loop or a link out of the table is damage. */
  private chain(table: Int32Array, start: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    // word-extractor follows a chain while the number is not negative, so any marker ends it.
    for (let sector = start; sector >= 0; sector = table[sector]!) {
      if (seen.has(sector) || sector >= table.length) throw damaged.chain();
      seen.add(sector);
      out.push(sector);
    }
    return out;
  }

  private gather(chain: number[], size: number): Uint8Array {
    const out = new Uint8Array(size);
    chain.forEach((sector, i) => {
      const take = Math.min(this.sectorSize, size - i * this.sectorSize);
      if (take <= 0) return;
      const at = this.sectorOffset(sector, take);
      out.set(this.bytes.subarray(at, at + take), i * this.sectorSize);
    });
    return out;
  }

  /** The directory must be a tree: word-extractor recurses through it without a visited set. */
  private walkTree(): void {
    const visited = new Set<number>([0]);
    const storages: number[] = [0];
    while (storages.length > 0) {
      const storage = storages.pop()!;
      const todo = [this.entries[storage]!.child];
      while (todo.length > 0) {
        const id = todo.pop()!;
        if (id === -1) continue;
        const entry = this.entries[id];
        if (id < 0 || !entry || visited.has(id)) throw damaged.directory();
        visited.add(id);
        if (entry.type === 1) storages.push(id);
        if (entry.type === 2 && storage === 0) {
          // Two streams of one name: which one word-extractor opens is not ours to guess.
          if (this.streams.has(entry.name)) throw damaged.directory();
          this.streams.set(entry.name, entry);
        }
        todo.push(entry.left, entry.right);
      }
    }
  }
}

function readDirectory(bytes: Uint8Array): DirEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-16le');
  const entries: DirEntry[] = [];
  for (let at = 0; at + 128 <= bytes.length; at += 128) {
    const nameLength = Math.max(dv.getInt16(at + 64, true) - 2, 0);
    entries.push({
      name: decoder.decode(bytes.subarray(at, at + Math.min(nameLength, 62))),
      type: dv.getInt8(at + 66),
      left: dv.getInt32(at + 68, true),
      right: dv.getInt32(at + 72, true),
      child: dv.getInt32(at + 76, true),
      start: dv.getInt32(at + 116, true),
      size: dv.getInt32(at + 120, true),
    });
  }
  return entries;
}

/** The FIB facts that decide whether the text can be read (MS-DOC 2.5.2, FibBase). */
function checkFib(word: Uint8Array, file: CompoundFile): void {
  // word-extractor reads FIB fields up to fcClx/lcbClx at 0x1A2..0x1A9.
  if (word.length < 0x1aa) throw damaged.fib();
  const dv = new DataView(word.buffer, word.byteOffset, word.byteLength);
  const ident = dv.getUint16(0, true);
  // Word 6.0/95 wrote 0xA5DC; only Word 97 and later (0xA5EC) have the structure read here.
  if (ident === 0xa5dc) throw docErrors.oldFormat();
  if (ident !== 0xa5ec) throw docErrors.notWord();
  const flags = dv.getUint16(0x0a, true);
  // fEncrypted (bit 8): the text is RC4- or XOR-encrypted; without the password it is noise.
  if (flags & 0x0100) throw docErrors.encrypted();
  // fWhichTblStm (bit 9): which table stream holds the piece table.
  // Reading it here checks its chain before word-extractor walks it.
  const table = file.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw damaged.table();
  checkPieceTable(word, table, dv.getUint32(0x1a2, true), dv.getUint32(0x1a6, true));
}

/**
 * The piece table (MS-DOC 2.9.38 Clx) maps the text to byte ranges of the WordDocument stream: every
 * piece must lie inside it, or the text read would be missing or made of whatever bytes lie there.
 */
function checkPieceTable(word: Uint8Array, table: Uint8Array, fcClx: number, lcbClx: number): void {
  if (fcClx + lcbClx > table.length || lcbClx === 0) throw damaged.pieces();
  const dv = new DataView(table.buffer, table.byteOffset, table.byteLength);
  let p = fcClx;
  const end = fcClx + lcbClx;
  // Prc entries (formatting) come first; the Pcdt (0x02) holds the pieces.
  while (p < end && table[p] === 0x01) {
    if (p + 3 > end) throw damaged.pieces();
    p += 3 + dv.getInt16(p + 1, true);
  }
  if (p + 5 > end || table[p] !== 0x02) throw damaged.pieces();
  const lcb = dv.getUint32(p + 1, true);
  const plc = p + 5;
  if (plc + lcb > end || lcb < 16 || (lcb - 4) % 12 !== 0) throw damaged.pieces();
  const n = (lcb - 4) / 12;
  for (let i = 0; i < n; i++) {
    const cpStart = dv.getUint32(plc + i * 4, true);
    const cpEnd = dv.getUint32(plc + (i + 1) * 4, true);
    if (cpEnd < cpStart) throw damaged.pieces();
    const fc = dv.getUint32(plc + (n + 1) * 4 + i * 8 + 2, true);
    const compressed = (fc & 0x40000000) !== 0;
    const start = compressed ? (fc & 0x3fffffff) / 2 : fc;
    const bytes = (cpEnd - cpStart) * (compressed ? 1 : 2);
    if (start + bytes > word.length) throw damaged.pieces();
  }
}

/** PIDSI_PAGECOUNT from \x05SummaryInformation: what the last saving program counted. */
function savedPageCount(file: CompoundFile): number | undefined {
  try {
    const bytes = file.stream('\u0005SummaryInformation');
    if (!bytes || bytes.length < 48) return undefined;
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const section = dv.getUint32(44, true);
    const count = dv.getUint32(section + 4, true);
    for (let i = 0; i < count && i < 256; i++) {
      const id = dv.getUint32(section + 8 + i * 8, true);
      const at = section + dv.getUint32(section + 12 + i * 8, true);
      if (id === 14 && dv.getUint32(at, true) === 3) {
        const pages = dv.getInt32(at + 4, true);
        return pages > 0 ? pages : undefined;
      }
    }
  } catch {
    // A damaged property set only costs the saved figure, never the text.
  }
  return undefined;
}

/**
 * Paragraphs from word-extractor's body text: one per paragraph mark (it turns paragraph marks,
 * line breaks and page breaks into "\n" and cell marks into "\t"). A line that ends on a cell mark
 * is a table row: each cell becomes a paragraph of its own, as the .docx reader has it.
 */
export function paragraphsOfBody(body: string): RawParagraph[] {
  // U+001E is Word's non-breaking hyphen. (word-extractor 1.0.4 turns an optional hyphen, U+001F,
  // into the text "undefined"; Chinese documents practically never hold one.)
  const lines = body.replace(/\u001e/g, '\u2011').replace(/[\u0000-\u0008\u000b-\u001f]/g, '').split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const paragraphs: RawParagraph[] = [];
  let seenText = false;
  for (const line of lines) {
    if (line.endsWith('\t')) {
      for (const cell of line.slice(0, -1).split('\t')) paragraphs.push({ text: cell, kind: 'table-cell' });
      continue;
    }
    const first = !seenText && line.trim() !== '';
    if (line.trim()) seenText = true;
    paragraphs.push({ text: line, ...kindOfTextLine(line, first) });
  }
  return paragraphs;
}

export const readDoc: Reader = async (bytes) => {
  if (bytes.length >= 8 && !SIGNATURE.every((b, i) => bytes[i] === b)) throw docErrors.notWord();
  const file = new CompoundFile(bytes);
  const word = file.stream('WordDocument');
  if (!word) {
    // A password-protected .docx/.xlsx is an OLE file too, holding the encrypted package.
    if (file.streams.has('EncryptionInfo') || file.streams.has('EncryptedPackage')) throw docxErrors.encrypted();
    throw docErrors.notWord();
  }
  checkFib(word, file);

  let extracted: WordText;
  try {
    extracted = await platform.wordText(bytes);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    if ((error as { wenfengUnavailable?: boolean })?.wenfengUnavailable) throw docErrors.unavailable(error);
    // The compound file was sound; what failed is inside the Word structures (FIB, piece table).
    throw new ReadError('doc-corrupt', { zh: '文件已损坏：Word 正文结构无法解析', en: 'damaged file: the Word text structure cannot be parsed' }, { cause: error });
  }
  const body = extracted.body;
  const paragraphs = paragraphsOfBody(body);

  const warnings: ReadWarning[] = [];
  const hasText = paragraphs.some((p) => p.text.trim().length > 0);
  if (extracted.textboxes.trim()) {
    warnings.push({
      code: 'doc-textbox-skipped',
      message: { zh: '文本框中的文字未读取', en: 'the text in text boxes was not read' },
    });
  }
  if (!hasText) warnings.push({ code: 'doc-no-text', message: { zh: '文档中没有文字', en: 'the document has no text' } });

  const result: ReadResult = { format: 'doc', paragraphs, warnings, hasText };
  const title = paragraphs.find((p) => p.kind === 'title')?.text.trim();
  if (title) result.title = title;
  // No page count of our own: the engine estimates on the GB/T 9704 text page; the saved figure
  // is shown beside that estimate, as for .docx.
  const saved = savedPageCount(file);
  if (saved !== undefined) result.layout = { format: 'doc-layout', savedByProgram: saved };
  return result;
};
