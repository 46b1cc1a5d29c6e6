// Where style definitions come from. Word's styles.xml is often large (hundreds of table styles,
// 600 KB+) while a document uses a handful, so the usual "w:"-prefixed file is indexed with plain
// string search and only the styles asked for are parsed. Anything unusual gets a full parse.
import { childrenNamed, child, parseXml, type XmlElement } from './xml.js';

export interface StyleSource {
  docDefaults: XmlElement | undefined;
  has(id: string): boolean;
  get(id: string): XmlElement | undefined;
  /** The style marked w:default="1" for a type ('paragraph', 'table', …). */
  defaultId(type: string): string | undefined;
}

const W_URIS = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

function attr(startTag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(startTag);
  if (!m) return undefined;
  return m[2]!.replace(/&(amp|lt|gt|quot|apos);/g, (_e, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[n]!);
}

const EMPTY: StyleSource = { docDefaults: undefined, has: () => false, get: () => undefined, defaultId: () => undefined };

/** A source over an already parsed styles part (or none). */
export function treeStyleSource(root: XmlElement | undefined): StyleSource {
  if (!root) return EMPTY;
  const byId = new Map<string, XmlElement>();
  const defaults = new Map<string, string>();
  for (const s of childrenNamed(root, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (id === undefined || byId.has(id)) continue;
    byId.set(id, s);
    const type = s.attrs['w:type'] ?? 'paragraph';
    const isDefault = s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true';
    if (isDefault && !defaults.has(type)) defaults.set(type, id);
  }
  return {
    docDefaults: child(root, 'w:docDefaults'),
    has: (id) => byId.has(id),
    get: (id) => byId.get(id),
    defaultId: (type) => defaults.get(type),
  };
}

/**
 * A source that parses style by style on demand; undefined when the text is not in the plain
 * form (root <w:styles> binding w: itself), so the caller parses it whole instead.
 */
export function lazyStyleSource(text: string, part: string): StyleSource | undefined {
  const rootAt = text.indexOf('<w:styles');
  if (rootAt < 0) return undefined;
  const rootEnd = text.indexOf('>', rootAt);
  if (rootEnd < 0) return undefined;
  const rootTag = text.slice(rootAt, rootEnd + 1);
  if (rootTag.endsWith('/>')) return EMPTY;
  if (!W_URIS.some((uri) => attr(rootTag, 'xmlns:w') === uri)) return undefined;

  const wrap = (chunk: string): XmlElement | undefined =>
    parseXml(`${rootTag}${chunk}</w:styles>`, part, { keepTextIn: () => false }).children.find(
      (c): c is XmlElement => typeof c !== 'string',
    );

  const ranges = new Map<string, [number, number]>();
  const defaults = new Map<string, string>();
  let pos = rootEnd;
  for (;;) {
    pos = text.indexOf('<w:style', pos);
    if (pos < 0) break;
    const after = text.charCodeAt(pos + 8);
    // "<w:styles", "<w:styleId"… are other names.
    if (!(after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)) {
      pos += 8;
      continue;
    }
    const tagEnd = text.indexOf('>', pos);
    if (tagEnd < 0) return undefined;
    let end: number;
    if (text.charCodeAt(tagEnd - 1) === 0x2f) end = tagEnd + 1;
    else {
      const close = text.indexOf('</w:style>', tagEnd);
      if (close < 0) return undefined;
      end = close + 10;
    }
    const startTag = text.slice(pos, tagEnd + 1);
    const id = attr(startTag, 'w:styleId');
    if (id !== undefined && !ranges.has(id)) {
      ranges.set(id, [pos, end]);
      const type = attr(startTag, 'w:type') ?? 'paragraph';
      const isDefault = attr(startTag, 'w:default');
      if ((isDefault === '1' || isDefault === 'true') && !defaults.has(type)) defaults.set(type, id);
    }
    pos = end;
  }

  let docDefaults: XmlElement | undefined;
  const ddAt = text.indexOf('<w:docDefaults');
  if (ddAt >= 0) {
    const ddEnd = text.indexOf('</w:docDefaults>', ddAt);
    if (ddEnd >= 0) docDefaults = wrap(text.slice(ddAt, ddEnd + 16));
  }
  const parsed = new Map<string, XmlElement | undefined>();
  return {
    docDefaults,
    has: (id) => ranges.has(id),
    get: (id) => {
      if (!parsed.has(id)) {
        const r = ranges.get(id);
        parsed.set(id, r ? wrap(text.slice(r[0], r[1])) : undefined);
      }
      return parsed.get(id);
    },
    defaultId: (type) => defaults.get(type),
  };
}
