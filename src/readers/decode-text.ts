// Decoding a text draft whose encoding nobody declared: BOM, then strict UTF-8, then UTF-16 without
// BOM, then GB18030 vs Big5 told apart by a detector, decoded with Node's own TextDecoder.
import { ReadError } from './types.js';

export interface Decoded {
  text: string;
  encoding: string;
}

/** The share of CJK characters, judged on the first 64K characters (a count, no array of matches). */
function cjkShare(text: string): number {
  const n = Math.min(text.length, 65_536);
  if (!n) return 0;
  let cjk = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) cjk++;
  }
  return cjk / n;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A UTF-16 text without BOM: ASCII characters leave zero bytes in every other position. */
function guessUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = tryDecode(bytes, encoding);
    if (text === undefined) continue;
    // Chinese text in UTF-16 decodes to mostly CJK (or ASCII whitespace and digits); random bytes do not.
    const plausible = text.slice(0, 65_536).replace(/[\s\d\p{P}\p{S}a-zA-Z]/gu, '');
    if (plausible.length && cjkShare(plausible) > 0.8) return text;
  }
  return undefined;
}

/** Length without a multi-byte sequence cut off at the end (a file truncated mid-character is still UTF-8). */
function completeUtf8Length(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return bytes.length;
  const lead = bytes[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > back + 1 ? i : bytes.length;
}

export async function decodeText(bytes: Uint8Array): Promise<Decoded> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le (BOM)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be (BOM)' };

  const utf8 = tryDecode(bytes, 'utf-8') ?? tryDecode(bytes.subarray(0, completeUtf8Length(bytes)), 'utf-8');
  if (utf8 !== undefined && !utf8.includes('\0')) return { text: utf8, encoding: 'utf-8' };

  const utf16 = guessUtf16(bytes);
  if (utf16 !== undefined) return { text: utf16, encoding: 'utf-16' };

  // Legacy Chinese encodings: let the detector choose between them on at most 64 KB.
  // chardet is CommonJS: bundled, its exports arrive on `default`.
  const chardet = await import('chardet');
  const analyse = chardet.analyse ?? (chardet as unknown as { default: typeof chardet }).default.analyse;
  const sample = bytes.subarray(0, 64 * 1024);
  // Only a confident verdict counts: GB18030 decodes almost any bytes, so noise must not pass as Chinese.
  const ranked = analyse(sample).filter((m) => m.confidence >= 60).map((m) => m.name.toLowerCase());
  for (const encoding of ranked.filter((n) => n === 'gb18030' || n === 'big5')) {
    const text = tryDecode(bytes, encoding);
    if (text !== undefined && cjkShare(text) > 0.2) return { text, encoding };
  }
  throw new ReadError('encoding-unknown', {
    zh: '无法识别文本编码（不是 UTF-8、UTF-16、GB18030 或 Big5），请另存为 UTF-8',
    en: 'cannot tell the text encoding (not UTF-8, UTF-16, GB18030 or Big5); save it as UTF-8',
  });
}
