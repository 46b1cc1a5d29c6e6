// styles.xml: document defaults and the style definitions, resolved along w:basedOn chains.
import { mergePPr, mergeRPr, readPPr, readRPr, type PPr, type RPr } from './properties.js';
import { twips } from './units.js';
import type { StyleSource } from './style-source.js';
import { child, elements, type XmlElement } from './xml.js';

interface StyleDef {
  id: string;
  type: string;
  name?: string;
  basedOn?: string;
  pPr: PPr;
  rPr: RPr;
  tblPr?: XmlElement;
}

export interface CellMargins {
  top?: number;
  left?: number;
  bottom?: number;
  right?: number;
}

/** Reads w:tblCellMar (or w:tcMar): twips per side; start/end as left/right. */
export function readCellMargins(el: XmlElement | undefined): CellMargins | undefined {
  if (!el) return undefined;
  const m: CellMargins = {};
  for (const c of elements(el)) {
    if (c.attrs['w:type'] !== undefined && c.attrs['w:type'] !== 'dxa') continue;
    const w = twips(c.attrs['w:w']);
    if (w === undefined) continue;
    if (c.name === 'w:top') m.top = w;
    else if (c.name === 'w:bottom') m.bottom = w;
    else if (c.name === 'w:left' || c.name === 'w:start') m.left = w;
    else if (c.name === 'w:right' || c.name === 'w:end') m.right = w;
  }
  return m;
}

const MAX_CHAIN = 32;
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const CUSTOM_HEADING_NAME = /标题\s*([1-9])$/;

export class StyleSheet {
  readonly docPPr: PPr;
  readonly docRPr: RPr;
  readonly defaultParagraphStyle: string | undefined;
  readonly defaultTableStyle: string | undefined;
  /** Definitions read so far (styles are read on first use). */
  private readonly styles = new Map<string, StyleDef | undefined>();
  private readonly paragraphCache = new Map<string, { pPr: PPr; rPr: RPr }>();
  private readonly characterCache = new Map<string, RPr>();
  private readonly headingCache = new Map<string, number>();

  constructor(private readonly source: StyleSource) {
    const defaults = source.docDefaults;
    this.docPPr = readPPr(child(child(defaults, 'w:pPrDefault'), 'w:pPr'));
    this.docRPr = readRPr(child(child(defaults, 'w:rPrDefault'), 'w:rPr'));
    this.defaultParagraphStyle = source.defaultId('paragraph');
    this.defaultTableStyle = source.defaultId('table');
  }

  private def(id: string): StyleDef | undefined {
    if (this.styles.has(id)) return this.styles.get(id);
    const s = this.source.get(id);
    let def: StyleDef | undefined;
    if (s) {
      def = {
        id,
        type: s.attrs['w:type'] ?? 'paragraph',
        pPr: readPPr(child(s, 'w:pPr')),
        rPr: readRPr(child(s, 'w:rPr')),
      };
      const name = child(s, 'w:name')?.attrs['w:val'];
      if (name !== undefined) def.name = name;
      const basedOn = child(s, 'w:basedOn')?.attrs['w:val'];
      if (basedOn !== undefined) def.basedOn = basedOn;
      const tblPr = child(s, 'w:tblPr');
      if (tblPr) def.tblPr = tblPr;
    }
    this.styles.set(id, def);
    return def;
  }

  has(id: string): boolean {
    return this.source.has(id);
  }

  name(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.def(id)?.name;
  }

  /** The style and its ancestors, root first; cycles and runaway chains are cut. */
  chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = id;
    while (cur !== undefined && !seen.has(cur) && out.length < MAX_CHAIN) {
      seen.add(cur);
      const def = this.def(cur);
      if (!def) break;
      out.push(def);
      cur = def.basedOn;
    }
    return out.reverse();
  }

  /** A paragraph style's own properties merged along its chain (without document defaults). */
  paragraphStyle(id: string | undefined): { pPr: PPr; rPr: RPr } {
    const key = id ?? '';
    let hit = this.paragraphCache.get(key);
    if (!hit) {
      let pPr: PPr = {};
      let rPr: RPr = {};
      for (const def of this.chain(id)) {
        pPr = mergePPr(pPr, def.pPr);
        rPr = mergeRPr(rPr, def.rPr);
      }
      hit = { pPr, rPr };
      this.paragraphCache.set(key, hit);
    }
    return hit;
  }

  characterStyle(id: string | undefined): RPr {
    const key = id ?? '';
    let hit = this.characterCache.get(key);
    if (!hit) {
      hit = {};
      for (const def of this.chain(id)) hit = mergeRPr(hit, def.rPr);
      this.characterCache.set(key, hit);
    }
    return hit;
  }

  /** Default cell margins a table style sets (nearest in its chain wins per side). */
  tableCellMargins(id: string | undefined): CellMargins {
    let m: CellMargins = {};
    for (const def of this.chain(id)) {
      const own = readCellMargins(child(def.tblPr, 'w:tblCellMar'));
      if (own) m = { ...m, ...own };
    }
    return m;
  }

  /**
   * The heading level a paragraph style gives: its outline level, else a name like "heading 2",
   * "标题 2" (or a custom "公文标题 2"), nearest in the chain first. 0 when none.
   */
  headingLevel(id: string | undefined): number {
    const key = id ?? '';
    let level = this.headingCache.get(key);
    if (level === undefined) {
      level = this.findHeadingLevel(id);
      this.headingCache.set(key, level);
    }
    return level;
  }

  private findHeadingLevel(id: string | undefined): number {
    const outline = this.paragraphStyle(id).pPr.outlineLevel;
    if (outline !== undefined) return outline >= 0 && outline <= 8 ? outline + 1 : 0;
    const chain = this.chain(id);
    for (let i = chain.length - 1; i >= 0; i--) {
      const name = chain[i]!.name?.trim();
      if (!name) continue;
      const m = HEADING_NAME.exec(name) ?? CUSTOM_HEADING_NAME.exec(name);
      if (m) return Number(m[1]);
    }
    return 0;
  }

  /** Whether the style is the document-title style (Word's "Title", WPS's "标题"). */
  isTitleStyle(id: string | undefined): boolean {
    for (const def of this.chain(id)) {
      const name = def.name?.trim().toLowerCase();
      if (name === 'title' || name === '标题') return true;
    }
    return false;
  }
}
