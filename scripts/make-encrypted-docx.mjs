#!/usr/bin/env node
// Writes fixtures/bad/encrypted.docx: the container Word writes for a password-protected .docx — an OLE
// compound file (CFB v3) holding an ECMA-376 agile EncryptionInfo stream and an EncryptedPackage stream.
// The package bytes are random (no key opens them): the reader must recognise the container, not decrypt it.
// LibreOffice 7.4 saves OOXML unencrypted whatever password it is given, so this is built by hand.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;
const STREAM = 4096; // at the mini-stream cutoff, so both streams live in regular sectors

const info = Buffer.alloc(STREAM);
info.writeUInt16LE(4, 0); // version 4.4 = agile encryption
info.writeUInt16LE(4, 2);
info.writeUInt32LE(0x40, 4);
Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" ' +
    'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' + randomBytes(16).toString('base64') + '"/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" ' +
    'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>' +
    '</keyEncryptor></keyEncryptors></encryption>',
).copy(info, 8);
const pkg = randomBytes(STREAM);
pkg.writeBigUInt64LE(BigInt(STREAM - 8), 0);

const perStream = STREAM / SECTOR;
const fat = new Uint32Array(SECTOR / 4).fill(FREE);
fat[0] = FATSECT;
fat[1] = END; // the directory
const chain = (first) => {
  for (let i = 0; i < perStream; i++) fat[first + i] = i === perStream - 1 ? END : first + i + 1;
};
chain(2);
chain(2 + perStream);

function entry(name, type, { child = FREE, right = FREE, start = END, size = 0 } = {}) {
  const e = Buffer.alloc(128);
  e.write(name, 0, 'utf16le');
  e.writeUInt16LE((name.length + 1) * 2, 64);
  e[66] = type; // 5 root storage, 2 stream
  e[67] = 1; // black
  e.writeUInt32LE(FREE, 68); // left sibling
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(start, 116);
  e.writeUInt32LE(size, 120);
  return e;
}
// Siblings are ordered by name length, then name: EncryptionInfo (14) before EncryptedPackage (16).
const directory = Buffer.concat([
  entry('Root Entry', 5, { child: 1 }),
  entry('EncryptionInfo', 2, { right: 2, start: 2, size: STREAM }),
  entry('EncryptedPackage', 2, { start: 2 + perStream, size: STREAM }),
  Buffer.alloc(128),
]);

const header = Buffer.alloc(SECTOR);
Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
header.writeUInt16LE(0x3e, 24);
header.writeUInt16LE(3, 26);
header.writeUInt16LE(0xfffe, 28);
header.writeUInt16LE(9, 30);
header.writeUInt16LE(6, 32);
header.writeUInt32LE(1, 44); // FAT sectors
header.writeUInt32LE(1, 48); // first directory sector
header.writeUInt32LE(STREAM, 56); // mini stream cutoff
header.writeUInt32LE(END, 60);
header.writeUInt32LE(END, 68);
for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);

const out = Buffer.concat([header, Buffer.from(fat.buffer), directory, info, pkg]);
writeFileSync(new URL('../fixtures/bad/encrypted.docx', import.meta.url), out);
console.log(`wrote fixtures/bad/encrypted.docx (${out.length} bytes)`);
