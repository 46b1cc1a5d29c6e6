// Breaking a paragraph's text into lines: character widths (full-width one em or one grid cell,
// half-width by the font), where a line may break (anywhere between CJK characters, between words of
// Latin text), 避头尾 (no closing punctuation at a line start, no opening one at a line end), hanging
// punctuation, and the autospace between ideographs and Latin letters or digits.
//
// The characters of a paragraph become "atoms" kept in one reusable set of typed arrays (this runs
// for every character of every paragraph, so it allocates nothing per character).
import type { ParagraphBlock, RunFacts } from '../../readers/docx/layout-facts.js';
import { asciiWidth, FONT_METRICS, type FontClass } from './fonts.js';
import { gridCharWidth, type Grid } from './grid.js';
import { codes, HANGABLE, isAmbiguous, isFullWidth, isIdeograph, OPENING } from './char-class.js';
import { fontClassOf, type RendererProfile } from './profile.js';

export interface LineBox {
  /** Single-spaced height of the line's tallest text, pt. */
  text: number;
  /** Height of the tallest inline picture on the line, pt (0 when none). */
  object: number;
  /** The line's characters and their width (pt), when the context asks for them (calibration). */
  chars?: string;
  width?: number;
}

/** Lines up to a forced page or column break (or the paragraph's end). */
export interface LineRun {
  lines: LineBox[];
  breakAfter?: 'page' | 'column';
  /** The break is the paragraph's first thing: its line holds nothing else. */
  bare?: boolean;
}

export interface BreakContext {
  profile: RendererProfile;
  grid: Grid;
  /** Text width of the column, pt. */
  width: number;
  /** Default tab stop, pt. */
  tabStop: number;
  /** Paragraph indents, pt (first line relative to left; negative = hanging). */
  left: number;
  right: number;
  firstLine: number;
  /** Height of an empty line (the paragraph mark's font), pt. */
  markHeight: number;
  /** Whether closing punctuation may hang past the margin. */
  hang: boolean;
  /** Keep each line's characters (for calibration output). */
  keepText?: boolean;
}

const enum Kind {
  Char,
  Space,
  Tab,
  Object,
  LineBreak,
  PageBreak,
  ColumnBreak,
}

const enum Flag {
  /** A line may break before this atom. */
  BreakBefore = 1,
  /** Closing punctuation that may hang past the margin. */
  Hang = 2,
  /** Opening punctuation: no break after it. */
  Open = 4,
  /** Full-width (a break may follow it even next to Latin text). */
  Full = 8,
  Ideograph = 16,
  /** ASCII letter or digit. */
  Alnum = 32,
}

/** The atoms of the paragraph being broken: parallel arrays, grown as needed and reused. */
class Atoms {
  n = 0;
  kind = new Uint8Array(256);
  flags = new Uint8Array(256);
  w = new Float64Array(256);
  h = new Float64Array(256);
  obj = new Float64Array(256);
  /** Autospace before the atom, pt: not taken when the atom starts a line. */
  gap = new Float64Array(256);
  chars: string[] = [];

  reset(): void {
    this.n = 0;
    this.chars.length = 0;
  }

  push(kind: Kind, flags: number, w: number, h: number, obj: number, gap: number): void {
    if (this.n === this.kind.length) this.grow();
    const i = this.n++;
    this.kind[i] = kind;
    this.flags[i] = flags;
    this.w[i] = w;
    this.h[i] = h;
    this.obj[i] = obj;
    this.gap[i] = gap;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const copy = <T extends Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
    this.w = copy(this.w, (n) => new Float64Array(n));
    this.h = copy(this.h, (n) => new Float64Array(n));
    this.obj = copy(this.obj, (n) => new Float64Array(n));
    this.gap = copy(this.gap, (n) => new Float64Array(n));
  }
}

const atoms = new Atoms();

const noStartCache = new WeakMap<RendererProfile, Set<number>>();
function noLineStart(profile: RendererProfile): Set<number> {
  let set = noStartCache.get(profile);
  if (!set) noStartCache.set(profile, (set = codes(profile.noLineStart)));
  return set;
}

interface RunStyle {
  size: number;
  cls: FontClass;
  /** Extra advance per character (w:spacing), pt. */
  extra: number;
  scale: number;
  height: number;
  /** Width of a full-width character of this run (on the grid, if any), pt. */
  fullWidth: number;
  /** Whether the font sets quotes and dashes full width. */
  cjkFont: boolean;
}

function runStyle(run: RunFacts, ctx: BreakContext): RunStyle {
  const size = run.size / 2;
  const cls = fontClassOf(ctx.profile, run.font);
  const scale = (run.scale ?? 100) / 100;
  const extra = (run.charSpacing ?? 0) / 20;
  return {
    size,
    cls,
    extra,
    scale,
    height: ctx.profile.lineHeight(cls, size),
    fullWidth: gridCharWidth(size * scale, ctx.grid, ctx.profile) + extra,
    cjkFont: FONT_METRICS[cls].eastAsian,
  };
}

