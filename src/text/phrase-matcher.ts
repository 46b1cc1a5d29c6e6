// Many phrases found in one pass over a text (Aho-Corasick), rather than one scan per phrase.
// A phrase may have gaps, written "…": 在…的正确领导下 is two literal pieces with up to `gapMax`
// characters between them, none of them a sentence end.

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Piece ids ending here (own and via fail links). */
  out: number[];
}

interface Piece {
  phrase: number;
  /** Index of this piece within its phrase. */
  part: number;
  length: number;
}

const SENTENCE_END = /[。！？；!?;\n]/;

export class PhraseMatcher<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly pieces: Piece[] = [];
  private readonly phrases: Array<{ value: T; parts: string[] }> = [];
  private built = false;

  constructor(private readonly gapMax = 20) {}

  add(pattern: string, value: T): void {
    const parts = pattern.split('…').filter(Boolean);
    if (!parts.length) return;
    const phrase = this.phrases.push({ value, parts }) - 1;
    parts.forEach((text, part) => {
      let state = 0;
      for (const ch of text) {
        let next = this.nodes[state]!.next.get(ch);
        if (next === undefined) {
          next = this.nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
          this.nodes[state]!.next.set(ch, next);
        }
        state = next;
      }
      this.nodes[state]!.out.push(this.pieces.push({ phrase, part, length: text.length }) - 1);
    });
    this.built = false;
  }

  private build(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) {
      this.nodes[child]!.fail = 0;
      queue.push(child);
    }
    while (queue.length) {
      const state = queue.shift()!;
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
    // Where each piece ends: piece id → start offsets, in text order.
    const starts = new Map<number, number[]>();
    let state = 0;
    let i = 0;
    for (const ch of text) {
      while (state && !this.nodes[state]!.next.has(ch)) state = this.nodes[state]!.fail;
      state = this.nodes[state]!.next.get(ch) ?? 0;
      i += ch.length;
      for (const id of this.nodes[state]!.out) {
        const list = starts.get(id) ?? [];
        list.push(i - this.pieces[id]!.length);
        starts.set(id, list);
      }
    }
    const byPhrase = new Map<number, Map<number, number[]>>();
    for (const [id, list] of starts) {
      const piece = this.pieces[id]!;
      const parts = byPhrase.get(piece.phrase) ?? new Map<number, number[]>();
      parts.set(piece.part, list);
      byPhrase.set(piece.phrase, parts);
    }
    const hits: PhraseHit<T>[] = [];
    for (const [phraseIndex, parts] of byPhrase) {
      const phrase = this.phrases[phraseIndex]!;
      if (parts.size < phrase.parts.length) continue;
      let lastEnd = -1;
      for (const first of parts.get(0) ?? []) {
        if (first < lastEnd) continue; // no overlapping hits of one phrase
        let end = first + phrase.parts[0]!.length;
        let ok = true;
        for (let k = 1; k < phrase.parts.length && ok; k++) {
          const next = (parts.get(k) ?? []).find((s) => s > end && s - end <= this.gapMax && !SENTENCE_END.test(text.slice(end, s)));
          if (next === undefined) ok = false;
          else end = next + phrase.parts[k]!.length;
        }
        if (ok) {
          hits.push({ value: phrase.value, start: first, end });
          lastEnd = end;
        }
      }
    }
    return hits.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}
