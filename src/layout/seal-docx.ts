// The copy of a .docx that --render hands to LibreOffice, with everything that could make it reach
// out removed: relationships to external targets (linked pictures, remote templates, linked OLE
// objects, frames) and INCLUDEPICTURE/INCLUDETEXT/LINK field instructions. Hyperlinks stay: nothing
// fetches them. Whatever LibreOffice's settings do, there is then nothing to fetch.
import * as zlib from 'node:zlib';
import { inputEntries, writeZip, type ZipPart } from '../zip/write.js';

/** A part is never inflated past this (the reader's own caps apply to the draft before we get here). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const EXTERNAL_RELATIONSHIP = /<Relationship\b[^>]*\bTargetMode\s*=\s*["']External["'][^>]*?(?:\/>|>\s*<\/Relationship>)/g;
const HYPERLINK_TYPE = /\bType\s*=\s*["'][^"']*\/hyperlink["']/;
const FETCHING_FIELD = /(<w:instrText\b[^>]*>[^<]*?)\b(INCLUDEPICTURE|INCLUDETEXT|LINK|IMPORT)\b/g;

function inflate(compressed: Uint8Array, method: number): Uint8Array {
  if (method === 0) return compressed;
  return zlib.inflateRawSync(compressed, { maxOutputLength: MAX_PART_BYTES });
}

/** Counts of what was removed, for tests and --debug. */
export interface SealReport {
  externalRelationships: number;
  fetchingFields: number;
}

/** The .docx bytes with external relationships and fetching fields removed; `report` says how many. */
export function sealDocx(bytes: Uint8Array): { bytes: Uint8Array; report: SealReport } {
  const report: SealReport = { externalRelationships: 0, fetchingFields: 0 };
  const parts: ZipPart[] = [];
  for (const item of inputEntries(bytes)) {
    const { entry } = item;
    const isRels = entry.name.endsWith('.rels');
    const isXml = /\.xml$/i.test(entry.name);
    if (!isRels && !isXml) {
      parts.push({ name: entry.name, copy: item });
      continue;
    }
    const text = Buffer.from(inflate(item.compressed, entry.method)).toString('utf8');
    let sealed = text;
    if (isRels) {
      sealed = text.replace(EXTERNAL_RELATIONSHIP, (rel) => {
        if (HYPERLINK_TYPE.test(rel)) return rel;
        report.externalRelationships++;
        return '';
      });
    } else {
      // QUOTE shows its text and fetches nothing.
      sealed = text.replace(FETCHING_FIELD, (_m, before: string) => {
        report.fetchingFields++;
        return `${before}QUOTE`;
      });
    }
    parts.push(sealed === text ? { name: entry.name, copy: item } : { name: entry.name, data: new Uint8Array(Buffer.from(sealed, 'utf8')) });
  }
  return { bytes: writeZip(parts), report };
}
