// Searching bytes for a short needle, without Node's Buffer (the readers run in the page too).

/** The first offset of `needle` in `bytes`, or −1. */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array): number {
  if (needle.length === 0) return 0;
  const first = needle[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Whether the ASCII text occurs in the bytes. */
export const includesAscii = (bytes: Uint8Array, text: string): boolean => indexOfBytes(bytes, Uint8Array.from(text, (c) => c.charCodeAt(0))) >= 0;
