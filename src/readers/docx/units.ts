// OOXML value parsing: measures (twips, half-points, with the universal-measure units that
// transitional files may use), on/off booleans.

const PER_INCH = 1440;
const UNIT_TWIPS: Record<string, number> = {
  mm: PER_INCH / 25.4,
  cm: PER_INCH / 2.54,
  in: PER_INCH,
  pt: 20,
  pc: 240,
  pi: 240,
};

/** The value of 1–9 ASCII digits, what nearly every measure in a file is (read without an expression); else undefined. */
function plainDigits(value: string): number | undefined {
  const n = value.length;
  if (n === 0 || n > 9) return undefined;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  return v;
}

/** A twips measure ("720", "-120", "1.27cm"); undefined when absent or unreadable. */
export function twips(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const plain = plainDigits(value);
  if (plain !== undefined) return plain;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-z]{2})?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]?.toLowerCase();
  if (!unit) return Math.round(n);
  const per = UNIT_TWIPS[unit];
  return per === undefined ? undefined : Math.round(n * per);
}

/** A half-point measure (w:sz): "32" or "16pt". */
export function halfPoints(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const plain = plainDigits(value);
  if (plain !== undefined) return plain;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(pt)?\s*$/i.exec(value);
  if (!m) return undefined;
  return m[2] ? Number(m[1]) * 2 : Number(m[1]);
}

/** A plain integer attribute. */
export function int(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** ST_OnOff: an element present without w:val is on; "0", "false", "off" are off. */
export function onOff(value: string | undefined): boolean {
  return value === undefined || !(value === '0' || value === 'false' || value === 'off');
}

/** An EMU measure (drawing extents): 914400 per inch. */
export function emu(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A CSS-like length from a VML style ("415.5pt", "2in", "30mm") in EMU. */
export function cssLengthEmu(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(pt|in|cm|mm|px|pc|emu)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const perUnit: Record<string, number> = { pt: 12700, in: 914400, cm: 360000, mm: 36000, px: 9525, pc: 152400, emu: 1 };
  return Math.round(n * (perUnit[(m[2] ?? 'px').toLowerCase()] ?? 9525));
}
