// The OPC package: which zip entries are the main document, its styles, numbering and settings,
// and the document properties, found through the relationship parts (with the usual paths as fallback).
import { parseXml, childrenNamed, type XmlElement } from './xml.js';
import type { ZipArchive } from './zip.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

export interface PartPaths {
  document: string;
  styles: string;
  numbering: string;
  settings: string;
  app: string;
  core: string;
  comments: string;
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') segments.pop();
    else if (seg !== '.' && seg !== '') segments.push(seg);
  }
  return segments.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationship type suffix (after the officeDocument relationships URI) → target, for one part. */
function readRels(zip: ZipArchive, part: string): Map<string, string> {
  const out = new Map<string, string>();
  const path = part === '' ? '_rels/.rels' : relsPath(part);
  const bytes = zip.read(path);
  if (!bytes) return out;
  let root: XmlElement;
  try {
    root = parseXml(bytes, path);
  } catch {
    return out; // A damaged relationship part: fall back to the usual paths.
  }
  for (const rel of childrenNamed(root, 'rel:Relationship')) {
    const type = rel.attrs['Type'] ?? '';
    const target = rel.attrs['Target'];
    if (target === undefined || rel.attrs['TargetMode'] === 'External') continue;
    const key = type.startsWith(REL) ? type.slice(REL.length) : type.startsWith(STRICT_REL) ? type.slice(STRICT_REL.length) : type;
    if (!out.has(key)) out.set(key, resolveTarget(part, target));
  }
  return out;
}

export function findParts(zip: ZipArchive): PartPaths {
  const pkg = readRels(zip, '');
  let document = pkg.get('officeDocument');
  if (document === undefined || !zip.has(document)) document = 'word/document.xml';
  const doc = readRels(zip, document);
  const dir = document.slice(0, document.lastIndexOf('/') + 1);
  const core = [...pkg.entries()].find(([type]) => type.endsWith('/metadata/core-properties'))?.[1];
  return {
    document,
    styles: doc.get('styles') ?? `${dir}styles.xml`,
    numbering: doc.get('numbering') ?? `${dir}numbering.xml`,
    settings: doc.get('settings') ?? `${dir}settings.xml`,
    app: pkg.get('extended-properties') ?? pkg.get('extendedProperties') ?? 'docProps/app.xml',
    core: core ?? 'docProps/core.xml',
    comments: doc.get('comments') ?? `${dir}comments.xml`,
  };
}

/** A part's relationships by id → resolved target (internal ones only): where a section's footers are. */
export function relationshipTargets(zip: ZipArchive, part: string): Map<string, string> {
  const out = new Map<string, string>();
  const path = relsPath(part);
  const bytes = zip.read(path);
  if (!bytes) return out;
  try {
    for (const rel of childrenNamed(parseXml(bytes, path), 'rel:Relationship')) {
      const id = rel.attrs['Id'];
      const target = rel.attrs['Target'];
      if (id !== undefined && target !== undefined && rel.attrs['TargetMode'] !== 'External') out.set(id, resolveTarget(part, target));
    }
  } catch {
    // A damaged relationship part: no footers found.
  }
  return out;
}
