// numbering.xml: list definitions and the counters that generate "一、", "（一）", "1." as Word
// shows them. Counters belong to the abstract definition, so w:num instances that share one
// continue one list; a w:num with w:startOverride restarts it where that num is first used.
import { readPPr, readRPr, type PPr, type RPr } from './properties.js';
import type { StyleSheet } from './styles.js';
import { formatNumber } from './number-format.js';
import { bulletText } from './symbols.js';
import { int, onOff } from './units.js';
import { child, childrenNamed, type XmlElement } from './xml.js';
import { counter, DEFAULT_LIMITS, LimitError, limitMessages, type LintLimits } from '../../engine/limits.js';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart: restart after this (1-based) level is used; 0 = never. Absent = after any higher level. */
  restartAfter?: number;
  isLgl: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  pStyle?: string;
  pPr: PPr;
  rPr: RPr;
}

interface AbstractDef {
  id: string;
  levels: Map<number, LevelDef>;
  numStyleLink?: string;
}

interface NumDef {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: LevelDef }>;
}

export interface GeneratedNumber {
  text: string;
  numId: string;
  ilvl: number;
  level: LevelDef;
}

const LEVELS = 9;

function readLevel(lvl: XmlElement, limits: LintLimits): LevelDef {
  const lvlText = child(lvl, 'w:lvlText')?.attrs['w:val'] ?? '';
  // Repeated in front of every paragraph of the list: a huge pattern would multiply memory by paragraphs.
  if (lvlText.length > limits.maxLevelTextChars) throw new LimitError('maxLevelTextChars', limitMessages.levelText(limits.maxLevelTextChars));
  let numFmtEl = child(lvl, 'w:numFmt');
  // Newer formats hide behind mc:AlternateContent; the fallback is the one every reader knows.
  if (!numFmtEl) numFmtEl = child(child(child(lvl, 'mc:AlternateContent'), 'mc:Fallback'), 'w:numFmt');
  const suff = child(lvl, 'w:suff')?.attrs['w:val'];
  const isLglEl = child(lvl, 'w:isLgl');
  const def: LevelDef = {
    start: int(child(lvl, 'w:start')?.attrs['w:val']) ?? 0,
    numFmt: numFmtEl?.attrs['w:val'] ?? 'decimal',
    lvlText,
    isLgl: isLglEl ? onOff(isLglEl.attrs['w:val']) : false,
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pPr: readPPr(child(lvl, 'w:pPr')),
    rPr: readRPr(child(lvl, 'w:rPr')),
  };
  const restart = int(child(lvl, 'w:lvlRestart')?.attrs['w:val']);
  if (restart !== undefined) def.restartAfter = restart;
  const pStyle = child(lvl, 'w:pStyle')?.attrs['w:val'];
  if (pStyle !== undefined) def.pStyle = pStyle;
  return def;
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractDef>();
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  constructor(
    root: XmlElement | undefined,
    private readonly styles: StyleSheet,
    limits: LintLimits = DEFAULT_LIMITS,
  ) {
    const definition = counter(limits.maxNumberingDefinitions, 'maxNumberingDefinitions', limitMessages.numbering);
    for (const a of childrenNamed(root, 'w:abstractNum')) {
      definition();
      const id = a.attrs['w:abstractNumId'];
      if (id === undefined || this.abstracts.has(id)) continue;
      const levels = new Map<number, LevelDef>();
      for (const lvl of childrenNamed(a, 'w:lvl')) {
        const ilvl = int(lvl.attrs['w:ilvl']) ?? 0;
        if (!levels.has(ilvl)) levels.set(ilvl, readLevel(lvl, limits));
      }
      const def: AbstractDef = { id, levels };
      const link = child(a, 'w:numStyleLink')?.attrs['w:val'];
      if (link !== undefined) def.numStyleLink = link;
      this.abstracts.set(id, def);
    }
    for (const n of childrenNamed(root, 'w:num')) {
      definition();
      const id = n.attrs['w:numId'];
      const abstractId = child(n, 'w:abstractNumId')?.attrs['w:val'];
      if (id === undefined || abstractId === undefined || this.nums.has(id)) continue;
      const overrides = new Map<number, { start?: number; level?: LevelDef }>();
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const ilvl = int(o.attrs['w:ilvl']) ?? 0;
        const entry: { start?: number; level?: LevelDef } = {};
        const start = int(child(o, 'w:startOverride')?.attrs['w:val']);
        if (start !== undefined) entry.start = start;
        const lvl = child(o, 'w:lvl');
        if (lvl) entry.level = readLevel(lvl, limits);
        overrides.set(ilvl, entry);
      }
      this.nums.set(id, { abstractId, overrides });
    }
  }

  /** The abstract definition that really holds the levels (following w:numStyleLink through a numbering style). */
  private abstractFor(numId: string): AbstractDef | undefined {
    let abs = this.abstracts.get(this.nums.get(numId)?.abstractId ?? '');
    for (let hops = 0; abs?.numStyleLink !== undefined && hops < 4; hops++) {
      const linkedNum = this.styles.paragraphStyle(abs.numStyleLink).pPr.numId;
      const target = linkedNum === undefined ? undefined : this.abstracts.get(this.nums.get(linkedNum)?.abstractId ?? '');
      if (!target || target === abs) break;
      abs = target;
    }
    return abs;
  }

  private level(num: NumDef, abs: AbstractDef, ilvl: number): LevelDef | undefined {
    return num.overrides.get(ilvl)?.level ?? abs.levels.get(ilvl);
  }

  /** The level a paragraph uses when its numPr names no w:ilvl: the one linked to its style, else 0. */
  levelForStyle(numId: string, styleId: string | undefined): number {
    const abs = this.abstractFor(numId);
    if (abs && styleId !== undefined) {
      for (const [ilvl, def] of abs.levels) if (def.pStyle === styleId) return ilvl;
    }
    return 0;
  }

  /** The level definition without advancing any counter (for indentation). */
  levelDef(numId: string, ilvl: number): LevelDef | undefined {
    const num = this.nums.get(numId);
    const abs = this.abstractFor(numId);
    return num && abs ? this.level(num, abs, ilvl) : undefined;
  }

  /** Advances the list for one numbered paragraph and returns its generated number. */
  next(numId: string, ilvl: number): GeneratedNumber | undefined {
    if (ilvl < 0 || ilvl >= LEVELS) ilvl = 0;
    const num = this.nums.get(numId);
    const abs = this.abstractFor(numId);
    if (!num || !abs) return undefined;
    const level = this.level(num, abs, ilvl);
    if (!level) return undefined;
    let counts = this.counters.get(abs.id);
    if (!counts) {
      counts = new Array<number | undefined>(LEVELS).fill(undefined);
      this.counters.set(abs.id, counts);
    }
    const startOf = (l: number): number => num.overrides.get(l)?.start ?? this.level(num, abs, l)?.start ?? 0;
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, o] of num.overrides) if (o.start !== undefined && l < LEVELS) counts[l] = undefined;
    }
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let d = ilvl + 1; d < LEVELS; d++) {
      const restart = this.level(num, abs, d)?.restartAfter;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) counts[d] = undefined;
    }
    let text: string;
    if (level.numFmt === 'bullet') {
      text = bulletText(level.rPr.fontAscii, level.lvlText);
    } else {
      text = level.lvlText.replace(/%([1-9])/g, (_m, digit: string) => {
        const k = Number(digit) - 1;
        const value = counts[k] ?? startOf(k);
        const fmt = level.isLgl && k !== ilvl ? 'decimal' : (this.level(num, abs, k)?.numFmt ?? 'decimal');
        return formatNumber(value, fmt);
      });
    }
    return { text, numId, ilvl, level };
  }
}
