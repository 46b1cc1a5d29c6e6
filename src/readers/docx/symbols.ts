// w:sym characters and symbol-font bullets: Word stores them as codes in a symbol font (often in
// the U+F0xx private-use area). The common ones map to Unicode; the rest keep the stored code.

const SYMBOL: Record<number, string> = {
  0x22: '∀', 0x24: '∃', 0x27: '∋', 0x2a: '∗', 0x2d: '−', 0x40: '≅',
  0x41: 'Α', 0x42: 'Β', 0x43: 'Χ', 0x44: 'Δ', 0x45: 'Ε', 0x46: 'Φ', 0x47: 'Γ', 0x48: 'Η', 0x49: 'Ι',
  0x4a: 'ϑ', 0x4b: 'Κ', 0x4c: 'Λ', 0x4d: 'Μ', 0x4e: 'Ν', 0x4f: 'Ο', 0x50: 'Π', 0x51: 'Θ', 0x52: 'Ρ',
  0x53: 'Σ', 0x54: 'Τ', 0x55: 'Υ', 0x56: 'ς', 0x57: 'Ω', 0x58: 'Ξ', 0x59: 'Ψ', 0x5a: 'Ζ', 0x5c: '∴',
  0x5e: '⊥', 0x61: 'α', 0x62: 'β', 0x63: 'χ', 0x64: 'δ', 0x65: 'ε', 0x66: 'φ', 0x67: 'γ', 0x68: 'η',
  0x69: 'ι', 0x6a: 'ϕ', 0x6b: 'κ', 0x6c: 'λ', 0x6d: 'μ', 0x6e: 'ν', 0x6f: 'ο', 0x70: 'π', 0x71: 'θ',
  0x72: 'ρ', 0x73: 'σ', 0x74: 'τ', 0x75: 'υ', 0x76: 'ϖ', 0x77: 'ω', 0x78: 'ξ', 0x79: 'ψ', 0x7a: 'ζ',
  0x7e: '∼', 0xa3: '≤', 0xa5: '∞', 0xab: '↔', 0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓', 0xb0: '°',
  0xb1: '±', 0xb3: '≥', 0xb4: '×', 0xb5: '∝', 0xb6: '∂', 0xb7: '•', 0xb8: '÷', 0xb9: '≠', 0xba: '≡',
  0xbb: '≈', 0xbc: '…', 0xc6: '∅', 0xc7: '∩', 0xc8: '∪', 0xce: '∈', 0xd6: '√', 0xd7: '⋅', 0xd8: '¬',
  0xd9: '∧', 0xda: '∨', 0xe5: '∑',
};

const WINGDINGS: Record<number, string> = {
  0x6c: '●', 0x6e: '■', 0x6f: '□', 0x71: '❑', 0x75: '◆', 0x76: '❖', 0x77: '◆', 0x9f: '•', 0xa7: '▪',
  0xa8: '◻', 0xd8: '➢', 0xe8: '➔', 0xef: '⇦', 0xf0: '⇨', 0xfb: '✗', 0xfc: '✓', 0xfd: '☒', 0xfe: '☑',
};

/** The Unicode text for a symbol-font character code (w:sym w:char, or a bullet's lvlText char). */
export function symbolChar(font: string | undefined, code: number): string {
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const f = (font ?? '').toLowerCase();
  const table = f === 'symbol' ? SYMBOL : f.startsWith('wingdings') ? WINGDINGS : undefined;
  const mapped = table?.[low];
  if (mapped !== undefined) return mapped;
  // Unmapped: keep the stored code (outside the private-use area it is already the character).
  return String.fromCodePoint(code);
}

/** A list bullet: private-use codes from a symbol font become a Unicode bullet-like character. */
export function bulletText(font: string | undefined, lvlText: string): string {
  let out = '';
  for (const ch of lvlText) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xf000 && code <= 0xf0ff) {
      const mapped = symbolChar(font, code);
      out += mapped === ch ? '•' : mapped;
    } else {
      out += ch;
    }
  }
  return out;
}
