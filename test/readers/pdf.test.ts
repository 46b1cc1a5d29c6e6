import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/readers/pdf.js';
import { pdfjsAssetDirs, pdfParseLoadCount } from '../../src/platform/node-pdf.js';
import { layoutParagraphs, tidySpaces, type PageText, type TextItem } from '../../src/readers/pdf/layout.js';
import { ReadError, type ReadResult } from '../../src/readers/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(root, 'fixtures', 'pdf');
const options = { maxInflatedBytes: 64 * 1024 * 1024 };

function read(name: string): Promise<ReadResult> {
  const path = join(fixtures, name);
  return readPdf(new Uint8Array(readFileSync(path)), path, options);
}

async function readError(name: string): Promise<ReadError> {
  try {
    await read(name);
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    return error as ReadError;
  }
  throw new Error(`${name} was read without an error`);
}

/** The source paragraphs of two-pages.pdf, as the generator wrote them. */
const sourceParagraphs = readFileSync(join(fixtures, 'two-pages.txt'), 'utf8').split('\n').filter(Boolean);

describe('readPdf on LibreOffice output (two-pages.pdf)', () => {
  it('counts pages exactly', async () => {
    const result = await read('two-pages.pdf');
    expect(result.format).toBe('pdf');
    expect(result.pages).toMatchObject({ count: 2, method: 'pdf', exact: true });
    expect(pdfinfoPages(join(fixtures, 'two-pages.pdf')) ?? 2).toBe(2);
    expect(result.hasText).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('re-joins lines into the source paragraphs, CJK contiguous, page numbers dropped', async () => {
    const result = await read('two-pages.pdf');
    // Spaces LibreOffice set between CJK and Latin text are layout, not text: tidySpaces drops
    // them from the source too ("例如 GB/T 9704" → "例如GB/T 9704"); Latin words keep theirs.
    expect(result.paragraphs.map((p) => p.text)).toEqual(sourceParagraphs.map(tidySpaces));
    const all = result.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/—\s*\d+\s*—/);
    expect(all).toContain('Layout key elements of official documents of party');
    for (const p of result.paragraphs) expect(p.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
  });

  it('sets page, kind, title and font size', async () => {
    const result = await read('two-pages.pdf');
    const byText = (start: string) => result.paragraphs.find((p) => p.text.startsWith(start))!;
    expect(result.title).toBe(sourceParagraphs[0]);
    expect(result.paragraphs[0]).toMatchObject({ kind: 'title', page: 1, style: { fontSizePt: 22, alignment: 'center' } });
    expect(byText('一、严格控制')).toMatchObject({ kind: 'heading', level: 1, page: 1 });
    expect(byText('（一）政策性文件')).toMatchObject({ kind: 'heading', level: 2, page: 1 });
    expect(byText('（二）请示和报告')).toMatchObject({ kind: 'heading', level: 2, page: 2 });
    // This paragraph runs from the foot of page 1 onto page 2: it starts on page 1.
    expect(byText('部署重要工作')).toMatchObject({ kind: 'body', page: 1, style: { fontSizePt: 16, indentFirstLinePt: 32 } });
    expect(byText('部署重要工作').text.endsWith('不写空话套话。')).toBe(true);
    expect(byText('能合并召开')).toMatchObject({ kind: 'body', page: 2 });
    expect(byText('各区县人民政府')).toMatchObject({ kind: 'body', style: { indentFirstLinePt: 0 } });
    for (const p of result.paragraphs) expect(p.page).toBeGreaterThanOrEqual(1);
  });

  it('reads a PDF that has only an owner password (restrictions, no open password)', async () => {
    const result = await read('owner-only.pdf');
    expect(result.pages?.count).toBe(2);
    expect(result.paragraphs.map((p) => p.text)).toEqual(sourceParagraphs.map(tidySpaces));
  });
});

describe('readPdf on hand-written PDFs', () => {
  it('nonembedded-cjk.pdf really needs the cMaps: without cMapUrl pdf.js extracts nothing', async () => {
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(join(fixtures, 'nonembedded-cjk.pdf'))), isEvalSupported: false });
    try {
      const text = await parser.getText();
      expect(text.total).toBe(1);
      expect(text.pages.map((p) => p.text).join('').replace(/\s/g, '')).toBe('');
    } finally {
      await parser.destroy();
    }
  });

  it('extracts CJK text in a font that is not embedded (needs the cMaps)', async () => {
    const result = await read('nonembedded-cjk.pdf');
    expect(result.hasText).toBe(true);
    expect(result.pages?.count).toBe(1);
    expect(result.title).toBe('关于做好年度工作的通知');
    expect(result.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['title', '关于做好年度工作的通知'],
      ['body', '各单位要按照年度计划，认真做好各项工作，确保按时完成任务。'],
      ['body', '特此通知。'],
    ]);
  });

  it('returns the pages of a scan with no text layer, no paragraphs and a warning', async () => {
    const result = await read('scanned.pdf');
    expect(result.pages).toMatchObject({ count: 2, method: 'pdf', exact: true });
    expect(result.paragraphs).toEqual([]);
    expect(result.hasText).toBe(false);
    expect(result.warnings).toEqual([
      {
        code: 'pdf-no-text',
        message: {
          zh: '此 PDF 没有文字层（可能是扫描件），只统计了页数，文字规则未运行；识别扫描件（OCR）不在本工具范围内',
          en: expect.stringContaining('no text layer'),
        },
      },
    ]);
  });
});

