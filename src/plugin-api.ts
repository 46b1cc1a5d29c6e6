// Everything a rule may use — built-in rules import only from here, as a plugin imports from 'wenfeng'.
export * from './api.js';
export type { Document, Paragraph, ParagraphKind, PageCount, Format, TextMark, DocumentProperties } from './document/model.js';
export { parseHeadingMarker, chineseNumeral, type HeadingMarker } from './document/heading-marker.js';
export { PhraseMatcher, type PhraseHit } from './text/phrase-matcher.js';
export { loadData } from './text/load-data.js';
