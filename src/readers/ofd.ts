// The .ofd reader (GB/T 33190-2016, the fixed-layout format of Chinese e-government): the zip
// package read with the .docx reader's capped zip reader, the text of each page placed from its
// TextCode positions, and the lines re-joined into paragraphs by the PDF reader's layout code.
import { DEFAULT_LIMITS, LimitError, limitMessages, type LintLimits } from '../engine/limits.js';
import type { ReadWarning } from '../document/model.js';
import { ZipArchive } from './docx/zip.js';
import { readPageContent, keepPageText, PT_PER_MM, type PageContent } from './ofd/content.js';
import { ofdErrors } from './ofd/errors.js';
import { readOfdDocument, type OfdDocument } from './ofd/package.js';
import { readPart } from './ofd/xml.js';
import { layoutParagraphs, type PageText } from './pdf/layout.js';
import { ReadError, type RawParagraph, type ReadResult, type Reader } from './types.js';

/** A4 portrait, the page of almost every 公文, for a page that states no box. */
const A4_MM = [0, 0, 210, 297];

const NO_TEXT_WARNING: ReadWarning = {
  code: 'ofd-no-text',
  message: {
    zh: '此 OFD 没有文字（可能是扫描件），只统计了页数，文字规则未运行；识别扫描件（OCR）不在本工具范围内',
    en: 'this OFD has no text (a scan?): only its pages were counted and no text rule ran; OCR is outside this tool',
  },
};

function openZip(bytes: Uint8Array, maxInflatedBytes: number, maxPartBytes: number): ZipArchive {
  try {
    return new ZipArchive(bytes, maxInflatedBytes, maxPartBytes);
  } catch (error) {
    // The zip reader words "not a zip" for .docx; everything else it says names no format.
    if (error instanceof ReadError && error.code === 'not-docx') throw ofdErrors.notZip();
    throw error;
  }
}

/** Each page's text runs (templates under and over the page's own content) and its height. */
function readPages(zip: ZipArchive, doc: OfdDocument, limits: LintLimits): PageText[] {
  // Templates are shared: a page list that repeats a big one multiplies its text. Counted as placed.
  let placed = 0;
  const place = (n: number): void => {
    placed += n;
    if (placed > limits.maxOfdObjects) throw new LimitError('maxOfdObjects', limitMessages.ofdObjects(limits.maxOfdObjects));
  };
  const templateCache = new Map<string, PageContent>();
  const template = (id: string): PageContent | undefined => {
    const part = doc.templates.get(id);
    if (part === undefined) return undefined;
    let content = templateCache.get(part);
    if (!content) {
      content = readPageContent(readPart(zip, part, doc.root, keepPageText));
      templateCache.set(part, content);
    }
    return content;
  };
  return doc.pages.map((ref) => {
    const page = readPageContent(readPart(zip, ref.content, doc.root, keepPageText));
    place(page.items.length);
    const under: PageText['items'] = [];
    const over: PageText['items'] = [];
    for (const tpl of page.templates) {
      const content = template(tpl.id);
      if (!content) continue;
      place(content.items.length);
      const into = tpl.foreground ? over : under;
      for (const item of content.items) into.push(item);
    }
    const box = page.box ?? doc.pageBox ?? A4_MM;
    const items = under;
    for (const item of page.items) items.push(item);
    for (const item of over) items.push(item);
    return { height: box[3]! * PT_PER_MM, items };
  });
}

const compact = (text: string): string => text.replace(/[\s\u3000]/g, '');

/**
 * Marks the paragraphs that spell DocInfo's title (one, or a title wrapped over several centred
 * lines) among the first few, when the layout found no title of its own. True when found.
 */
function markDocInfoTitle(paragraphs: RawParagraph[], title: string): boolean {
  const want = compact(title);
  if (want === '') return false;
  for (let i = 0; i < Math.min(paragraphs.length, 8); i++) {
    let have = '';
    for (let j = i; j < paragraphs.length && want.startsWith(have); j++) {
      have += compact(paragraphs[j]!.text);
      if (have === want) {
        for (let k = i; k <= j; k++) {
          paragraphs[k]!.kind = 'title';
          delete paragraphs[k]!.level;
        }
        return true;
      }
      if (!want.startsWith(have)) break;
    }
  }
  return false;
}

/** A producer's DocInfo title that is only a file name ("报告.docx", "Microsoft Word - 报告") says nothing. */
function usableTitle(title: string | undefined): string | undefined {
  if (title === undefined) return undefined;
  const trimmed = title.trim();
  if (trimmed === '' || /\.(docx?|wps|wpt|pdf|ofd|txt|rtf)$/i.test(trimmed) || /^Microsoft Word\s*-/i.test(trimmed)) return undefined;
  return trimmed;
}

export const readOfd: Reader = async (bytes, _path, options) => {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const zip = openZip(bytes, options.maxInflatedBytes, limits.maxPartBytes);
  const doc = readOfdDocument(zip);
  const pages = readPages(zip, doc, limits);
  const layout = layoutParagraphs(pages);

  const result: ReadResult = {
    format: 'ofd',
    paragraphs: layout.paragraphs,
    // The page list is the document's pages: exact. PageMethod has no name of its own for a
    // fixed-layout file other than PDF; 'pdf' means "the file's own pages" to every consumer.
    pages: { count: doc.pages.length, method: 'pdf', exact: true },
    warnings: [],
    hasText: layout.paragraphs.length > 0,
  };
  if (layout.lastPageFill !== undefined) result.pages!.lastPageFill = layout.lastPageFill;
  // The title as laid out on page 1 (2号, centred) is what the reader sees; DocInfo's title is
  // used when the layout shows none, and only if it is not a file name.
  const docInfoTitle = usableTitle(doc.title);
  if (layout.title !== undefined) result.title = layout.title;
  else if (docInfoTitle !== undefined) {
    result.title = docInfoTitle;
    markDocInfoTitle(result.paragraphs, docInfoTitle);
  }
  if (!result.hasText) result.warnings.push(NO_TEXT_WARNING);
  return result;
};
