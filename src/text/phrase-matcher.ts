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

/** First index in an ascending list whose value is ≥ x. */
function lowerBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class PhraseMatcher<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly pieces: Piece[] = [];
  /** Each phrase: its parts' slot ids in order and the gap limits between them. */
  private readonly phrases: Array<{ value: T; slots: number[]; gapMin: number; gapMax: number[] }> = [];
  private slotCount = 0;
  /** First slot of a phrase → the phrase (a phrase is only tried where its first part occurs). */
  private readonly phraseOfFirstSlot = new Map<number, number>();
  private readonly gapMax: number;
  private readonly gapMin: number;
  private readonly skip: Set<string>;
  private readonly gapBreak: RegExp;
  private built = false;

  constructor(options: number | PhraseMatcherOptions = {}) {
    const o = typeof options === 'number' ? { gapMax: options } : options;
    this.gapMax = o.gapMax ?? 20;
    this.gapMin = o.gapMin ?? 1;
    this.skip = new Set(o.skip ?? '');
    this.gapBreak = o.gapBreak ?? SENTENCE_END;
  }

  /** Number of phrases added. */
  get size(): number {
    return this.phrases.length;
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
    this.phraseOfFirstSlot.set(slots[0]!, this.phrases.push({ value, slots, gapMin: this.gapMin, gapMax }) - 1);
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
    this.built = false;
  }

  private build(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) {
      this.nodes[child]!.fail = 0;
      queue.push(child);
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      for (const [ch, child] of this.nodes[state]!.next) {
        let f = this.nodes[state]!.fail;
        while (f && !this.nodes[f]!.next.has(ch)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(ch);
        this.nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
        this.nodes[child]!.out.push(...this.nodes[this.nodes[child]!.fail]!.out);
        queue.push(child);
      }
    }
    this.built = true;
  }

  /** Every occurrence of every phrase; for gapped phrases, the shortest completion from each first piece. */
  find(text: string): PhraseHit<T>[] {
    if (!this.built) this.build();
    // Where each part occurs: slot id → [start, end] pairs.
    const occurs = new Map<number, Array<[number, number]>>();
    // UTF-16 offset of each character fed to the automaton (skipped separators are not fed).
    const fed: number[] = [];
    const skipping = this.skip.size > 0;
    let state = 0;
    let i = 0;
    for (const ch of text) {
      const at = i;
      i += ch.length;
      if (skipping && this.skip.has(ch)) continue;
      fed.push(at);
      while (state && !this.nodes[state]!.next.has(ch)) state = this.nodes[state]!.fail;
      state = this.nodes[state]!.next.get(ch) ?? 0;
      for (const id of this.nodes[state]!.out) {
        const piece = this.pieces[id]!;
        let list = occurs.get(piece.slot);
        if (!list) occurs.set(piece.slot, (list = []));
        list.push([fed[fed.length - piece.chars]!, i]);
      }
    }
    // Literals of one part end in text order but may start out of it (提供 / 提供了): order by start.
    const startsOf = new Map<number, number[]>();
    const hits: PhraseHit<T>[] = [];
    const starts = (slot: number): number[] | undefined => {
      let s = startsOf.get(slot);
      if (s) return s;
      const list = occurs.get(slot);
      if (!list) return undefined;
      list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      startsOf.set(slot, (s = list.map((o) => o[0])));
      return s;
    };
    for (const slot of occurs.keys()) {
      const index = this.phraseOfFirstSlot.get(slot);
      if (index === undefined) continue;
      const phrase = this.phrases[index]!;
      if (!phrase.slots.every((slot) => occurs.has(slot))) continue;
      const firstStarts = starts(phrase.slots[0]!)!;
      const first = occurs.get(phrase.slots[0]!)!;
      let lastEnd = -1;
      for (let f = 0; f < first.length; f++) {
        const begin = firstStarts[f]!;
        if (begin < lastEnd) continue; // no overlapping hits of one phrase
        let end = first[f]![1];
        let ok = true;
        for (let k = 1; k < phrase.slots.length && ok; k++) {
          const slot = phrase.slots[k]!;
          const list = starts(slot)!;
          const at = occurs.get(slot)!;
          ok = false;
          for (let j = lowerBound(list, end + phrase.gapMin); j < list.length && list[j]! - end <= phrase.gapMax[k - 1]!; j++) {
            if (this.gapBreak.test(text.slice(end, list[j]!))) break;
            end = at[j]![1];
            ok = true;
            break;
          }
        }
        if (ok) {
          hits.push({ value: phrase.value, start: begin, end });
          lastEnd = end;
        }
      }
    }
    return hits.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}
