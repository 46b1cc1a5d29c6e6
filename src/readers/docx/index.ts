// The .docx reader: OOXML read directly (own zip, saxes), so the page estimator gets the
// section, grid, spacing and table facts as well as the text.
import type { ReadWarning } from '../../document/model.js';
import type { Reader, ReadResult } from '../types.js';
import { BodyReader } from './body.js';
import { docxErrors } from './errors.js';
import { assignKinds, markTitle } from './kinds.js';
import type { DocxLayoutFacts, FooterFacts, SectionFacts } from './layout-facts.js';
import { readAppProperties, readCoreTitle, readSettings } from './metadata.js';
import { Numbering } from './numbering.js';
import { isEncryptedOle, isOle } from './ole.js';
import { findParts, relationshipTargets } from './package.js';
import { readFooter } from './footer.js';
import { readThemeFonts } from './theme.js';
import { lazyStyleSource, treeStyleSource, type StyleSource } from './style-source.js';
import { StyleSheet } from './styles.js';
import { ReadError } from '../types.js';
import { checkWellFormed, child, decodeXml, parseXml, type ParseOptions, type XmlElement } from './xml.js';
import { counter, DEFAULT_LIMITS, LimitError, limitMessages, type LintLimits } from '../../engine/limits.js';
import { ZipArchive } from './zip.js';
import { fillComments, readComments, readPersonalProperties } from './review.js';

export type * from './layout-facts.js';

/**
 * Text lives only in these elements (the runs' text, deleted text for the tracked-change facts, and anchored
 * drawings' offsets for the layout facts); dropping the rest of the whitespace keeps the tree small.
 */
const DOCUMENT_TEXT = (name: string): boolean => name === 'w:t' || name === 'w:delText' || name === 'wp:posOffset';

/**
 * A damaged styles.xml or numbering.xml does not stop the text from being checked, but it is said:
 * the styles (sizes, headings) or the list numbers fall back to Word's defaults.
 */
function damagedPart(error: unknown, warnings: ReadWarning[], what: { zh: string; en: string }): void {
  if (!(error instanceof ReadError) || error.code !== 'xml-malformed') throw error;
  warnings.push({ code: 'docx-part-damaged', message: { zh: `${error.zh}；${what.zh}`, en: `${error.en}; ${what.en}` } });
}

function optionalPart(zip: ZipArchive, path: string, warnings: ReadWarning[]): XmlElement | undefined {
  const bytes = zip.read(path);
  try {
    return bytes ? parseXml(bytes, path, { keepTextIn: () => false }) : undefined;
  } catch (error) {
    damagedPart(error, warnings, { zh: '列表编号未能生成', en: 'list numbers were not generated' });
    return undefined;
  }
}

function readStyleSource(zip: ZipArchive, path: string, warnings: ReadWarning[]): StyleSource {
  const bytes = zip.read(path);
  if (!bytes) return treeStyleSource(undefined);
  const text = decodeXml(bytes);
  try {
    // The lazy source parses only the styles in use: the whole part is checked once, so damage anywhere shows.
    checkWellFormed(text, path);
    return lazyStyleSource(text, path) ?? treeStyleSource(parseXml(text, path, { keepTextIn: () => false }));
  } catch (error) {
    damagedPart(error, warnings, { zh: '样式按默认处理，页数估算可能偏差', en: 'default styles were used; the page estimate may be off' });
    return treeStyleSource(undefined);
  }
}

/** Paragraphs, table cells and the characters of one paragraph, counted as document.xml is parsed. */
function countedWhileParsing(limits: LintLimits): Pick<ParseOptions, 'onOpen' | 'onText'> {
  const paragraph = counter(limits.maxParagraphs, 'maxParagraphs', limitMessages.paragraphs);
  const cell = counter(limits.maxTableCells, 'maxTableCells', limitMessages.tableCells);
  let chars = 0;
  let total = 0;
  return {
    onOpen: (name) => {
      if (name === 'w:p') {
        paragraph();
        chars = 0;
      } else if (name === 'w:tc') cell();
    },
    onText: (length) => {
      chars += length;
      total += length;
      if (chars > limits.maxParagraphChars) throw new LimitError('maxParagraphChars', limitMessages.paragraphChars(limits.maxParagraphChars));
      if (total > limits.maxChars) throw new LimitError('maxChars', limitMessages.chars(limits.maxChars));
    },
  };
}

/**
 * Each section's footers by type, read once per part; a section that names none of a type keeps the
 * previous section's (as Word does).
 */
