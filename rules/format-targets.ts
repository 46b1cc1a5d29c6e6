// What `wenfeng format` writes (here beside the presets it reads, so their paths hold in the bundle too): the page, grid, fonts per element and page numbers of a format preset
// (rules/data/presets/<id>.json, with the office's `format:` config over it), in the units OOXML takes.
import { loadData } from '../src/plugin-api.js';
import { pageNumberSpec, type PageNumberSpec } from './format-page-number.js';

export interface FormatTargets {
  paperMm: { width: number; height: number };
  marginsMm: { top: number; bottom: number; left: number; right: number };
  linesPerPage: number;
  charsPerLine: number;
  /** By element: the font name to write (the family's first name) and the size. */
  fonts: Record<string, { font: string; sizePt: number }>;
  pageNumber: PageNumberSpec & { font: string };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(base[k]) ? merge(base[k] as Json, v) : v;
  return out;
}

/** GB/T 9704-2012 itself, for a checkout without the preset files. */
const STANDARD: Json = {
  page: { paperMm: { width: 210, height: 297 }, marginsMm: { top: 37, bottom: 35, left: 28, right: 26 }, linesPerPage: 22, charsPerLine: 28 },
  fonts: {
    'doc-number': { family: '仿宋', sizePt: 16 },
    title: { family: '小标宋', sizePt: 22 },
    addressee: { family: '仿宋', sizePt: 16 },
    body: { family: '仿宋', sizePt: 16 },
    'heading-1': { family: '黑体', sizePt: 16 },
    'heading-2': { family: '楷体', sizePt: 16 },
    'heading-3': { family: '仿宋', sizePt: 16 },
    'heading-4': { family: '仿宋', sizePt: 16 },
    'attachment-note': { family: '仿宋', sizePt: 16 },
    signature: { family: '仿宋', sizePt: 16 },
    date: { family: '仿宋', sizePt: 16 },
    note: { family: '仿宋', sizePt: 16 },
    cc: { family: '仿宋', sizePt: 14 },
    printer: { family: '仿宋', sizePt: 14 },
  },
  fontFamilies: { 仿宋: ['仿宋'], 小标宋: ['方正小标宋简体'], 楷体: ['楷体'], 黑体: ['黑体'] },
};

function loadPreset(id: string, depth = 0): Json {
  let raw: Json;
  try {
    raw = loadData<Json>(new URL(`./data/presets/${id}.json`, import.meta.url));
  } catch {
    return depth === 0 ? STANDARD : {};
  }
  const parent = typeof raw.extends === 'string' && depth < 4 ? loadPreset(raw.extends, depth + 1) : {};
  const { extends: _parent, ...own } = raw;
  return merge(parent, own);
}

/** The targets for a `format` setting ({ preset, page, fonts, pageNumber … }); GB/T 9704-2012 by default. */
export function formatTargets(setting: Json | undefined): FormatTargets {
  const { preset, ...over } = setting ?? {};
  const id = typeof preset === 'string' && /^[a-z0-9-]+$/.test(preset) ? preset : 'gbt9704-2012';
  const spec = merge(merge(STANDARD, loadPreset(id)), over) as {
    page: { paperMm: FormatTargets['paperMm']; marginsMm: FormatTargets['marginsMm']; linesPerPage: number; charsPerLine: number };
    fonts: Record<string, { family: string; sizePt: number }>;
    fontFamilies: Record<string, string[]>;
  };
  const fonts: FormatTargets['fonts'] = {};
  for (const [element, f] of Object.entries(spec.fonts)) fonts[element] = { font: spec.fontFamilies[f.family]?.[0] ?? f.family, sizePt: f.sizePt };
  return {
    paperMm: spec.page.paperMm,
    marginsMm: spec.page.marginsMm,
    linesPerPage: spec.page.linesPerPage,
    charsPerLine: spec.page.charsPerLine,
    fonts,
    pageNumber: { ...pageNumberSpec(setting), font: '宋体' },
  };
}
