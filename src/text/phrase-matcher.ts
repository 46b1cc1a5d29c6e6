// Many phrases found in one pass over a text (Aho-Corasick), rather than one scan per phrase.
// A phrase may have gaps, written "…": 在…的正确领导下 is two literal pieces with up to `gapMax`
// characters between them, none of them a sentence end.
// Options let a caller skip separators (、，, and spaces match one another or nothing, so
// 统一思想、提高认识 = 统一思想，提高认识 = 统一思想提高认识), give each phrase its own gap limits, and
// stop gaps at more than sentence ends (a clause's comma).

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
}

export interface PhraseMatcherOptions {
  /** Most characters in a gap (default 20). */
  gapMax?: number;
  /** Fewest characters in a gap (default 1). */
  gapMin?: number;
  /** Characters ignored inside pieces, in the text and in the patterns alike. */
  skip?: string;
  /** A gap never contains one of these (default: sentence ends and line breaks). */
  gapBreak?: RegExp;
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Piece ids ending here (own and via fail links). */
  out: number[];
}

/** One literal; several literals may stand for the same part of a phrase ([提供|给予]). */
interface Piece {
  /** The (phrase, part) this literal is an alternative for. */
  slot: number;
  /** Characters (code points) fed to the automaton for this piece. */
  chars: number;
}

const SENTENCE_END = /[。！？；!?;\n]/;
/** "WFPM": the first four bytes of a compiled matcher. */
const MAGIC = 0x4d504657;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Sorts flat [start, end] pairs by start, then end. They come nearly sorted (by end): insertion sort. */
function sortPairs(list: number[]): void {
  for (let a = 2; a < list.length; a += 2) {
    const s = list[a]!;
    const e = list[a + 1]!;
    let b = a;
    while (b > 0 && (list[b - 2]! > s || (list[b - 2]! === s && list[b - 1]! > e))) {
      list[b] = list[b - 2]!;
      list[b + 1] = list[b - 1]!;
      b -= 2;
    }
    list[b] = s;
    list[b + 1] = e;
  }
}

/** Index (even) of the first pair in flat sorted [start, end] pairs whose start is ≥ x. */
function lowerBoundPairs(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid * 2]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
}

/**
 * The automaton once built, as flat typed arrays: what `find` walks, and what a build step writes to a
 * file (rules/data/generated/) so a large dictionary loads with one read instead of being compiled.
 * Edges of a node are sorted by code point (binary search); the root's also sit in a direct table.
 */
interface Frozen {
  edgeStart: Uint32Array;
  edgeChar: Uint32Array;
  edgeChild: Uint32Array;
  fail: Uint32Array;
  outStart: Uint32Array;
  outPiece: Uint32Array;
  pieceSlot: Uint32Array;
  pieceChars: Uint32Array;
  /** Per slot: the phrase it belongs to. */
  slotPhrase: Uint32Array;
  /** Per slot: the most characters in the gap before it (0 for a phrase's first slot). */
  slotGapMax: Uint32Array;
  /** Per phrase: its first slot and how many slots it has (slots of a phrase are consecutive). */
  phraseFirstSlot: Uint32Array;
  phraseSlotCount: Uint32Array;
}

const FROZEN_ARRAYS = ['edgeStart', 'edgeChar', 'edgeChild', 'fail', 'outStart', 'outPiece', 'pieceSlot', 'pieceChars', 'slotPhrase', 'slotGapMax', 'phraseFirstSlot', 'phraseSlotCount'] as const;

/** What a serialised matcher records besides its arrays. */
interface FrozenHeader {
  gapMax: number;
  gapMin: number;
  skip: string;
  gapBreak: { source: string; flags: string };
  /** The phrases' values, by phrase. */
  values: unknown[];
  /** What the phrases were compiled from (see `fromBytes`). */
  stamp?: string;
  arrays: Record<(typeof FROZEN_ARRAYS)[number], number>;
}