function readFooters(zip: ZipArchive, documentPart: string, sections: SectionFacts[], styles: StyleSheet): void {
  if (!sections.some((s) => s.footerRefs)) return;
  const targets = relationshipTargets(zip, documentPart);
  const read = new Map<string, FooterFacts | undefined>();
  let inherited: SectionFacts['footers'] = {};
  for (const s of sections) {
    const footers: NonNullable<SectionFacts['footers']> = { ...inherited };
    for (const [type, id] of Object.entries(s.footerRefs ?? {}) as [keyof NonNullable<SectionFacts['footers']>, string][]) {
      const part = targets.get(id);
      if (part === undefined) continue;
      if (!read.has(part)) {
        const bytes = zip.read(part);
        let facts: FooterFacts | undefined;
        try {
          facts = bytes ? readFooter(parseXml(bytes, part, { keepTextIn: (n) => n === 'w:t' || n === 'w:instrText' }), part, styles) : undefined;
        } catch {
          facts = undefined; // a damaged footer: as if absent
        }
        read.set(part, facts);
      }
      const facts = read.get(part);
      if (facts) footers[type] = facts;
      else delete footers[type];
    }
    if (Object.keys(footers).length > 0) s.footers = footers;
    inherited = footers;
  }
}

export const readDocx: Reader = async (bytes, _path, options) => {
  if (isOle(bytes)) throw isEncryptedOle(bytes) ? docxErrors.encrypted() : docxErrors.oleDoc();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const zip = new ZipArchive(bytes, options.maxInflatedBytes, limits.maxPartBytes);
  const parts = findParts(zip);
  const documentBytes = zip.read(parts.document);
  if (!documentBytes) throw docxErrors.missingPart('word/document.xml');
  const document = parseXml(documentBytes, parts.document, { keepTextIn: DOCUMENT_TEXT, ...countedWhileParsing(limits) });
  const body = child(document, 'w:body');
  if (!body) throw docxErrors.missingPart(`${parts.document} <w:body>`);

  const warnings: ReadWarning[] = [];
  const styles = new StyleSheet(readStyleSource(zip, parts.styles, warnings));
  const numbering = new Numbering(optionalPart(zip, parts.numbering, warnings), styles, limits);
  const reader = new BodyReader(styles, numbering);
  reader.readBody(body);
  assignKinds(reader.paragraphs, reader.meta);
  const title = markTitle(reader.paragraphs, reader.meta);

  const app = readAppProperties(zip, parts.app);
  const layout: DocxLayoutFacts = {
    format: 'docx-layout',
    settings: readSettings(zip, parts.settings, styles.docRPr.size ?? 20),
    sections: reader.sections,
    blocks: reader.blocks,
  };
  readFooters(zip, parts.document, reader.sections, styles);
  const themeFonts = readThemeFonts(zip, parts.document);
  if (themeFonts) layout.themeFonts = themeFonts;
  if (app.pages !== undefined) layout.savedByProgram = app.pages;
  if (app.application !== undefined) layout.application = app.application;
  const metadataTitle = readCoreTitle(zip, parts.core);
  if (metadataTitle !== undefined) layout.metadataTitle = metadataTitle;

  if (reader.commentMarks.size > 0) fillComments(reader.commentMarks, readComments(zip, parts.comments));
  const properties = readPersonalProperties(zip, parts.core, parts.app);

  const hasText = reader.paragraphs.some((p) => p.text.trim().length > 0);
  if (reader.trackedChanges) {
    warnings.push({
      code: 'docx-tracked-changes',
      message: {
        zh: '文档含有未处理的修订，已按接受全部修订后的文字检查',
        en: 'the document has tracked changes; it was read as if all were accepted',
      },
    });
  }
  if (reader.skippedTextBoxes > 0) {
    warnings.push({
      code: 'docx-textbox-skipped',
      message: {
        zh: `有 ${reader.skippedTextBoxes} 个文本框中的文字未读取`,
        en: `the text in ${reader.skippedTextBoxes} text box(es) was not read`,
      },
    });
  }
  if (!hasText) {
    warnings.push({
      code: 'docx-no-text',
      message: { zh: '文档中没有文字', en: 'the document has no text' },
    });
  }

  const result: ReadResult = { format: 'docx', paragraphs: reader.paragraphs, layout, warnings, hasText };
  if (title !== undefined) result.title = title;
  if (properties) result.properties = properties;
  return result;
};
