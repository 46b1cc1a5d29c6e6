// word/document.xml's body: paragraphs in reading order (table cells and text boxes where mammoth
// puts them), with their text, numbering, style facts and the layout facts of every block.
import type { TextMark } from '../../document/model.js';
import type { RawParagraph } from '../types.js';
import type {
  BlockFacts,
  BreakFacts,
  DrawingFacts,
  ParagraphBlock,
  RunFacts,
  SectionFacts,
  TableBlock,
  TableCellFacts,
  TableRowFacts,
} from './layout-facts.js';
import type { Numbering } from './numbering.js';
import { finishPPr, mergePPr, mergeRPr, readPPr, readRPr, type PPr, type RPr } from './properties.js';
import { scriptClass } from './script.js';
import { readSection } from './section.js';
import { readCellMargins, type StyleSheet } from './styles.js';
import { symbolChar } from './symbols.js';
import { cssLengthEmu, emu, int, onOff, twips } from './units.js';

/** Word allows 63 columns in a table; a cell spanning 2³² of them (a damaged file) would size the layout's
 *  column array by it. */
const MAX_GRID_SPAN = 63;
import { child, childrenNamed, elements, findDescendant, textOf, type XmlElement, type XmlNode } from './xml.js';

/** What the kind and title decisions need to know about a paragraph, beyond its text. */
export interface ParagraphMeta {
  inTable: boolean;
  inTextBox: boolean;
  centred: boolean;
  /** Dominant font size, points (the mark's size for an empty paragraph). */
  sizePt: number;
  /** Most of the text is red (the 发文机关标志 of a 红头 document). */
  red: boolean;
  headingLevel: number;
  titleStyle: boolean;
  numbered: boolean;
}

interface Where {
  /** Directly in the body (or a body-level content control): may end a section. */
  topLevel: boolean;
  inTable: boolean;
  inTextBox: boolean;
  tableStyle: string | undefined;
}

/** State while one paragraph's inline content is walked. */
interface InlineState {
  parts: string[];
  length: number;
  runs: RunFacts[];
  breaks: BreakFacts[];
  drawings: DrawingFacts[];
  lastRendered: number;
  noteRefs: number;
  textBoxes: XmlElement[];
  baseRPr: RPr;
  /** Characters per font size (half-points), for the dominant size; whitespace and hidden text excluded. */
  sizes: Map<number, number>;
  boldChars: number;
  redChars: number;
  countedChars: number;
  /** Tracked changes, comments, highlight, hidden text found in this paragraph (offsets in its body text). */
  marks: TextMark[];
}

const DEFAULT_SIZE = 20; // half-points: Word's size when nothing sets one

function isRed(color: string | undefined): boolean {
  if (!color || !/^[0-9a-f]{6}$/i.test(color)) return false;
  const r = parseInt(color.slice(0, 2), 16);
  const g = parseInt(color.slice(2, 4), 16);
  const b = parseInt(color.slice(4, 6), 16);
  return r >= 0xb0 && g < 0x70 && b < 0x70;
}

/** Descendants with the name, not looking inside the ones found. */
function collectOutermost(node: XmlElement, name: string, out: XmlElement[]): XmlElement[] {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    else collectOutermost(c, name, out);
  }
  return out;
}

function sameLook(a: RunFacts, b: RunFacts): boolean {
  return (
    a.size === b.size &&
    a.eastAsian === b.eastAsian &&
    a.font === b.font &&
    a.bold === b.bold &&
    a.hidden === b.hidden &&
    a.charSpacing === b.charSpacing &&
    a.scale === b.scale
  );
}

/** A tracked change's kind, author and date; the range is filled in by the caller. */
function revision(el: XmlElement, type: TextMark['type']): TextMark {
  const mark: TextMark = { type, start: 0, end: 0 };
  if (el.attrs['w:author']) mark.author = el.attrs['w:author'];
  if (el.attrs['w:date']) mark.date = el.attrs['w:date'];
  return mark;
}

/** The text a w:del or w:moveFrom took out (w:delText, or w:t inside a moved-away passage). */
function deletedText(el: XmlElement): string {
  let out = '';
  const walk = (n: XmlElement): void => {
    for (const c of n.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:delText' || c.name === 'w:t') out += textOf(c);
      else walk(c);
    }
  };
  walk(el);
  return out;
}

