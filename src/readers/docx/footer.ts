// Footer parts (word/footerN.xml): what the page-number check needs to know about each — its
// paragraphs' alignment, text (field results included), the fields they hold (PAGE and its number
// format switches), and the font size and font the text is set in, resolved through the styles.
import type { FooterFacts, FooterParagraphFacts } from './layout-facts.js';
import { finishPPr, mergePPr, mergeRPr, readPPr, readRPr, type RPr } from './properties.js';
import type { StyleSheet } from './styles.js';
import { child, textOf, type XmlElement, type XmlNode } from './xml.js';

const DEFAULT_SIZE = 20;
/** A footer is a line or two; a damaged or odd part never makes the walk long. */
const MAX_PARAGRAPHS = 50;

interface Walk {
  text: string;
  fields: string[];
  /** Characters per (size, font) of the visible text, for the dominant one. */
  looks: Map<string, number>;
  /** Inside a complex field's instruction: collect it, show nothing. */
  instr: string[] | undefined;
  depth: number;
}

function addText(w: Walk, text: string, rPr: RPr): void {
  if (w.instr) {
    w.instr.push(text);
    return;
  }
  w.text += text;
  const visible = text.replace(/\s/g, '').length;
  if (visible === 0) return;
  const key = `${rPr.size ?? DEFAULT_SIZE}\u0000${rPr.fontEastAsia ?? rPr.fontAscii ?? ''}\u0000${rPr.fontAscii ?? ''}`;
  w.looks.set(key, (w.looks.get(key) ?? 0) + visible);
}

function walk(nodes: XmlNode[], w: Walk, rPr: RPr, styles: StyleSheet): void {
  if (++w.depth > 64) return;
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    switch (node.name) {
      case 'w:r': {
        const el = child(node, 'w:rPr');
        let own = rPr;
        const rStyle = child(el, 'w:rStyle')?.attrs['w:val'];
        if (rStyle !== undefined) own = mergeRPr(own, styles.characterStyle(rStyle));
        if (el) own = mergeRPr(own, readRPr(el));
        walk(node.children, w, own, styles);
        break;
      }
      case 'w:t':
        addText(w, textOf(node), rPr);
        break;
      case 'w:tab':
      case 'w:ptab':
        addText(w, '\t', rPr);
        break;
      case 'w:instrText':
        if (w.instr) w.instr.push(textOf(node));
        break;
      case 'w:fldChar': {
        const type = node.attrs['w:fldCharType'];
        if (type === 'begin') w.instr = [];
        else if (type === 'separate' || type === 'end') {
          if (w.instr) w.fields.push(w.instr.join('').trim());
          w.instr = undefined;
        }
        break;
      }
      case 'w:fldSimple':
        w.fields.push((node.attrs['w:instr'] ?? '').trim());
        walk(node.children, w, rPr, styles);
        break;
      case 'w:hyperlink':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:ins':
      case 'w:sdt':
      case 'w:sdtContent':
        walk(node.children, w, rPr, styles);
        break;
      case 'mc:AlternateContent':
        walk(child(node, 'mc:Fallback')?.children ?? [], w, rPr, styles);
        break;
    }
  }
  w.depth--;
}

function readParagraph(p: XmlElement, styles: StyleSheet): FooterParagraphFacts {
  const pPrEl = child(p, 'w:pPr');
  const pStyle = child(pPrEl, 'w:pStyle')?.attrs['w:val'];
  const styleId = pStyle !== undefined && styles.has(pStyle) ? pStyle : styles.defaultParagraphStyle;
  const own = styles.paragraphStyle(styleId);
  const props = finishPPr(mergePPr(mergePPr(styles.docPPr, own.pPr), readPPr(pPrEl)));
  const base = mergeRPr(styles.docRPr, own.rPr);
  const w: Walk = { text: '', fields: [], looks: new Map(), instr: undefined, depth: 0 };
  walk(p.children, w, base, styles);
  if (w.instr) w.fields.push(w.instr.join('').trim());
  const out: FooterParagraphFacts = { alignment: props.alignment, text: w.text, fields: w.fields, indentLeft: props.indentLeft, indentRight: props.indentRight };
  let best = -1;
  for (const [key, count] of w.looks) {
    if (count <= best) continue;
    best = count;
    const [size, font, ascii] = key.split('\u0000');
    out.size = Number(size);
    if (font) out.font = font;
    if (ascii) out.fontAscii = ascii;
  }
  if (out.size === undefined) out.size = base.size ?? DEFAULT_SIZE;
  return out;
}

/** The paragraphs of a footer part (tables' cells and content controls looked into). */
export function readFooter(root: XmlElement, part: string, styles: StyleSheet): FooterFacts {
  const paragraphs: FooterParagraphFacts[] = [];
  const visit = (el: XmlElement, depth: number): void => {
    if (depth > 32) return;
    for (const c of el.children) {
      if (typeof c === 'string' || paragraphs.length >= MAX_PARAGRAPHS) continue;
      if (c.name === 'w:p') paragraphs.push(readParagraph(c, styles));
      else if (c.name === 'w:tbl' || c.name === 'w:tr' || c.name === 'w:tc' || c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') visit(c, depth + 1);
      else if (c.name === 'mc:AlternateContent') {
        const fallback = child(c, 'mc:Fallback');
        if (fallback) visit(fallback, depth + 1);
      }
    }
  };
  visit(root, 0);
  return { part, paragraphs };
}
