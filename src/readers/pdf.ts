// The .pdf reader: pdf-parse 2.x (pdf.js) for the text runs and their positions, layout.ts to
// re-join them into paragraphs. pdf.js is loaded on the first PDF only, and only once.
import { layoutParagraphs, plainParagraphs, type LayoutResult, type PageText, type TextItem } from './pdf/layout.js';
import { ReadError, type ReadResult, type Reader } from './types.js';
import { DEFAULT_LIMITS, LimitError } from '../engine/limits.js';
import { platform } from '../platform/index.js';
import type { OpenedPdf, PdfDocumentProxy, PdfEngine, PdfPageProxy, PdfTextContentItem } from '../platform/types.js';

const errors = {
  encrypted: (cause: unknown) =>
    new ReadError(
      'pdf-encrypted',
      {
        zh: '文件设有打开密码，无法读取；请先取消密码',
        en: 'the PDF is password-protected; remove the open password first',
      },
      { cause },
    ),
  corrupt: (cause: unknown) =>
    new ReadError(
      'pdf-corrupt',
      { zh: '文件已损坏：PDF 结构不完整', en: 'damaged file: the PDF structure is incomplete' },
      { cause },
    ),
  unavailable: (cause: unknown) =>
    new ReadError(
      'pdf-reader-unavailable',
      {
        zh: '无法读取 PDF：PDF 组件（pdf-parse）未能加载',
        en: 'cannot read PDF: the PDF component (pdf-parse) failed to load',
      },
      { cause },
    ),
};

const NO_TEXT_WARNING = {
  code: 'pdf-no-text',
  message: {
    zh: '此 PDF 没有文字层（可能是扫描件），只统计了页数，文字规则未运行；识别扫描件（OCR）不在本工具范围内',
    en: 'this PDF has no text layer (a scan?): only its pages were counted and no text rule ran; OCR is outside this tool',
  },
};

/** Maps whatever pdf.js threw to a ReadError; the original stays as `cause`, never printed. */
function toReadError(error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return errors.encrypted(error);
  return errors.corrupt(error);
}

/** The page count a PDF records is not to be trusted when it is not a whole number ≥ 1 (/Count -5). */
const plausibleCount = (n: number): boolean => Number.isInteger(n) && n >= 1;

