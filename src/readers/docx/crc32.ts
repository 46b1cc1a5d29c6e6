// CRC-32 (the zip checksum): Node's own where it has one (zlib.crc32, Node ≥ 20.15), else a table.
import * as zlib from 'node:zlib';

type Crc32 = (data: Uint8Array) => number;

let table: Uint32Array | undefined;

function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const native = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

export const crc32: Crc32 = typeof native === 'function' ? (data) => native(data) >>> 0 : tableCrc32;

/** The table version, exported so tests can check it against Node's. */
export const crc32Table: Crc32 = tableCrc32;
