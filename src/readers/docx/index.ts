// The .docx reader: OOXML read directly (own zip, saxes), so the page estimator gets the
// section, grid, spacing and table facts as well as the text.
import type { ReadWarning } from '../../document/model.js';
import type { Reader, ReadResult } from '../types.js';
import { BodyReader } from './body.js';
import { docxErrors } from './errors.js';
import { assignKinds, markTitle } from './kinds.js';
import type { DocxLayoutFacts } from './layout-facts.js';
import { readAppProperties, readCoreTitle, readSettings } from './metadata.js';
import { Numbering } from './numbering.js';
import { isEncryptedOle, isOle } from './ole.js';
import { findParts } from './package.js';
import { lazyStyleSource, treeStyleSource, type StyleSource } from './style-source.js';
import { StyleSheet } from './styles.js';
import { child, decodeXml, parseXml, type XmlElement } from './xml.js';
import { ZipArchive } from './zip.js';
import { fillComments, readComments, readPersonalProperties } from './review.js';

export type * from './layout-facts.js';

/** Text lives only in these elements (deleted text kept for the tracked-change facts); the rest is dropped to keep the tree small. */
const DOCUMENT_TEXT = (name: string): boolean => name === 'w:t' || name === 'w:delText';

function optionalPart(zip: ZipArchive, path: string): XmlElement | undefined {
  const bytes = zip.read(path);
  return bytes ? parseXml(bytes, path, { keepTextIn: () => false }) : undefined;
}

function readStyleSource(zip: ZipArchive, path: string): StyleSource {
  const bytes = zip.read(path);
  if (!bytes) return treeStyleSource(undefined);
  const text = decodeXml(bytes);
  return lazyStyleSource(text, path) ?? treeStyleSource(parseXml(text, path, { keepTextIn: () => false }));
}

export const readDocx: Reader = async (bytes, _path, options) => {
  if (isOle(bytes)) throw isEncryptedOle(bytes) ? docxErrors.encrypted() : docxErrors.oleDoc();
  const zip = new ZipArchive(bytes, options.maxInflatedBytes);
  const parts = findParts(zip);
  const documentBytes = zip.read(parts.document);
  if (!documentBytes) throw docxErrors.missingPart('word/document.xml');
  const document = parseXml(documentBytes, parts.document, { keepTextIn: DOCUMENT_TEXT });
  const body = child(document, 'w:body');
  if (!body) throw docxErrors.missingPart(`${parts.document} <w:body>`);

  const styles = new StyleSheet(readStyleSource(zip, parts.styles));
  const numbering = new Numbering(optionalPart(zip, parts.numbering), styles);
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
  if (app.pages !== undefined) layout.savedByProgram = app.pages;
  if (app.application !== undefined) layout.application = app.application;
  const metadataTitle = readCoreTitle(zip, parts.core);
  if (metadataTitle !== undefined) layout.metadataTitle = metadataTitle;

  if (reader.commentMarks.size > 0) fillComments(reader.commentMarks, readComments(zip, parts.comments));
  const properties = readPersonalProperties(zip, parts.core, parts.app);

  const warnings: ReadWarning[] = [];
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
