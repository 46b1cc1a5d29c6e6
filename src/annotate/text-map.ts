// Where each character of a paragraph's text lives in word/document.xml. The walk follows the .docx
// reader (src/readers/docx/body.ts) step for step — reading order, text boxes after their paragraph,
// deleted paragraph marks joining the next paragraph, field instructions skipped, deleted text
// skipped, mc:Fallback read — so paragraph i here is paragraph i there; the caller checks the texts agree.
import { symbolChar } from '../readers/docx/symbols.js';
import { childElement, decodeWithOffsets, type SourceElement, type SourceNode } from './xml-source.js';

/** A stretch of paragraph text that comes from one element. */
export interface Segment {
  /** UTF-16 offsets in the paragraph's text (numbering prefix excluded). */
  from: number;
  to: number;
  /** The w:t, or the w:tab / w:sym / … that stands for one character. */
  el: SourceElement;
  /** The run holding it. */
  run: SourceElement;
  /** For a w:t: the source offset of every UTF-16 boundary of its text (length to - from + 1). */
  offsets?: number[];
  /** A comment boundary may be put here (not in mc:Fallback, ruby text, or odd markup). */
  safe: boolean;
}

export interface MappedParagraph {
  /** The text as read here (without the numbering prefix Word generates). */
  text: string;
  segments: Segment[];
  /** The w:p the paragraph starts in (a paragraph whose mark was deleted comes first). */
  first: SourceElement;
  /** Where a comment on the paragraph can be put when its text cannot be: this w:p, or the paragraph hosting its text box. */
  host: SourceElement | undefined;
}

interface InlineState {
  parts: string[];
  length: number;
  segments: Segment[];
  textBoxes: SourceElement[];
}

const INLINE_WRAPPERS = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:dir', 'w:bdo']);
const ONE_CHAR: Record<string, string> = { 'w:tab': '\t', 'w:ptab': '\t', 'w:noBreakHyphen': '\u2011', 'w:softHyphen': '\u00ad' };

/** The outermost mc:AlternateContent around an element (the reader reads its mc:Fallback; Word shows mc:Choice). */
function alternateAround(el: SourceElement): SourceElement | undefined {
  let outer: SourceElement | undefined;
  for (let p = el.parent; p; p = p.parent) if (p.canon === 'mc:AlternateContent') outer = p;
  return outer;
}

/** Inside mc:Fallback (Word shows mc:Choice) or ruby text: never edited. */
function unsafeAncestor(el: SourceElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.canon === 'mc:Fallback' || p.canon === 'w:ruby') return true;
  return false;
}

function descendants(el: SourceElement | undefined, canon: string): SourceElement[] {
  const out: SourceElement[] = [];
  const visit = (e: SourceElement): void => {
    for (const c of e.children) {
      if (c.kind !== 'element') continue;
      if (c.canon === canon) out.push(c);
      visit(c);
    }
  };
  if (el) visit(el);
  return out;
}

export class TextMapper {
  readonly paragraphs: MappedParagraph[] = [];
  private readonly fields: ('instr' | 'result')[] = [];
  private instrDepth = 0;
  private pending: SourceNode[] = [];
  private pendingFirst: SourceElement | undefined;

  constructor(private readonly source: string) {}

  readBody(body: SourceElement): void {
    this.readBlocks(body.children);
  }

  private readBlocks(nodes: SourceNode[]): void {
    for (const node of nodes) {
      if (node.kind !== 'element') continue;
      switch (node.canon) {
        case 'w:p':
          this.readParagraph(node);
          break;
        case 'w:tbl':
          this.readTable(node);
          break;
        case 'w:sdt':
          this.readBlocks(childElement(node, 'w:sdtContent')?.children ?? []);
          break;
        case 'w:customXml':
        case 'w:smartTag':
        case 'w:ins':
        case 'w:moveTo':
          this.readBlocks(node.children);
          break;
        case 'mc:AlternateContent':
          this.readBlocks(childElement(node, 'mc:Fallback')?.children ?? []);
          break;
      }
    }
  }

  private readParagraph(p: SourceElement): void {
    const markRPr = childElement(childElement(p, 'w:pPr'), 'w:rPr');
    if (childElement(markRPr, 'w:del')) {
      this.pending.push(...p.children);
      this.pendingFirst ??= p;
      return;
    }
    const content = this.pending.length > 0 ? [...this.pending, ...p.children] : p.children;
    const first = this.pendingFirst ?? p;
    this.pending = [];
    this.pendingFirst = undefined;

    const outer = alternateAround(first);
    let host: SourceElement | undefined = first;
    if (outer) {
      host = undefined;
      for (let a = outer.parent; a; a = a.parent) {
        if (a.canon === 'w:p' && !alternateAround(a)) {
          host = a;
          break;
        }
      }
    }
    const mapped: MappedParagraph = { text: '', segments: [], first, host };
    this.paragraphs.push(mapped);
    const state: InlineState = { parts: [], length: 0, segments: [], textBoxes: [] };
    this.walkInline(content, state);
    while (this.fields[this.fields.length - 1] === 'instr') {
      this.fields.pop();
      this.instrDepth--;
    }
    mapped.text = state.parts.join('');
    mapped.segments = state.segments;
    if (outer && content === p.children) this.useChoice(mapped, p, outer);
    for (const box of state.textBoxes) this.readBlocks(box.children);
  }