describe('readPdf errors', () => {
  it('refuses a PDF with an open (user) password: pdf-encrypted', async () => {
    const error = await readError('encrypted-user.pdf');
    expect(error.code).toBe('pdf-encrypted');
    expect(error.zh).toContain('密码');
    expect(error.message).toBe(error.en);
  });

  it('reports a truncated PDF as pdf-corrupt, never an uncaught exception', async () => {
    const error = await readError('truncated.pdf');
    expect(error.code).toBe('pdf-corrupt');
    expect(error.zh).toBe('文件已损坏：PDF 结构不完整');
  });

  it('reports garbage after a PDF header as a ReadError', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body at all\n');
    await expect(readPdf(bytes, 'x.pdf', options)).rejects.toBeInstanceOf(ReadError);
  });

  it('keeps messages to one line, without a stack or a path', async () => {
    for (const name of ['encrypted-user.pdf', 'truncated.pdf']) {
      const error = await readError(name);
      for (const text of [error.zh, error.en]) {
        expect(text).not.toMatch(/\n|\bat\s|\.pdf|node_modules/);
      }
    }
  });

  it('leaves the caller’s bytes intact (pdf.js gets a copy it may detach)', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'nonembedded-cjk.pdf')));
    const length = bytes.length;
    await readPdf(bytes, 'nonembedded-cjk.pdf', options);
    expect(bytes.length).toBe(length);
    expect(bytes[0]).toBe(0x25);
  });
});

describe('pdf.js loading', () => {
  it('imports pdf-parse once per process, however many PDFs are read', async () => {
    const [a, b] = await Promise.all([read('two-pages.pdf'), read('nonembedded-cjk.pdf')]);
    const c = await read('owner-only.pdf');
    expect([a.hasText, b.hasText, c.hasText]).toEqual([true, true, true]);
    expect(pdfParseLoadCount()).toBe(1);
  });

  it('finds the cMaps and standard fonts as filesystem paths of the pdfjs-dist pdf-parse uses', () => {
    const dirs = pdfjsAssetDirs();
    expect(dirs.cMapUrl.endsWith('/')).toBe(true);
    expect(existsSync(join(dirs.cMapUrl, 'UniGB-UCS2-H.bcmap'))).toBe(true);
    expect(existsSync(join(dirs.cMapUrl, 'Adobe-GB1-UCS2.bcmap'))).toBe(true);
    expect(existsSync(join(dirs.standardFontDataUrl, 'FoxitSerif.pfb'))).toBe(true);
  });

  it('works from an esbuild bundle (built as scripts/build.mjs builds dist/), cMaps included', async () => {
    const { build } = await import('esbuild');
    const outDir = join(root, 'test-artifacts', 'pdf-bundle');
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const outfile = join(outDir, 'pdf-reader.js');
    // The options that matter, as in scripts/build.mjs: ESM chunks, pdf-parse left external.
    await build({
      entryPoints: { 'pdf-reader': join(root, 'src', 'readers', 'pdf.ts') },
      outdir: outDir,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['pdf-parse', 'typescript'],
      banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
      logLevel: 'silent',
    });
    const script = `
      import { readFileSync } from 'node:fs';
      const { readPdf } = await import(${JSON.stringify(outfile)});
      const file = ${JSON.stringify(join(fixtures, 'nonembedded-cjk.pdf'))};
      const result = await readPdf(new Uint8Array(readFileSync(file)), file, { maxInflatedBytes: 1e8 });
      console.log(JSON.stringify({ title: result.title }));
    `;
    const start = Date.now();
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: outDir, encoding: 'utf8' });
    // The process exits by itself once the read is done: destroy() leaves nothing running.
    expect(Date.now() - start).toBeLessThan(20_000);
    // The title is in a non-embedded CJK font: it reads right only when the bundle found the cMaps.
    const parsed = JSON.parse(output.trim()) as { title: string };
    expect(parsed.title).toBe('关于做好年度工作的通知');
  });
});

