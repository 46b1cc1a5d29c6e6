import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { describe, expect, it, vi } from 'vitest';
import { platform } from '../../src/platform/index.js';
import type { DocxLayoutFacts, ParagraphBlock, TableBlock } from '../../src/readers/docx/index.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { crc32, crc32Table } from '../../src/readers/docx/crc32.js';
import { formatNumber } from '../../src/readers/docx/number-format.js';
import { ZipArchive } from '../../src/readers/docx/zip.js';
import { ReadError, type ReadResult } from '../../src/readers/types.js';
import { writeZip as makeZip, type ZipPart as ZipInput } from '../../src/zip/write.js';
import { makeDocx } from '../helpers/minimal-docx.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CALIBRATION = path.resolve(ROOT, '../shared/calibration');
const FIXTURES = path.join(ROOT, 'fixtures');
const OPTIONS = { maxInflatedBytes: 64 * 1024 * 1024 };
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.toLowerCase().endsWith('.docx'))
    .map((f) => path.join(dir, f))
    .sort();
}

const calibrationFiles = docxFiles(CALIBRATION);
// The real Word/WPS files live beside the repository (../shared); a clone on its own skips these tests.
const HAS_CALIBRATION = existsSync(CALIBRATION);
if (!HAS_CALIBRATION) console.log(`skipping the tests on real Word/WPS files: ${CALIBRATION} is absent (it sits beside the repository, not in it)`);
const itReal = it.skipIf(!HAS_CALIBRATION);
const fixtureFiles = docxFiles(FIXTURES);

async function read(file: string): Promise<ReadResult> {
  return readDocx(new Uint8Array(readFileSync(file)), file, OPTIONS);
}

function layoutOf(r: ReadResult): DocxLayoutFacts {
  return r.layout as DocxLayoutFacts;
}

/** Every paragraph block, depth first (table cells and text boxes included). */
function allParagraphBlocks(blocks: DocxLayoutFacts['blocks']): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      out.push(b);
      out.push(...allParagraphBlocks(b.textBoxes));
    } else {
      for (const row of b.rows) for (const cell of row.cells) out.push(...allParagraphBlocks(cell.blocks));
    }
  }
  return out;
}

async function expectReadError(promise: Promise<unknown>, code?: string): Promise<ReadError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected a ReadError').toBeInstanceOf(ReadError);
  const err = caught as ReadError;
  if (code !== undefined) expect(err.code).toBe(code);
  // One line each, Chinese and English.
  expect(err.zh).not.toMatch(/\n/);
  expect(err.en).not.toMatch(/\n/);
  expect(err.zh.length).toBeGreaterThan(0);
  return err;
}

const para = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const run = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const part = (name: string, rootXml: string): ZipInput => ({ name, data: `<?xml version="1.0" encoding="UTF-8"?>${rootXml}` });

describe('docx reader: text matches mammoth', () => {
  itReal('finds the calibration files', () => {
    expect(calibrationFiles.length).toBeGreaterThanOrEqual(8);
  });

  // mammoth's raw text: paragraphs joined by "\n\n", table cells and VML text boxes included, no
  // list numbers. Ours, with the generated numbering cut off, must give the same non-empty
  // paragraphs in the same order. Known, deliberate differences (none occur in these files): a
  // field nested inside another field's instruction (we show only the displayed result), w:fldSimple
  // and w:ruby base text (Word shows them, mammoth drops them), and checkbox content controls
  // (mammoth replaces their glyph with a checkbox that has no raw text).
  it.each([...calibrationFiles, ...fixtureFiles].map((f) => [path.relative(path.dirname(ROOT), f), f]))(
    '%s',
    async (_label, file) => {
      const buffer = readFileSync(file);
      let ours: ReadResult;
      try {
        ours = await readDocx(new Uint8Array(buffer), file, OPTIONS);
      } catch (err) {
        // A deliberately broken fixture: mammoth must fail on it too. (A zip bomb is not handed to
        // mammoth, which would inflate it all.)
        expect(err).toBeInstanceOf(ReadError);
        if ((err as ReadError).code === 'zip-bomb') return;
        await expect(mammoth.extractRawText({ buffer })).rejects.toThrow();
        return;
      }
      const m = await mammoth.extractRawText({ buffer });
      const expected = m.value.split('\n\n').filter((t) => t.trim() !== '');
      const texts = ours.paragraphs.map((p) => p.text.slice(p.numberingLength ?? 0)).filter((t) => t.trim() !== '');
      expect(texts).toEqual(expected);
      expect(ours.format).toBe('docx');
      expect(ours.pages).toBeUndefined();
    },
  );
});

