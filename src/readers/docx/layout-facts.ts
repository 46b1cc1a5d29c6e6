// The facts a Word-like page layout needs, as the docx reader hands them to the page estimator
// (ReadResult.layout). Lengths are in the units the file uses, named in each field: twips (1/20 pt),
// half-points (font sizes), EMU (drawings, 914400 per inch), hundredths of a line or character.

export interface DocxLayoutFacts {
  format: 'docx-layout';
  /** Page count the saving program recorded (docProps/app.xml <Pages>): shown beside the estimate, never used as it. */
  savedByProgram?: number;
  /** docProps/app.xml <Application> ("Microsoft Office Word", "WPS Office", "LibreOffice/…"). */
  application?: string;
  /** docProps/core.xml dc:title, when set (often a template's leftover, so not used as the title). */
  metadataTitle?: string;
  settings: DocumentSettings;
  /** The theme's fonts by theme font name (minorEastAsia, majorHAnsi …), for those the theme gives (theme.ts). */
  themeFonts?: Record<string, string>;
  /** In document order; the last one holds the body's final w:sectPr. */
  sections: SectionFacts[];
  /** Top-level blocks in document order; `section` on each says which section it belongs to. */
  blocks: BlockFacts[];
}

export interface DocumentSettings {
  /** w:defaultTabStop, twips (Word's default 720 when absent). */
  defaultTabStop: number;
  /** w:characterSpacingControl: "doNotCompress" (Word's default), "compressPunctuation", … */
  characterSpacingControl?: string;
  /** w:compat/w:compatSetting compatibilityMode (15 = Word 2013+, 14 = 2010, 12 = 2007, 11 = 2003). */
  compatibilityMode?: number;
  /** Font size of the document defaults (docDefaults/rPrDefault), half-points; 20 when absent. */
  defaultFontSize: number;
  /** w:evenAndOddHeaders: even pages take the sections' "even" header and footer. */
  evenAndOddHeaders?: boolean;
}

/** One paragraph of a footer part, its properties resolved through the styles. */
export interface FooterParagraphFacts {
  alignment: ParagraphProps['alignment'];
  /** Indentation, twips (the "空一字" of a page number set off the edge). */
  indentLeft: number;
  indentRight: number;
  /** The text as shown, field results included (the page number as last rendered). */
  text: string;
  /** Field instructions in the paragraph ("PAGE", "PAGE \\* MERGEFORMAT", "NUMPAGES" …). */
  fields: string[];
  /** Dominant font size of the visible text, half-points (the paragraph's when it has none). */
  size?: number;
  /** Dominant font (East-Asian slot, else ascii) and its ascii font. */
  font?: string;
  fontAscii?: string;
}

export interface FooterFacts {
  /** The part, e.g. "word/footer1.xml". */
  part: string;
  paragraphs: FooterParagraphFacts[];
}

export type SectionStart = 'nextPage' | 'continuous' | 'oddPage' | 'evenPage' | 'nextColumn';
export type DocGridType = 'default' | 'lines' | 'linesAndChars' | 'snapToChars';

export interface SectionFacts {
  /** How this section starts (w:type; nextPage when absent). */
  start: SectionStart;
  /** Page size, twips. Absent w:pgSz falls back to A4 (11906 × 16838). */
  pageWidth: number;
  pageHeight: number;
  orientation: 'portrait' | 'landscape';
  /** Margins and header/footer distances, twips (Word's defaults when absent). */
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
  /** w:docGrid: the line pitch (twips) and character-space adjustment (1/4096 pt per char) of the grid. */
  docGrid: { type: DocGridType; linePitch?: number; charSpace?: number };
  columns: { count: number; space?: number; equalWidth: boolean; widths?: number[] };
  /** w:titlePg: a different first-page header/footer. */
  titlePage: boolean;
  hasHeader: boolean;
  hasFooter: boolean;
  /** w:footerReference by type (default, even, first) → relationship id, as the section names them. */
  footerRefs?: Partial<Record<'default' | 'even' | 'first', string>>;
  /** The footers in force, by type, after inheritance from earlier sections (filled by the reader). */
  footers?: Partial<Record<'default' | 'even' | 'first', FooterFacts>>;
  /** w:pgNumType w:fmt: the page number format (decimal, decimalFullWidth, chineseCounting …). */
  pageNumberFormat?: string;
  /** w:pgNumType w:start, when the page numbering restarts. */
  pageNumberStart?: number;
  /** w:vAlign: vertical alignment of text on the page (top when absent). */
  verticalAlign?: string;
  /** Range of top-level blocks in this section: [firstBlock, endBlock). */
  firstBlock: number;
  endBlock: number;
}

export type BlockFacts = ParagraphBlock | TableBlock;

export type LineRule = 'auto' | 'exact' | 'atLeast';

