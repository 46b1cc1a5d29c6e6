// The small pattern language of the 套话 dictionaries: one line stands for a family of formulas.
//   [a|b|]   alternatives (an empty one makes the group optional): 取得[了|]
//   {NAME}   a slot, replaced by the alternatives listed under NAME: {INTENSIFIER}{VERB}
//   …        a gap for inserted content (the topic written into the formula), default length
//   …6       a gap of at most 6 characters
// A separator written in a pattern (、，, or a space) matches any separator or none: 统一思想、提高认识
// also finds 统一思想，提高认识 and 统一思想提高认识. A separator in the text where the pattern has none
// breaks the match, so 统筹，增强 is not 统筹增强.
// A pattern compiles to parts (sets of literals) with gaps between them, which PhraseMatcher.addParts
// takes as one phrase, however many surface forms it stands for.

export interface CompiledPattern {
  /** Each part: its alternative literals. */
  parts: string[][];
  /** Most characters in each gap (undefined: the matcher's default). */
  gaps: Array<number | undefined>;
}

type Node = { kind: 'text'; text: string } | { kind: 'gap'; max: number | undefined } | { kind: 'alt'; options: Node[][] };

/** Parsed slot values, per slots object: a slot is parsed once however many patterns use it. */
const slotCache = new WeakMap<Record<string, string[]>, Map<string, Node[][]>>();

function parse(pattern: string, slots: Record<string, string[]>, separators: string): Node[] {
  const anySeparator: Node[][] = [...[...separators].map((s): Node[] => [{ kind: 'text', text: s }]), []];
  let i = 0;
  const sequence = (inAlt: boolean): Node[] => {
    const out: Node[] = [];
    while (i < pattern.length) {
      const ch = pattern[i]!;
      if (inAlt && (ch === '|' || ch === ']')) break;
      if (ch === '[') {
        i++;
        const options: Node[][] = [sequence(true)];
        while (pattern[i] === '|') {
          i++;
          options.push(sequence(true));
        }
        if (pattern[i] !== ']') throw new Error(`unclosed [ in pattern "${pattern}"`);
        i++;
        out.push({ kind: 'alt', options });
      } else if (ch === '{') {
        const close = pattern.indexOf('}', i);
        const name = pattern.slice(i + 1, close);
        const values = slots[name];
        if (close < 0 || !values) throw new Error(`unknown slot {${name}} in pattern "${pattern}"`);
        i = close + 1;
        const key = `${name}\u0000${separators}`;
        let options = slotCache.get(slots)?.get(key);
        if (!options) {
          options = values.map((v) => parse(v, slots, separators));
          if (!slotCache.has(slots)) slotCache.set(slots, new Map());
          slotCache.get(slots)!.set(key, options);
        }
        out.push({ kind: 'alt', options });
      } else if (ch === '…') {
        i++;
        let digits = '';
        while (i < pattern.length && /\d/.test(pattern[i]!)) digits += pattern[i++];
        out.push({ kind: 'gap', max: digits ? Number(digits) : undefined });
      } else if (separators.includes(ch)) {
        out.push({ kind: 'alt', options: anySeparator });
        i++;
      } else {
        // Runs of plain characters are one node: the walk below appends them to every literal at once.
        const last = out.at(-1);
        if (last?.kind === 'text') last.text += ch;
        else out.push({ kind: 'text', text: ch });
        i++;
      }
    }
    return out;
  };
  const nodes = sequence(false);
  if (i < pattern.length) throw new Error(`unexpected "${pattern[i]}" in pattern "${pattern}"`);
  return nodes;
}

/** A pattern being built: finished parts, the gaps between them, the literals of the part still open and the gap before it. */
interface Partial {
  parts: string[][];
  gaps: Array<number | undefined>;
  open: string[];
  gapBefore: number | undefined;
}

const hasGap = (nodes: Node[]): boolean => nodes.some((n) => n.kind === 'gap' || (n.kind === 'alt' && n.options.some(hasGap)));

/** Two gaps with nothing between them are one gap as long as both. */
const joinGaps = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a + b);

/** Closes the open part at a gap of `gap` (or at the end); an optional part also yields the pattern without it. */
function closePart(p: Partial, gap: number | undefined): Partial[] {
  const literals = p.open.filter(Boolean);
  const out: Partial[] = [];
  if (literals.length) {
    out.push({ parts: [...p.parts, literals], gaps: p.parts.length ? [...p.gaps, p.gapBefore] : p.gaps, open: [''], gapBefore: gap });
  }
  if (literals.length < p.open.length) out.push({ parts: p.parts, gaps: p.gaps, open: [''], gapBefore: p.parts.length ? joinGaps(p.gapBefore, gap) : gap });
  return out;
}

/** The literals a gap-free group stands for, computed once per group (slots are shared between patterns). */
const choicesOf = new WeakMap<Node, string[]>();

function walk(nodes: Node[], start: Partial[]): Partial[] {
  let partials = start;
  for (const node of nodes) {
    if (node.kind === 'text') partials = partials.map((p) => ({ ...p, open: p.open.map((s) => s + node.text) }));
    else if (node.kind === 'gap') partials = partials.flatMap((p) => closePart(p, node.max));
    else if (!node.options.some(hasGap)) {
      // Alternatives without gaps multiply the open part's literals.
      let choices = choicesOf.get(node);
      if (!choices) choicesOf.set(node, (choices = node.options.flatMap((o) => walk(o, [{ parts: [], gaps: [], open: [''], gapBefore: undefined }]).flatMap((q) => q.open))));
      const list = choices;
      partials = partials.map((p) => ({ ...p, open: p.open.flatMap((s) => list.map((c) => s + c)) }));
    } else partials = node.options.flatMap((o) => walk(o, partials));
  }
  return partials;
}

/** Compiles a pattern into the phrases (parts and gaps) it stands for. */
export function compilePattern(pattern: string, slots: Record<string, string[]> = {}, separators = ''): CompiledPattern[] {
  const done = walk(parse(pattern, slots, separators), [{ parts: [], gaps: [], open: [''], gapBefore: undefined }]).flatMap((p) => closePart(p, undefined));
  const out: CompiledPattern[] = [];
  const seen = new Set<string>();
  for (const p of done) {
    if (!p.parts.length) continue;
    const gaps = p.gaps.slice(0, p.parts.length - 1);
    const key = JSON.stringify([p.parts, gaps]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ parts: p.parts, gaps });
  }
  return out;
}

/** How many surface forms a compiled pattern stands for (gaps counted once). */
export const formCount = (c: CompiledPattern): number => c.parts.reduce((n, literals) => n * literals.length, 1);
