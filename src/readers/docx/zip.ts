// A small zip reader: the central directory, local headers, stored and deflated entries, with
// inflation capped so a zip bomb stops at the limit instead of filling memory.
import { InflateCapError, platform } from '../../platform/index.js';
import { crc32 } from './crc32.js';
import { docxErrors } from './errors.js';
import { LimitError, limitMessages } from '../../engine/limits.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

export class ZipArchive {
  /** Entries by normalised name (OPC part names are case-insensitive). */
  private readonly entries = new Map<string, ZipEntry>();
  /** Bytes inflated so far; the budget is for the whole archive, not per entry. */
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxInflatedBytes: number,
    /** One part may not inflate past this either (a 200 MB document.xml is refused before it is parsed). */
    private readonly maxPartBytes = maxInflatedBytes,
  ) {
    for (const entry of readCentralDirectory(bytes)) {
      const key = normaliseName(entry.name);
      if (!this.entries.has(key)) this.entries.set(key, entry);
    }
  }

  has(name: string): boolean {
    return this.entries.has(normaliseName(name));
  }

  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The entry's bytes, or undefined when there is no such entry. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(normaliseName(name));
    if (!entry) return undefined;
    const out = this.extract(entry);
    this.inflated += out.length;
    return out;
  }

  private extract(entry: ZipEntry): Uint8Array {
    const { name } = entry;
    if (entry.flags & 1) throw docxErrors.zipEncrypted();
    const total = this.maxInflatedBytes - this.inflated;
    const remaining = Math.min(total, this.maxPartBytes);
    const over = (): Error => (remaining < total ? new LimitError('maxPartBytes', limitMessages.part(name, this.maxPartBytes)) : docxErrors.zipBomb(name, this.maxInflatedBytes));
    // Refuse on the declared size first: cheap, and honest bombs say what they are.
    if (entry.uncompressedSize > remaining) throw over();
    const data = localData(this.bytes, entry);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = data;
    } else if (entry.method === 8) {
      if (data.length === 0 && entry.uncompressedSize === 0) {
        out = data;
      } else {
        if (remaining <= 0) throw over();
        try {
          out = platform.inflateRaw(data, remaining);
        } catch (err) {
          // A lying declared size is caught here: inflation stops at the cap.
          if (err instanceof InflateCapError) throw over();
          // A fault of ours (a function missing on some Node, a wrong argument) is not the file's: reported
          // as damage it once made every .docx look broken. It ends the file as an internal error instead.
          if (err instanceof TypeError || err instanceof ReferenceError) throw err;
          throw docxErrors.zipInflate(name, err);
        }
      }
    } else {
      throw docxErrors.zipMethod(name, entry.method);
    }
    if (out.length > remaining) throw over();
    if (out.length !== entry.uncompressedSize) throw docxErrors.zipSize(name);
    if (crc32(out) !== entry.crc) throw docxErrors.zipCrc(name);
    return out;
  }
}

function normaliseName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Finds the End Of Central Directory record: the last signature within the final 64 KiB + 22 bytes. */
function findEocd(bytes: Uint8Array, dv: DataView): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && dv.getUint32(i, true) === EOCD_SIG) {
      // The comment must fit exactly, or this is a stray signature inside data.
      if (i + 22 + dv.getUint16(i + 20, true) <= bytes.length) return i;
    }
  }
  return -1;
}

export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const eocd = bytes.length >= 22 ? findEocd(bytes, dv) : -1;
  if (eocd < 0) {
    if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) throw docxErrors.zipNoDirectory();
    throw docxErrors.notZip();
  }
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && dv.getUint32(loc, true) === ZIP64_LOCATOR_SIG) {
      const z = Number(dv.getBigUint64(loc + 8, true));
      if (z + 56 > bytes.length || dv.getUint32(z, true) !== ZIP64_EOCD_SIG) throw docxErrors.zipDirectory();
      count = Number(dv.getBigUint64(z + 32, true));
      cdSize = Number(dv.getBigUint64(z + 40, true));
      cdOffset = Number(dv.getBigUint64(z + 48, true));
    }
  }
  if (cdOffset + cdSize > bytes.length) throw docxErrors.zipDirectory();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || dv.getUint32(p, true) !== CENTRAL_SIG) throw docxErrors.zipDirectory();
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const nameStart = p + 46;
    const next = nameStart + nameLen + extraLen + commentLen;
    if (next > end) throw docxErrors.zipDirectory();
    const nameBytes = bytes.subarray(nameStart, nameStart + nameLen);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    // Zip64 extra field (id 1): the 64-bit values, present only for the fields that overflowed.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      let q = nameStart + nameLen;
      const extraEnd = q + extraLen;
      while (q + 4 <= extraEnd) {
        const id = dv.getUint16(q, true);
        const len = dv.getUint16(q + 2, true);
        if (id === 1) {
          let r = q + 4;
          const take = (): number => {
            if (r + 8 > q + 4 + len) throw docxErrors.zipDirectory();
            const v = Number(dv.getBigUint64(r, true));
            r += 8;
            return v;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
          break;
        }
        q += 4 + len;
      }
    }
    entries.push({ name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
    p = next;
  }
  return entries;
}

/** The entry's compressed bytes, located through its local header (whose sizes may be zero). */
function localData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || dv.getUint32(h, true) !== LOCAL_SIG) throw docxErrors.zipEntryTruncated(entry.name);
  const start = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw docxErrors.zipEntryTruncated(entry.name);
  return bytes.subarray(start, end);
}
