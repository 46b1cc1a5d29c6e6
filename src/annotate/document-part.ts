// word/document.xml opened for editing, as both the annotate and the format commands need it: the package,
// the part's source text and tree, its body, the WordprocessingML namespace it uses, and its paragraphs
// mapped to text so that paragraph i of the reader can be found in the source.
import { DEFAULT_LIMITS } from '../engine/limits.js';
import { findParts } from '../readers/docx/package.js';
import { decodeXml } from '../readers/docx/xml.js';
import { ZipArchive } from '../readers/docx/zip.js';
import { TextMapper, type MappedParagraph } from './text-map.js';
import { inputEntries, writeZip, type ZipPart } from '../zip/write.js';
import { childElement, parseSource, W_NAMESPACES, wordPrefix, type SourceElement } from './xml-source.js';

const TRANSITIONAL = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocumentPart {
  zip: ZipArchive;
  parts: ReturnType<typeof findParts>;
  /** The part's bytes as read (their encoding is kept when the part is written back). */
  bytes: Uint8Array;
  source: string;
  root: SourceElement;
  body: SourceElement;
  /** The prefix bound to WordprocessingML on the root; undefined when it is the default namespace. */
  prefix: string | undefined;
  namespace: string;
  /** ISO/IEC 29500 Strict (purl.oclc.org namespaces) rather than Transitional. */
  strict: boolean;
  /** The body's paragraphs in reading order, with their text. */
  paragraphs: MappedParagraph[];
}

/** Opens the main document part of a .docx package. Throws when the package or the part cannot be read. */
export function openDocumentPart(bytes: Uint8Array): DocumentPart {
  const zip = new ZipArchive(bytes, DEFAULT_LIMITS.maxInflatedBytes);
  const parts = findParts(zip);
  const docBytes = zip.read(parts.document);
  if (!docBytes) throw new Error(`${parts.document} is missing`);
  const source = decodeXml(docBytes);
  const root = parseSource(source);
  const body = childElement(root, 'w:body');
  if (!body) throw new Error(`${parts.document} has no w:body`);
  const prefix = wordPrefix(root);
  // No prefix means WordprocessingML is the default namespace: its URI is bound to '' (not to "w").
  const namespace = root.scope.get(prefix ?? '') ?? [...root.scope.values()].find((u) => W_NAMESPACES.has(u)) ?? TRANSITIONAL;
  const mapper = new TextMapper(source);
  mapper.readBody(body);
  return { zip, parts, bytes: docBytes, source, root, body, prefix, namespace, strict: namespace.startsWith('http://purl.oclc.org/'), paragraphs: mapper.paragraphs };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** XML text back to bytes the way the part came (`original`, when there was one): UTF-8, with its BOM if it
 * had one; a UTF-16 part becomes UTF-8 and its declaration says so. */
export function encodeLike(original: Uint8Array | undefined, text: string): Uint8Array {
  const utf16 = original !== undefined && ((original[0] === 0xff && original[1] === 0xfe) || (original[0] === 0xfe && original[1] === 0xff) || original[1] === 0x00);
  const xml = utf16 ? text.replace(/^(<\?xml[^>]*encoding=["'])[^"']*(["'])/, '$1UTF-8$2') : text;
  const encoded = new TextEncoder().encode(xml);
  if (!original || !UTF8_BOM.every((b, i) => original[i] === b)) return encoded;
  const out = new Uint8Array(encoded.length + 3);
  out.set(UTF8_BOM);
  out.set(encoded, 3);
  return out;
}

/**
 * The package again with the parts in `changed` (keyed by lower-case name) replaced and every other entry
 * copied as it was. Where a name repeats, the reader used the first entry: that one is replaced, the rest
 * copied. A changed part the package did not have is added under `nameOf(key)`.
 */
export function rewritePackage(bytes: Uint8Array, changed: ReadonlyMap<string, Uint8Array>, nameOf: (key: string) => string, options?: Parameters<typeof writeZip>[1]): Uint8Array {
  const out: ZipPart[] = [];
  const written = new Set<string>();
  for (const input of inputEntries(bytes)) {
    const key = input.entry.name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
    const data = written.has(key) ? undefined : changed.get(key);
    written.add(key);
    out.push(data ? { name: input.entry.name, data } : { name: input.entry.name, copy: input });
  }
  for (const [key, data] of changed) if (!written.has(key)) out.push({ name: nameOf(key), data });
  return writeZip(out, options);
}
