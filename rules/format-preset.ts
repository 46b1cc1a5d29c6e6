// The GB/T 9704 format presets (rules/data/presets/*.json) the format-* rules check against: page set-up,
// fonts per element, and which font names count as one family. A preset may extend another; an office's
// config (`format:` at the top, or a rule's `format` option) overrides any value of it.
import { loadData, type OptionSpec } from '../src/plugin-api.js';

export const FORMAT_PRESETS = ['gbt9704-2012', 'gbt9704-strict'] as const;
export const DEFAULT_FORMAT_PRESET = 'gbt9704-2012';

export interface FontSpec {
  /** A family name, a key of `fontFamilies` (仿宋, 楷体, 黑体, 小标宋). */
  family: string;
  sizePt: number;
}

export interface FormatSpec {
  id: string;
  source?: string;
  page: {
    paperMm: { width: number; height: number };
    marginsMm: { top: number; bottom: number; left: number; right: number };
    toleranceMm: number;
    linesPerPage: number;
    charsPerLine: number;
  };
  /** By element (title, body, heading-1 …, cc, printer). */
  fonts: Record<string, FontSpec>;
  /** Family → the font names that count as it. */
  fontFamilies: Record<string, string[]>;
  /** Page numbers (format-page-number, and what `wenfeng format` writes). */
  pageNumber: PageNumberSpec;
}

export interface PageNumberSpec {
  /** Accepted positions, the first being what `format` writes: outside (odd right, even left) or center. */
  position: Array<'outside' | 'center'>;
  sizePt: number;
  sizeTolerancePt: number;
  /** The dash written on each side of the number. */
  dashes: string;
  /** How far in from its side an outside number stands, characters ("空一字"). */
  sideIndentChars: number;
  /** The font `format` writes the number in. */
  font: string;
}

/** The option every format rule takes; config's top-level `format:` fills it. */
export const FORMAT_OPTION: Record<string, OptionSpec> = {
  format: { type: 'object', default: {}, description: 'preset and overrides (config: format: { preset: gbt9704-strict, page: {…}, fonts: {…} })' },
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; anything else (numbers, strings, lists of names) is replaced. */
function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(base[k]) ? merge(base[k] as Json, v) : v;
  return out;
}

function loadPreset(id: string, depth = 0): Json {
  const raw = loadData<Json>(new URL(`./data/presets/${id}.json`, import.meta.url));
  const parent = typeof raw.extends === 'string' && depth < 4 ? loadPreset(raw.extends, depth + 1) : {};
  const { extends: _parent, ...own } = raw;
  return merge(parent, own);
}

const specs = new Map<string, FormatSpec>();

/** The preset named in `settings.preset` (default gbt9704-2012) with the rest of `settings` over it. */
export function formatSpec(settings: Json | undefined): FormatSpec {
  const key = JSON.stringify(settings ?? {});
  let spec = specs.get(key);
  if (!spec) {
    const { preset, ...overrides } = settings ?? {};
    const id = typeof preset === 'string' && (FORMAT_PRESETS as readonly string[]).includes(preset) ? preset : DEFAULT_FORMAT_PRESET;
    spec = merge(loadPreset(id), overrides) as unknown as FormatSpec;
    specs.set(key, spec);
  }
  return spec;
}

const fold = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

/** The family a font name belongs to in this preset (仿宋_GB2312 → 仿宋), or undefined. */
export function familyOf(spec: FormatSpec, font: string): string | undefined {
  const f = fold(font);
  for (const [family, names] of Object.entries(spec.fontFamilies)) if (names.some((n) => fold(n) === f)) return family;
  return undefined;
}

/**
 * Config errors in a `format:` setting, as [key path below it, zh, en]: an unknown preset, a key the preset
 * does not have (a typo such as `margin`), a value of the wrong type.
 */
export function checkFormatSettings(raw: unknown): Array<[string, string, string]> {
  if (!isObject(raw)) return [['', '应为对象', 'must be an object']];
  const errors: Array<[string, string, string]> = [];
  const { preset, ...rest } = raw;
  if (preset !== undefined && (typeof preset !== 'string' || !(FORMAT_PRESETS as readonly string[]).includes(preset))) {
    errors.push(['preset', `未知的格式预设 ${String(preset)}（可用：${FORMAT_PRESETS.join('、')}）`, `unknown format preset ${String(preset)} (expected: ${FORMAT_PRESETS.join(', ')})`]);
  }
  const base = loadPreset(DEFAULT_FORMAT_PRESET);
  const walk = (value: Json, shape: Json, at: string, open: boolean): void => {
    for (const [k, v] of Object.entries(value)) {
      const path = at ? `${at}.${k}` : k;
      const expected = shape[k] ?? (open ? Object.values(shape)[0] : undefined);
      if (expected === undefined || k === 'id' || k === 'source') {
        errors.push([path, `没有这一项（可用：${Object.keys(shape).filter((s) => s !== 'id' && s !== 'source').join('、')}）`, `no such key (expected: ${Object.keys(shape).filter((s) => s !== 'id' && s !== 'source').join(', ')})`]);
      } else if (isObject(expected)) {
        if (!isObject(v)) errors.push([path, '应为对象', 'must be an object']);
        // Font families may be added (an office's own 方正 font names); fonts are keyed by element.
        else walk(v, expected, path, path === 'fontFamilies');
      } else if (Array.isArray(expected)) {
        if (!Array.isArray(v) || v.some((n) => typeof n !== 'string')) errors.push([path, '应为字符串列表', 'must be a list of strings']);
      } else if (typeof expected === 'number') {
        if (typeof v !== 'number' || !(v >= 0)) errors.push([path, '应为非负数', 'must be a non-negative number']);
      } else if (typeof v !== typeof expected) errors.push([path, `应为${typeof expected === 'string' ? '字符串' : typeof expected}`, `must be a ${typeof expected}`]);
    }
  };
  walk(rest, base, '', false);
  return errors;
}