describe('docx reader: numbering', () => {
  const fixture = path.join(FIXTURES, 'docx', 'reader-numbering.docx');

  it('generates the heading and list numbers of the LibreOffice fixture', async () => {
    expect(existsSync(fixture), 'run node scripts/make-docx-reader-fixtures.mjs').toBe(true);
    const r = await read(fixture);
    const numbered = r.paragraphs
      .filter((p) => p.numberingLength)
      .map((p) => [p.text.slice(0, p.numberingLength), p.kind, p.level ?? null]);
    expect(numbered).toEqual([
      ['一、', 'heading', 1],
      ['（一）', 'heading', 2],
      ['1.', 'heading', 3],
      ['（1）', 'heading', 4],
      ['（2）', 'heading', 4],
      ['2.', 'heading', 3],
      ['（二）', 'heading', 2],
      ['二、', 'heading', 1],
      ['（一）', 'heading', 2], // restarted under 二、
      ['1.', 'list-item', null],
      ['2.', 'list-item', null],
      ['3.', 'list-item', null],
      ['①', 'list-item', null],
      ['②', 'list-item', null],
      ['三、', 'heading', 1],
      ['（一）', 'heading', 2],
    ]);
    const first = r.paragraphs.find((p) => p.text === '一、总体要求');
    expect(first?.numberingLength).toBe(2);
    expect(r.title).toBe('关于测试自动编号的通知');
    expect(r.paragraphs[0]?.kind).toBe('title');
    // Footnotes, headers and footers are not body text.
    const all = r.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toContain('脚注文字');
    expect(all).not.toContain('页眉文字');
    expect(all).not.toContain('页脚文字');
    expect(r.paragraphs.filter((p) => p.kind === 'table-cell').map((p) => p.text)).toEqual(['单元格一', '单元格二', '单元格三', '单元格四']);
    // Two sections: A4 portrait, then A4 landscape.
    const layout = layoutOf(r);
    expect(layout.sections.map((s) => [s.pageWidth, s.pageHeight, s.orientation])).toEqual([
      [11906, 16838, 'portrait'],
      [16838, 11906, 'landscape'],
    ]);
    const withNote = allParagraphBlocks(layout.blocks).find((b) => r.paragraphs[b.index]?.text === '正文中带脚注的段落。');
    expect(withNote?.noteReferences).toBe(1);
    const numberedBlock = allParagraphBlocks(layout.blocks).find((b) => b.index === r.paragraphs.indexOf(first!));
    expect(numberedBlock?.numbering).toMatchObject({ text: '一、', suffix: 'nothing', level: 0 });
  });

  itReal('numbers WPS 公文样章 headings from numbering.xml, with restarts', async () => {
    const r = await read(path.join(CALIBRATION, 'real-wps-gongwen-yangzhang.docx'));
    const prefixes = r.paragraphs.filter((p) => p.numberingLength).map((p) => p.text.slice(0, p.numberingLength));
    expect(prefixes).toEqual([
      '一、', '（一）', '1.', '(1)', '(2)', '2.', '（二）',
      '二、', '三、', '四、', '（一）', '1.', '(1)', '(2)', '2.', '（二）',
      '五、', '六、',
    ]);
    // "一、第一层级标题。正文…" is a numbered body paragraph (outline level 9): a list item.
    const runIn = r.paragraphs.find((p) => p.text.startsWith('一、第一层级标题'));
    expect(runIn?.kind).toBe('list-item');
    // Styles named "公文标题 2/3/4" are headings of those levels.
    expect(r.paragraphs.find((p) => p.text === '（一）第二层级标题')).toMatchObject({ kind: 'heading', level: 2 });
    expect(r.title).toBe('×××关于××××××××××的通告');
    expect(r.paragraphs.filter((p) => p.kind === 'title').map((p) => p.text)).toEqual(['×××关于×××', '×××××××的通告']);
  });

  itReal('numbers the Word template 请示报告 (一、（一）1.（1）)', async () => {
    const r = await read(path.join(CALIBRATION, 'real-hsz-qingshibaogao-2023.docx'));
    const byText = (start: string) => r.paragraphs.find((p) => p.text.slice(p.numberingLength ?? 0).startsWith(start));
    expect(byText('使用方法')).toMatchObject({ text: '一、使用方法', kind: 'heading', level: 1, numberingLength: 2 });
    expect(byText('请只编写文字内容')?.text.slice(0, 3)).toBe('（一）');
    expect(byText('单一机关行文，署名单位')?.text.slice(0, 2)).toBe('1.');
    expect(byText('四级标题')?.text.slice(0, 3)).toBe('（1）');
  });

  it('formats the number styles Chinese documents use', () => {
    const f = (fmt: string, ns: number[]) => ns.map((n) => formatNumber(n, fmt));
    expect(f('chineseCounting', [1, 9, 10, 11, 20, 21, 99, 100, 101, 110])).toEqual([
      '一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十',
    ]);
    expect(f('chineseCountingThousand', [3, 10, 15, 1000, 1001])).toEqual(['三', '十', '十五', '一千', '一千零一']);
    expect(f('taiwaneseCountingThousand', [12])).toEqual(['十二']);
    expect(f('chineseLegalSimplified', [1, 10, 12])).toEqual(['壹', '壹拾', '壹拾贰']);
    expect(f('ideographDigital', [1, 10, 205])).toEqual(['一', '一〇', '二〇五']);
    expect(f('decimalEnclosedCircle', [1, 20, 21])).toEqual(['①', '⑳', '21']);
    expect(f('decimalEnclosedCircleChinese', [3])).toEqual(['③']);
    expect(f('decimalEnclosedParen', [2])).toEqual(['⑵']);
    expect(f('decimalEnclosedFullstop', [2])).toEqual(['⒉']);
    expect(f('ideographEnclosedCircle', [1])).toEqual(['㈠']);
    expect(f('ideographTraditional', [1, 10, 11])).toEqual(['甲', '癸', '甲']);
    expect(f('decimalFullWidth', [12])).toEqual(['１２']);
    expect(f('decimalZero', [7, 12])).toEqual(['07', '12']);
    expect(f('upperRoman', [4, 1999])).toEqual(['IV', 'MCMXCIX']);
    expect(f('lowerLetter', [1, 26, 27])).toEqual(['a', 'z', 'aa']);
    expect(f('none', [5])).toEqual(['']);
  });

  it('keeps counters per abstract list, restarts on startOverride and lower levels', async () => {
    const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = part(
      'word/numbering.xml',
      `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%1.%3', '<w:lvlRestart w:val="0"/><w:isLgl/>')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>`,
    );
    const np = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
    const body = [
      para(run('甲'), np(1, 0)),
      para(run('乙'), np(1, 1)),
      para(run('丙'), np(1, 2)), // isLgl: the 一 of level 1 shows as 1
      para(run('丁'), np(2, 0)), // another num of the same list: continues (二、)
      para(run('戊'), np(2, 1)), // level 2 restarted by 二、
      para(run('己'), np(1, 2)), // lvlRestart 0: never restarts (2)
      para(run('庚'), np(3, 0)), // startOverride 5
      para(run('辛'), np(3, 0)),
      para(run('无'), np(0, 0)), // numId 0: numbering off
    ].join('');
    const r = await readDocx(makeDocx(body, [numbering]), 'x.docx', OPTIONS);
    expect(r.paragraphs.map((p) => p.text)).toEqual([
      '一、甲', '（一）乙', '1.1丙', '二、丁', '（一）戊', '2.2己', '五、庚', '六、辛', '无',
    ]);
    expect(r.paragraphs.map((p) => p.kind)).toEqual([...Array(8).fill('list-item'), 'body']);
  });
});

