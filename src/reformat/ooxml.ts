// Small OOXML edits on source text: an element's children replaced, added or dropped by local name, written
// back in the order the schema sets (Word refuses a file whose w:pPr, w:rPr or w:sectPr children are out of
// order), every other byte kept as it was.
import { escapeXmlText, W_NAMESPACES, wordPrefix, type SourceElement } from '../annotate/xml-source.js';

/** CT_PPr children in schema order (w:rPr, w:sectPr and w:pPrChange last). */
export const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs',
  'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd',
  'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment',
  'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
];
/** CT_RPr children in schema order (the paragraph mark's w:ins/w:del/w:moveFrom/w:moveTo first). */
export const RPR_ORDER = [
  'ins', 'del', 'moveFrom', 'moveTo', 'rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow',
  'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight',
  'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath', 'rPrChange',
];
/** CT_SectPr children in schema order. */
export const SECTPR_ORDER = [
  'headerReference', 'footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders', 'lnNumType', 'pgNumType',
  'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid', 'printerSettings', 'sectPrChange',
];

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** How new WordprocessingML markup is written in one part. */
export interface WordNaming {
  /** The prefix every element and attribute written takes. */
  prefix: string;
  /** The WordprocessingML namespace of the part (Transitional or Strict). */
  namespace: string;
  /** The declaration of `prefix` added to the part's root start tag, when the root binds no prefix to it. */
  declare?: Splice;
}

/**
 * The prefix to write WordprocessingML with in a part: the one its root binds to the namespace (w:, ns0: …),
 * or else one declared once on the root. A part may name Word's elements through the default namespace and
 * bind a prefix for their attributes only on the elements that carry some (as LINQ to XML writes), so no
 * prefix need be in scope where the edits go. One declaration on the root rather than one on each element
 * written (every run would get its own): the prefix is one that no element of the part binds to another
 * namespace, so it means Word's wherever it is written.
 */
export function wordNaming(root: SourceElement, fallbackNamespace: string): WordNaming {
  const own = wordPrefix(root);
  const namespace = (own !== undefined ? root.scope.get(own) : [...root.scope.values()].find((u) => W_NAMESPACES.has(u))) ?? fallbackNamespace;
  const elsewhere = new Set<string>();
  const todo = [root];
  for (let e = todo.pop(); e; e = todo.pop()) {
    if (e.scope !== e.parent?.scope) for (const [p, uri] of e.scope) if (uri !== namespace) elsewhere.add(p);
    for (const c of e.children) if (c.kind === 'element') todo.push(c);
  }
  const bound = [...root.scope].filter(([p, uri]) => p && uri === namespace).map(([p]) => p);
  const kept = [own, ...bound].find((p) => p !== undefined && !elsewhere.has(p));
  if (kept !== undefined) return { prefix: kept, namespace };
  let prefix = 'w';
  for (let n = 0; elsewhere.has(prefix) || root.scope.has(prefix); n++) prefix = `w${n}`;
  const at = root.start + 1 + root.name.length;
  return { prefix, namespace, declare: { start: at, end: at, text: ` xmlns:${prefix}="${escapeXmlText(namespace)}"` } };
}

/** A w: element as text with the file's prefix: el('w', 'sz', { val: 32 }) → <w:sz w:val="32"/>. */
export function el(prefix: string, name: string, attrs: Record<string, string | number>, inner?: string): string {
  const q = prefix ? `${prefix}:` : '';
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k.includes(':') ? k : `${q}${k}`}="${escapeXmlText(String(v))}"`)
    .join('');
  return inner === undefined ? `<${q}${name}${a}/>` : `<${q}${name}${a}>${inner}</${q}${name}>`;
}

/**
 * The children of `parent` rewritten: `set` maps a local name to its new text ('' drops every child of that
 * name; a name not there yet is added), then all are put in `order` (unknown names keep their place after
 * the known child before them).
 */
export function rewriteChildren(source: string, parent: SourceElement, set: Record<string, string>, order: string[]): string {
  const rank = new Map(order.map((n, i) => [n, i]));
  const items: { rank: number; seq: number; xml: string }[] = [];
  let last = -1;
  let seq = 0;
  const seen = new Set<string>();
  for (const c of parent.children) {
    if (c.kind !== 'element') continue;
    const name = c.canon.startsWith('w:') ? localName(c.canon) : c.canon;
    const r = rank.get(name);
    if (r !== undefined) last = r;
    if (name in set) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (set[name]) items.push({ rank: r ?? last, seq: seq++, xml: set[name]! });
      continue;
    }
    items.push({ rank: r ?? last, seq: seq++, xml: source.slice(c.start, c.end) });
  }
  for (const [name, xml] of Object.entries(set)) {
    if (seen.has(name) || !xml) continue;
    items.push({ rank: rank.get(name) ?? order.length, seq: seq++, xml });
  }
  items.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
  return items.map((i) => i.xml).join('');
}

/** The element with new children: its start tag kept (a self-closing one opened), its end tag written. */
export function withChildren(source: string, element: SourceElement, inner: string): string {
  const open = element.selfClosing ? source.slice(element.start, element.openEnd).replace(/\s*\/>$/, '>') : source.slice(element.start, element.openEnd);
  return `${open}${inner}</${element.name}>`;
}

/** An existing element's attributes, by the name as written, with some replaced or removed (undefined). */
export function attrsWith(element: SourceElement | undefined, prefix: string, over: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const q = prefix ? `${prefix}:` : '';
  if (element) for (const [k, v] of Object.entries(element.attrs)) out[k.startsWith('w:') ? `${q}${k.slice(2)}` : k] = v;
  for (const [k, v] of Object.entries(over)) {
    const key = `${q}${k}`;
    if (v === undefined) delete out[key];
    else out[key] = v;
  }
  return out;
}

/** A text splice on the source; applied from the end so earlier offsets stay right. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function applySplices(source: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  let floor = Infinity;
  for (const s of sorted) {
    if (s.end > floor) throw new Error('overlapping edits');
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
    floor = s.start;
  }
  return out;
}
