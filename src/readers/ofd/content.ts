// A page's text from its Content.xml (GB/T 33190-2016 11.2): every ofd:TextObject in drawing order,
// each ofd:TextCode placed glyph by glyph (X, Y, DeltaX, DeltaY), turned into the positioned runs
// the PDF reader's line re-joining works on (top-down page space, points).
import { textOf } from '../docx/xml.js';
import type { TextItem } from '../pdf/layout.js';
import { childOf, childrenOf, childText, localName, numbers, type XmlElement } from './xml.js';

/** OFD measures in millimetres; the layout code (and ParagraphStyle.fontSizePt) in points. */
export const PT_PER_MM = 72 / 25.4;

export interface TemplateRef {
  id: string;
  /** 'Background' (the default) draws under the page's content, 'Foreground' over it. */
  foreground: boolean;
}

export interface PageContent {
  /** The page box in mm (x y w h), when the page sets its own. */
  box?: number[];
  items: TextItem[];
  templates: TemplateRef[];
}

/** Only TextCode text is kept when parsing a page: the rest of a page is drawing, not words. */
export const keepPageText = (name: string): boolean => {
  const local = localName(name);
  return local === 'TextCode' || local === 'PhysicalBox';
};

/**
 * A DeltaX/DeltaY list, expanded up to `needed` values. "g N v" stands for N repetitions of v
 * (the standard's compressed form); N is capped by what the glyphs need, so a huge count costs
 * nothing. A list shorter than the glyphs is carried on with its last value.
 */
export function expandDeltas(value: string | undefined, needed: number): number[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const tokens = value.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < needed; ) {
    if (tokens[i] === 'g') {
      const count = Number.parseInt(tokens[i + 1] ?? '', 10);
      const step = Number(tokens[i + 2]);
      const take = Number.isFinite(count) && count > 0 ? Math.min(count, needed - out.length) : 0;
      for (let k = 0; k < take; k++) out.push(Number.isFinite(step) ? step : 0);
      i += 3;
    } else {
      const step = Number(tokens[i]);
      out.push(Number.isFinite(step) ? step : 0);
      i++;
    }
  }
  if (out.length === 0) return undefined;
  while (out.length < needed) out.push(out[out.length - 1]!);
  return out;
}

/** A glyph's advance where the file gives none: full width for CJK and full-width forms, half otherwise. */
function naturalAdvance(ch: string, size: number): number {
  return ch.charCodeAt(0) < 0x2000 ? 0.5 * size : size;
}

/** XML indentation inside a TextCode is not text: newlines (and the spaces around them) and tabs go. */
function codeText(code: XmlElement): string {
  return textOf(code).replace(/[ \t]*[\r\n]+[ \t]*/g, '').replace(/\t/g, '');
}

interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** The runs of one TextObject, in page space (points); none for rotated or vertical text. */
function textObjectItems(obj: XmlElement): TextItem[] {
  const attrs = obj.attrs;
  // Vertical and rotated text (ReadDirection/CharDirection, a rotating CTM) is not part of the
  // text flow: stamps, side notes, watermarks — as the PDF reader skips rotated runs.
  if (Number(attrs['ReadDirection'] ?? 0) !== 0 || Number(attrs['CharDirection'] ?? 0) !== 0) return [];
  const [bx = 0, by = 0, , bh = 0] = numbers(attrs['Boundary'], 4) ?? [];
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbers(attrs['CTM'], 6) ?? [];
  const m: Matrix = { a, b, c, d, e, f };
  if (m.a <= 0 || m.d <= 0 || Math.abs(m.b) > 0.05 * m.a || Math.abs(m.c) > 0.05 * m.d) return [];
  let size = Number(attrs['Size']);
  if (!Number.isFinite(size) || size <= 0) size = bh;
  if (!(size > 0)) return [];

  const items: TextItem[] = [];
  let lastX: number | undefined;
  let lastY: number | undefined;
  for (const code of childrenOf(obj, 'TextCode')) {
    // X and Y may be left out after the first TextCode: the previous one's value holds.
    const xAttr = code.attrs['X'] !== undefined ? Number(code.attrs['X']) : lastX;
    const yAttr = code.attrs['Y'] !== undefined ? Number(code.attrs['Y']) : lastY;
    if (xAttr === undefined || yAttr === undefined || !Number.isFinite(xAttr) || !Number.isFinite(yAttr)) continue;
    lastX = xAttr;
    lastY = yAttr;
    const glyphs = Array.from(codeText(code));
    if (glyphs.length === 0) continue;
    const dx = expandDeltas(code.attrs['DeltaX'], glyphs.length - 1);
    const dy = expandDeltas(code.attrs['DeltaY'], glyphs.length - 1);

    // Glyph origins in object space; a run ends where the baseline moves or the pen goes back
    // (one TextCode may hold several lines, as some producers write them).
    let run = { str: glyphs[0]!, x0: xAttr, y: yAttr, x: xAttr, last: glyphs[0]! };
    const flush = (): void => {
      const x1 = run.x + naturalAdvance(run.last, size);
      const [px, py] = [bx + m.a * run.x0 + m.c * run.y + m.e, by + m.b * run.x0 + m.d * run.y + m.f];
      items.push({ str: run.str, x: px * PT_PER_MM, y: py * PT_PER_MM, width: (x1 - run.x0) * m.a * PT_PER_MM, size: size * m.d * PT_PER_MM });
    };
    let x = xAttr;
    let y = yAttr;
    for (let i = 1; i < glyphs.length; i++) {
      const glyph = glyphs[i]!;
      x += dx ? dx[i - 1]! : naturalAdvance(glyphs[i - 1]!, size);
      y += dy ? dy[i - 1]! : 0;
      if (Math.abs(y - run.y) > 0.2 * size || x < run.x - 0.1 * size) {
        flush();
        run = { str: glyph, x0: x, y, x, last: glyph };
      } else {
        run.str += glyph;
        run.x = x;
        run.last = glyph;
      }
    }
    flush();
  }
  return items;
}

/** All text objects under `el` in document (drawing) order; page blocks are looked into. */
function textObjects(el: XmlElement | undefined): XmlElement[] {
  const out: XmlElement[] = [];
  if (!el) return out;
  const todo: XmlElement[] = [el];
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (localName(node.name) === 'TextObject') {
      out.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!;
      if (typeof child !== 'string') todo.push(child);
    }
  }
  return out;
}

/** The text runs, page box and template references of one page (or template page) part. */
export function readPageContent(page: XmlElement): PageContent {
  const result: PageContent = { items: [], templates: [] };
  const box = numbers(childText(childOf(page, 'Area'), 'PhysicalBox'), 4);
  if (box) result.box = box;
  for (const tpl of childrenOf(page, 'Template')) {
    const id = tpl.attrs['TemplateID'];
    if (id !== undefined) result.templates.push({ id, foreground: tpl.attrs['ZOrder'] === 'Foreground' });
  }
  for (const obj of textObjects(childOf(page, 'Content'))) for (const item of textObjectItems(obj)) result.items.push(item);
  return result;
}