describe('docx reader: styles, sections and layout facts', () => {
  itReal('records page size, margins and the document grid of each calibration file', async () => {
    const pages = JSON.parse(readFileSync(path.join(CALIBRATION, 'pages.json'), 'utf8')) as { file: string; wordPages: number }[];
    for (const { file, wordPages } of pages) {
      const r = await read(path.join(CALIBRATION, file));
      const layout = layoutOf(r);
      expect(layout.format).toBe('docx-layout');
      expect(layout.savedByProgram, file).toBe(wordPages);
      for (const s of layout.sections) {
        expect([s.pageWidth, s.pageHeight], file).toEqual([11906, 16838]);
        expect(s.orientation).toBe('portrait');
      }
      expect(layout.sections.at(-1)?.endBlock).toBe(layout.blocks.length);
    }
    const guanli = layoutOf(await read(path.join(CALIBRATION, 'real-hsz-guanlibanfa-2023.docx')));
    expect(guanli.sections).toHaveLength(1);
    expect(guanli.sections[0]).toMatchObject({
      start: 'nextPage',
      margins: { top: 2098, right: 1474, bottom: 1984, left: 1587, header: 850, footer: 1531, gutter: 0 },
      docGrid: { type: 'linesAndChars', linePitch: 579, charSpace: -842 },
      columns: { count: 1 },
      firstBlock: 0,
    });
    const yangzhang = layoutOf(await read(path.join(CALIBRATION, 'real-wps-gongwen-yangzhang.docx')));
    expect(yangzhang.sections[0]?.docGrid).toEqual({ type: 'linesAndChars', linePitch: 579, charSpace: -849 });
    expect(yangzhang.application).toMatch(/^WPS Office/);
    const sow = layoutOf(await read(path.join(CALIBRATION, 'real-ffgzz-sow.docx')));
    expect(sow.sections).toHaveLength(3);
    expect(sow.sections.map((s) => s.docGrid)).toEqual(Array(3).fill({ type: 'lines', linePitch: 312, charSpace: 0 }));
    expect(sow.blocks.filter((b) => b.type === 'paragraph' && b.endsSection)).toHaveLength(2);
  });

  itReal('inherits font sizes from docDefaults and the style chain (body 16 pt, title 22 pt)', async () => {
    const r = await read(path.join(CALIBRATION, 'real-hsz-guanlibanfa-2023.docx'));
    // No run in this file sets a size: everything comes from docDefaults (sz 32) and styles.
    expect(r.paragraphs[0]).toMatchObject({ kind: 'title', style: { fontSizePt: 22, alignment: 'center' } });
    const body = r.paragraphs.filter((p) => p.kind !== 'title');
    expect(body.length).toBeGreaterThan(40);
    for (const p of body) expect(p.style?.fontSizePt, p.text).toBe(16);
    expect(r.paragraphs.find((p) => p.text.startsWith('第一章'))).toMatchObject({ kind: 'heading', level: 1 });
  });

  it('resolves docDefaults → basedOn chain → character style → direct formatting', async () => {
    const styles = part(
      'word/styles.xml',
      `<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault>` +
        `<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
        `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr><w:sz w:val="32"/></w:rPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:basedOn w:val="Heading1"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>` +
        `<w:style w:type="character" w:styleId="Big"><w:name w:val="Big"/><w:rPr><w:sz w:val="44"/></w:rPr></w:style>` +
        `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
        `</w:styles>`,
    );
    const body = [
      para(run('正文正文正文')),
      para(run('标题'), '<w:pStyle w:val="Heading1"/>'),
      para(run('子标题'), '<w:pStyle w:val="Sub"/>'),
      para(run('大字', '<w:rStyle w:val="Big"/>') + run('小', '<w:sz w:val="20"/>')),
      para(run('直接', '<w:sz w:val="24"/>'), '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>'),
      para(''),
    ].join('');
    const r = await readDocx(makeDocx(body, [styles]), 'x.docx', OPTIONS);
    expect(r.paragraphs.map((p) => p.style?.fontSizePt)).toEqual([16, 16, 14, 22, 12, 16]);
    expect(r.paragraphs.map((p) => p.kind)).toEqual(['body', 'heading', 'heading', 'body', 'body', 'body']);
    expect(r.paragraphs[1]).toMatchObject({ level: 1, style: { bold: true, styleId: 'Heading1' } });
    expect(r.paragraphs[0]?.style).toMatchObject({ alignment: 'justify', indentFirstLinePt: 32, styleId: 'Normal' });
    expect(r.paragraphs[4]?.style).toMatchObject({ alignment: 'center', indentFirstLinePt: 0 });
    const blocks = layoutOf(r).blocks as ParagraphBlock[];
    expect(blocks[0]?.props).toMatchObject({ spacingAfter: 160, line: 259, lineRule: 'auto', firstLineChars: 200, indentFirstLine: 640 });
    expect(blocks[1]?.props).toMatchObject({ spacingBefore: 240, spacingAfter: 0, keepNext: true, outlineLevel: 0 });
    expect(blocks[3]?.runs).toEqual([
      { text: '大字', size: 44, eastAsian: true },
      { text: '小', size: 20, eastAsian: true },
    ]);
    expect(blocks[5]).toMatchObject({ runs: [], markSize: 32 });
    expect(layoutOf(r).settings.defaultFontSize).toBe(21);
    expect(r.title).toBeUndefined();
  });

  it('reads tables: grid, row heights, header rows, merges; nested tables are table cells too', async () => {
    const cell = (inner: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
    const nested = `<w:tbl><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid><w:tr>${cell(para(run('内层')))}</w:tr></w:tbl>`;
    const table =
      `<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="5000"/></w:tblGrid>` +
      `<w:tr><w:trPr><w:tblHeader/><w:trHeight w:val="600" w:hRule="exact"/></w:trPr>${cell(para(run('表头')), '<w:tcW w:w="8000" w:type="dxa"/><w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="400"/></w:trPr>${cell(para(run('甲')), '<w:vMerge w:val="restart"/>')}${cell(para(run('乙')) + nested + para(''))}</w:tr>` +
      `<w:tr>${cell(para(''), '<w:vMerge/>')}${cell(para(run('丙')))}</w:tr></w:tbl>`;
    const r = await readDocx(makeDocx(para(run('前')) + table + para(run('后'))), 'x.docx', OPTIONS);
    expect(r.paragraphs.map((p) => [p.text, p.kind])).toEqual([
      ['前', 'body'], ['表头', 'table-cell'], ['甲', 'table-cell'], ['乙', 'table-cell'], ['内层', 'table-cell'],
      ['', 'table-cell'], ['', 'table-cell'], ['丙', 'table-cell'], ['后', 'body'],
    ]);
    const t = layoutOf(r).blocks[1] as TableBlock;
    expect(t).toMatchObject({ type: 'table', grid: [3000, 5000], layout: 'fixed', width: { value: 8000, type: 'dxa' } });
    expect(t.rows.map((row) => [row.height, row.heightRule, row.header, row.cantSplit])).toEqual([
      [600, 'exact', true, false],
      [400, 'atLeast', false, true],
      [undefined, 'auto', false, false],
    ]);
    expect(t.rows[0]?.cells[0]).toMatchObject({ gridSpan: 2, width: { value: 8000, type: 'dxa' } });
    expect(t.rows[1]?.cells[0]?.vMerge).toBe('restart');
    expect(t.rows[2]?.cells[0]?.vMerge).toBe('continue');
    expect(t.rows[1]?.cells[1]?.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
  });

  it('records page breaks, line breaks, rendered breaks and drawings without changing the text', async () => {
    const drawing =
      `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="914400" cy="457200"/></wp:inline></w:drawing></w:r>`;
    const body =
      para(`${run('第一行')}<w:r><w:br/></w:r>${run('第二行')}<w:r><w:lastRenderedPageBreak/><w:br w:type="page"/></w:r>${run('新页')}${drawing}`) +
      para(run('后'), '<w:pageBreakBefore/><w:keepLines/><w:widowControl w:val="0"/>');
    const r = await readDocx(makeDocx(body), 'x.docx', OPTIONS);
    expect(r.paragraphs.map((p) => p.text)).toEqual(['第一行第二行新页', '后']);
    const [first, second] = layoutOf(r).blocks as ParagraphBlock[];
    expect(first?.breaks).toEqual([
      { type: 'line', offset: 3 },
      { type: 'page', offset: 6 },
    ]);
    expect(first?.lastRenderedPageBreaks).toBe(1);
    expect(first?.drawings).toEqual([{ placement: 'inline', cx: 914400, cy: 457200, offset: 8, source: 'drawingml' }]);
    expect(second?.props).toMatchObject({ pageBreakBefore: true, keepLines: true, widowControl: false });
  });

  it('splits runs into East-Asian and Latin stretches', async () => {
    const r = await readDocx(
      makeDocx(para(run('2024年“十四五”', '<w:sz w:val="32"/>') + run('“ab”', '<w:rFonts w:hint="eastAsia"/><w:sz w:val="32"/>'))),
      'x.docx',
      OPTIONS,
    );
    expect((layoutOf(r).blocks[0] as ParagraphBlock).runs).toEqual([
      { text: '2024', size: 32, eastAsian: false },
      { text: '年', size: 32, eastAsian: true },
      { text: '“', size: 32, eastAsian: false },
      { text: '十四五', size: 32, eastAsian: true },
      { text: '”', size: 32, eastAsian: false },
      { text: '“', size: 32, eastAsian: true },
      { text: 'ab', size: 32, eastAsian: false },
      { text: '”', size: 32, eastAsian: true },
    ]);
  });
});

describe('docx reader: text details', () => {
  it('keeps empty paragraphs, tabs, symbols and hyphens', async () => {
    const body =
      para(run('甲')) +
      para('') +
      para(`${run('乙')}<w:r><w:tab/><w:noBreakHyphen/><w:sym w:font="Symbol" w:char="F0B4"/></w:r>`) +
      `<w:sdt><w:sdtContent>${para(run('控件'))}</w:sdtContent></w:sdt>`;
    const r = await readDocx(makeDocx(body), 'x.docx', OPTIONS);
    expect(r.paragraphs.map((p) => p.text)).toEqual(['甲', '', '乙\t\u2011×', '控件']);
    expect(r.paragraphs[1]?.kind).toBe('body');
  });

  it('shows field results, not field instructions', async () => {
    const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = (t: string) => `<w:r><w:instrText xml:space="preserve">${t}</w:instrText></w:r>`;
    const body =
      para(`${run('第')}${fld('begin')}${instr(' PAGE ')}${fld('separate')}${run('3')}${fld('end')}${run('页')}`) +
      // A nested field inside the instruction of an IF field: only the IF's result is shown.
      para(`${fld('begin')}${instr(' IF ')}${fld('begin')}${instr(' MERGEFIELD x ')}${fld('separate')}${run('内部')}${fld('end')}${instr(' = 1 "是" "否" ')}${fld('separate')}${run('是')}${fld('end')}`) +
      para(`<w:fldSimple w:instr=" DATE ">${run('2024年8月6日')}</w:fldSimple>`);
    const r = await readDocx(makeDocx(body), 'x.docx', OPTIONS);
    expect(r.paragraphs.map((p) => p.text)).toEqual(['第3页', '是', '2024年8月6日']);
    // A damaged field that never reaches "separate" hides nothing beyond its paragraph.
    const broken = await readDocx(makeDocx(para(`${run('前')}${fld('begin')}${instr(' PAGE ')}`) + para(run('后'))), 'x.docx', OPTIONS);
    expect(broken.paragraphs.map((p) => p.text)).toEqual(['前', '后']);
  });

  it('finds the title after a red 发文机关标志 and joins a title set on two lines', async () => {
    const big = (size: number, color = '') => `<w:sz w:val="${size * 2}"/>${color ? `<w:color w:val="${color}"/>` : ''}`;
    const centred = '<w:jc w:val="center"/>';
    const body = [
      para(run('云川市人民政府办公室文件', big(36, 'FF0000')), centred),
      para(run('云政办发〔2024〕5号', big(16)), centred),
      para(''),
      para(run('云川市人民政府办公室关于开展', big(22)), centred),
      para(run('政务应用清理整合的通知', big(22)), centred),
      para(run('各县（市、区）人民政府：', big(16))),
      para(run('为减轻基层负担……', big(16)), '<w:ind w:firstLineChars="200"/>'),
    ].join('');
    const r = await readDocx(makeDocx(body), 'x.docx', OPTIONS);
    expect(r.title).toBe('云川市人民政府办公室关于开展政务应用清理整合的通知');
    expect(r.paragraphs.map((p) => p.kind)).toEqual(['body', 'body', 'body', 'title', 'title', 'body', 'body']);
    // Once the body has begun, a centred large line is not the document's title.
    const late = await readDocx(
      makeDocx(para(run('各单位：', big(16))) + para(run('正文', big(16))) + para(run('附件标题', big(22)), centred)),
      'x.docx',
      OPTIONS,
    );
    expect(late.title).toBeUndefined();
  });

  it('reads accepted text of tracked changes and warns', async () => {
    const body =
      para(`${run('保留')}<w:ins w:id="1" w:author="a">${run('插入')}</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>`) +
      // A deleted paragraph mark: its text joins the next paragraph.
      para(run('上半'), '<w:rPr><w:del w:id="3" w:author="a"/></w:rPr>') +
      para(run('下半'));
    const r = await readDocx(makeDocx(body), 'x.docx', OPTIONS);
    expect(r.paragraphs.map((p) => p.text)).toEqual(['保留插入', '上半下半']);
    expect(r.warnings.map((w) => w.code)).toContain('docx-tracked-changes');
  });

  it('takes mc:Fallback once, and puts VML text-box paragraphs after their paragraph', async () => {
    const V = 'urn:schemas-microsoft-com:vml';
    const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
    const box = (text: string) => `<w:txbxContent>${para(run(text))}</w:txbxContent>`;
    const alternate =
      `<w:r><mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="${WP}"><wp:extent cx="100" cy="200"/><wp:wrapNone/>${box('框内')}</wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape xmlns:v="${V}" style="position:absolute;width:10pt;height:20pt"><v:textbox>${box('框内')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const r = await readDocx(makeDocx(para(run('前') + alternate + run('后')) + para(run('下一段'))), 'x.docx', OPTIONS);
    expect(r.paragraphs.map((p) => p.text)).toEqual(['前后', '框内', '下一段']);
    const first = layoutOf(r).blocks[0] as ParagraphBlock;
    expect(first.drawings).toEqual([{ placement: 'anchored', cx: 100, cy: 200, wrap: 'wrapNone', offset: 1, source: 'drawingml' }]);
    expect(first.textBoxes.map((b) => (b as ParagraphBlock).index)).toEqual([1]);
    expect(layoutOf(r).blocks).toHaveLength(2);
  });

  it("reads an anchored picture's vertical position and the distances it keeps from the text", async () => {
    const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
    const picture =
      `<w:r><w:drawing><wp:anchor xmlns:wp="${WP}" distT="76200" distB="114300" distL="0" distR="0" behindDoc="0">` +
      `<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>` +
      `<wp:positionV relativeFrom="paragraph"><wp:posOffset>508000</wp:posOffset></wp:positionV>` +
      `<wp:extent cx="2540000" cy="1270000"/><wp:wrapTopAndBottom/></wp:anchor></w:drawing></w:r>`;
    const r = await readDocx(makeDocx(para(run('图') + picture)), 'x.docx', OPTIONS);
    const first = layoutOf(r).blocks[0] as ParagraphBlock;
    expect(first.drawings).toEqual([
      {
        placement: 'anchored',
        cx: 2540000,
        cy: 1270000,
        wrap: 'wrapTopAndBottom',
        positionV: { relativeFrom: 'paragraph', offset: 508000 },
        distance: { top: 76200, bottom: 114300 },
        offset: 1,
        source: 'drawingml',
      },
    ]);
  });

  itReal('reads files whose parts bind other namespace prefixes the same way', async () => {
    const file = path.join(CALIBRATION, 'real-hsz-qingshibaogao-2023.docx');
    const original = await read(file);
    // Rename the w: prefix to ns0: in every tag of document.xml and styles.xml (styles then take the full-parse path).
    const zip = new ZipArchive(new Uint8Array(readFileSync(file)), 1 << 30);
    const entries = zip.names().map((name) => {
      let data: Uint8Array | string = zip.read(name)!;
      if (name === 'word/document.xml' || name === 'word/styles.xml') {
        data = new TextDecoder()
          .decode(data)
          .replace(/<[^>]+>/g, (tag) => tag.replace(/(<\/?|\s)w:/g, '$1ns0:').replace(/xmlns:w=/, 'xmlns:ns0='));
      }
      return { name, data };
    });
    const renamed = await readDocx(makeZip(entries), file, OPTIONS);
    expect(renamed.paragraphs).toEqual(original.paragraphs);
    expect(renamed.layout).toEqual(original.layout);
    expect(renamed.title).toBe(original.title);
  });

  it('warns about a document without text', async () => {
    const r = await readDocx(makeDocx(para('') + para('')), 'x.docx', OPTIONS);
    expect(r.hasText).toBe(false);
    expect(r.paragraphs).toHaveLength(2);
    expect(r.warnings.map((w) => w.code)).toEqual(['docx-no-text']);
  });
});

describe('docx reader: damaged and hostile files', () => {
  const maxInflatedBytes = 100_000;
  const bigDocument = `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${' '.repeat(2_000_000)}</w:t></w:r></w:p></w:body></w:document>`;

  it('refuses a zip bomb that declares its size', async () => {
    const zip = makeZip([{ name: 'word/document.xml', data: bigDocument }]);
    expect(zip.length).toBeLessThan(10_000);
    await expectReadError(readDocx(zip, 'bomb.docx', { maxInflatedBytes }), 'zip-bomb');
  });

  it('refuses a zip bomb that lies about its size (inflation stops at the cap)', async () => {
    const zip = makeZip([{ name: 'word/document.xml', data: bigDocument, declaredSize: 1000 }]);
    await expectReadError(readDocx(zip, 'bomb.docx', { maxInflatedBytes }), 'zip-bomb');
  });

  it('counts the cap over all parts read, not per part', async () => {
    const styles = `<w:styles xmlns:w="${W}">${'<w:style w:styleId="x"/>'.repeat(4000)}</w:styles>`;
    const zip = makeDocx(para(run('甲')), [{ name: 'word/styles.xml', data: styles }]);
    await expectReadError(readDocx(zip, 'bomb.docx', { maxInflatedBytes: styles.length }), 'zip-bomb');
    await expect(readDocx(zip, 'ok.docx', { maxInflatedBytes: styles.length * 2 })).resolves.toMatchObject({ hasText: true });
  });

  itReal('turns any truncation into a ReadError', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(CALIBRATION, 'real-gwa-tz_1.docx')));
    const cuts = [1, 2, 30, 100, 1000, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 100, bytes.length - 22, bytes.length - 10, bytes.length - 1];
    for (const n of cuts) {
      await expectReadError(readDocx(bytes.subarray(0, n), 'cut-end.docx', OPTIONS));
      // Cut at the start: the directory's offsets no longer point at the entries.
      await expectReadError(readDocx(bytes.subarray(bytes.length - n), 'cut-start.docx', OPTIONS));
    }
    // Cut out of the middle.
    const middle = new Uint8Array([...bytes.subarray(0, 5000), ...bytes.subarray(9000)]);
    await expectReadError(readDocx(middle, 'cut-middle.docx', OPTIONS));
    await expectReadError(readDocx(new Uint8Array(0), 'empty.docx', OPTIONS), 'not-docx');
  });

  itReal('never throws anything but a ReadError on corrupted bytes', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(CALIBRATION, 'real-gwa-tz_1.docx')));
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 60; i++) {
      const copy = bytes.slice();
      for (let k = 0; k < 4; k++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      try {
        await readDocx(copy, 'noise.docx', OPTIONS);
      } catch (err) {
        expect(err).toBeInstanceOf(ReadError);
      }
    }
  });

  it('checks CRCs and compression methods', async () => {
    const good = `<w:document xmlns:w="${W}"><w:body>${para(run('甲'))}</w:body></w:document>`;
    await expectReadError(readDocx(makeZip([{ name: 'word/document.xml', data: good, declaredCrc: 1 }]), 'x', OPTIONS), 'zip-corrupt');
    const stored = makeZip([{ name: 'word/document.xml', data: good, method: 'store' }]);
    await expect(readDocx(stored, 'x', OPTIONS)).resolves.toMatchObject({ paragraphs: [{ text: '甲' }] });
    // Method 12 (bzip2) in the directory.
    const bz = stored.slice();
    const dv = new DataView(bz.buffer);
    const cd = dv.getUint32(bz.length - 6, true);
    dv.setUint16(cd + 10, 12, true);
    await expectReadError(readDocx(bz, 'x', OPTIONS), 'zip-unsupported');
    await expectReadError(readDocx(makeZip([{ name: 'other.xml', data: good }]), 'x', OPTIONS), 'docx-missing-part');
  });

  it('a fault of ours while inflating is not reported as a damaged file', async () => {
    const good = `<w:document xmlns:w="${W}"><w:body>${para(run('甲'))}</w:body></w:document>`;
    const spy = vi.spyOn(platform, 'inflateRaw').mockImplementation(() => {
      throw new TypeError('process.getBuiltinModule is not a function');
    });
    try {
      const read = readDocx(makeZip([{ name: 'word/document.xml', data: good }]), 'x', OPTIONS);
      await expect(read).rejects.toBeInstanceOf(TypeError);
      await expect(read).rejects.not.toBeInstanceOf(ReadError);
    } finally {
      spy.mockRestore();
    }
    // Bytes that are not deflate data stay a damaged file.
    const zip = makeZip([{ name: 'word/document.xml', data: good }]);
    const broken = zip.slice();
    const dv = new DataView(broken.buffer);
    const local = 30 + dv.getUint16(26, true) + dv.getUint16(28, true);
    broken.fill(0xff, local, local + 8);
    await expectReadError(readDocx(broken, 'x', OPTIONS));
  });

  it('matches Node’s CRC-32', () => {
    const data = new TextEncoder().encode('文风 wenfeng 0123456789'.repeat(50));
    expect(crc32Table(data)).toBe(crc32(data));
    expect(crc32Table(new Uint8Array(0))).toBe(0);
  });

  it('reports malformed XML naming the part', async () => {
    const zip = makeZip([{ name: 'word/document.xml', data: `<w:document xmlns:w="${W}"><w:body><w:p></w:body></w:document>` }]);
    const err = await expectReadError(readDocx(zip, 'x', OPTIONS), 'xml-malformed');
    expect(err.en).toContain('word/document.xml');
    expect(err.zh).toContain('word/document.xml');
  });

  it('refuses XML nested too deeply', async () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(200)}${para(run('深'))}${'</w:sdtContent></w:sdt>'.repeat(200)}`;
    await expectReadError(readDocx(makeDocx(deep), 'x', OPTIONS), 'xml-too-deep');
    // Within the cap, the content is read.
    const shallow = `${'<w:sdt><w:sdtContent>'.repeat(50)}${para(run('浅'))}${'</w:sdtContent></w:sdt>'.repeat(50)}`;
    await expect(readDocx(makeDocx(shallow), 'x', OPTIONS)).resolves.toMatchObject({ paragraphs: [{ text: '浅' }] });
  });

  // A minimal OLE compound file: header, one FAT sector, one directory sector.
  function ole(names: string[]): Uint8Array {
    const buf = new Uint8Array(512 * 3);
    const dv = new DataView(buf.buffer);
    buf.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    dv.setUint16(0x18, 0x3e, true);
    dv.setUint16(0x1a, 3, true);
    dv.setUint16(0x1c, 0xfffe, true);
    dv.setUint16(0x1e, 9, true);
    dv.setUint16(0x20, 6, true);
    dv.setUint32(0x2c, 1, true);
    dv.setUint32(0x30, 1, true);
    dv.setUint32(0x38, 4096, true);
    dv.setUint32(0x3c, 0xfffffffe, true);
    dv.setUint32(0x44, 0xfffffffe, true);
    for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
    const fat = 512;
    for (let i = 0; i < 128; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
    dv.setUint32(fat, 0xfffffffd, true);
    dv.setUint32(fat + 4, 0xfffffffe, true);
    names.slice(0, 4).forEach((name, i) => {
      const at = 1024 + i * 128;
      for (let c = 0; c < name.length; c++) dv.setUint16(at + c * 2, name.charCodeAt(c), true);
      dv.setUint16(at + 0x40, (name.length + 1) * 2, true);
      buf[at + 0x42] = i === 0 ? 5 : 2;
    });
    return buf;
  }

  it('recognises a password-protected .docx and a Word 97-2003 .doc', async () => {
    await expectReadError(readDocx(ole(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'x.docx', OPTIONS), 'docx-encrypted');
    const doc = await expectReadError(readDocx(ole(['Root Entry', 'WordDocument', '1Table']), 'x.docx', OPTIONS), 'not-docx-ole');
    expect(doc.en).toContain('.doc');
    // A damaged directory: the stream names are still found.
    const damaged = ole(['Root Entry', 'EncryptedPackage']);
    new DataView(damaged.buffer).setUint32(0x30, 999, true);
    await expectReadError(readDocx(damaged, 'x.docx', OPTIONS), 'docx-encrypted');
  });
});

describe('docx reader: speed', () => {
  itReal('reads a 60-page document (its paragraphs, all of them)', async () => {
    // 请示报告 (12 Word pages) with its body repeated five times: about 60 pages.
    const file = path.join(CALIBRATION, 'real-hsz-qingshibaogao-2023.docx');
    const zip = new ZipArchive(new Uint8Array(readFileSync(file)), 1 << 30);
    const entries = zip.names().map((name) => {
      let data: Uint8Array | string = zip.read(name)!;
      if (name === 'word/document.xml') {
        const s = new TextDecoder().decode(data);
        const a = s.indexOf('<w:body>') + 8;
        const b = s.lastIndexOf('<w:sectPr');
        data = s.slice(0, a) + s.slice(a, b).repeat(5) + s.slice(b);
      }
      return { name, data };
    });
    const big = makeZip(entries);
    const times: number[] = [];
    let result: ReadResult | undefined;
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      result = await readDocx(big, 'big.docx', OPTIONS);
      times.push(performance.now() - t);
    }
    const first = times[0]!;
    const median = [...times].sort((a, b) => a - b)[3]!;
    console.log(`60-page docx: first read ${first.toFixed(1)} ms, median ${median.toFixed(1)} ms, ${result!.paragraphs.length} paragraphs`);
    // Speed is measured in bench/ (a timed unit test would fail on a busy machine); this checks the read.
    expect(result!.paragraphs.length).toBeGreaterThan(700);
  });
});