export const readPdf: Reader = async (bytes, _path, options) => {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let engine: PdfEngine;
  try {
    engine = await platform.pdf();
  } catch (error) {
    throw errors.unavailable(error);
  }

  let extracted: { count: number; recorded?: number; layout: LayoutResult | undefined; pages: PageText[] };
  let opened: OpenedPdf | undefined;
  try {
    // Opening throws for a password or a damaged file.
    opened = await engine.open(bytes);
    const doc = opened.doc;
    if (!doc) extracted = { count: opened.total, layout: plainParagraphs(await opened.plainPages()), pages: [] };
    else if (plausibleCount(doc.numPages)) {
      // Every page is counted; text is taken from the first maxPdfPages (a strict trial hands a longer one to a worker).
      if (doc.numPages > limits.maxPdfPages && options.strict) throw new LimitError('maxPdfPages', { zh: `PDF 超过 ${limits.maxPdfPages} 页`, en: `a PDF of more than ${limits.maxPdfPages} pages` });
      extracted = { count: doc.numPages, layout: undefined, pages: await readPages(doc, Math.min(doc.numPages, limits.maxPdfPages)) };
    } else {
      // A damaged page count: the pages that can be opened, one by one, up to the cap.
      const pages = await readPagesUntilMissing(doc, limits.maxPdfPages);
      if (pages.length === 0) throw new ReadError('pdf-corrupt', { zh: `文件已损坏：PDF 记录的页数（${doc.numPages}）无效，也打不开第 1 页`, en: `damaged file: the PDF records an impossible page count (${doc.numPages}) and its first page does not open` });
      extracted = { count: pages.length, recorded: doc.numPages, layout: undefined, pages };
    }
  } catch (error) {
    throw toReadError(error);
  } finally {
    // Frees the document and its (fake) worker, so the CLI exits promptly.
    await opened?.destroy().catch(() => undefined);
  }

  // Outside the try: a fault in our own layout code is a bug to see, not a "damaged file".
  const layout = extracted.layout ?? layoutParagraphs(extracted.pages);
  const result: ReadResult = {
    format: 'pdf',
    paragraphs: layout.paragraphs,
    pages: { count: extracted.count, method: 'pdf', exact: extracted.recorded === undefined },
    warnings: [],
    hasText: layout.paragraphs.length > 0,
  };
  if (layout.title !== undefined) result.title = layout.title;
  if (layout.lastPageFill !== undefined) result.pages!.lastPageFill = layout.lastPageFill;
  if (!result.hasText) result.warnings.push(NO_TEXT_WARNING);
  if (extracted.recorded !== undefined) {
    result.warnings.push({ code: 'pdf-page-count-damaged', message: { zh: `PDF 记录的页数（${extracted.recorded}）无效，按能打开的 ${extracted.count} 页计`, en: `the PDF records an impossible page count (${extracted.recorded}); counted the ${extracted.count} page(s) that open` } });
  } else if (extracted.layout === undefined && extracted.pages.length < extracted.count) {
    result.warnings.push({ code: 'pdf-pages-capped', message: { zh: `共 ${extracted.count} 页，只检查了前 ${extracted.pages.length} 页的文字（可用 --limit pdf-pages=… 放宽）`, en: `${extracted.count} pages; the text of the first ${extracted.pages.length} was checked (raise it with --limit pdf-pages=…)` } });
  }
  return result;
};

/** Pages 1, 2, … until one is missing (or the cap): for a PDF whose recorded count is damaged. */
async function readPagesUntilMissing(doc: PdfDocumentProxy, cap: number): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let n = 1; n <= cap; n++) {
    let page: PdfPageProxy;
    try {
      page = await doc.getPage(n);
    } catch {
      break;
    }
    pages.push(await pageText(page));
  }
  return pages;
}

async function readPages(doc: PdfDocumentProxy, upTo: number): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let n = 1; n <= upTo; n++) pages.push(await pageText(await doc.getPage(n)));
  return pages;
}

async function pageText(page: PdfPageProxy): Promise<PageText> {
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    for (const raw of content.items) {
      const item = toTextItem(raw, viewport.transform);
      if (item) items.push(item);
    }
    return { height: viewport.height, items };
  } finally {
    page.cleanup();
  }
}

/** A pdf.js text run in top-down viewport space; undefined for runs that are not horizontal text. */
function toTextItem(raw: PdfTextContentItem, view: number[]): TextItem | undefined {
  const t = raw.transform;
  if (typeof raw.str !== 'string' || raw.str === '' || !t || t.length < 6 || raw.dir === 'ttb') return undefined;
  const [va = 1, vb = 0, vc = 0, vd = 1, ve = 0, vf = 0] = view;
  const [ta = 0, tb = 0, tc = 0, td = 0, te = 0, tf = 0] = t;
  // The run's matrix in viewport space (viewport × text), as pdf.js's Util.transform does.
  const a = va * ta + vc * tb;
  const b = vb * ta + vd * tb;
  const c = va * tc + vc * td;
  const d = vb * tc + vd * td;
  const x = va * te + vc * tf + ve;
  const y = vb * te + vd * tf + vf;
  const size = Math.hypot(c, d);
  // Rotated runs (diagonal watermarks, vertical stamps) are not part of the text flow.
  if (size <= 0 || a <= 0 || Math.abs(b) > 0.05 * a || Math.abs(c) > 0.05 * size) return undefined;
  return { str: raw.str, x, y, width: raw.width ?? 0, size };
}
