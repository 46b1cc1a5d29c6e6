// Whose layout to imitate. A drafter compares our count with what their program showed, so a file is
// laid out the way the program that saved it lays it out: Word's rules for Word files (and unknown
// ones), WPS's for WPS files, LibreOffice's for files LibreOffice saved. They differ in measurable
// ways, each one a field here; everything else is shared.
import { boxHeight, classifyFont, FONT_METRICS, type FontClass } from './fonts.js';

export interface RendererProfile {
  name: 'word' | 'wps' | 'libreoffice';
  /**
   * An auto-spaced line on a line grid: 'pitch-multiple' is the multiple times the pitch, at least
   * the rows its single height needs (Word: 1.5 spacing on a 15.6 pt grid is 23.4 pt, 16 pt text at
   * 1.16 stays 31.2 pt); 'snap-after' applies the multiple to the single height and then rounds up
   * to whole rows (WPS).
   */
  gridMultiple: 'pitch-multiple' | 'snap-after';
  /** The font class the program actually draws a named font with. */
  font(name: string | undefined): FontClass;
  /** Height of a single-spaced line of this font at this size, pt. */
  lineHeight(cls: FontClass, size: number): number;
  /**
   * Word: a run of ASCII letters and digits is one word (no break inside "12345" or "100%").
   * LibreOffice, with Chinese as the text language, breaks between any two characters of it.
   */
  breakInsideLatin: boolean;
  /** Characters that may not begin a line (避头尾, closing side). */
  noLineStart: string;
  /**
   * Whether one closing mark may hang past the margin, given the paragraph's w:overflowPunct (on
   * when absent). Word hangs when it is on. LibreOffice 7.4 reads it the other way round: it hangs
   * punctuation in a .docx only where overflowPunct is off (measured on its own round trips).
   */
  hangPunctuation(overflowPunct: boolean): boolean;
  /**
   * Whether a paragraph's space before is dropped at the top of a page that began at a natural
   * break (both Word and LibreOffice do; kept on the first page and after a hard break).
   */
  dropSpaceAtPageTop: boolean;
  /**
   * How a paragraph's space after meets the next one's space before: Word adds them; LibreOffice
   * takes the larger (measured: 6 pt after and 12 pt before make a 12 pt gap).
   */
  spacingBetween: 'sum' | 'max';
  /** Space added between an ideograph and an ASCII letter or digit (autoSpaceDE/DN), em. */
  autoSpace: number;
}

// GB/T 15834 closing punctuation and the ASCII ones Word also keeps off a line start.
const CLOSING_CJK = '，。、；：？！）》」』】〕〉〗〙〛”’…—·～，．：；？！）］｝〞';
const CLOSING_ASCII = ',.;:?!)]}';

export const WORD: RendererProfile = {
  name: 'word',
  gridMultiple: 'pitch-multiple',
  font: classifyFont,
  // Word gives an East-Asian font's line 130 % of its design box (SimSun family: 1.3 em); Latin
  // fonts get their box plus line gap (Times New Roman: 1.15 em).
  lineHeight: (cls, size) => size * (FONT_METRICS[cls].eastAsian ? 1.3 * boxHeight(cls) : Math.max(1.15, boxHeight(cls))),
  breakInsideLatin: false,
  noLineStart: CLOSING_CJK + CLOSING_ASCII + '%％',
  hangPunctuation: (overflow) => overflow,
  dropSpaceAtPageTop: true,
  spacingBetween: 'sum',
  autoSpace: 0.25,
};

/** LibreOffice on Linux: Chinese fonts the system lacks are drawn with Noto CJK, Times with Liberation. */
export const LIBREOFFICE: RendererProfile = {
  name: 'libreoffice',
  gridMultiple: 'pitch-multiple',
  font(name) {
    const cls = classifyFont(name);
    if (cls === 'cjk-system') return name && /黑|hei|等线|dengxian/i.test(name) ? 'noto-sans-cjk' : 'noto-serif-cjk';
    if (cls === 'yahei') return 'noto-sans-cjk';
    return cls;
  },
  // The font's ascent and descent, each a whole number of twips (dropping the fraction): 12 pt Noto
  // Serif CJK is 276 + 68 twips, which is what lets 27 lines of 1.5 spacing fill a 697.9 pt page.
  lineHeight(cls, size) {
    const m = FONT_METRICS[cls];
    return (Math.floor(m.ascent * size * 20) + Math.floor(m.descent * size * 20)) / 20;
  },
  breakInsideLatin: true,
  noLineStart: CLOSING_CJK + CLOSING_ASCII,
  hangPunctuation: (overflow) => !overflow,
  // Measured with and without a line grid: a 40 pt space before at a page top takes no room.
  dropSpaceAtPageTop: true,
  spacingBetween: 'max',
  // Measured: 3.2 pt between 一 and 2 at 16 pt.
  autoSpace: 0.2,
};

/**
 * WPS Office: Word's rules, except that a multiple on a line grid is rounded up to whole rows after
 * it is applied (a WPS draft with 1.16 spacing on a 15.6 pt grid lays 16 pt lines 31.2 pt apart).
 */
export const WPS: RendererProfile = { ...WORD, name: 'wps', gridMultiple: 'snap-after' };

/** The profile for a file, from docProps/app.xml <Application>. */
export function profileFor(application: string | undefined): RendererProfile {
  if (application && /libreoffice|openoffice|neooffice/i.test(application)) return LIBREOFFICE;
  if (application && /wps|kingsoft/i.test(application)) return WPS;
  return WORD;
}

/** Font classes by profile and font name, cached: classifying a name takes a few regular expressions. */
const fontCache = new WeakMap<RendererProfile, Map<string | undefined, FontClass>>();
export function fontClassOf(profile: RendererProfile, name: string | undefined): FontClass {
  let byName = fontCache.get(profile);
  if (!byName) fontCache.set(profile, (byName = new Map()));
  let cls = byName.get(name);
  if (cls === undefined) byName.set(name, (cls = profile.font(name)));
  return cls;
}
