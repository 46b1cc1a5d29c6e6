// The theme's fonts (word/theme/theme1.xml, a:fontScheme): what a run or style that names its font through the
// theme (w:asciiTheme="minorHAnsi", w:eastAsiaTheme="minorEastAsia" …) is set in. Word's own templates do that
// for every run: without the theme, the font is only "the theme's body font".
import { childrenNamed, child, parseXml, type XmlElement } from './xml.js';
import type { ZipArchive } from './zip.js';

const THEME_REL = /\/relationships\/theme$/;

/** Where the main document's theme part is: its relationship, else Word's usual path. */
function themePart(zip: ZipArchive, documentPart: string): string | undefined {
  const dir = documentPart.slice(0, documentPart.lastIndexOf('/') + 1);
  const rels = `${dir}_rels/${documentPart.slice(dir.length)}.rels`;
  const bytes = zip.read(rels);
  if (bytes) {
    try {
      for (const rel of childrenNamed(parseXml(bytes, rels), 'rel:Relationship')) {
        const target = rel.attrs['Target'];
        if (target === undefined || !THEME_REL.test(rel.attrs['Type'] ?? '') || rel.attrs['TargetMode'] === 'External') continue;
        if (target.startsWith('/')) return target.slice(1);
        const parts = `${dir}${target}`.split('/');
        const out: string[] = [];
        for (const p of parts) if (p === '..') out.pop(); else if (p !== '.' && p !== '') out.push(p);
        return out.join('/');
      }
    } catch {
      // a damaged relationship part: try the usual path
    }
  }
  const usual = `${dir}theme/theme1.xml`;
  return zip.has(usual) ? usual : undefined;
}

/** The typeface of a:latin / a:ea / a:cs, or of a:font for the script; undefined when empty. */
function typeface(el: XmlElement | undefined): string | undefined {
  const t = el?.attrs['typeface']?.trim();
  return t ? t : undefined;
}

/** The East-Asian font of a major or minor font set: a:ea when it names one, else the font for Simplified Chinese. */
function eastAsian(set: XmlElement): string | undefined {
  return typeface(child(set, 'a:ea')) ?? typeface(childrenNamed(set, 'a:font').find((f) => f.attrs['script'] === 'Hans'));
}

/**
 * Theme font names (the values of w:asciiTheme, w:hAnsiTheme, w:eastAsiaTheme, w:cstheme: majorAscii, minorEastAsia …)
 * → the font the theme gives, for those it gives one. Undefined when there is no theme or it cannot be read.
 */
export function readThemeFonts(zip: ZipArchive, documentPart: string): Record<string, string> | undefined {
  const part = themePart(zip, documentPart);
  const bytes = part ? zip.read(part) : undefined;
  if (!part || !bytes) return undefined;
  let root: XmlElement;
  try {
    root = parseXml(bytes, part);
  } catch {
    return undefined; // a damaged theme: theme fonts stay unresolved
  }
  const scheme = child(child(root, 'a:themeElements'), 'a:fontScheme');
  if (!scheme) return undefined;
  const out: Record<string, string> = {};
  for (const kind of ['major', 'minor'] as const) {
    const set = child(scheme, kind === 'major' ? 'a:majorFont' : 'a:minorFont');
    if (!set) continue;
    const latin = typeface(child(set, 'a:latin'));
    const ea = eastAsian(set);
    const cs = typeface(child(set, 'a:cs'));
    if (latin) out[`${kind}Ascii`] = out[`${kind}HAnsi`] = latin;
    if (ea) out[`${kind}EastAsia`] = ea;
    if (cs) out[`${kind}Bidi`] = cs;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