/** Child of `state` on code point `c`, or -1. */
function childOf(f: Frozen, root: Uint32Array, state: number, c: number): number {
  if (state === 0 && c < 0x10000) return root[c]! - 1;
  let lo = f.edgeStart[state]!;
  let hi = f.edgeStart[state + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = f.edgeChar[mid]!;
    if (m === c) return f.edgeChild[mid]!;
    if (m < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

export class PhraseMatcher<T> {
  private nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly pieces: Piece[] = [];
  /** Each phrase: its parts' slot ids in order and the gap limits between them. */
  private readonly phrases: Array<{ value: T; slots: number[]; gapMin: number; gapMax: number[] }> = [];
  private slotCount = 0;
  private readonly gapMax: number;
  private readonly gapMin: number;
  private readonly skip: Set<string>;
  /** The same characters as code points (what `find` compares). */
  private readonly skipCodes: Set<number>;
  private readonly gapBreak: RegExp;
  private frozen: Frozen | undefined;
  /** The root's children by BMP code point, plus one (0: none). */
  private root: Uint32Array | undefined;
  private values: T[] = [];
  /** Loaded from a file: no trie to add to. */
  private readOnly = false;

  constructor(options: number | PhraseMatcherOptions = {}) {
    const o = typeof options === 'number' ? { gapMax: options } : options;
    this.gapMax = o.gapMax ?? 20;
    this.gapMin = o.gapMin ?? 1;
    this.skip = new Set(o.skip ?? '');
    this.skipCodes = new Set([...this.skip].map((ch) => ch.codePointAt(0)!));
    this.gapBreak = o.gapBreak ?? SENTENCE_END;
  }

  /** Number of phrases added. */
  get size(): number {
    return this.readOnly ? this.values.length : this.phrases.length;
  }

  /** A pattern with "…" gaps; `gaps` gives each gap its own limit (default: the matcher's). */
  add(pattern: string, value: T, gaps?: number[]): void {
    this.addParts(pattern.split('…').map((text) => [text]), value, gaps);
  }

  /**
   * A phrase as parts separated by gaps, each part a set of alternative literals
   * ([[提供, 给予], [坚强, 有力], [保障, 支撑]]): one phrase, however many forms it stands for.
   * Parts left empty once separators are skipped are dropped, with the gap after them.
   */
  addParts(parts: string[][], value: T, gaps?: number[]): void {
    if (this.readOnly) throw new Error('a PhraseMatcher loaded from compiled data cannot take more phrases');
    const kept: string[][] = [];
    const gapMax: number[] = [];
    parts.forEach((alternatives, i) => {
      const literals = [...new Set(alternatives.map((text) => [...text].filter((ch) => !this.skip.has(ch)).join('')).filter(Boolean))];
      if (!literals.length) return;
      if (kept.length) gapMax.push(gaps?.[i - 1] ?? this.gapMax);
      kept.push(literals);
    });
    if (!kept.length) return;
    const slots = kept.map(() => this.slotCount++);
    this.phrases.push({ value, slots, gapMin: this.gapMin, gapMax });
    kept.forEach((literals, part) => {
      for (const text of literals) {
        let state = 0;
        let chars = 0;
        for (const ch of text) {
          chars++;
          let next = this.nodes[state]!.next.get(ch);
          if (next === undefined) {
            next = this.nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
            this.nodes[state]!.next.set(ch, next);
          }
          state = next;
        }
        this.nodes[state]!.out.push(this.pieces.push({ slot: slots[part]!, chars }) - 1);
      }
    });
    this.frozen = undefined;
  }

  private build(): Frozen {
    const nodes = this.nodes;
    const n = nodes.length;
    // Breadth first, so a node's fail target (shallower) is complete before the node.
    const order = new Uint32Array(n);
    const fail = new Uint32Array(n);
    let tail = 1;
    for (let q = 0; q < tail; q++) {
      const state = order[q]!;
      for (const [ch, child] of nodes[state]!.next) {
        let target = 0;
        if (state) {
          let f = fail[state]!;
          while (f && !nodes[f]!.next.has(ch)) f = fail[f]!;
          const t = nodes[f]!.next.get(ch);
          target = t !== undefined && t !== child ? t : 0;
        }
        fail[child] = target;
        order[tail++] = child;
      }
    }
    // Outputs: a node's own pieces, then those of its fail target.
    const outCount = new Uint32Array(n);
    for (let q = 0; q < n; q++) {
      const s = order[q]!;
      outCount[s] = nodes[s]!.out.length + (s ? outCount[fail[s]!]! : 0);
    }
    const edgeStart = new Uint32Array(n + 1);
    const outStart = new Uint32Array(n + 1);
    let edges = 0;
    let outs = 0;
    for (let s = 0; s < n; s++) {
      edgeStart[s] = edges;
      outStart[s] = outs;
      edges += nodes[s]!.next.size;
      outs += outCount[s]!;
    }
    edgeStart[n] = edges;
    outStart[n] = outs;
    const edgeChar = new Uint32Array(edges);
    const edgeChild = new Uint32Array(edges);
    const outPiece = new Uint32Array(outs);
    for (let q = 0; q < n; q++) {
      const s = order[q]!;
      const own = nodes[s]!.out;
      let at = outStart[s]!;
      for (const piece of own) outPiece[at++] = piece;
      if (s) outPiece.copyWithin(at, outStart[fail[s]!]!, outStart[fail[s]!]! + outCount[fail[s]!]!);
    }
    for (let s = 0; s < n; s++) {
      const next = nodes[s]!.next;
      const from = edgeStart[s]!;
      if (next.size > 16) {
        const sorted = [...next].map(([ch, child]) => [ch.codePointAt(0)!, child] as const).sort((x, y) => x[0] - y[0]);
        for (let k = 0; k < sorted.length; k++) {
          edgeChar[from + k] = sorted[k]![0];
          edgeChild[from + k] = sorted[k]![1];
        }
        continue;
      }
      // Few edges: insertion sort in place.
      let k = from;
      for (const [ch, child] of next) {
        const c = ch.codePointAt(0)!;
        let j = k++;
        while (j > from && edgeChar[j - 1]! > c) {
          edgeChar[j] = edgeChar[j - 1]!;
          edgeChild[j] = edgeChild[j - 1]!;
          j--;
        }
        edgeChar[j] = c;
        edgeChild[j] = child;
      }
    }
    const pieceSlot = new Uint32Array(this.pieces.length);
    const pieceChars = new Uint32Array(this.pieces.length);
    this.pieces.forEach((p, i) => {
      pieceSlot[i] = p.slot;
      pieceChars[i] = p.chars;
    });
    const slotPhrase = new Uint32Array(this.slotCount);
    const slotGapMax = new Uint32Array(this.slotCount);
    const phraseFirstSlot = new Uint32Array(this.phrases.length);
    const phraseSlotCount = new Uint32Array(this.phrases.length);
    this.phrases.forEach((p, i) => {
      phraseFirstSlot[i] = p.slots[0]!;
      phraseSlotCount[i] = p.slots.length;
      p.slots.forEach((slot, k) => {
        slotPhrase[slot] = i;
        slotGapMax[slot] = k ? p.gapMax[k - 1]! : 0;
      });
    });
    this.values = this.phrases.map((p) => p.value);
    return this.adopt({ edgeStart, edgeChar, edgeChild, fail, outStart, outPiece, pieceSlot, pieceChars, slotPhrase, slotGapMax, phraseFirstSlot, phraseSlotCount });
  }

  private adopt(f: Frozen): Frozen {
    const root = new Uint32Array(0x10000);
    for (let k = f.edgeStart[0]!; k < f.edgeStart[1]!; k++) if (f.edgeChar[k]! < 0x10000) root[f.edgeChar[k]!] = f.edgeChild[k]! + 1;
    this.root = root;
    this.frozen = f;
    this.slotList = undefined;
    return f;
  }

  /**
   * The built automaton as bytes (a build step writes them to rules/data/generated/); `value` turns each
   * phrase's value into JSON; `stamp` names what the phrases came from. `PhraseMatcher.fromBytes` reads them back.
   */
  toBytes(value: (v: T) => unknown = (v) => v, stamp?: string): Uint8Array {
    const f = this.frozen ?? this.build();
    const header: FrozenHeader = {
      gapMax: this.gapMax,
      gapMin: this.gapMin,
      skip: [...this.skip].join(''),
      gapBreak: { source: this.gapBreak.source, flags: this.gapBreak.flags },
      values: this.values.map(value),
      ...(stamp === undefined ? {} : { stamp }),
      arrays: Object.fromEntries(FROZEN_ARRAYS.map((k) => [k, f[k].length])) as FrozenHeader['arrays'],
    };
    const json = new TextEncoder().encode(JSON.stringify(header));
    const headerBytes = (json.length + 8 + 3) & ~3;
    const total = headerBytes + FROZEN_ARRAYS.reduce((n, k) => n + f[k].length * 4, 0);
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, json.length, true);
    out.set(json, 8);
    out.fill(0x20, 8 + json.length, headerBytes);
    let at = headerBytes;
    for (const k of FROZEN_ARRAYS) {
      // Little-endian on every platform, as the reader expects.
      for (const x of f[k]) {
        view.setUint32(at, x, true);
        at += 4;
      }
    }
    return out;
  }

  /**
   * A matcher from `toBytes` output, without compiling anything: the arrays are views into `bytes`.
   * `value` maps each stored value back (e.g. an index to the entry it stands for). Given a `stamp`,
   * a matcher stamped otherwise (compiled from other data) is not read: undefined.
   */
  static fromBytes<T>(bytes: Uint8Array, value?: (stored: unknown, index: number) => T): PhraseMatcher<T>;
  static fromBytes<T>(bytes: Uint8Array, value: ((stored: unknown, index: number) => T) | undefined, stamp: string): PhraseMatcher<T> | undefined;
  static fromBytes<T>(bytes: Uint8Array, value: (stored: unknown, index: number) => T = (v) => v as T, stamp?: string): PhraseMatcher<T> | undefined {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a compiled phrase matcher');
    const length = view.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as FrozenHeader;
    if (stamp !== undefined && header.stamp !== stamp) return undefined;
    const m = new PhraseMatcher<T>({ gapMax: header.gapMax, gapMin: header.gapMin, skip: header.skip, gapBreak: new RegExp(header.gapBreak.source, header.gapBreak.flags) });
    let at = (length + 8 + 3) & ~3;
    // Views need 4-byte alignment (and a little-endian machine); otherwise a copy.
    const aligned = (bytes.byteOffset + at) % 4 === 0 && LITTLE_ENDIAN;
    const arrays = {} as Frozen;
    for (const k of FROZEN_ARRAYS) {
      const n = header.arrays[k];
      if (aligned) arrays[k] = new Uint32Array(bytes.buffer, bytes.byteOffset + at, n);
      else {
        const a = new Uint32Array(n);
        for (let i = 0; i < n; i++) a[i] = view.getUint32(at + i * 4, true);
        arrays[k] = a;
      }
      at += n * 4;
    }
    if (at !== bytes.byteLength) throw new Error('compiled phrase matcher: wrong length');
    m.values = header.values.map(value);
    m.readOnly = true;
    m.nodes = [];
    m.adopt(arrays);
    return m;
  }

  /** Per slot, 1 + its list's index in the find under way (0: no occurrence yet); cleared after each find. */
  private slotList: Int32Array | undefined;
  /** UTF-16 offset of each character fed to the automaton, reused from find to find. */
  private fedScratch = new Int32Array(256);

  /** Every occurrence of every phrase; for gapped phrases, the shortest completion from each first piece. */
  find(text: string): PhraseHit<T>[] {
    const f = this.frozen ?? this.build();
    const root = this.root!;
    // Where each part occurs: per slot touched (in the order first touched), its [start, end] pairs, flat.
    // Typed scratch and flat lists: the text's every character can end a piece, and allocating per hit was
    // most of the cost of a long paragraph.
    const slotList = (this.slotList ??= new Int32Array(f.slotPhrase.length));
    const touched: number[] = [];
    const lists: number[][] = [];
    if (this.fedScratch.length < text.length) this.fedScratch = new Int32Array(text.length);
    const fed = this.fedScratch;
    let fedCount = 0;
    const skipping = this.skip.size > 0;
    let state = 0;
    let i = 0;
    try {
      while (i < text.length) {
        const at = i;
        const c = text.codePointAt(i)!;
        i += c > 0xffff ? 2 : 1;
        if (skipping && this.skipCodes.has(c)) continue;
        fed[fedCount++] = at;
        let next = childOf(f, root, state, c);
        while (state && next < 0) {
          state = f.fail[state]!;
          next = childOf(f, root, state, c);
        }
        state = next < 0 ? 0 : next;
        for (let k = f.outStart[state]!, end = f.outStart[state + 1]!; k < end; k++) {
          const piece = f.outPiece[k]!;
          const slot = f.pieceSlot[piece]!;
          let li = slotList[slot]! - 1;
          if (li < 0) {
            li = lists.push([]) - 1;
            slotList[slot] = li + 1;
            touched.push(slot);
          }
          lists[li]!.push(fed[fedCount - f.pieceChars[piece]!]!, i);
        }
      }
      return this.complete(f, text, slotList, touched, lists);
    } finally {
      for (const slot of touched) slotList[slot] = 0;
    }
  }

  /** Phrases whose parts all occur, joined part to part within their gaps; sorted by start, longest first. */
  private complete(f: Frozen, text: string, slotList: Int32Array, touched: number[], lists: number[][]): PhraseHit<T>[] {
    // Literals of one part end in text order but may start out of it (提供 / 提供了): order by start, then end.
    const sorted = new Uint8Array(lists.length);
    const pairsOf = (slot: number): number[] => {
      const li = slotList[slot]! - 1;
      const list = lists[li]!;
      if (!sorted[li]) {
        sortPairs(list);
        sorted[li] = 1;
      }
      return list;
    };
    const hits: PhraseHit<T>[] = [];
    const gapMin = this.gapMin;
    for (const slot of touched) {
      const index = f.slotPhrase[slot]!;
      const firstSlot = f.phraseFirstSlot[index]!;
      if (firstSlot !== slot) continue;
      const count = f.phraseSlotCount[index]!;
      let all = true;
      for (let k = 1; k < count && all; k++) all = slotList[firstSlot + k] !== 0;
      if (!all) continue;
      const first = pairsOf(firstSlot);
      let lastEnd = -1;
      for (let q = 0; q < first.length; q += 2) {
        const begin = first[q]!;
        if (begin < lastEnd) continue; // no overlapping hits of one phrase
        let end = first[q + 1]!;
        let ok = true;
        for (let k = 1; k < count && ok; k++) {
          const slotK = firstSlot + k;
          const list = pairsOf(slotK);
          const gapMax = f.slotGapMax[slotK]!;
          // Only the first occurrence at or after end + gapMin can complete the phrase.
          const j = lowerBoundPairs(list, end + gapMin);
          ok = j < list.length && list[j]! - end <= gapMax && !this.gapBreak.test(text.slice(end, list[j]!));
          if (ok) end = list[j + 1]!;
        }
        if (ok) {
          hits.push({ value: this.values[index]!, start: begin, end });
          lastEnd = end;
        }
      }
    }
    return hits.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}
