// The one zip writer: the annotated .docx copy, the fixture scripts' OFD files (through dist/zip-write.js)
// and the tests' hand-made archives. Parts are stored or deflated, or copied from another zip with their
// compressed bytes as they were. Local headers carry the sizes (no data descriptors), then the central
// directory and its end record; names are UTF-8. No Zip64: a .docx or .ofd never needs it.
import { platform } from '../platform/index.js';
import { crc32 } from '../readers/docx/crc32.js';
import { readCentralDirectory, type ZipEntry } from '../readers/docx/zip.js';

export interface ZipPart {
  name: string;
  /** New content: deflated unless `method` is 'store'. */
  data?: Uint8Array | string;
  /** An entry of another zip, copied byte for byte (see `inputEntries`). */
  copy?: { entry: ZipEntry; compressed: Uint8Array };
  method?: 'deflate' | 'store';
  /** For tests of the readers: a directory that lies about the uncompressed size or the CRC-32. */
  declaredSize?: number;
  declaredCrc?: number;
}

export interface ZipOptions {
  /** The entries' modification time (local time, as zip stores it); default 1980-01-01 00:00, reproducible. */
  date?: Date;
  /** zlib's deflate level, 0–9 (default zlib's own, 6). */
  level?: number;
}

/** A zip's entries in order, each with its compressed bytes, ready to be copied into another zip. */
export function inputEntries(bytes: Uint8Array): { entry: ZipEntry; compressed: Uint8Array }[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readCentralDirectory(bytes).map((entry) => {
    const h = entry.localHeaderOffset;
    if (h + 30 > bytes.length || dv.getUint32(h, true) !== 0x04034b50) throw new Error(`zip entry ${entry.name}: bad local header`);
    const start = h + 30 + dv.getUint16(h + 26, true) + dv.getUint16(h + 28, true);
    if (start + entry.compressedSize > bytes.length) throw new Error(`zip entry ${entry.name}: truncated`);
    return { entry, compressed: bytes.subarray(start, start + entry.compressedSize) };
  });
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const encoder = new TextEncoder();
/** General-purpose flag bit 11: names are UTF-8 (ASCII names are UTF-8 too, so it is always set). */
const UTF8_NAMES = 0x800;

interface Body {
  method: number;
  crc: number;
  size: number;
  bytes: Uint8Array;
}

function bodyOf(part: ZipPart, level: number | undefined): Body {
  if (part.copy) {
    const { method, crc, uncompressedSize } = part.copy.entry;
    return { method, crc: part.declaredCrc ?? crc, size: part.declaredSize ?? uncompressedSize, bytes: part.copy.compressed };
  }
  const data = typeof part.data === 'string' ? encoder.encode(part.data) : (part.data ?? new Uint8Array());
  const store = part.method === 'store';
  return {
    method: store ? 0 : 8,
    crc: part.declaredCrc ?? crc32(data),
    size: part.declaredSize ?? data.length,
    bytes: store ? data : platform.deflateRaw(data, level),
  };
}

export function writeZip(parts: ZipPart[], options: ZipOptions = {}): Uint8Array {
  const { time, date } = dosDateTime(options.date ?? new Date(1980, 0, 1));
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const body = bodyOf(part, options.level);
    const name = encoder.encode(part.name);
    if (offset > 0xfffffffe || body.bytes.length > 0xfffffffe || body.size > 0xfffffffe) throw new Error('too large for a zip without Zip64');
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, UTF8_NAMES, true);
    local.setUint16(8, body.method, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, body.crc, true);
    local.setUint32(18, body.bytes.length, true);
    local.setUint32(22, body.size, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, body.bytes);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, UTF8_NAMES, true);
    entry.setUint16(10, body.method, true);
    entry.setUint16(12, time, true);
    entry.setUint16(14, date, true);
    entry.setUint32(16, body.crc, true);
    entry.setUint32(20, body.bytes.length, true);
    entry.setUint32(24, body.size, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + body.bytes.length;
  }
  if (parts.length > 0xfffe) throw new Error('too many parts for a zip without Zip64');
  const directorySize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const chunk of all) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
