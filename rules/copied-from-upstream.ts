// copied-from-upstream (以文件落实文件, 照抄照搬): passages of the draft that repeat an upstream document
// given with --against or config `references`. Both texts are compared on a canonical form (the matching
// view with punctuation, symbols and spaces removed, so half-width commas, inserted spaces and traditional
// characters do not hide a copy), through hashed character shingles: one pass to index the reference, one
// pass over the draft, each candidate extended to the longest common run. Linear in practice.
import { platform } from '../src/platform/index.js';
import { defineRule, loadData, type Document } from '../src/plugin-api.js';

interface CopyData {
  /** Candidate positions looked at per shingle: a shingle that common is no evidence of copying. */
  maxCandidates: number;
  /** Runs in one draft paragraph from one reference paragraph closer than this are one finding. */
  mergeGap: number;
  /** Draft and reference sharing this share of both: the same document (e.g. a .pdf of the .docx), skipped. */
  sameDocument: number;
}

interface Options {
  minChars: number;
  shingle: number;
  maxShare: number;
}

const data = (): CopyData => loadData<CopyData>(new URL('./data/copied-from-upstream.json', import.meta.url));

/** A document reduced to the characters that carry meaning, each mapped back to where it stands. */
interface Canonical {
  codes: Uint32Array;
  /** Paragraph index of each canonical character. */
  para: Int32Array;
  /** UTF-16 offset in that paragraph's text, and the character's UTF-16 length. */
  off: Int32Array;
  len: Uint8Array;
  length: number;
}

const SKIP = /[\p{P}\p{S}\p{Z}\p{C}\s]/u;

const canonicals = new WeakMap<Document, Canonical>();

function canonical(doc: Document): Canonical {
  const cached = canonicals.get(doc);
  if (cached) return cached;
  let size = 0;
  for (const p of doc.paragraphs) size += p.norm.length;
  const codes = new Uint32Array(size);
  const para = new Int32Array(size);
  const off = new Int32Array(size);
  const len = new Uint8Array(size);
  let n = 0;
  for (const p of doc.paragraphs) {
    const text = p.norm;
    for (let i = 0; i < text.length; ) {
      let cp = text.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      const ch = text.slice(i, i + w);
      if (!SKIP.test(ch)) {
        if (cp >= 0x41 && cp <= 0x5a) cp += 0x20; // ASCII case folded
        codes[n] = cp;
        para[n] = p.index;
        off[n] = i;
        len[n] = w;
        n++;
      }
      i += w;
    }
  }
  const c: Canonical = { codes, para, off, len, length: n };
  canonicals.set(doc, c);
  return c;
}

const BASE = 0x01000193;

