// Paragraph and run properties as partial patches, read from w:pPr / w:rPr, merged along the
// inheritance chain (later patches win, attribute by attribute).
import type { LineRule, ParagraphProps } from './layout-facts.js';
import { halfPoints, int, onOff, twips } from './units.js';
import { child, type XmlElement } from './xml.js';

/** Paragraph properties some level of the chain sets; absent keys inherit. */
export interface PPr {
  spacingBefore?: number;
  spacingAfter?: number;
  beforeLines?: number;
  afterLines?: number;
  beforeAutospacing?: boolean;
  afterAutospacing?: boolean;
  line?: number;
  lineRule?: LineRule;
  contextualSpacing?: boolean;
  snapToGrid?: boolean;
  indentLeft?: number;
  indentRight?: number;
  indentFirstLine?: number;
  leftChars?: number;
  rightChars?: number;
  firstLineChars?: number;
  alignment?: ParagraphProps['alignment'];
  keepLines?: boolean;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  overflowPunct?: boolean;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
}

/** Run properties some level of the chain sets. */
export interface RPr {
  size?: number;
  bold?: boolean;
  hidden?: boolean;
  color?: string;
  fontAscii?: string;
  fontEastAsia?: string;
  hint?: string;
  charSpacing?: number;
  scale?: number;
}

const JC: Record<string, ParagraphProps['alignment']> = {
  left: 'left',
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'justify',
  lowKashida: 'justify',
  mediumKashida: 'justify',
  highKashida: 'justify',
  thaiDistribute: 'distribute',
  distribute: 'distribute',
};

function flag(el: XmlElement | undefined): boolean | undefined {
  return el ? onOff(el.attrs['w:val']) : undefined;
}

/** Copies only the defined values, so spreading a patch never clears an inherited one. */
function defined<T extends object>(patch: T): T {
  const out = {} as T;
  for (const key in patch) if (patch[key] !== undefined) out[key] = patch[key];
  return out;
}

export function readPPr(pPr: XmlElement | undefined): PPr {
  if (!pPr) return {};
  const p: PPr = {};
  for (const c of pPr.children) {
    if (typeof c === 'string') continue;
    const a = c.attrs;
    switch (c.name) {
      case 'w:spacing': {
        p.spacingBefore = twips(a['w:before']);
        p.spacingAfter = twips(a['w:after']);
        p.beforeLines = int(a['w:beforeLines']);
        p.afterLines = int(a['w:afterLines']);
        if (a['w:beforeAutospacing'] !== undefined) p.beforeAutospacing = onOff(a['w:beforeAutospacing']);
        if (a['w:afterAutospacing'] !== undefined) p.afterAutospacing = onOff(a['w:afterAutospacing']);
        p.line = twips(a['w:line']);
        const rule = a['w:lineRule'];
        if (rule === 'auto' || rule === 'exact' || rule === 'atLeast') p.lineRule = rule;
        break;
      }
      case 'w:ind': {
        p.indentLeft = twips(a['w:start'] ?? a['w:left']);
        p.indentRight = twips(a['w:end'] ?? a['w:right']);
        p.leftChars = int(a['w:startChars'] ?? a['w:leftChars']);
        p.rightChars = int(a['w:endChars'] ?? a['w:rightChars']);
        // Hanging wins over first line when both are given (ECMA-376 17.3.1.12).
        const hanging = twips(a['w:hanging']);
        p.indentFirstLine = hanging !== undefined ? -hanging : twips(a['w:firstLine']);
        const hangingChars = int(a['w:hangingChars']);
        p.firstLineChars = hangingChars !== undefined ? -hangingChars : int(a['w:firstLineChars']);
        break;
      }
      case 'w:jc':
        p.alignment = JC[a['w:val'] ?? ''];
        break;
      case 'w:contextualSpacing':
        p.contextualSpacing = flag(c);
        break;
      case 'w:snapToGrid':
        p.snapToGrid = flag(c);
        break;
      case 'w:keepLines':
        p.keepLines = flag(c);
        break;
      case 'w:keepNext':
        p.keepNext = flag(c);
        break;
      case 'w:pageBreakBefore':
        p.pageBreakBefore = flag(c);
        break;
      case 'w:widowControl':
        p.widowControl = flag(c);
        break;
      case 'w:overflowPunct':
        p.overflowPunct = flag(c);
        break;
      case 'w:outlineLvl':
        p.outlineLevel = int(a['w:val']);
        break;
      case 'w:numPr': {
        const numId = child(c, 'w:numId')?.attrs['w:val'];
        if (numId !== undefined) p.numId = numId;
        p.ilvl = int(child(c, 'w:ilvl')?.attrs['w:val']);
        break;
      }
    }
  }
  return defined(p);
}

