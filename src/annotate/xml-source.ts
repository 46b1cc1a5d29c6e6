// An XML part as a tree that remembers where every node sits in the source text, so the part can be
// edited by inserting and replacing slices while every byte not touched stays as it was. (The
// reader's tree in src/readers/docx/xml.ts drops whitespace and offsets: fine for reading only.)

export interface SourceElement {
  kind: 'element';
  /** The qualified name as written. */
  name: string;
  /** "w:r", "mc:Fallback"… whatever prefix the file binds; other namespaces keep the written name. */
  canon: string;
  /** Attribute values, decoded, by canonical name ("w:val"). */
  attrs: Record<string, string>;
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  selfClosing: boolean;
  /** Offset of "</" of the end tag (openEnd when self-closing). */
  close: number;
  /** Offset just after the end tag (openEnd when self-closing). */
  end: number;
  children: SourceNode[];
  parent: SourceElement | undefined;
  /** Prefix → namespace URI in scope here ('' for the default namespace). */
  scope: ReadonlyMap<string, string>;
}

export interface SourceLeaf {
  kind: 'text' | 'cdata' | 'other';
  start: number;
  end: number;
  parent: SourceElement | undefined;
}

export type SourceNode = SourceElement | SourceLeaf;

export const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function canonical(raw: string, scope: ReadonlyMap<string, string>, isAttribute: boolean): string {
  const colon = raw.indexOf(':');
  if (colon < 0 && isAttribute) return raw;
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  const local = colon < 0 ? raw : raw.slice(colon + 1);
  const uri = scope.get(prefix);
  if (uri !== undefined && W_NAMESPACES.has(uri)) return `w:${local}`;
  if (uri === MC_NAMESPACE) return `mc:${local}`;
  return raw;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes character data, as a parser would (entities, line ends). */
export function decodeEntities(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[ref] ?? m;
  });
}

/**
 * Decodes raw character data keeping, for every UTF-16 boundary of the decoded text, the raw offset
 * it corresponds to (so a cut in the text is a cut in the source that splits no entity).
 */
export function decodeWithOffsets(raw: string): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    let piece: string;
    let width: number;
    if (c === '&') {
      const semi = raw.indexOf(';', i);
      const entity = semi > i ? raw.slice(i, semi + 1) : '&';
      piece = decodeEntities(entity);
      width = entity.length;
    } else if (c === '\r') {
      piece = '\n';
      width = raw[i + 1] === '\n' ? 2 : 1;
    } else {
      piece = c;
      width = 1;
    }
    for (let k = 0; k < piece.length; k++) offsets.push(i);
    text += piece;
    i += width;
  }
  offsets.push(raw.length);
  return { text, offsets };
}

export function escapeXmlText(s: string): string {
  // Characters XML 1.0 cannot carry are dropped; the rest escaped.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Parses an XML document (well formed: the reader has already parsed it) into a source tree. */
export function parseSource(text: string): SourceElement {
  const root: SourceElement = {
    kind: 'element',
    name: '#document',
    canon: '#document',
    attrs: {},
    start: 0,
    openEnd: 0,
    selfClosing: false,
    close: text.length,
    end: text.length,
    children: [],
    parent: undefined,
    scope: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]),
  };
  let current = root;
  let i = 0;
  const leaf = (kind: SourceLeaf['kind'], start: number, end: number): void => {
    current.children.push({ kind, start, end, parent: current === root ? undefined : current });
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      leaf('text', i, text.length);
      break;
    }
    if (lt > i) leaf('text', i, lt);
    if (text.startsWith('<!--', lt)) {
      const e = text.indexOf('-->', lt + 4);
      i = e < 0 ? text.length : e + 3;
      leaf('other', lt, i);
    } else if (text.startsWith('<![CDATA[', lt)) {
      const e = text.indexOf(']]>', lt + 9);
      i = e < 0 ? text.length : e + 3;
      leaf('cdata', lt, i);
    } else if (text.startsWith('<?', lt)) {
      const e = text.indexOf('?>', lt + 2);
      i = e < 0 ? text.length : e + 2;
      leaf('other', lt, i);
    } else if (text.startsWith('<!', lt)) {
      // A DOCTYPE, possibly with an internal subset in brackets.
      let depth = 0;
      let j = lt + 2;
      for (; j < text.length; j++) {
        const ch = text[j];
        if (ch === '[') depth++;
        else if (ch === ']') depth--;
        else if (ch === '>' && depth <= 0) break;
      }
      i = j + 1;
      leaf('other', lt, i);
    } else if (text[lt + 1] === '/') {
      const gt = text.indexOf('>', lt);
      i = gt < 0 ? text.length : gt + 1;
      current.close = lt;
      current.end = i;
      current = current.parent ?? root;
    } else {
      // A start tag: find its end outside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const ch = text[j]!;
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      const selfClosing = text[j - 1] === '/';
      const inner = text.slice(lt + 1, selfClosing ? j - 1 : j);
      const nameMatch = /^[^\s/>]+/.exec(inner);
      const name = nameMatch ? nameMatch[0] : '';
      const rawAttrs: [string, string][] = [];
      const attrRe = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
      attrRe.lastIndex = name.length;
      for (let m = attrRe.exec(inner); m; m = attrRe.exec(inner)) rawAttrs.push([m[1]!, decodeEntities(m[3] ?? m[4] ?? '')]);
      let scope = current.scope;
      for (const [k, v] of rawAttrs) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (scope === current.scope) scope = new Map(scope);
          (scope as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), v);
        }
      }
      const attrs: Record<string, string> = {};
      for (const [k, v] of rawAttrs) attrs[canonical(k, scope, true)] = v;
      i = j + 1;
      const el: SourceElement = {
        kind: 'element',
        name,
        canon: canonical(name, scope, false),
        attrs,
        start: lt,
        openEnd: i,
        selfClosing,
        close: i,
        end: i,
        children: [],
        parent: current === root ? undefined : current,
        scope,
      };
      current.children.push(el);
      if (!selfClosing) current = el;
    }
  }
  const top = root.children.find((c): c is SourceElement => c.kind === 'element');
  if (!top) throw new Error('no root element');
  return top;
}

export function childElement(el: SourceElement | undefined, canon: string): SourceElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.kind === 'element' && c.canon === canon) return c;
  return undefined;
}

export function elementChildren(el: SourceElement): SourceElement[] {
  return el.children.filter((c): c is SourceElement => c.kind === 'element');
}

/** A prefix bound to the WordprocessingML namespace where `el` is, or undefined (then one must be declared). */
export function wordPrefix(el: SourceElement): string | undefined {
  const own = el.name.includes(':') ? el.name.slice(0, el.name.indexOf(':')) : '';
  if (own && W_NAMESPACES.has(el.scope.get(own) ?? '')) return own;
  for (const [prefix, uri] of el.scope) if (prefix && W_NAMESPACES.has(uri)) return prefix;
  return undefined;
}