function pushText(text: string, s: RunStyle, eastAsianRun: boolean, ctx: BreakContext): void {
  const { profile } = ctx;
  const noStart = noLineStart(profile);
  const autoSpace = profile.autoSpace * s.size;
  const latin = s.size * s.scale;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = ((code - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
    if (code === 0x09) {
      atoms.push(Kind.Tab, 0, 0, s.height, 0, 0);
      if (ctx.keepText) atoms.chars.push('⇥');
      continue;
    }
    if (code === 0x20 || code === 0xa0) {
      atoms.push(Kind.Space, 0, asciiWidth(s.cls, 0x20) * latin + s.extra, s.height, 0, 0);
      if (ctx.keepText) atoms.chars.push(' ');
      continue;
    }
    if (code < 0x20 || (code >= 0x200b && code <= 0x200f) || code === 0xfeff) continue;
    if (code >= 0x4e00 && code <= 0x9fff) {
      // The common case, a CJK ideograph: full width, breakable before unless after an opening mark.
      const p = atoms.n - 1;
      let flags = Flag.Full | Flag.Ideograph;
      let gap = 0;
      if (p >= 0 && atoms.kind[p] !== Kind.LineBreak) {
        const pf = atoms.flags[p]!;
        if ((pf & Flag.Open) === 0) flags |= Flag.BreakBefore;
        if ((pf & Flag.Alnum) !== 0) gap = autoSpace;
      }
      atoms.push(Kind.Char, flags, s.fullWidth, s.height, 0, gap);
      if (ctx.keepText) atoms.chars.push(String.fromCharCode(code));
      continue;
    }
    const full = isFullWidth(code) || (isAmbiguous(code) && (eastAsianRun || s.cjkFont));
    const w = full ? s.fullWidth : code < 0x7f ? asciiWidth(s.cls, code) * latin + s.extra : 0.55 * latin + s.extra;
    const alnum = !full && ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a));
    const ideo = full && isIdeograph(code);
    let flags = (full ? Flag.Full : 0) | (ideo ? Flag.Ideograph : 0) | (alnum ? Flag.Alnum : 0);
    if (HANGABLE.has(code)) flags |= Flag.Hang;
    if (OPENING.has(code)) flags |= Flag.Open;
    let gap = 0;
    const p = atoms.n - 1;
    if (p >= 0 && atoms.kind[p] !== Kind.LineBreak) {
      const pf = atoms.flags[p]!;
      const prevChar = atoms.kind[p] === Kind.Char;
      // A break may come before this character unless 避头尾 or a Latin word forbids it.
      const forbidden = noStart.has(code) || (pf & Flag.Open) !== 0 || (!full && !profile.breakInsideLatin && prevChar && (pf & Flag.Full) === 0);
      if (!forbidden) flags |= Flag.BreakBefore;
      // Autospace between ideographs and Latin letters or digits, kept on the later of the two.
      if ((ideo && (pf & Flag.Alnum) !== 0) || (alnum && (pf & Flag.Ideograph) !== 0)) gap = autoSpace;
    }
    atoms.push(Kind.Char, flags, w, s.height, 0, gap);
    if (ctx.keepText) atoms.chars.push(String.fromCodePoint(code));
  }
}

interface InlineEvent {
  offset: number;
  kind: Kind;
  w: number;
  obj: number;
}

function fillAtoms(p: ParagraphBlock, ctx: BreakContext): void {
  atoms.reset();
  const first = p.runs.find((r) => !r.hidden && r.text.length > 0) ?? p.runs[0];
  if (p.numbering && p.numbering.text.length > 0) {
    const s = runStyle(first ?? { text: '', size: p.markSize, eastAsian: true }, ctx);
    pushText(p.numbering.text, s, true, ctx);
    if (p.numbering.suffix === 'tab') {
      atoms.push(Kind.Tab, 0, 0, s.height, 0, 0);
      if (ctx.keepText) atoms.chars.push('⇥');
    } else if (p.numbering.suffix === 'space') {
      atoms.push(Kind.Space, 0, asciiWidth(s.cls, 0x20) * s.size, s.height, 0, 0);
      if (ctx.keepText) atoms.chars.push(' ');
    }
  }
  // Breaks and inline drawings sit at offsets in the run text.
  const events: InlineEvent[] = [];
  for (const b of p.breaks) events.push({ offset: b.offset, kind: b.type === 'page' ? Kind.PageBreak : b.type === 'column' ? Kind.ColumnBreak : Kind.LineBreak, w: 0, obj: 0 });
  for (const d of p.drawings) {
    if (d.placement === 'inline' && d.cx && d.cy) events.push({ offset: d.offset, kind: Kind.Object, w: d.cx / 12700, obj: d.cy / 12700 });
  }
  events.sort((a, b) => a.offset - b.offset);
  const pushEvent = (ev: InlineEvent): void => {
    atoms.push(ev.kind, Flag.BreakBefore, ev.w, 0, ev.obj, 0);
    if (ctx.keepText) atoms.chars.push(ev.kind === Kind.Object ? '▣' : '');
  };
  let offset = 0;
  let e = 0;
  for (const run of p.runs) {
    const len = run.text.length;
    if (run.hidden && (e >= events.length || events[e]!.offset > offset + len)) {
      offset += len;
      continue;
    }
    const s = runStyle(run, ctx);
    let from = 0;
    while (e < events.length && events[e]!.offset <= offset + len) {
      const ev = events[e]!;
      const at = Math.max(0, ev.offset - offset);
      if (!run.hidden) pushText(run.text.slice(from, at), s, run.eastAsian, ctx);
      pushEvent(ev);
      from = at;
      e++;
    }
    if (!run.hidden) pushText(from === 0 ? run.text : run.text.slice(from), s, run.eastAsian, ctx);
    offset += len;
  }
  for (; e < events.length; e++) pushEvent(events[e]!);
}

