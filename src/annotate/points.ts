// From a finding's characters to the two places in document.xml where its comment range starts and
// ends. A place is either between elements (a source offset where markup may go) or inside a run,
// which then has to be split there: comment range markers may not sit inside a w:r.
import type { MappedParagraph, Segment } from './text-map.js';
import { childElement, elementChildren, type SourceElement } from './xml-source.js';

export type Point =
  /** Between elements: insert at `offset`; `context` is the element the markup goes into. */
  | { kind: 'between'; offset: number; context: SourceElement }
  /** Inside `run` at source `offset` (between two of its children, or inside one of its w:t). */
  | { kind: 'in-run'; run: SourceElement; offset: number }
  /** Inside an empty self-closing paragraph, which has to be opened up. */
  | { kind: 'empty-paragraph'; paragraph: SourceElement };

export interface Range {
  start: Point;
  end: Point;
}

/** A point at `offset` in `run`: at either edge it is simply before or after the run. */
function inRun(run: SourceElement, offset: number): Point {
  const content = elementChildren(run).filter((c) => c.canon !== 'w:rPr');
  const first = content[0];
  const last = content[content.length - 1];
  const context = run.parent ?? run;
  if (!first || !last || offset <= first.start) return { kind: 'between', offset: run.start, context };
  if (offset >= last.end) return { kind: 'between', offset: run.end, context };
  return { kind: 'in-run', run, offset };
}

function before(seg: Segment, at: number): Point {
  let offset = seg.el.start;
  if (seg.offsets) {
    const o = seg.offsets[at - seg.from]!;
    if (o > seg.el.openEnd) offset = o;
  }
  return inRun(seg.run, offset);
}

function after(seg: Segment, at: number): Point {
  let offset = seg.el.end;
  if (seg.offsets) {
    const o = seg.offsets[at - seg.from]!;
    if (o < seg.el.close) offset = o;
  }
  return inRun(seg.run, offset);
}

/**
 * The range for characters [start, end) of a mapped paragraph (UTF-16 offsets, numbering excluded),
 * or undefined when some of them cannot carry a boundary (mc:Fallback, ruby, no run around them).
 */
export function rangeFor(p: MappedParagraph, start: number, end: number): Range | undefined {
  if (end <= start || start < 0 || end > p.text.length) return undefined;
  const touched = p.segments.filter((s) => s.to > start && s.from < end);
  if (touched.length === 0 || touched.some((s) => !s.safe)) return undefined;
  const first = touched[0]!;
  const last = touched[touched.length - 1]!;
  if (first.from > start || last.to < end) return undefined;
  // A symbol standing for two UTF-16 units cannot be cut in half.
  if ((!first.offsets && first.from !== start) || (!last.offsets && last.to !== end)) return undefined;
  return { start: before(first, start), end: after(last, end) };
}

/** The start of a paragraph's content (after its properties): where a comment goes that cannot be placed exactly. */
export function paragraphStart(p: SourceElement): Point {
  if (p.selfClosing) return { kind: 'empty-paragraph', paragraph: p };
  const pPr = childElement(p, 'w:pPr');
  return { kind: 'between', offset: pPr ? pPr.end : p.openEnd, context: p };
}