// ---------------------------------------------------------------------------------------------
// The re-joining rules on made-up pages (A4, GB/T 9704 block: left 79.4, right 521.6, 16 pt).

const LEFT = 79.4;
const RIGHT = 521.6;

function width(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return em * size;
}

function item(str: string, x: number, y: number, size = 16): TextItem {
  return { str, x, y, width: width(str, size), size };
}

/** A full line: starts at the left edge (or indented) and is justified to the right edge. */
function full(str: string, y: number, indent = 0): TextItem {
  const x = LEFT + indent;
  return { str, x, y, width: RIGHT - x, size: 16 };
}

function page(...items: TextItem[]): PageText {
  return { height: 841.9, items };
}

const texts = (pages: PageText[]) => layoutParagraphs(pages).paragraphs.map((p) => p.text);

describe('layoutParagraphs', () => {
  it('drops running page numbers in their usual spellings', () => {
    for (const number of ['— 3 —', '- 3 -', '—3—', '－3－', '3', '第 3 页']) {
      const result = texts([page(item('正文第一段。', LEFT + 32, 150), item(number, 280, 780, 14))]);
      expect(result, number).toEqual(['正文第一段。']);
    }
    // A page number may also sit in the header.
    expect(texts([page(item('— 2 —', 280, 60, 14), item('正文。', LEFT + 32, 150))])).toEqual(['正文。']);
  });

  it('keeps a bare number that is body text, not in a margin', () => {
    expect(texts([page(item('正文。', LEFT + 32, 150), item('3', LEFT, 400))])).toEqual(['正文。', '3']);
  });

  it('joins items on one baseline and wrapped lines without spaces between CJK', () => {
    const result = texts([
      page(
        item('为减少文山会海，', LEFT + 32, 150),
        // pdf.js often splits a line into runs, with a fake space where glyphs are spread.
        item(' ', LEFT + 32 + 128, 150),
        { str: '让基层干部把更多时间和精力用', x: LEFT + 32 + 132, y: 150.3, width: RIGHT - (LEFT + 164), size: 16 },
        item('在抓落实上。', LEFT, 179),
      ),
    ]);
    expect(result).toEqual(['为减少文山会海，让基层干部把更多时间和精力用在抓落实上。']);
  });

  it('puts back the space a wrap swallowed between Latin words, and only there', () => {
    const result = texts([
      page(
        full('引用标准 GB/T 9704-2012 Layout key elements of', 150, 32),
        full('official documents，其中2024', 179),
        item('年印发。', LEFT, 208),
      ),
    ]);
    expect(result).toEqual(['引用标准GB/T 9704-2012 Layout key elements of official documents，其中2024年印发。']);
  });

  it('starts a new paragraph at an indented line, after a short line, and after a blank line', () => {
    const result = texts([
      page(
        full('第一段第一行写满到右边。', 150, 32),
        item('第一段完。', LEFT, 179),
        item('第二段不缩进但前一行短。', LEFT, 208),
        full('第三段写满。', 237, 32),
        full('第四段缩进两字。', 266, 32),
        full('第五段在空行之后，不缩进。', 324),
      ),
    ]);
    expect(result).toEqual([
      '第一段第一行写满到右边。第一段完。',
      '第二段不缩进但前一行短。',
      '第三段写满。',
      '第四段缩进两字。',
      '第五段在空行之后，不缩进。',
    ]);
  });

  it('carries a paragraph across a page break only when the next page does not indent', () => {
    const twoPages = (indent: number) =>
      texts([
        page(full('跨页的段落', 671, 32), full('写满最后一行', 700), item('— 1 —', 280, 780, 14)),
        page(item('接着写完。', LEFT + indent, 100), item('— 2 —', 280, 780, 14)),
      ]);
    expect(twoPages(0)).toEqual(['跨页的段落写满最后一行接着写完。']);
    expect(twoPages(32)).toEqual(['跨页的段落写满最后一行', '接着写完。']);
  });

  it('takes a centred two-line title in a larger font, but not the 发文机关标志 above it', () => {
    const result = layoutParagraphs([
      page(
        // 发文机关标志: centred and large, but "…文件" is not a title.
        item('市人民政府文件', 174.5, 120, 36),
        item('市政办〔2024〕1号', 230, 180),
        // The title's first line fills the block; the second is centred.
        { str: '市人民政府办公室关于进一步精简会议文件切', x: LEFT + 1, y: 240, width: 440, size: 22 },
        item('实改进机关文风的通知', 190.5, 276, 22),
        item('各区县人民政府：', LEFT, 330),
        full('为减少文山会海，现通知如下。', 359, 32),
      ),
    ]);
    expect(result.title).toBe('市人民政府办公室关于进一步精简会议文件切实改进机关文风的通知');
    expect(result.paragraphs.map((p) => p.kind)).toEqual(['body', 'body', 'title', 'body', 'body']);
    expect(result.paragraphs[0]!.text).toBe('市人民政府文件');
  });

  it('marks short standalone 一、 and （一） lines as headings, not sentences that start so', () => {
    const result = layoutParagraphs([
      page(
        item('一、总体要求', LEFT + 32, 150),
        item('（一）严格控制发文数量', LEFT + 32, 179),
        item('(二)精简会议', LEFT + 32, 208),
        item('（三）严格控制。正文接着写。', LEFT + 32, 237),
        full('二、这一行是正文，写满了右边，不是标题', 266, 32),
        item('而是段落。', LEFT, 295),
      ),
    ]);
    expect(result.paragraphs.map((p) => [p.kind, p.level])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['heading', 2],
      ['body', undefined],
      ['body', undefined],
    ]);
  });

  it('measures how full the last page is against the fullest page', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => full(`第${i + 1}行正文写满`, 120 + i * 29));
    expect(layoutParagraphs([page(...lines(22)), page(...lines(11))]).lastPageFill).toBeCloseTo(0.5, 1);
    expect(layoutParagraphs([page(...lines(22)), page(...lines(1))]).lastPageFill).toBeCloseTo(1 / 22, 1);
    expect(layoutParagraphs([page(...lines(22))]).lastPageFill).toBeUndefined();
  });

  it('folds Kangxi radicals some producers emit back to ordinary characters', () => {
    expect(tidySpaces('\u2f2f作\u2fca')).toBe('工作黑');
  });
});