/** A content control still showing its placeholder text ("单击或点击此处输入文字。"). */
function showsPlaceholder(sdt: XmlElement): boolean {
  const flag = child(child(sdt, 'w:sdtPr'), 'w:showingPlcHdr');
  return flag !== undefined && onOff(flag.attrs['w:val']);
}

/** A run's highlight colour: w:highlight, or a shading fill that is neither none nor white. */
function highlightOf(rPrEl: XmlElement | undefined): string | undefined {
  const highlight = child(rPrEl, 'w:highlight')?.attrs['w:val'];
  if (highlight && highlight !== 'none') return highlight;
  const shd = child(rPrEl, 'w:shd');
  if (!shd || shd.attrs['w:val'] === 'nil') return undefined;
  const fill = (shd.attrs['w:val'] === 'solid' ? shd.attrs['w:color'] : shd.attrs['w:fill'])?.toUpperCase();
  return fill && fill !== 'AUTO' && fill !== 'FFFFFF' ? fill : undefined;
}

/** Adds a mark, joining it to the last one of its kind when they are by the same hand and touch. */
function addMark(state: InlineState, mark: TextMark): void {
  const last = state.marks.findLast((m) => m.type === mark.type);
  if (
    last &&
    mark.type !== 'comment' &&
    last.type === mark.type &&
    last.author === mark.author &&
    last.date === mark.date &&
    last.color === mark.color &&
    last.end === mark.start
  ) {
    last.end = mark.end;
    if (mark.text !== undefined) last.text = (last.text ?? '') + mark.text;
    return;
  }
  state.marks.push(mark);
}

/** Hidden text, highlight and formatting changes on the run just read (from `from` to the end). */
function markRun(rPrEl: XmlElement | undefined, rPr: RPr, from: number, state: InlineState): void {
  const specVanish = child(rPrEl, 'w:specVanish');
  if (rPr.hidden || (specVanish && onOff(specVanish.attrs['w:val']))) addMark(state, { type: 'hidden', start: from, end: state.length });
  const color = highlightOf(rPrEl);
  if (color !== undefined) addMark(state, { type: 'highlight', start: from, end: state.length, color });
  const change = child(rPrEl, 'w:rPrChange');
  if (change) addMark(state, { ...revision(change, 'format-change'), start: from, end: state.length });
}

export class BodyReader {
  readonly paragraphs: RawParagraph[] = [];
  readonly meta: ParagraphMeta[] = [];
  readonly sections: SectionFacts[] = [];
  readonly blocks: BlockFacts[] = [];
  trackedChanges = false;
  /** DrawingML text boxes whose text was not read (no VML fallback; mammoth skips them too). */
  skippedTextBoxes = 0;
  /** Review comments found in the body, by w:id; their author, date and text come from comments.xml. */
  readonly commentMarks = new Map<string, TextMark>();
  /** Marks met between paragraphs (a deleted table row, a comment starting before a paragraph): they go on the next one. */
  private pendingMarks: TextMark[] = [];

  /** Open complex fields, innermost last: 'instr' until w:fldChar separate, then 'result'. */
  private readonly fields: ('instr' | 'result')[] = [];
  private instrDepth = 0;
  /** Content of paragraphs whose mark was deleted: it joins the next paragraph (as Word and mammoth do). */
  private pendingDeleted: XmlNode[] = [];
  private sectionStart = 0;
  /** Inside an mc:Fallback whose mc:Choice drawings were recorded: its shapes are duplicates. */
  private suppressDrawings = 0;

  constructor(
    private readonly styles: StyleSheet,
    private readonly numbering: Numbering,
  ) {}

  readBody(body: XmlElement): void {
    const where: Where = { topLevel: true, inTable: false, inTextBox: false, tableStyle: undefined };
    this.readBlocks(body.children, where, this.blocks);
    this.sections.push(readSection(child(body, 'w:sectPr'), this.sectionStart, this.blocks.length));
  }