  /**
   * A paragraph read from mc:Fallback (a VML text box, typically the red 发文机关标志) is shown by
   * Word from mc:Choice, which holds the same paragraphs again: the same-numbered paragraph there,
   * when its text is the same, is where its comments go.
   */
  private useChoice(mapped: MappedParagraph, p: SourceElement, alternate: SourceElement): void {
    let inner = alternate;
    for (let a = p.parent; a; a = a.parent) {
      if (a.canon === 'mc:AlternateContent') {
        inner = a;
        break;
      }
    }
    const fallbackParagraphs = descendants(childElement(inner, 'mc:Fallback'), 'w:p');
    const choiceParagraphs = descendants(childElement(inner, 'mc:Choice'), 'w:p');
    const k = fallbackParagraphs.indexOf(p);
    const twin = choiceParagraphs[k];
    if (k < 0 || !twin || fallbackParagraphs.length !== choiceParagraphs.length) return;
    const alone = new TextMapper(this.source);
    const state: InlineState = { parts: [], length: 0, segments: [], textBoxes: [] };
    alone.walkInline(twin.children, state);
    if (state.parts.join('') !== mapped.text) return;
    mapped.segments = state.segments;
    mapped.first = twin;
    mapped.host = twin;
  }

  private walkInline(nodes: SourceNode[], state: InlineState): void {
    for (const node of nodes) {
      if (node.kind !== 'element') continue;
      const name = node.canon;
      if (name === 'w:r' || INLINE_WRAPPERS.has(name) || name === 'w:ins' || name === 'w:moveTo') {
        this.walkInline(node.children, state);
      } else if (name === 'w:sdt') {
        this.walkInline(childElement(node, 'w:sdtContent')?.children ?? [], state);
      } else if (name === 'mc:AlternateContent') {
        const fallback = childElement(node, 'mc:Fallback');
        if (fallback) this.walkInline(fallback.children, state);
      } else if (name === 'w:t') {
        if (this.instrDepth === 0) this.addText(node, state);
      } else if (ONE_CHAR[name] !== undefined) {
        if (this.instrDepth === 0) this.addChar(node, ONE_CHAR[name]!, state);
      } else if (name === 'w:sym') {
        const code = Number.parseInt(node.attrs['w:char'] ?? '', 16);
        if (this.instrDepth === 0 && Number.isFinite(code) && code > 0 && code <= 0x10ffff) this.addChar(node, symbolChar(node.attrs['w:font'], code), state);
      } else if (name === 'w:fldChar') {
        this.fieldChar(node.attrs['w:fldCharType']);
      } else if (name === 'w:pict' || name === 'w:object') {
        this.collectTextBoxes(node, state.textBoxes);
      } else if (name === 'w:ruby') {
        const base = childElement(node, 'w:rubyBase');
        if (base) this.walkInline(base.children, state);
      }
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

  private addText(t: SourceElement, state: InlineState): void {
    // The reader keeps the character data directly in w:t; anything else in there (CDATA,
    // comments, elements) makes the element one we read but do not cut.
    let plain = true;
    let text = '';
    let offsets: number[] = [];
    for (const c of t.children) {
      if (c.kind === 'text') {
        const d = decodeWithOffsets(this.source.slice(c.start, c.end));
        if (offsets.length > 0) offsets.pop();
        offsets = offsets.concat(d.offsets.map((o) => o + c.start));
        text += d.text;
      } else if (c.kind === 'cdata') {
        plain = false;
        text += this.source.slice(c.start + 9, c.end - 3);
      } else {
        plain = false;
      }
    }
    if (text.length === 0) return;
    const run = t.parent;
    const seg: Segment = {
      from: state.length,
      to: state.length + text.length,
      el: t,
      run: run ?? t,
      safe: plain && run?.canon === 'w:r' && !unsafeAncestor(t),
    };
    if (plain) seg.offsets = offsets;
    state.parts.push(text);
    state.length += text.length;
    state.segments.push(seg);
  }

  private addChar(el: SourceElement, text: string, state: InlineState): void {
    if (text.length === 0) return;
    const run = el.parent;
    state.segments.push({ from: state.length, to: state.length + text.length, el, run: run ?? el, safe: run?.canon === 'w:r' && !unsafeAncestor(el) });
    state.parts.push(text);
    state.length += text.length;
  }

  private collectTextBoxes(node: SourceElement, out: SourceElement[]): void {
    for (const c of node.children) {
      if (c.kind !== 'element') continue;
      if (c.canon === 'w:txbxContent') out.push(c);
      else this.collectTextBoxes(c, out);
    }
  }

  private readTable(tbl: SourceElement): void {
    for (const tr of this.tableParts(tbl.children, 'w:tr')) {
      if (childElement(childElement(tr, 'w:trPr'), 'w:del')) continue;
      for (const tc of this.tableParts(tr.children, 'w:tc')) this.readBlocks(tc.children);
    }
  }

  private tableParts(nodes: SourceNode[], name: string): SourceElement[] {
    const out: SourceElement[] = [];
    for (const n of nodes) {
      if (n.kind !== 'element') continue;
      if (n.canon === name) out.push(n);
      else if (n.canon === 'w:sdt') out.push(...this.tableParts(childElement(n, 'w:sdtContent')?.children ?? [], name));
      else if (n.canon === 'w:customXml' || n.canon === 'w:ins' || n.canon === 'w:moveTo') out.push(...this.tableParts(n.children, name));
    }
    return out;
  }
}
