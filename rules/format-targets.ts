// What `wenfeng format` writes: the page, grid, fonts per element and page numbers of the format preset
// (rules/format-preset.ts: rules/data/presets/<id>.json with the office's `format:` config over it).
import { formatSpec, type PageNumberSpec } from './format-preset.js';

export interface FormatTargets {
  paperMm: { width: number; height: number };
  marginsMm: { top: number; bottom: number; left: number; right: number };
  linesPerPage: number;
  charsPerLine: number;
  /** By element: the font name to write (the family's first name in the preset) and the size. */
  fonts: Record<string, { font: string; sizePt: number }>;
  pageNumber: PageNumberSpec;
}

/** The targets for a `format` setting ({ preset, page, fonts, pageNumber … }); GB/T 9704-2012 by default. */
export function formatTargets(setting: Record<string, unknown> | undefined): FormatTargets {
  const spec = formatSpec(setting);
  const fonts: FormatTargets['fonts'] = {};
  for (const [element, f] of Object.entries(spec.fonts)) fonts[element] = { font: spec.fontFamilies[f.family]?.[0] ?? f.family, sizePt: f.sizePt };
  return { paperMm: spec.page.paperMm, marginsMm: spec.page.marginsMm, linesPerPage: spec.page.linesPerPage, charsPerLine: spec.page.charsPerLine, fonts, pageNumber: spec.pageNumber };
}
