// OFD parts are read with the .docx reader's XML parser; OFD elements are matched by local name,
// because producers write them with the ofd: prefix, with another prefix, or in the default namespace.
import { parseXml, textOf, type XmlElement } from '../docx/xml.js';
import type { ZipArchive } from '../docx/zip.js';
import { ofdErrors } from './errors.js';

export type { XmlElement };

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function childOf(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && localName(c.name) === name) return c;
  return undefined;
}

export function childrenOf(el: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!el) return out;
  for (const c of el.children) if (typeof c !== 'string' && localName(c.name) === name) out.push(c);
  return out;
}

/** The trimmed text of a child element, or undefined when it is absent or empty. */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  const text = textOf(childOf(el, name)).trim();
  return text === '' ? undefined : text;
}

/**
 * Resolves an ST_Loc (GB/T 33190 7.3): "/…" from the package root, otherwise from the folder of
 * the part that names it. Backslashes are read as slashes; ".." may not climb out of the package.
 */
export function resolveLoc(baseDir: string, loc: string): string {
  const path = loc.trim().replace(/\\/g, '/');
  const segments = path.startsWith('/') ? [] : baseDir.split('/').filter(Boolean);
  for (const seg of path.split('/')) {
    if (seg === '..') segments.pop();
    else if (seg !== '.' && seg !== '') segments.push(seg);
  }
  return segments.join('/');
}

export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Reads and parses one part; a missing part is `ofd-missing-part`, naming who points to it. */
export function readPart(zip: ZipArchive, part: string, referredBy: string, keepTextIn?: (name: string) => boolean): XmlElement {
  const bytes = zip.read(part);
  if (!bytes) throw ofdErrors.missingPart(part, referredBy);
  return parseXml(bytes, part, keepTextIn ? { keepTextIn } : {});
}

/** Numbers in an attribute such as Boundary="x y w h"; undefined when any is not a number. */
export function numbers(value: string | undefined, count: number): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.trim().split(/[\s,]+/).map(Number);
  if (parts.length < count || parts.slice(0, count).some((n) => !Number.isFinite(n))) return undefined;
  return parts.slice(0, count);
}
