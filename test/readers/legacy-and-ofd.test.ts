// Legacy .doc/.wps (OLE, via word-extractor) and OFD (GB/T 33190): the same findings as the same
// text in .docx/.txt, exact OFD page counts, and one clear ReadError for every damaged file.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import type { FileResult } from '../../src/engine/result.js';
import { CompoundFile, paragraphsOfBody, readDoc } from '../../src/readers/doc.js';
import { writeZip as makeZip } from '../../src/zip/write.js';
import { ZipArchive } from '../../src/readers/docx/zip.js';
import { readDocumentBytes } from '../../src/readers/index.js';
import { expandDeltas } from '../../src/readers/ofd/content.js';
import { readOfd } from '../../src/readers/ofd.js';
import { ReadError, type ReadResult } from '../../src/readers/types.js';
import { sniff } from '../../src/readers/detect.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const legacy = (name: string): string => join(root, 'fixtures', 'legacy', name);
const ofd = (name: string): string => join(root, 'fixtures', 'ofd', name);
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const OPTIONS = { maxInflatedBytes: 64 * 1024 * 1024 };
const SEEDS = ['000-moj-jianfu', '001-province-measures-trad', '002-city-report', '003-news', '004-regulation'];
const manifest = JSON.parse(readFileSync(ofd('manifest.json'), 'utf8')) as Array<{ file: string; source: string; pages: number }>;

const session = new LintSession({ cwd: root, useConfig: false });

async function lint(...paths: string[]): Promise<FileResult[]> {
  const results = await session.lintPaths(paths.map((p) => (p.startsWith('/') ? p.slice(root.length + 1) : p)));
  for (const r of results) expect(r.fatal, `${r.path}: ${r.messages[0]?.message}`).toBe(false);
  return results;
}

/** A finding as the comparison sees it: rule, line, column (unless told otherwise), matched text. */
const findings = (r: FileResult, exact = true): string[] =>
  r.messages
    .map((m) => `${m.ruleId} L${m.line}${exact ? ` C${m.column}` : ''} ${JSON.stringify(exact ? (m.text ?? '') : (m.text ?? '').replace(/ /g, ''))}`)
    .sort();

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    const e = error as ReadError;
    // One line each, in both languages.
    expect(e.zh).not.toMatch(/\n/);
    expect(e.en).not.toMatch(/\n/);
    return e;
  }
  throw new Error('read without an error');
}

/** The entries of a fixture, to be re-zipped with one changed. */
function entriesOf(path: string): Array<{ name: string; data: Uint8Array }> {
  const zip = new ZipArchive(bytesOf(path), OPTIONS.maxInflatedBytes);
  return zip.names().map((name) => ({ name, data: zip.read(name)! }));
}