/** Paragraph properties after inheritance: docDefaults → (table style) → style chain → numbering → direct. */
export interface ParagraphProps {
  /** Spacing before/after, twips. */
  spacingBefore: number;
  spacingAfter: number;
  /** Spacing in hundredths of a grid line; when present Word uses them instead of the twips. */
  beforeLines?: number;
  afterLines?: number;
  beforeAutospacing: boolean;
  afterAutospacing: boolean;
  /** w:spacing w:line: 240ths of a line for 'auto', twips for 'exact'/'atLeast'. Absent = single (240 auto). */
  line?: number;
  lineRule: LineRule;
  contextualSpacing: boolean;
  /** Whether the paragraph snaps to the section's document grid (default true). */
  snapToGrid: boolean;
  /** Indentation, twips; firstLine negative = hanging. */
  indentLeft: number;
  indentRight: number;
  indentFirstLine: number;
  /** Indentation in hundredths of a character; when present (non-zero) Word uses them instead. */
  leftChars?: number;
  rightChars?: number;
  firstLineChars?: number;
  alignment: 'left' | 'center' | 'right' | 'justify' | 'distribute';
  keepLines: boolean;
  keepNext: boolean;
  pageBreakBefore: boolean;
  widowControl: boolean;
  /** w:overflowPunct: a closing mark may hang past the margin (Word's default: on; absent = not set). */
  overflowPunct?: boolean;
  /** w:outlineLvl, 0-based (9 = body text), when set. */
  outlineLevel?: number;
}

/** A stretch of text with one font size and one script class. Concatenated, the runs give the paragraph's text after its numbering. */
export interface RunFacts {
  text: string;
  /** Font size, half-points. */
  size: number;
  /** East-Asian characters (CJK, full-width forms, and ambiguous punctuation in an eastAsia-hinted run): one grid cell each. */
  eastAsian: boolean;
  /** The font the text is set in: the eastAsia slot for East-Asian text, ascii otherwise (theme fonts as "+minorEastAsia" etc.). */
  font?: string;
  bold?: boolean;
  /** w:vanish: hidden text, not laid out by Word (still in the text, as mammoth keeps it). */
  hidden?: boolean;
  /** w:spacing in rPr: extra space per character, twips. */
  charSpacing?: number;
  /** w:w: horizontal scale, percent. */
  scale?: number;
}

export interface BreakFacts {
  type: 'page' | 'column' | 'line';
  /** Position in the run text (paragraph text after the numbering prefix). */
  offset: number;
}

export interface DrawingFacts {
  /** Inline drawings sit on the line; anchored (floating) ones are placed on the page. */
  placement: 'inline' | 'anchored';
  /** Extent, EMU (wp:extent, or a VML shape's width/height). */
  cx?: number;
  cy?: number;
  /** Anchored drawings: how text wraps around it (wrapNone, wrapSquare, wrapTopAndBottom, …). */
  wrap?: string;
  /** Anchored drawings: the vertical position (wp:positionV) — what it is measured from and the offset, EMU. */
  positionV?: { relativeFrom: string; offset: number };
  /** Anchored drawings: the distance kept from the text above and below (distT, distB), EMU. */
  distance?: { top: number; bottom: number };
  /** Position in the run text. */
  offset: number;
  /** Where it came from: DrawingML (w:drawing) or VML (w:pict / w:object). */
  source: 'drawingml' | 'vml';
}

export interface NumberingFacts {
  /** The generated text prefixed to the paragraph (equals text.slice(0, numberingLength)). */
  text: string;
  /** What Word puts between the number and the text (w:suff; tab when absent). */
  suffix: 'tab' | 'space' | 'nothing';
  numId: string;
  level: number;
  numFmt: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** Index into ReadResult.paragraphs. */
  index: number;
  /** Top-level blocks only: index into `sections`. Blocks inside tables carry their table's section. */
  section: number;
  styleId?: string;
  props: ParagraphProps;
  /** The paragraph mark's font size, half-points: the height of an empty paragraph. */
  markSize: number;
  numbering?: NumberingFacts;
  runs: RunFacts[];
  breaks: BreakFacts[];
  /** w:lastRenderedPageBreak count: where the last program to lay the file out broke pages. */
  lastRenderedPageBreaks: number;
  drawings: DrawingFacts[];
  /** Footnote and endnote references: their notes take room at the page foot. */
  noteReferences: number;
  /** Paragraphs of text boxes anchored in this paragraph: they take no room in the text flow. */
  textBoxes: BlockFacts[];
  /** This paragraph carries a w:sectPr: the section `section` ends here. */
  endsSection: boolean;
}

export interface TableBlock {
  type: 'table';
  section: number;
  styleId?: string;
  /** w:tblGrid column widths, twips. */
  grid: number[];
  /** w:tblW: value and type (dxa = twips, pct = fiftieths of a percent, auto). */
  width?: { value: number; type: string };
  /** w:tblInd, twips. */
  indent?: number;
  alignment?: string;
  /** w:tblLayout: fixed or autofit (default). */
  layout: 'fixed' | 'autofit';
  /** Default cell margins (tblPr/tblCellMar, then the table style's), twips. */
  cellMargins: { top?: number; left?: number; bottom?: number; right?: number };
  rows: TableRowFacts[];
}

export interface TableRowFacts {
  /** w:trHeight, twips, with its rule (atLeast when a height is given without one). */
  height?: number;
  heightRule: 'auto' | 'atLeast' | 'exact';
  /** w:tblHeader: repeated at the top of each page. */
  header: boolean;
  /** w:cantSplit: the row may not break across pages. */
  cantSplit: boolean;
  /** w:gridBefore / w:gridAfter: grid columns skipped before the first / after the last cell. */
  gridBefore: number;
  gridAfter: number;
  cells: TableCellFacts[];
}

export interface TableCellFacts {
  /** w:tcW value and type. */
  width?: { value: number; type: string };
  gridSpan: number;
  /** w:vMerge: restart begins a vertically merged cell, continue extends the one above. */
  vMerge?: 'restart' | 'continue';
  /** Cell-specific margins (w:tcMar), twips. */
  margins?: { top?: number; left?: number; bottom?: number; right?: number };
  blocks: BlockFacts[];
}