// ---------------------------------------------------------------------------------------------
// The five seed documents as LibreOffice PDFs (made by another script), when present.

const seedDir = join(root, 'fixtures', 'seeds');
const seedPdfs = existsSync(seedDir) ? readdirSync(seedDir).filter((f) => f.endsWith('.pdf')) : [];

describe.skipIf(seedPdfs.length === 0)('readPdf on the seed documents', () => {
  const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
  it.each(seedPdfs)('%s: every line of the .txt comes back as a paragraph', async (name) => {
    const path = join(seedDir, name);
    const result = await readPdf(new Uint8Array(readFileSync(path)), path, options);
    const txt = readFileSync(path.replace(/\.pdf$/, '.txt'), 'utf8');
    const paragraphs = new Set(result.paragraphs.map((p) => squeeze(p.text)));
    const missing = txt
      .split(/\r?\n/)
      .map(squeeze)
      .filter((line) => line !== '' && !paragraphs.has(line));
    expect(missing).toEqual([]);
    // No running page number leaked into the text.
    expect(result.paragraphs.filter((p) => /^[-—－\s]*\d+[-—－\s]*$/.test(p.text))).toEqual([]);
    expect(result.pages?.exact).toBe(true);
    const info = pdfinfoPages(path);
    if (info !== undefined) expect(result.pages?.count).toBe(info);
  });
});

/** poppler's page count, as a second opinion, when pdfinfo is installed. */
function pdfinfoPages(path: string): number | undefined {
  try {
    const out = execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const m = /^Pages:\s+(\d+)/m.exec(out);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