/** The lines of a paragraph, split at its page and column breaks. */
export function breakLines(p: ParagraphBlock, ctx: BreakContext): LineRun[] {
  fillAtoms(p, ctx);
  const { kind, flags, w: width, h: height, obj: objects, gap } = atoms;
  const n = atoms.n;
  const runs: LineRun[] = [];
  let lines: LineBox[] = [];
  let lineNo = 0;
  const close = (from: number, to: number, used: number): void => {
    let text = 0;
    let obj = 0;
    for (let k = from; k < to; k++) {
      const kk = kind[k]!;
      if (kk === Kind.Char || kk === Kind.Space || kk === Kind.Tab) text = Math.max(text, height[k]!);
      else if (kk === Kind.Object) obj = Math.max(obj, objects[k]!);
    }
    const box: LineBox = { text: text || ctx.markHeight, object: obj };
    if (ctx.keepText) {
      box.chars = atoms.chars.slice(from, to).join('');
      box.width = Math.round(used * 10) / 10;
    }
    lines.push(box);
    lineNo++;
  };
  if (n === 0) return [{ lines: [{ text: ctx.markHeight, object: 0 }] }];
  let i = 0;
  while (i < n) {
    const start = i;
    const first = lineNo === 0;
    const avail = ctx.width - ctx.left - ctx.right - (first ? ctx.firstLine : 0) + 0.05;
    const indent = ctx.left + (first ? ctx.firstLine : 0);
    let x = 0;
    let lastBreak = -1; // the last atom before which the line may break
    let end = -1;
    let forced: Kind | undefined;
    for (let k = start; k < n; k++) {
      const kk = kind[k]!;
      if (kk === Kind.LineBreak || kk === Kind.PageBreak || kk === Kind.ColumnBreak) {
        end = k;
        forced = kk;
        break;
      }
      const f = flags[k]!;
      let w = width[k]! + (k > start ? gap[k]! : 0);
      if (kk === Kind.Tab) {
        // To the next default tab stop; a hanging indent is a tab stop of its own.
        const abs = indent + x;
        const hangStop = ctx.firstLine < 0 && first && abs < ctx.left - 0.01 ? ctx.left : undefined;
        w = (hangStop ?? (Math.floor(abs / ctx.tabStop + 1e-6) + 1) * ctx.tabStop) - abs;
      }
      if (k > start && (f & Flag.BreakBefore) !== 0) lastBreak = k;
      // Spaces at a line end hang in the margin.
      if (kk === Kind.Space || x + w <= avail || k === start) {
        x += w;
        continue;
      }
      // Overflow at atom k: hang one closing mark past the margin, else break at the last chance.
      const next = k + 1 < n ? k + 1 : -1;
      const nextFree = next < 0 || (flags[next]! & Flag.BreakBefore) !== 0 || kind[next] !== Kind.Char;
      if (ctx.hang && (f & Flag.Hang) !== 0 && nextFree && x + w - avail <= width[k]! + 0.05) end = k + 1;
      else if ((f & Flag.BreakBefore) !== 0) end = k;
      else if (lastBreak > start) end = lastBreak;
      else end = k; // no opportunity: break inside the word
      break;
    }
    if (end < 0) end = n;
    close(start, end, x);
    i = end;
    if (forced !== undefined) {
      i++; // consume the break
      if (forced === Kind.PageBreak || forced === Kind.ColumnBreak) {
        const bare = runs.length === 0 && lines.length === 1 && end === start;
        runs.push({ lines, breakAfter: forced === Kind.PageBreak ? 'page' : 'column', ...(bare ? { bare } : {}) });
        lines = [];
        // A break that ends the paragraph keeps the paragraph mark with it (Word 2013 and later,
        // LibreOffice): nothing of the paragraph goes on the next page.
      } else if (i >= n) {
        close(i, i, 0); // a line break at the end leaves an empty line
      }
    }
  }
  if (lines.length > 0 || runs.length === 0) runs.push({ lines });
  return runs;
}
