// CRC-32 (the zip checksum): the platform's (Node's zlib.crc32 where it has one), else a table.
import { platform } from '../../platform/index.js';
import { tableCrc32 } from '../../platform/crc32-table.js';

type Crc32 = (data: Uint8Array) => number;

export const crc32: Crc32 = (data) => platform.crc32(data);

/** The table version, exported so tests can check it against Node's. */
export const crc32Table: Crc32 = tableCrc32;
