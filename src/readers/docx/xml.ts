// XML parts as a light element tree, parsed with saxes (strict, document order kept). Element and
// attribute names are given canonical prefixes by namespace URI (w:, r:, wp:, a:, …), so a file
// that binds other prefixes, or the Strict OOXML namespaces, reads the same.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError } from '../types.js';
import { docxErrors } from './errors.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export interface ParseOptions {
  /** Nesting deeper than this is refused (xml-too-deep); keeps later recursion bounded too. */
  maxDepth?: number;
  /** Keep text only inside elements whose (canonical) name passes; default keeps all text. */
  keepTextIn?: (elementName: string) => boolean;
  /** Told of each element as it opens and of each kept text's length: where caps are counted while parsing. */
  onOpen?: (elementName: string) => void;
  onText?: (length: number) => void;
}

export const DEFAULT_MAX_DEPTH = 256;

const CANONICAL_PREFIX: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': 'ep',
  'http://purl.oclc.org/ooxml/officeDocument/extendedProperties': 'ep',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'urn:schemas-microsoft-com:office:word': 'w10',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup': 'wpg',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
};

/** Prefix renames in force: document prefix → canonical prefix ('' = the default namespace). */
interface Scope {
  renames: Map<string, string>;
  names: Map<string, string>;
}

function rename(scope: Scope, raw: string, isAttribute: boolean): string {
  const cached = scope.names.get(raw);
  if (cached !== undefined) return cached;
  const colon = raw.indexOf(':');
  let out = raw;
  if (colon >= 0) {
    const to = scope.renames.get(raw.slice(0, colon));
    if (to !== undefined) out = `${to}:${raw.slice(colon + 1)}`;
  } else if (!isAttribute) {
    const to = scope.renames.get('');
    if (to !== undefined) out = `${to}:${raw}`;
  }
  scope.names.set(raw, out);
  return out;
}

/** Text of an XML part: BOM-aware (UTF-8, UTF-16LE/BE); invalid bytes become U+FFFD. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Parses one part into its root element; `part` names it in errors (e.g. "word/document.xml"). */
export function parseXml(source: string | Uint8Array, part: string, options: ParseOptions = {}): XmlElement {
  const text = typeof source === 'string' ? source : decodeXml(source);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const keepTextIn = options.keepTextIn;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const scopes: Scope[] = [{ renames: new Map(), names: new Map() }];
  // Scope depth per element: a new scope only where an element declares namespaces.
  const scopeOwners: boolean[] = [];
  let keepText = keepTextIn ? false : true;
  const keepStack: boolean[] = [];

  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length > maxDepth) throw docxErrors.xmlTooDeep(part, maxDepth);
    let scope = scopes[scopes.length - 1]!;
    const rawAttrs = tag.attributes;
    let declares = false;
    for (const key in rawAttrs) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        if (!declares) {
          scope = { renames: new Map(scope.renames), names: new Map() };
          declares = true;
        }
        const prefix = key === 'xmlns' ? '' : key.slice(6);
        const canonical = CANONICAL_PREFIX[rawAttrs[key]!];
        if (canonical !== undefined && canonical !== prefix) scope.renames.set(prefix, canonical);
        else scope.renames.delete(prefix);
      }
    }
    if (declares) scopes.push(scope);
    scopeOwners.push(declares);
    let attrs = rawAttrs;
    let name = tag.name;
    // Files that bind the usual prefixes (nearly all) need no renaming at all.
    if (scope.renames.size > 0) {
      attrs = {};
      for (const key in rawAttrs) attrs[rename(scope, key, true)] = rawAttrs[key]!;
      name = rename(scope, name, false);
    }
    options.onOpen?.(name);
    const element: XmlElement = { name, attrs, children: [] };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
    if (keepTextIn) {
      keepStack.push(keepText);
      keepText = keepTextIn(element.name);
    }
  });
  parser.on('closetag', () => {
    stack.pop();
    if (scopeOwners.pop()) scopes.pop();
    if (keepTextIn) keepText = keepStack.pop() ?? false;
  });
  const onText = (t: string): void => {
    if (!keepText || stack.length < 2) return;
    options.onText?.(t.length);
    const children = stack[stack.length - 1]!.children;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] = (children[last] as string) + t;
    else children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const detail = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw docxErrors.xmlMalformed(part, detail, err);
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw docxErrors.xmlMalformed(part, 'no root element', undefined);
  return top;
}

/** Throws xml-malformed unless `text` is well-formed XML (a tokenising pass, no tree built). */
export function checkWellFormed(text: string, part: string): void {
  const parser = new SaxesParser({ xmlns: false });
  try {
    parser.write(text).close();
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw docxErrors.xmlMalformed(part, detail, err);
  }
}

// Small accessors, so the readers stay readable.

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!el) return out;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

export function elements(el: XmlElement | undefined): XmlElement[] {
  const out: XmlElement[] = [];
  if (!el) return out;
  for (const c of el.children) if (typeof c !== 'string') out.push(c);
  return out;
}

/** The concatenated text of an element and its descendants (iterative). */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const todo: XmlNode[] = [el];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (typeof n === 'string') parts.push(n);
    else for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]!);
  }
  return parts.join('');
}

/** Depth-first search for the first descendant with the name (iterative). */
export function findDescendant(el: XmlElement, name: string): XmlElement | undefined {
  const todo: XmlElement[] = [el];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (n !== el && n.name === name) return n;
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i]!;
      if (typeof c !== 'string') todo.push(c);
    }
  }
  return undefined;
}