describe('.doc and .wps (Word 97-2003 binary)', () => {
  for (const seed of SEEDS) {
    it(`${seed}.doc: the same paragraphs and findings as ${seed}.docx`, async () => {
      const [docx, doc] = await lint(`fixtures/seeds/${seed}.docx`, `fixtures/legacy/${seed}.doc`);
      expect(doc!.format).toBe('doc');
      expect(doc!.document!.paragraphs.map((p) => p.text)).toEqual(docx!.document!.paragraphs.map((p) => p.text));
      expect(findings(doc!)).toEqual(findings(docx!));
      expect(doc!.messages.length).toBeGreaterThan(0);
    });
  }

  it('the binary .wps reads as the .doc it is, the OOXML .wps as the .docx it is', async () => {
    const [doc, wps, docx, ooxml] = await lint(
      'fixtures/legacy/002-city-report.doc',
      'fixtures/legacy/002-city-report.wps',
      'fixtures/seeds/000-moj-jianfu.docx',
      'fixtures/legacy/000-moj-jianfu-ooxml.wps',
    );
    expect(wps!.format).toBe('doc');
    expect(findings(wps!)).toEqual(findings(doc!));
    expect(ooxml!.format).toBe('docx');
    expect(findings(ooxml!)).toEqual(findings(docx!));
  });

  it('keeps curly quotes and dashes (word-extractor would fold them to ASCII by default)', async () => {
    const result = await readDoc(bytesOf(legacy('002-city-report.doc')), '002-city-report.doc', OPTIONS);
    const text = result.paragraphs.map((p) => p.text).join('\n');
    for (const ch of ['“', '”', '‘', '’']) expect(text).toContain(ch);
    expect(text).toContain('“五大发展理念”');
    expect(text).not.toMatch(/"/);
    const seed = readFileSync(join(root, 'fixtures/seeds/002-city-report.txt'), 'utf8').trimEnd().split('\n');
    expect(result.paragraphs.map((p) => p.text)).toEqual(seed);
  });

  it('kinds from the text heuristics, no page count of its own: the engine estimates, and says so', async () => {
    const [doc] = await lint('fixtures/legacy/002-city-report.doc');
    const paragraphs = doc!.document!.paragraphs;
    expect(paragraphs[0]).toMatchObject({ kind: 'title', text: '关于2023年整治形式主义为基层减负工作情况的报告' });
    expect(paragraphs.find((p) => p.text.startsWith('一、'))).toMatchObject({ kind: 'heading', level: 1 });
    expect(doc!.document!.title).toBe('关于2023年整治形式主义为基层减负工作情况的报告');
    expect(doc!.pages).toMatchObject({ method: 'text', exact: false });
  });

  it('splits a table row into cells and drops control characters', () => {
    const paragraphs = paragraphsOfBody('标题\n甲\t乙\t\n正文\u0007\u001e一\n');
    expect(paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['title', '标题'],
      ['table-cell', '甲'],
      ['table-cell', '乙'],
      ['body', '正文‑一'],
    ]);
  });

  it('keeps the page count the saving program recorded (SummaryInformation PIDSI_PAGECOUNT), for beside the estimate', async () => {
    const bytes = Buffer.from(bytesOf(legacy('002-city-report.doc')));
    const si = Buffer.from(new CompoundFile(bytes).stream('\u0005SummaryInformation')!);
    const patch = (pos: number, value: number): void => {
      // The stream sits in 64-byte mini sectors; find the one holding `pos` in the file.
      const chunk = si.subarray(pos - (pos % 64), pos - (pos % 64) + 64);
      const at = bytes.indexOf(chunk);
      expect(at).toBeGreaterThan(0);
      bytes.writeUInt32LE(value, at + (pos % 64));
      si.writeUInt32LE(value, pos);
    };
    // LibreOffice writes no page count: turn property 10 (edit time) into 14 (page count) = 7.
    const section = si.readUInt32LE(44);
    const count = si.readUInt32LE(section + 4);
    const index = [...Array(count).keys()].find((i) => si.readUInt32LE(section + 8 + i * 8) === 10)!;
    const valueAt = section + si.readUInt32LE(section + 12 + index * 8);
    patch(section + 8 + index * 8, 14);
    patch(valueAt, 3);
    patch(valueAt + 4, 7);
    const result = await readDoc(new Uint8Array(bytes), 'saved.doc', OPTIONS);
    expect(result.pages).toBeUndefined();
    expect(result.layout).toEqual({ format: 'doc-layout', savedByProgram: 7 });
    // Unpatched, LibreOffice's file records none.
    expect((await readDoc(bytesOf(legacy('002-city-report.doc')), 'x.doc', OPTIONS)).layout).toBeUndefined();
  });

  it('a password-protected .doc says so (doc-encrypted)', async () => {
    const bytes = bytesOf(legacy('encrypted.doc'));
    const error = await readError(readDocumentBytes(bytes, 'encrypted.doc', OPTIONS));
    expect(error.code).toBe('doc-encrypted');
    expect(error.zh).toMatch(/密码/);
  });

  it('the fEncrypted bit alone is enough (FIB flags 0x0A, bit 8)', async () => {
    const bytes = Buffer.from(bytesOf(legacy('000-moj-jianfu.doc')));
    const word = new CompoundFile(bytes).stream('WordDocument')!;
    const at = bytes.indexOf(Buffer.from(word.subarray(0, 64)));
    bytes.writeUInt16LE(bytes.readUInt16LE(at + 0x0a) | 0x0100, at + 0x0a);
    expect((await readError(readDoc(new Uint8Array(bytes), 'x.doc', OPTIONS))).code).toBe('doc-encrypted');
  });

  it('Word 6.0/95 files and a foreign FIB are named for what they are', async () => {
    const base = Buffer.from(bytesOf(legacy('000-moj-jianfu.doc')));
    const at = base.indexOf(Buffer.from(new CompoundFile(base).stream('WordDocument')!.subarray(0, 64)));
    const old = Buffer.from(base);
    old.writeUInt16LE(0xa5dc, at);
    expect((await readError(readDoc(new Uint8Array(old), 'x.doc', OPTIONS))).code).toBe('doc-old-format');
    const foreign = Buffer.from(base);
    foreign.writeUInt16LE(0x1234, at);
    expect((await readError(readDoc(new Uint8Array(foreign), 'x.doc', OPTIONS))).code).toBe('doc-not-word');
  });

  it('a password-protected .docx (an OLE file holding EncryptedPackage) says so, under any Word name', async () => {
    const bytes = Buffer.from(bytesOf(legacy('000-moj-jianfu.doc')));
    const at = bytes.indexOf(Buffer.from('WordDocument', 'utf16le'));
    bytes.fill(0, at, at + 64);
    bytes.write('EncryptedPackage', at, 'utf16le');
    bytes.writeUInt16LE(('EncryptedPackage'.length + 1) * 2, at + 64);
    for (const name of ['x.doc', 'x.docx', 'x.wps']) {
      expect((await readError(readDocumentBytes(new Uint8Array(bytes), name, OPTIONS))).code).toBe('docx-encrypted');
    }
  });

  it('an OLE file without a WordDocument stream is "not a Word document"', async () => {
    const bytes = Buffer.from(bytesOf(legacy('000-moj-jianfu.doc')));
    const name = Buffer.from('WordDocument', 'utf16le');
    bytes.set(Buffer.from('WordDocumenX', 'utf16le'), bytes.indexOf(name));
    const error = await readError(readDocumentBytes(new Uint8Array(bytes), 'x.doc', OPTIONS));
    expect(error.code).toBe('doc-not-word');
    expect(error.en).toMatch(/not a Word document/);
  });

  it('truncated .doc files: a ReadError each, at every length', async () => {
    const full = bytesOf(legacy('002-city-report.doc'));
    for (const length of [10, 511, 512, 1500, 4096, 8192, 12000, full.length / 2, full.length - 600, full.length - 1]) {
      const error = await readError(readDoc(full.subarray(0, Math.floor(length)), 'x.doc', OPTIONS));
      expect(['doc-corrupt', 'doc-not-word']).toContain(error.code);
    }
    const truncated = await session.lintBytes(full.subarray(0, full.length / 2), 'x.doc');
    expect(truncated.fatal).toBe(true);
    expect(truncated.messages).toHaveLength(1);
    expect(truncated.messages[0]!.message).toMatch(/^文件已损坏/);
  });

  it('a FAT chain that loops and a directory that loops are damage, not a hang', async () => {
    const base = Buffer.from(bytesOf(legacy('000-moj-jianfu.doc')));
    const fatAt = (base.readInt32LE(0x4c) + 1) * 512;
    const dirStart = base.readInt32LE(0x30);
    const loop = Buffer.from(base);
    loop.writeInt32LE(0, fatAt + dirStart * 4);
    loop.writeInt32LE(dirStart, fatAt);
    expect((await readError(readDoc(new Uint8Array(loop), 'x.doc', OPTIONS))).code).toBe('doc-corrupt');

    const tree = Buffer.from(base);
    const rootEntry = (dirStart + 1) * 512;
    const child = tree.readInt32LE(rootEntry + 76);
    tree.writeInt32LE(child, (dirStart + 1) * 512 + child * 128 + 68); // the child is its own left sibling
    expect((await readError(readDoc(new Uint8Array(tree), 'x.doc', OPTIONS))).code).toBe('doc-corrupt');
  });

  it('damaged bytes anywhere: a result or a ReadError, never another exception', async () => {
    const base = bytesOf(legacy('003-news.doc'));
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 60; round++) {
      const bytes = new Uint8Array(base);
      for (let k = 0; k < 4; k++) bytes[random(bytes.length)] = random(256);
      try {
        await readDoc(bytes, 'x.doc', OPTIONS);
      } catch (error) {
        expect(error).toBeInstanceOf(ReadError);
      }
    }
  });
});