export function readRPr(rPr: XmlElement | undefined): RPr {
  if (!rPr) return {};
  const r: RPr = {};
  for (const c of rPr.children) {
    if (typeof c === 'string') continue;
    const a = c.attrs;
    switch (c.name) {
      case 'w:sz':
        r.size = halfPoints(a['w:val']);
        break;
      case 'w:b':
        r.bold = flag(c);
        break;
      case 'w:vanish':
        r.hidden = flag(c);
        break;
      case 'w:color':
        r.color = a['w:val'];
        break;
      case 'w:rFonts': {
        // A theme font attribute takes precedence over the named font (ECMA-376 17.3.2.26).
        const ascii = a['w:asciiTheme'] ? `+${a['w:asciiTheme']}` : a['w:ascii'];
        const eastAsia = a['w:eastAsiaTheme'] ? `+${a['w:eastAsiaTheme']}` : a['w:eastAsia'];
        if (ascii !== undefined) r.fontAscii = ascii;
        if (eastAsia !== undefined) r.fontEastAsia = eastAsia;
        if (a['w:hint'] !== undefined) r.hint = a['w:hint'];
        break;
      }
      case 'w:spacing':
        r.charSpacing = twips(a['w:val']);
        break;
      case 'w:w':
        r.scale = int(a['w:val']);
        break;
    }
  }
  return defined(r);
}

export function mergePPr(base: PPr, over: PPr): PPr {
  return { ...base, ...over };
}

export function mergeRPr(base: RPr, over: RPr): RPr {
  return { ...base, ...over };
}

/** Fills in Word's defaults for whatever no level of the chain set. */
export function finishPPr(p: PPr): ParagraphProps {
  const props: ParagraphProps = {
    spacingBefore: p.spacingBefore ?? 0,
    spacingAfter: p.spacingAfter ?? 0,
    beforeAutospacing: p.beforeAutospacing ?? false,
    afterAutospacing: p.afterAutospacing ?? false,
    lineRule: p.lineRule ?? 'auto',
    contextualSpacing: p.contextualSpacing ?? false,
    snapToGrid: p.snapToGrid ?? true,
    indentLeft: p.indentLeft ?? 0,
    indentRight: p.indentRight ?? 0,
    indentFirstLine: p.indentFirstLine ?? 0,
    alignment: p.alignment ?? 'left',
    keepLines: p.keepLines ?? false,
    keepNext: p.keepNext ?? false,
    pageBreakBefore: p.pageBreakBefore ?? false,
    widowControl: p.widowControl ?? true,
  };
  if (p.overflowPunct !== undefined) props.overflowPunct = p.overflowPunct;
  if (p.beforeLines !== undefined) props.beforeLines = p.beforeLines;
  if (p.afterLines !== undefined) props.afterLines = p.afterLines;
  if (p.line !== undefined) props.line = p.line;
  if (p.leftChars !== undefined) props.leftChars = p.leftChars;
  if (p.rightChars !== undefined) props.rightChars = p.rightChars;
  if (p.firstLineChars !== undefined) props.firstLineChars = p.firstLineChars;
  if (p.outlineLevel !== undefined) props.outlineLevel = p.outlineLevel;
  return props;
}
