// The section's document grid (w:docGrid), the rule behind GB/T 9704's 22 lines × 28 characters.
//
// Lines: with type lines / linesAndChars / snapToChars, an auto-spaced line that snaps to the grid
// takes the multiple times the pitch, but at least the whole pitches its single height needs (Word:
// 1.25 spacing on a 15.6 pt grid is 19.5 pt for 11 pt text, 31.2 pt for 16 pt text at 1.16 — the
// line breaks Word recorded in a saved file); WPS rounds up to whole pitches after the multiple.
// Exact and at-least spacing are not snapped.
//
// Characters (linesAndChars / snapToChars): Word's character pitch is the Normal style's font size
// plus charSpace/4096 pt, and a line holds floor(text width / pitch) of them. On the GB/T 9704 page
// (A4, margins 28 + 26 mm, so 8844 twips = 442.2 pt of text) with 三号 Normal (16 pt) and
// charSpace −849: pitch = 16 − 849/4096 = 15.793 pt, and 442.2 / 15.793 = 28.0 → 28 characters.
// A character as wide as the Normal font takes one cell; a wider one (a 22 pt title character)
// takes ceil((width + charSpace/4096) / pitch) cells — why titles on such grids look spaced out.
import type { SectionFacts } from '../../readers/docx/layout-facts.js';
import type { RendererProfile } from './profile.js';

export interface Grid {
  /** Line pitch in pt, when lines snap to the grid. */
  linePitch?: number;
  /** Character pitch in pt, when characters snap to the grid. */
  charPitch?: number;
  /** charSpace/4096: what the grid adds to (or takes from) every East-Asian character, pt. */
  charAdjust: number;
}

/** The grid of a section; `normalSize` is the Normal style's font size in pt. */
export function sectionGrid(section: SectionFacts, normalSize: number): Grid {
  const g = section.docGrid;
  if (g.type === 'default' || !g.linePitch) return { charAdjust: 0 };
  const grid: Grid = { linePitch: g.linePitch / 20, charAdjust: 0 };
  if (g.type === 'linesAndChars' || g.type === 'snapToChars') {
    const adjust = (g.charSpace ?? 0) / 4096;
    const pitch = normalSize + adjust;
    if (pitch > 1) {
      grid.charPitch = pitch;
      grid.charAdjust = adjust;
    }
  }
  return grid;
}

/** Characters per line of a text width (pt) on a character grid. */
export function charsPerLine(width: number, grid: Grid): number | undefined {
  return grid.charPitch ? Math.floor(width / grid.charPitch + 0.01) : undefined;
}

/** Width an East-Asian character of natural width `w` (pt) takes on the grid. */
export function gridCharWidth(w: number, grid: Grid, profile: RendererProfile): number {
  const p = grid.charPitch;
  if (!p) return w;
  // LibreOffice 7.4 spreads a character over as many cells as its natural width needs, so a 16 pt
  // character on a 15.79 pt grid takes two (the overcount the calibration README describes).
  const need = profile.name === 'libreoffice' ? w : w + grid.charAdjust;
  return Math.max(1, Math.ceil(need / p - 0.01)) * p;
}

/** Height of an auto-spaced line (natural single height `h1`, multiple `m`) that snaps to a line grid. */
export function snappedLineHeight(h1: number, m: number, pitch: number, profile: RendererProfile): number {
  if (profile.gridMultiple === 'snap-after') return Math.max(1, Math.ceil((h1 * m) / pitch - 0.001)) * pitch;
  return Math.max(Math.max(1, Math.ceil(h1 / pitch - 0.001)) * pitch, m * pitch);
}
