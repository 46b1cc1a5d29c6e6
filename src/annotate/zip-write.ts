// Writing the annotated copy: every part the annotation does not touch is copied with its compressed
// bytes as they were; the changed and new parts are deflated. Local headers carry the sizes (no data
// descriptors), then the central directory and its end record. No Zip64: a .docx never needs it.
import * as zlib from 'node:zlib';
import { crc32 } from '../readers/docx/crc32.js';
import { readCentralDirectory, type ZipEntry } from '../readers/docx/zip.js';

export interface OutputPart {
  name: string;
  /** The entry as stored in the input, copied byte for byte. */
  copy?: { entry: ZipEntry; compressed: Uint8Array };
  /** New content, deflated here. */
  data?: Uint8Array;
}

/** The input's entries in order, each with its compressed bytes. */
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

export function writeZip(parts: OutputPart[], now = new Date()): Uint8Array {
  const { time, date } = dosDateTime(now);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    let method: number;
    let crc: number;
    let size: number;
    let body: Uint8Array;
    if (part.copy) {
      ({ method, crc, uncompressedSize: size } = part.copy.entry);
      body = part.copy.compressed;
    } else {
      const data = part.data ?? new Uint8Array();
      method = 8;
      crc = crc32(data);
      size = data.length;
      body = zlib.deflateRawSync(data);
    }
    const name = Buffer.from(part.name, 'utf8');
    const utf8 = /[^\x20-\x7e]/.test(part.name) ? 0x800 : 0;
    if (offset > 0xfffffffe || body.length > 0xfffffffe || size > 0xfffffffe) throw new Error('the annotated document is too large for a zip without Zip64');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(utf8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(utf8, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + body.length;
  }
  if (parts.length > 0xfffe) throw new Error('too many parts for a zip without Zip64');
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}