  private readBlocks(nodes: XmlNode[], where: Where, out: BlockFacts[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:p':
          this.readParagraph(node, where, out);
          break;
        case 'w:tbl':
          out.push(this.readTable(node, where));
          break;
        case 'w:sdt': {
          const first = this.paragraphs.length;
          this.readBlocks(child(node, 'w:sdtContent')?.children ?? [], where, out);
          if (showsPlaceholder(node)) this.markWhole(first, { type: 'control-placeholder', start: 0, end: 0 });
          break;
        }
        case 'w:customXml':
        case 'w:smartTag':
          this.readBlocks(node.children, where, out);
          break;
        case 'w:ins':
        case 'w:moveTo': {
          this.trackedChanges = true;
          const first = this.paragraphs.length;
          this.readBlocks(node.children, where, out);
          this.markWhole(first, revision(node, node.name === 'w:ins' ? 'insertion' : 'move-to'));
          break;
        }
        case 'w:del':
        case 'w:moveFrom':
          this.trackedChanges = true;
          this.pendingMarks.push({ ...revision(node, node.name === 'w:del' ? 'deletion' : 'move-from'), text: deletedText(node) });
          break;
        case 'w:commentRangeStart':
          this.pendingMarks.push(this.commentMark(node.attrs['w:id']));
          break;
        case 'mc:AlternateContent':
          this.readBlocks(child(node, 'mc:Fallback')?.children ?? [], where, out);
          break;
      }
    }
  }

  private readParagraph(p: XmlElement, where: Where, out: BlockFacts[]): void {
    const pPrEl = child(p, 'w:pPr');
    const markRPrEl = child(pPrEl, 'w:rPr');
    const insertedMark = child(markRPrEl, 'w:ins');
    if (insertedMark) this.trackedChanges = true;
    const deletedMark = child(markRPrEl, 'w:del');
    if (deletedMark) {
      // A deleted paragraph mark: the text flows into the next paragraph, with the deletion where they join.
      this.trackedChanges = true;
      for (const c of p.children) this.pendingDeleted.push(c);
      this.pendingDeleted.push({ name: 'w:del', attrs: deletedMark.attrs, children: [] });
      return;
    }
    let content = p.children;
    if (this.pendingDeleted.length > 0) {
      content = this.pendingDeleted.concat(content);
      this.pendingDeleted = [];
    }

    // Properties: docDefaults → (table style) → paragraph style chain → numbering level → direct.
    const styles = this.styles;
    const direct = readPPr(pPrEl);
    const pStyle = child(pPrEl, 'w:pStyle')?.attrs['w:val'];
    const styleId = pStyle !== undefined && styles.has(pStyle) ? pStyle : styles.defaultParagraphStyle;
    const own = styles.paragraphStyle(styleId);
    let basePPr: PPr = styles.docPPr;
    let baseRPr: RPr = styles.docRPr;
    if (where.tableStyle !== undefined) {
      const table = styles.paragraphStyle(where.tableStyle);
      // Word lets a table style override the default paragraph style, but not a chosen one.
      if (styleId === styles.defaultParagraphStyle) {
        basePPr = mergePPr(mergePPr(basePPr, own.pPr), table.pPr);
        baseRPr = mergeRPr(mergeRPr(baseRPr, own.rPr), table.rPr);
      } else {
        basePPr = mergePPr(mergePPr(basePPr, table.pPr), own.pPr);
        baseRPr = mergeRPr(mergeRPr(baseRPr, table.rPr), own.rPr);
      }
    } else {
      basePPr = mergePPr(basePPr, own.pPr);
      baseRPr = mergeRPr(baseRPr, own.rPr);
    }

    // Numbering: the direct numPr wins over the style's; numId 0 switches numbering off.
    const numId = direct.numId ?? own.pPr.numId;
    let generated: ReturnType<Numbering['next']>;
    if (numId !== undefined && numId !== '0') {
      const ilvl = direct.ilvl ?? own.pPr.ilvl ?? this.numbering.levelForStyle(numId, styleId);
      generated = this.numbering.next(numId, ilvl);
    }
    let pPr = basePPr;
    if (generated) pPr = mergePPr(pPr, generated.level.pPr);
    pPr = mergePPr(pPr, direct);
    const props = finishPPr(pPr);
    const markSize = mergeRPr(baseRPr, readRPr(markRPrEl)).size ?? DEFAULT_SIZE;

    // Reserve the index first: text-box paragraphs found inside come after this one.
    const index = this.paragraphs.length;
    const raw: RawParagraph = { text: '', kind: 'body' };
    this.paragraphs.push(raw);
    const meta: ParagraphMeta = {
      inTable: where.inTable,
      inTextBox: where.inTextBox,
      centred: props.alignment === 'center',
      sizePt: markSize / 2,
      red: false,
      headingLevel: 0,
      titleStyle: styles.isTitleStyle(styleId),
      numbered: generated !== undefined,
    };
    this.meta.push(meta);

    const state: InlineState = {
      parts: [],
      length: 0,
      runs: [],
      breaks: [],
      drawings: [],
      lastRendered: 0,
      noteRefs: 0,
      textBoxes: [],
      baseRPr,
      sizes: new Map(),
      boldChars: 0,
      redChars: 0,
      countedChars: 0,
      marks: this.pendingMarks,
    };
    this.pendingMarks = [];
    this.walkInline(content, state, baseRPr);
    // A field instruction does not outlive its paragraph: a field left unseparated (a damaged
    // file) would otherwise hide the rest of the document.
    while (this.fields[this.fields.length - 1] === 'instr') {
      this.fields.pop();
      this.instrDepth--;
    }

    const body = state.parts.join('');
    const prefix = generated?.text ?? '';
    raw.text = prefix + body;
    if (prefix.length > 0) raw.numberingLength = prefix.length;
    const formatChange = child(pPrEl, 'w:pPrChange');
    if (formatChange) addMark(state, { ...revision(formatChange, 'format-change'), start: 0, end: body.length });
    if (insertedMark && !state.marks.some((m) => m.type === 'insertion')) addMark(state, { ...revision(insertedMark, 'insertion'), start: body.length, end: body.length });
    if (state.marks.length > 0) {
      for (const m of state.marks) {
        // A comment still open at the paragraph's end is marked to there.
        if (m.end < m.start) m.end = body.length;
        m.start += prefix.length;
        m.end += prefix.length;
      }
      raw.marks = state.marks;
    }

    // Dominant size and weight: by character count, whitespace and hidden text left out.
    let dominant = markSize;
    let best = -1;
    for (const [size, count] of state.sizes) {
      if (count > best) {
        best = count;
        dominant = size;
      }
    }
    meta.sizePt = dominant / 2;
    meta.red = state.countedChars > 0 && state.redChars * 2 > state.countedChars;

    // Heading level: the direct outline level, else the style's (outline level or name).
    const directOutline = direct.outlineLevel;
    meta.headingLevel =
      directOutline !== undefined
        ? directOutline >= 0 && directOutline <= 8
          ? directOutline + 1
          : 0
        : styles.headingLevel(styleId);

    const fontSizePt = dominant / 2;
    const style: NonNullable<RawParagraph['style']> = {
      fontSizePt,
      bold: state.countedChars > 0 ? state.boldChars * 2 > state.countedChars : (baseRPr.bold ?? false),
      alignment: props.alignment,
      indentFirstLinePt: props.firstLineChars ? (props.firstLineChars / 100) * fontSizePt : props.indentFirstLine / 20,
      indentLeftPt: props.leftChars ? (props.leftChars / 100) * fontSizePt : props.indentLeft / 20,
    };
    if (styleId !== undefined) style.styleId = styleId;
    raw.style = style;

    const block: ParagraphBlock = {
      type: 'paragraph',
      index,
      section: this.sections.length,
      props,
      markSize,
      runs: state.runs,
      breaks: state.breaks,
      lastRenderedPageBreaks: state.lastRendered,
      drawings: state.drawings,
      noteReferences: state.noteRefs,
      textBoxes: [],
      endsSection: false,
    };
    if (styleId !== undefined) block.styleId = styleId;
    if (generated) {
      block.numbering = {
        text: generated.text,
        suffix: generated.level.suffix,
        numId: generated.numId,
        level: generated.ilvl,
        numFmt: generated.level.numFmt,
      };
    }
    out.push(block);

    // Text boxes anchored here: read after the paragraph, as mammoth orders them.
    if (state.textBoxes.length > 0) {
      const inBox: Where = { topLevel: false, inTable: false, inTextBox: true, tableStyle: undefined };
      for (const box of state.textBoxes) this.readBlocks(box.children, inBox, block.textBoxes);
    }

    const sectPr = child(pPrEl, 'w:sectPr');
    if (sectPr && where.topLevel) {
      block.endsSection = true;
      this.sections.push(readSection(sectPr, this.sectionStart, this.blocks.length));
      this.sectionStart = this.blocks.length;
    }
  }

  /** Inline content: runs and their wrappers, and (inside a run or a fallback) the run's own children. */
  private walkInline(nodes: XmlNode[], state: InlineState, rPr: RPr): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:r':
          this.readRun(node, state);
          break;
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
          this.walkInline(node.children, state, rPr);
          break;
        case 'w:sdt': {
          const from = state.length;
          this.walkInline(child(node, 'w:sdtContent')?.children ?? [], state, rPr);
          if (showsPlaceholder(node)) addMark(state, { type: 'control-placeholder', start: from, end: state.length });
          break;
        }
        case 'w:ins':
        case 'w:moveTo': {
          this.trackedChanges = true;
          const from = state.length;
          this.walkInline(node.children, state, rPr);
          addMark(state, { ...revision(node, node.name === 'w:ins' ? 'insertion' : 'move-to'), start: from, end: state.length });
          break;
        }
        case 'w:del':
        case 'w:moveFrom':
          this.trackedChanges = true;
          addMark(state, { ...revision(node, node.name === 'w:del' ? 'deletion' : 'move-from'), start: state.length, end: state.length, text: deletedText(node) });
          break;
        case 'w:commentRangeStart': {
          const mark = this.commentMark(node.attrs['w:id']);
          mark.start = state.length;
          state.marks.push(mark);
          break;
        }
        case 'w:commentRangeEnd': {
          const mark = this.commentMarks.get(node.attrs['w:id'] ?? '');
          if (mark && state.marks.includes(mark) && mark.end < mark.start) mark.end = state.length;
          break;
        }
        case 'w:commentReference': {
          // A comment with no range (or one Word anchored at a point): marked where its reference stands.
          const id = node.attrs['w:id'] ?? '';
          if (!this.commentMarks.has(id)) {
            const mark = this.commentMark(id);
            mark.start = mark.end = state.length;
            state.marks.push(mark);
          }
          break;
        }
        case 'mc:AlternateContent':
          this.readAlternate(node, state, rPr);
          break;
        case 'w:t':
          if (this.instrDepth === 0) this.addText(textOf(node), rPr, state);
          break;
        case 'w:tab':
        case 'w:ptab':
          if (this.instrDepth === 0) this.addText('\t', rPr, state);
          break;
        case 'w:noBreakHyphen':
          if (this.instrDepth === 0) this.addText('\u2011', rPr, state);
          break;
        case 'w:softHyphen':
          if (this.instrDepth === 0) this.addText('\u00ad', rPr, state);
          break;
        case 'w:sym': {
          const code = Number.parseInt(node.attrs['w:char'] ?? '', 16);
          if (this.instrDepth === 0 && Number.isFinite(code) && code > 0 && code <= 0x10ffff) {
            this.addText(symbolChar(node.attrs['w:font'], code), rPr, state);
          }
          break;
        }
        case 'w:br': {
          // No text for a break (mammoth's raw text has none); the layout keeps it.
          const type = node.attrs['w:type'];
          state.breaks.push({ type: type === 'page' ? 'page' : type === 'column' ? 'column' : 'line', offset: state.length });
          break;
        }
        case 'w:cr':
          state.breaks.push({ type: 'line', offset: state.length });
          break;
        case 'w:fldChar':
          this.fieldChar(node.attrs['w:fldCharType']);
          break;
        case 'w:lastRenderedPageBreak':
          state.lastRendered++;
          break;
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          state.noteRefs++;
          break;
        case 'w:drawing':
          if (this.suppressDrawings === 0) this.readDrawing(node, state, true);
          break;
        case 'w:pict':
        case 'w:object':
          this.readVml(node, state);
          break;
        case 'w:ruby': {
          const base = child(node, 'w:rubyBase');
          if (base) this.walkInline(base.children, state, rPr);
          break;
        }
      }
    }
  }

  /** mc:AlternateContent: text from mc:Fallback only (as mammoth), drawings from mc:Choice when it has them. */
  private readAlternate(node: XmlElement, state: InlineState, rPr: RPr): void {
    const choice = child(node, 'mc:Choice');
    const fallback = child(node, 'mc:Fallback');
    let drawings: XmlElement[] = [];
    if (choice && this.suppressDrawings === 0) {
      drawings = collectOutermost(choice, 'w:drawing', []);
      for (const d of drawings) this.readDrawing(d, state, !fallback);
    }
    if (fallback) {
      // The fallback's VML shapes are the same drawings again.
      if (drawings.length > 0) this.suppressDrawings++;
      this.walkInline(fallback.children, state, rPr);
      if (drawings.length > 0) this.suppressDrawings--;
    }
  }

  private readRun(r: XmlElement, state: InlineState): void {
    const rPrEl = child(r, 'w:rPr');
    const rStyle = child(rPrEl, 'w:rStyle')?.attrs['w:val'];
    let rPr = state.baseRPr;
    if (rStyle !== undefined) rPr = mergeRPr(rPr, this.styles.characterStyle(rStyle));
    if (rPrEl) rPr = mergeRPr(rPr, readRPr(rPrEl));
    const from = state.length;
    this.walkInline(r.children, state, rPr);
    if (state.length > from) markRun(rPrEl, rPr, from, state);
  }

  /** A comment's mark, registered by id; open (end before start) until its range ends. */
  private commentMark(id: string | undefined): TextMark {
    const mark: TextMark = { type: 'comment', start: 0, end: -1 };
    if (id !== undefined && !this.commentMarks.has(id)) this.commentMarks.set(id, mark);
    return mark;
  }

  /** Marks every paragraph read since `first` from start to end (a block-level insertion or control). */
  private markWhole(first: number, mark: TextMark): void {
    for (let i = first; i < this.paragraphs.length; i++) {
      const raw = this.paragraphs[i]!;
      const whole = { ...mark, start: raw.numberingLength ?? 0, end: raw.text.length };
      (raw.marks ??= []).push(whole);
    }
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push('instr');
      this.instrDepth++;
    } else if (type === 'separate') {
      const last = this.fields.length - 1;
      if (last >= 0 && this.fields[last] === 'instr') {
        this.fields[last] = 'result';
        this.instrDepth--;
      }
    } else if (type === 'end') {
      if (this.fields.pop() === 'instr') this.instrDepth--;
    }
  }

  private addText(text: string, rPr: RPr, state: InlineState): void {
    if (text.length === 0) return;
    state.parts.push(text);
    state.length += text.length;
    const size = rPr.size ?? DEFAULT_SIZE;
    const hintEastAsian = rPr.hint === 'eastAsia';
    const hidden = rPr.hidden === true;
    const red = isRed(rPr.color);
    // Split the text where it changes between East-Asian and Latin, merging with the previous run.
    let start = 0;
    let currentEA: boolean | undefined;
    const flush = (end: number): void => {
      if (end <= start || currentEA === undefined) return;
      this.pushRun(state, text.slice(start, end), size, currentEA, rPr, hidden);
      start = end;
    };
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      let width = 1;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        code = text.codePointAt(i)!;
        width = 2;
      }
      const cls = scriptClass(code);
      const ea = cls === 1 || (cls === 2 && hintEastAsian);
      if (currentEA === undefined) currentEA = ea;
      else if (ea !== currentEA) {
        flush(i);
        currentEA = ea;
      }
      if (!hidden && code > 0x20 && code !== 0x3000 && code !== 0xa0) {
        state.countedChars++;
        state.sizes.set(size, (state.sizes.get(size) ?? 0) + 1);
        if (rPr.bold) state.boldChars++;
        if (red) state.redChars++;
      }
      i += width - 1;
    }
    flush(text.length);
  }

  private pushRun(state: InlineState, text: string, size: number, eastAsian: boolean, rPr: RPr, hidden: boolean): void {
    const run: RunFacts = { text, size, eastAsian };
    const font = eastAsian ? rPr.fontEastAsia : rPr.fontAscii;
    if (font !== undefined) run.font = font;
    if (rPr.bold) run.bold = true;
    if (hidden) run.hidden = true;
    if (rPr.charSpacing) run.charSpacing = rPr.charSpacing;
    if (rPr.scale !== undefined && rPr.scale !== 100) run.scale = rPr.scale;
    const last = state.runs[state.runs.length - 1];
    if (last && sameLook(last, run)) last.text += text;
    else state.runs.push(run);
  }

  /** A DrawingML drawing: its extent and placement; its text boxes are not read (mammoth doesn't). */
  private readDrawing(drawing: XmlElement, state: InlineState, countSkippedText: boolean): void {
    for (const holder of elements(drawing)) {
      if (holder.name !== 'wp:inline' && holder.name !== 'wp:anchor') continue;
      const extent = child(holder, 'wp:extent');
      const facts: DrawingFacts = {
        placement: holder.name === 'wp:inline' ? 'inline' : 'anchored',
        offset: state.length,
        source: 'drawingml',
      };
      const cx = emu(extent?.attrs['cx']);
      const cy = emu(extent?.attrs['cy']);
      if (cx !== undefined) facts.cx = cx;
      if (cy !== undefined) facts.cy = cy;
      if (holder.name === 'wp:anchor') {
        const wrap = elements(holder).find((e) => e.name.startsWith('wp:wrap'));
        if (wrap) facts.wrap = wrap.name.slice(3);
        const positionV = child(holder, 'wp:positionV');
        const offset = emu(textOf(child(positionV, 'wp:posOffset')).trim() || undefined);
        if (positionV && offset !== undefined) facts.positionV = { relativeFrom: positionV.attrs['relativeFrom'] ?? 'paragraph', offset };
        const top = emu(holder.attrs['distT']);
        const bottom = emu(holder.attrs['distB']);
        if (top || bottom) facts.distance = { top: top ?? 0, bottom: bottom ?? 0 };
      }
      state.drawings.push(facts);
      if (countSkippedText) {
        const box = findDescendant(holder, 'w:txbxContent');
        // Its runs' text only (the tree also keeps the offsets of pictures anchored inside it).
        if (box && collectOutermost(box, 'w:t', []).some((t) => textOf(t).trim().length > 0)) this.skippedTextBoxes++;
      }
    }
  }

  /** VML (w:pict, w:object): the shape's size from its style, and its text boxes, read after the paragraph. */
  private readVml(node: XmlElement, state: InlineState): void {
    if (this.suppressDrawings === 0) {
      const shape = elements(node).find((e) => e.name.startsWith('v:') && e.attrs['style'] !== undefined);
      if (shape) {
        const style = new Map<string, string>();
        for (const decl of (shape.attrs['style'] ?? '').split(';')) {
          const colon = decl.indexOf(':');
          if (colon > 0) style.set(decl.slice(0, colon).trim().toLowerCase(), decl.slice(colon + 1).trim());
        }
        const facts: DrawingFacts = {
          placement: style.get('position') === 'absolute' ? 'anchored' : 'inline',
          offset: state.length,
          source: 'vml',
        };
        const cx = cssLengthEmu(style.get('width'));
        const cy = cssLengthEmu(style.get('height'));
        if (cx !== undefined) facts.cx = cx;
        if (cy !== undefined) facts.cy = cy;
        state.drawings.push(facts);
      }
    }
    // Text boxes: the outermost ones; boxes inside them are found when they are read.
    collectOutermost(node, 'w:txbxContent', state.textBoxes);
  }

  private readTable(tbl: XmlElement, where: Where): TableBlock {
    const tblPr = child(tbl, 'w:tblPr');
    const declaredStyle = child(tblPr, 'w:tblStyle')?.attrs['w:val'];
    const styleId = declaredStyle !== undefined && this.styles.has(declaredStyle) ? declaredStyle : this.styles.defaultTableStyle;
    const cellMargins = { ...this.styles.tableCellMargins(styleId), ...readCellMargins(child(tblPr, 'w:tblCellMar')) };
    const table: TableBlock = {
      type: 'table',
      section: this.sections.length,
      grid: childrenNamed(child(tbl, 'w:tblGrid'), 'w:gridCol').map((c) => twips(c.attrs['w:w']) ?? 0),
      layout: child(tblPr, 'w:tblLayout')?.attrs['w:type'] === 'fixed' ? 'fixed' : 'autofit',
      cellMargins,
      rows: [],
    };
    if (styleId !== undefined) table.styleId = styleId;
    const tblW = child(tblPr, 'w:tblW');
    const width = twips(tblW?.attrs['w:w']);
    if (width !== undefined) table.width = { value: width, type: tblW?.attrs['w:type'] ?? 'dxa' };
    const indent = twips(child(tblPr, 'w:tblInd')?.attrs['w:w']);
    if (indent !== undefined) table.indent = indent;
    const jc = child(tblPr, 'w:jc')?.attrs['w:val'];
    if (jc !== undefined) table.alignment = jc;

    const inCell: Where = { topLevel: false, inTable: true, inTextBox: where.inTextBox, tableStyle: styleId };
    for (const tr of this.tableParts(tbl.children, 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      if (child(trPr, 'w:del')) {
        // A deleted row is not in the document (mammoth skips it too).
        this.trackedChanges = true;
        continue;
      }
      if (child(trPr, 'w:ins')) this.trackedChanges = true;
      const trHeight = child(trPr, 'w:trHeight');
      const height = twips(trHeight?.attrs['w:val']);
      const rule = trHeight?.attrs['w:hRule'];
      const header = child(trPr, 'w:tblHeader');
      const cantSplit = child(trPr, 'w:cantSplit');
      const row: TableRowFacts = {
        heightRule: rule === 'exact' ? 'exact' : rule === 'auto' ? 'auto' : height !== undefined ? 'atLeast' : 'auto',
        header: header ? onOff(header.attrs['w:val']) : false,
        cantSplit: cantSplit ? onOff(cantSplit.attrs['w:val']) : false,
        gridBefore: int(child(trPr, 'w:gridBefore')?.attrs['w:val']) ?? 0,
        gridAfter: int(child(trPr, 'w:gridAfter')?.attrs['w:val']) ?? 0,
        cells: [],
      };
      if (height !== undefined) row.height = height;
      for (const tc of this.tableParts(tr.children, 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const cell: TableCellFacts = { gridSpan: Math.min(MAX_GRID_SPAN, Math.max(1, int(child(tcPr, 'w:gridSpan')?.attrs['w:val']) ?? 1)), blocks: [] };
        const tcW = child(tcPr, 'w:tcW');
        const w = twips(tcW?.attrs['w:w']);
        if (w !== undefined) cell.width = { value: w, type: tcW?.attrs['w:type'] ?? 'dxa' };
        const vMerge = child(tcPr, 'w:vMerge');
        if (vMerge) cell.vMerge = vMerge.attrs['w:val'] === 'restart' ? 'restart' : 'continue';
        const margins = readCellMargins(child(tcPr, 'w:tcMar'));
        if (margins && Object.keys(margins).length > 0) cell.margins = margins;
        this.readBlocks(tc.children, inCell, cell.blocks);
        row.cells.push(cell);
      }
      table.rows.push(row);
    }
    return table;
  }

  /** Rows of a table or cells of a row, looking through the wrappers that may hold them. */
  private tableParts(nodes: XmlNode[], name: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const n of nodes) {
      if (typeof n === 'string') continue;
      if (n.name === name) out.push(n);
      else if (n.name === 'w:sdt') out.push(...this.tableParts(child(n, 'w:sdtContent')?.children ?? [], name));
      else if (n.name === 'w:customXml' || n.name === 'w:ins' || n.name === 'w:moveTo') out.push(...this.tableParts(n.children, name));
      else if (n.name === 'w:del' || n.name === 'w:moveFrom') this.trackedChanges = true;
    }
    return out;
  }
}
