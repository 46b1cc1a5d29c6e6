// Everything a rule may use — built-in rules import only from here, as a plugin imports from 'wenfeng'.
export * from './api.js';
export type { Document, Paragraph, ParagraphKind, ElementKind, PageCount, Format, TextMark, DocumentProperties } from './document/model.js';
export { parseHeadingMarker, chineseNumeral, type HeadingMarker } from './document/heading-marker.js';
export { PhraseMatcher, type PhraseHit } from './text/phrase-matcher.js';
export { loadData } from './text/load-data.js';
export { ELEMENT_LABELS, DATE_LINE, DOC_NUMBER_LINE } from './document/elements.js';
export { docxFormatFacts, type DocxFormatFacts, type SectionFormat } from './layout/docx/format-facts.js';
export type { ParagraphBlock, ParagraphProps, RunFacts } from './readers/docx/layout-facts.js';