describe('.ofd (GB/T 33190)', () => {
  for (const entry of manifest) {
    it(`${entry.file}: exact page count and the same findings as ${entry.source}`, async () => {
      const [text, fixed] = await lint(entry.source, `fixtures/ofd/${entry.file}`);
      expect(fixed!.format).toBe('ofd');
      expect(fixed!.pages).toMatchObject({ count: entry.pages, method: 'pdf', exact: true });
      // Spaces next to CJK text are layout to a fixed-layout reader (tidySpaces), so a finding after
      // one such space sits a column earlier; rule, line and matched text (spaces aside) are the same.
      expect(findings(fixed!, false)).toEqual(findings(text!, false));
      expect(fixed!.document!.paragraphs.map((p) => p.text.replace(/ /g, ''))).toEqual(text!.document!.paragraphs.map((p) => p.text.replace(/ /g, '')));
      expect(fixed!.document!.title).toBe(text!.document!.title);
      expect(fixed!.document!.paragraphs[0]!.kind).toBe('title');
    });
  }

  it('002-city-report.ofd: ten pages, title from the 22 pt centred lines, headings, page numbers dropped', async () => {
    const result = await readOfd(bytesOf(ofd('002-city-report.ofd')), 'x.ofd', OPTIONS);
    expect(result.pages).toMatchObject({ count: 10, exact: true });
    expect(result.title).toBe('关于2023年整治形式主义为基层减负工作情况的报告');
    expect(result.paragraphs[0]).toMatchObject({ kind: 'title', page: 1, style: { fontSizePt: 22, alignment: 'center' } });
    expect(result.paragraphs.find((p) => p.text.startsWith('一、'))).toMatchObject({ kind: 'heading', level: 1 });
    expect(result.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/—\s*\d+\s*—/);
    const pages = result.paragraphs.map((p) => p.page!);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages.at(-1)).toBeGreaterThanOrEqual(9);
  });

  it('one-page-notice.ofd: the title from DocInfo, no namespace prefix, X inherited, a TextCode over two lines', async () => {
    const result = await readOfd(bytesOf(ofd('one-page-notice.ofd')), 'x.ofd', OPTIONS);
    const source = readFileSync(ofd('one-page-notice.txt'), 'utf8').trimEnd().split('\n');
    expect(result.pages).toMatchObject({ count: 1, method: 'pdf', exact: true });
    expect(result.title).toBe(source[0]);
    expect(result.paragraphs[0]).toMatchObject({ kind: 'title' });
    expect(result.paragraphs.map((p) => p.text)).toEqual(source);
    expect(result.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['一、压实防汛责任', '二、加强隐患排查', '三、做好应急准备']);
  });

  it('draws a page\'s template text with it (CommonData/TemplatePage, Page/Template); a missing template is damage', async () => {
    const withTemplate = (templatePart: boolean) =>
      entriesOf(ofd('one-page-notice.ofd'))
        .map((e) => {
          const text = Buffer.from(e.data).toString('utf8');
          if (e.name === 'Doc_0/Document.xml') return { ...e, data: text.replace('<PublicRes>', '<TemplatePage ID="900" BaseLoc="Tpls/Tpl_0/Content.xml"/><PublicRes>') };
          if (e.name.endsWith('Page_0/Content.xml')) return { ...e, data: text.replace('<Content>', '<Template TemplateID="900" ZOrder="Background"/><Content>') };
          return e;
        })
        .concat(
          templatePart
            ? [{ name: 'Doc_0/Tpls/Tpl_0/Content.xml', data: Buffer.from('<Page xmlns="http://www.ofdspec.org/2016"><Content><Layer ID="1"><TextObject ID="901" Boundary="28 20 60 8" Size="4.2"><TextCode X="0" Y="5">内部资料 注意保存</TextCode></TextObject></Layer></Content></Page>') }]
            : [],
        );
    const result = await readOfd(makeZip(withTemplate(true)), 'x.ofd', OPTIONS);
    expect(result.paragraphs[0]!.text).toBe('内部资料注意保存');
    expect(result.paragraphs[1]).toMatchObject({ kind: 'title', text: '关于做好2024年汛期安全防范工作的通知' });
    const missing = await readError(readOfd(makeZip(withTemplate(false)), 'x.ofd', OPTIONS));
    expect(missing.code).toBe('ofd-missing-part');
    expect(missing.en).toMatch(/Doc_0\/Tpls\/Tpl_0\/Content\.xml is missing/);
  });

  it('expands "g" runs in DeltaX, capped by the glyphs, carried on with the last value', () => {
    expect(expandDeltas('g 5 3.5', 5)).toEqual([3.5, 3.5, 3.5, 3.5, 3.5]);
    expect(expandDeltas('1 g 2 2.5 4', 4)).toEqual([1, 2.5, 2.5, 4]);
    expect(expandDeltas('g 1000000000 1', 3)).toEqual([1, 1, 1]);
    expect(expandDeltas('2', 3)).toEqual([2, 2, 2]);
    expect(expandDeltas(undefined, 3)).toBeUndefined();
  });

  it('sniffs an OFD by its OFD.xml; a .docx named .ofd (and the other way round) says what it really is', async () => {
    expect(sniff(bytesOf(ofd('000-moj-jianfu.ofd')))).toBe('ofd');
    const docxAsOfd = await readError(readDocumentBytes(bytesOf(join(root, 'fixtures/seeds/000-moj-jianfu.docx')), 'x.ofd', OPTIONS));
    expect(docxAsOfd.code).toBe('format-mismatch');
    expect(docxAsOfd.zh).toBe('扩展名是 .ofd，但内容是 Word 文档（.docx）');
    const ofdAsDocx = await readError(readDocumentBytes(bytesOf(ofd('000-moj-jianfu.ofd')), 'x.docx', OPTIONS));
    expect(ofdAsDocx.zh).toMatch(/内容是 OFD 版式文档/);
    // Without a known extension (stdin), the content decides.
    expect((await readDocumentBytes(bytesOf(ofd('one-page-notice.ofd')), 'draft', OPTIONS)).format).toBe('ofd');
  });

  it('truncated .ofd files: a ReadError each', async () => {
    const full = bytesOf(ofd('002-city-report.ofd'));
    for (const length of [4, 100, 2000, full.length / 2, full.length - 30]) {
      const error = await readError(readDocumentBytes(full.subarray(0, Math.floor(length)), 'x.ofd', OPTIONS));
      expect(error.code).toMatch(/^(zip-corrupt|ofd-)/);
    }
  });

  it('an .ofd without OFD.xml, or with a page part missing', async () => {
    const entries = entriesOf(ofd('one-page-notice.ofd'));
    const noEntry = await readError(readDocumentBytes(makeZip(entries.filter((e) => e.name !== 'OFD.xml')), 'x.ofd', OPTIONS));
    expect(noEntry.code).toBe('ofd-missing-part');
    expect(noEntry.zh).toBe('不是有效的 OFD 文件：缺少入口文件 OFD.xml');
    const noPage = await readError(readOfd(makeZip(entries.filter((e) => !e.name.endsWith('Content.xml'))), 'x.ofd', OPTIONS));
    expect(noPage.code).toBe('ofd-missing-part');
    expect(noPage.en).toBe('damaged file: Doc_0/Pages/Page_0/Content.xml is missing (Doc_0/Document.xml points to it)');
  });

  it('a malformed Content.xml is xml-malformed, naming the part', async () => {
    const entries = entriesOf(ofd('one-page-notice.ofd')).map((e) =>
      e.name.endsWith('Content.xml') ? { name: e.name, data: Buffer.from(e.data).subarray(0, 500) } : e,
    );
    const error = await readError(readOfd(makeZip(entries), 'x.ofd', OPTIONS));
    expect(error.code).toBe('xml-malformed');
    expect(error.en).toMatch(/Doc_0\/Pages\/Page_0\/Content\.xml is not well-formed XML/);
  });

  it('a zip bomb is refused (zip-bomb), whether its sizes tell the truth or not', async () => {
    const entries = entriesOf(ofd('one-page-notice.ofd'));
    const padded = (e: { name: string; data: Uint8Array }) =>
      e.name.endsWith('Content.xml') ? { name: e.name, data: Buffer.concat([Buffer.from(e.data), Buffer.alloc(8 * 1024 * 1024, 0x20)]) } : e;
    const small = { maxInflatedBytes: 1024 * 1024 };
    expect((await readError(readDocumentBytes(makeZip(entries.map(padded)), 'x.ofd', small))).code).toBe('zip-bomb');
    const lying = entries.map(padded).map((e) => (e.name.endsWith('Content.xml') ? { ...e, declaredSize: 1000 } : e));
    expect((await readError(readDocumentBytes(makeZip(lying), 'x.ofd', small))).code).toBe('zip-bomb');
  });

  it('every damaged .ofd through the engine is one line, never a crash', async () => {
    const entries = entriesOf(ofd('one-page-notice.ofd'));
    const broken = makeZip(entries.filter((e) => e.name !== 'Doc_0/Document.xml'));
    const result = await session.lintBytes(broken, 'x.ofd');
    expect(result.fatal).toBe(true);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]!.message).toBe('文件已损坏：缺少 Doc_0/Document.xml（OFD.xml 指向它）');
  });
});

describe('reading results', () => {
  it('ReadResult shapes: .doc has no pages of its own, .ofd has them', async () => {
    const doc: ReadResult = await readDoc(bytesOf(legacy('000-moj-jianfu.doc')), 'x.doc', OPTIONS);
    expect(doc.pages).toBeUndefined();
    expect(doc.hasText).toBe(true);
    const fixed: ReadResult = await readOfd(bytesOf(ofd('000-moj-jianfu.ofd')), 'x.ofd', OPTIONS);
    expect(fixed.pages?.count).toBe(6);
    expect(fixed.warnings).toEqual([]);
  });
});