/** Rolling polynomial hashes (mod 2^32) of every k-gram; collisions are ruled out when runs are verified. */
function shingleHashes(codes: Uint32Array, n: number, k: number): Uint32Array {
  const count = Math.max(0, n - k + 1);
  const out = new Uint32Array(count);
  if (!count) return out;
  let top = 1; // BASE^(k-1)
  for (let i = 1; i < k; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  out[0] = h >>> 0;
  for (let i = 1; i < count; i++) {
    h = (h - Math.imul(codes[i - 1]!, top)) | 0;
    h = (Math.imul(h, BASE) + codes[i + k - 1]!) | 0;
    out[i] = h >>> 0;
  }
  return out;
}

/** Reference index: hash → first position, with a chain through `next` to the other positions. */
interface Index {
  k: number;
  head: Map<number, number>;
  next: Int32Array;
}

const indexes = new WeakMap<Document, Index>();

function indexFor(doc: Document, ref: Canonical, k: number): Index {
  const cached = indexes.get(doc);
  if (cached && cached.k === k) return cached;
  const hashes = shingleHashes(ref.codes, ref.length, k);
  const head = new Map<number, number>();
  const next = new Int32Array(hashes.length).fill(-1);
  // Backwards, so each chain lists positions in text order.
  for (let j = hashes.length - 1; j >= 0; j--) {
    const h = hashes[j]!;
    const first = head.get(h);
    if (first !== undefined) next[j] = first;
    head.set(h, j);
  }
  const index: Index = { k, head, next };
  indexes.set(doc, index);
  return index;
}

/** A common run: draft [start, start + length) equals reference [refStart, refStart + length). */
interface Run {
  start: number;
  refStart: number;
  length: number;
}

/** Maximal common runs of at least `min` canonical characters, left to right, longest candidate first. */
function commonRuns(draft: Canonical, ref: Canonical, index: Index, min: number, maxCandidates: number): Run[] {
  const { k } = index;
  const d = draft.codes;
  const r = ref.codes;
  const hashes = shingleHashes(d, draft.length, k);
  const runs: Run[] = [];
  let floor = 0; // no run may reach back before the end of the previous one
  for (let i = 0; i < hashes.length; ) {
    let bestLength = 0;
    let bestStart = i;
    let bestRef = -1;
    let seen = 0;
    for (let j = index.head.get(hashes[i]!) ?? -1; j >= 0 && seen < maxCandidates; j = index.next[j]!, seen++) {
      let length = 0;
      while (i + length < draft.length && j + length < ref.length && d[i + length] === r[j + length]) length++;
      if (length < k) continue; // a hash collision
      let back = 0;
      while (i - back > floor && j - back > 0 && d[i - back - 1] === r[j - back - 1]) back++;
      if (length + back > bestLength) {
        bestLength = length + back;
        bestStart = i - back;
        bestRef = j - back;
      }
    }
    if (bestRef >= 0 && bestLength >= min) {
      runs.push({ start: bestStart, refStart: bestRef, length: bestLength });
      i = floor = bestStart + bestLength;
    } else i++;
  }
  return runs;
}

/** "fixtures/seeds/000-moj-jianfu.txt": the reference as the user would name it. */
function shownPath(path: string): string {
  return platform.shownPath(path);
}

interface Passage {
  paragraph: number;
  /** Canonical range in the draft. */
  from: number;
  to: number;
  chars: number;
  ref: Document;
  refFirst: number;
  refLast: number;
}

export default defineRule<Options>({
  meta: {
    id: 'copied-from-upstream',
    description: { zh: '以文件落实文件：照抄上级文件的段落', en: 'passages copied from the upstream document' },
    // The copied share above maxShare is the error; passages and a share below it report softer.
    defaultSeverity: 'error',
    docs: 'docs/rules/copied-from-upstream.md',
    messages: {
      passage: { zh: '与 {ref} 第 {line} 段相同 {chars} 字', en: '{chars} characters identical to {ref}, paragraph {line}' },
      share: { zh: '全文 {share}% 与上级文件相同（{refs}）：以文件落实文件', en: '{share}% of the draft repeats the upstream document ({refs})' },
    },
    options: {
      minChars: { type: 'number', default: 30, min: 8, description: 'a shared passage is reported from this many characters (punctuation and spaces not counted)' },
      shingle: { type: 'number', default: 12, min: 4, max: 64, description: 'length of the character shingles used to find candidate passages (at most minChars)' },
      maxShare: { type: 'number', default: 0.3, min: 0, max: 1, description: 'the document-level finding is an error when more than this share of the draft is copied' },
    },
  },
  check(doc, ctx) {
    if (!ctx.references.length) return;
    const { maxCandidates, mergeGap, sameDocument } = data();
    const min = ctx.options.minChars;
    const k = Math.min(ctx.options.shingle, min);
    const draft = canonical(doc);
    const copied = new Uint8Array(draft.length);
    const passages: Passage[] = [];
    const perRef = new Map<Document, number>();

    for (const ref of ctx.references) {
      const rc = canonical(ref);
      // The draft itself given as a reference (a folder linted against one of its files): nothing to say.
      if (platform.samePath(ref.path, doc.path)) continue;
      const runs = commonRuns(draft, rc, indexFor(ref, rc, k), min, maxCandidates);
      const refChars = runs.reduce((n, run) => n + run.length, 0);
      // The same document in another format (the PDF of the reference, page numbers and all) is not a copy of it:
      // all but a sliver shared both ways, from the first character on. Under a title of its own, it is a copy.
      const sameStart = runs[0]?.start === 0 && runs[0].refStart === 0;
      if (sameStart && refChars >= sameDocument * draft.length && refChars >= sameDocument * rc.length) continue;
      for (const run of runs) {
        // A run may cross paragraphs of the draft: one passage per draft paragraph.
        let a = run.start;
        const end = run.start + run.length;
        while (a < end) {
          let b = a;
          while (b < end && draft.para[b] === draft.para[a]) b++;
          copied.fill(1, a, b);
          const refA = run.refStart + (a - run.start);
          const refB = run.refStart + (b - run.start) - 1;
          const last = passages.at(-1);
          const paragraph = draft.para[a]!;
          if (last && last.ref === ref && last.paragraph === paragraph && a - last.to <= mergeGap) {
            last.to = b;
            last.chars += b - a;
            last.refFirst = Math.min(last.refFirst, rc.para[refA]!);
            last.refLast = Math.max(last.refLast, rc.para[refB]!);
          } else passages.push({ paragraph, from: a, to: b, chars: b - a, ref, refFirst: rc.para[refA]!, refLast: rc.para[refB]! });
          a = b;
        }
      }
      if (refChars) perRef.set(ref, refChars);
    }

    let copiedChars = 0;
    for (const c of copied) copiedChars += c;
    const share = draft.length ? copiedChars / draft.length : 0;
    ctx.stat({ copiedShare: Math.round(share * 1000) / 1000, copiedChars });

    const lineOf = (ref: Document, index: number): number => {
      const p = ref.paragraphs[index];
      return p?.sourceLine ?? index + 1;
    };
    for (const ps of passages) {
      // A sliver of a long run at a paragraph edge is reported only as part of the share.
      const whole = draft.para[ps.from - 1] !== ps.paragraph && draft.para[ps.to] !== ps.paragraph;
      if (ps.chars < k && !whole) continue;
      const first = lineOf(ps.ref, ps.refFirst);
      const last = lineOf(ps.ref, ps.refLast);
      ctx.report({
        paragraph: ps.paragraph,
        start: draft.off[ps.from]!,
        end: draft.off[ps.to - 1]! + draft.len[ps.to - 1]!,
        messageId: 'passage',
        severity: 'warning',
        data: { ref: shownPath(ps.ref.path), line: first === last ? String(first) : `${first}—${last}`, chars: ps.chars },
        suggestion: { zh: '删去照抄的内容，写本地区本单位的具体措施（引用上级文件写文号即可）', en: 'cut the copied text and write your own measures; cite the upstream document by its number' },
      });
    }

    if (!passages.length) return;
    const anchor = doc.paragraphs.find((p) => p.kind === 'title') ?? doc.paragraphs.find((p) => p.text.trim());
    if (!anchor) return;
    const refs = [...perRef.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([ref, chars]) => `${shownPath(ref.path)} ${Math.round((chars / draft.length) * 100)}%`)
      .join(ctx.locale === 'zh' ? '；' : '; ');
    ctx.report({
      paragraph: anchor,
      messageId: 'share',
      data: { share: Math.round(share * 100), refs },
      // Above the share the draft is a copy, an error; below it the passages speak and the share is context.
      severity: share > ctx.options.maxShare ? 'error' : 'info',
      suggestion: { zh: '贯彻上级文件要结合实际提出具体举措，不照抄照搬：删去照抄部分，只写本地区本单位的做法', en: 'carry out the upstream document with measures of your own: cut what is copied, keep what is yours' },
    });
  },
});
