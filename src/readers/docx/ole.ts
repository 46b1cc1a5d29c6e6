// OLE compound files (the container of .doc and of password-protected .docx): just enough of the
// directory to tell an encrypted Office file (EncryptionInfo / EncryptedPackage streams) from a .doc.
import { indexOfBytes } from '../bytes.js';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Stream and storage names in the compound file's directory; undefined when the structure is damaged. */
export function oleDirectoryNames(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 512) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor(bytes.length / sectorSize);
  const offset = (sector: number): number => (sector + 1) * sectorSize;
  const valid = (sector: number): boolean => sector < sectorCount && offset(sector) + sectorSize <= bytes.length;

  // The FAT's own sectors: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = dv.getUint32(0x4c + i * 4, true);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  let difat = dv.getUint32(0x44, true);
  for (let guard = 0; difat < 0xfffffffa && guard < sectorCount; guard++) {
    if (!valid(difat)) return undefined;
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per; i++) {
      const s = dv.getUint32(offset(difat) + i * 4, true);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = dv.getUint32(offset(difat) + per * 4, true);
  }
  const perFat = sectorSize / 4;
  const next = (sector: number): number | undefined => {
    const fat = fatSectors[Math.floor(sector / perFat)];
    if (fat === undefined || !valid(fat)) return undefined;
    return dv.getUint32(offset(fat) + (sector % perFat) * 4, true);
  };

  const names: string[] = [];
  const decoder = new TextDecoder('utf-16le');
  let sector = dv.getUint32(0x30, true);
  for (let guard = 0; sector !== END_OF_CHAIN; guard++) {
    if (guard > sectorCount || !valid(sector)) return undefined;
    for (let e = 0; e < sectorSize / 128; e++) {
      const at = offset(sector) + e * 128;
      const len = dv.getUint16(at + 0x40, true);
      if (len >= 2 && len <= 64) names.push(decoder.decode(bytes.subarray(at, at + len - 2)));
    }
    const n = next(sector);
    if (n === undefined) return undefined;
    sector = n;
  }
  return names;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    needle[2 * i] = text.charCodeAt(i) & 0xff;
    needle[2 * i + 1] = text.charCodeAt(i) >>> 8;
  }
  return indexOfBytes(bytes, needle) >= 0;
}

/** Whether the compound file is an encrypted Office document (a password-protected .docx). */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  const names = oleDirectoryNames(bytes);
  if (names) return names.includes('EncryptionInfo') || names.includes('EncryptedPackage');
  // A directory we could not walk: look for the stream names anywhere.
  return containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage');
}

