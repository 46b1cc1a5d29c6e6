// Comment markers put into document.xml. Markup goes in at source offsets; a run that a boundary falls
// inside is written again as several runs with the same properties, split at the boundary. Every
// byte outside the edited places is copied as it was.
import type { Point } from './points.js';
import { escapeXmlText, wordPrefix, type SourceElement } from './xml-source.js';

/** At one place, markup is ordered: ends (with their reference run), then point comments, then starts. */
export const ORDER = { end: 0, point: 1, start: 2 } as const;

interface Marker {
  order: number;
  seq: number;
  /** The markup, given the WordprocessingML prefix where it goes (declaring one if there is none). */
  xml: (q: Qualify) => string;
}

export interface Qualify {
  /** "w:commentRangeStart" */
  el: (local: string) => string;
  /** ' xmlns:w="…"' on an element when the place has no prefix for the namespace, else ''. */
  decl: string;
}

type Edit = { at: number; kind: 0; markers: Marker[]; context: SourceElement } | { at: number; kind: 1; el: SourceElement };

export class DocumentEdits {
  private readonly between = new Map<number, { context: SourceElement; markers: Marker[] }>();
  private readonly runs = new Map<SourceElement, Map<number, Marker[]>>();
  private readonly opened = new Map<SourceElement, Marker[]>();
  private seq = 0;
  private events: Edit[] | undefined;

  constructor(
    private readonly source: string,
    private readonly namespace: string,
  ) {}

  add(point: Point, order: number, xml: Marker['xml']): void {
    const marker: Marker = { order, seq: this.seq++, xml };
    this.events = undefined;
    if (point.kind === 'between') {
      const at = this.between.get(point.offset) ?? { context: point.context, markers: [] };
      at.markers.push(marker);
      this.between.set(point.offset, at);
    } else if (point.kind === 'in-run') {
      const cuts = this.runs.get(point.run) ?? new Map<number, Marker[]>();
      const at = cuts.get(point.offset);
      if (at) at.push(marker);
      else cuts.set(point.offset, [marker]);
      this.runs.set(point.run, cuts);
    } else {
      const at = this.opened.get(point.paragraph);
      if (at) at.push(marker);
      else this.opened.set(point.paragraph, [marker]);
    }
  }

  /** The edited document. */
  render(): string {
    return this.renderRange(0, this.source.length);
  }

  private qualify(context: SourceElement): Qualify {
    const prefix = wordPrefix(context);
    return prefix !== undefined ? { el: (l) => `${prefix}:${l}`, decl: '' } : { el: (l) => `w:${l}`, decl: ` xmlns:w="${escapeXmlText(this.namespace)}"` };
  }

  private markup(markers: Marker[], context: SourceElement): string {
    const q = this.qualify(context);
    return [...markers]
      .sort((a, b) => a.order - b.order || a.seq - b.seq)
      .map((m) => m.xml(q))
      .join('');
  }

  /** Every edit in source order, markup at a place before an element rewritten from there. */
  private sortedEvents(): Edit[] {
    if (!this.events) {
      const events: Edit[] = [];
      for (const [at, { context, markers }] of this.between) events.push({ at, kind: 0, markers, context });
      for (const el of [...this.runs.keys(), ...this.opened.keys()]) events.push({ at: el.start, kind: 1, el });
      this.events = events.sort((a, b) => a.at - b.at || a.kind - b.kind);
    }
    return this.events;
  }

  /** The source from `from` to `to`, with the edits strictly inside that stretch applied. */
  private renderRange(from: number, to: number): string {
    const events = this.sortedEvents();
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid]!.at <= from) lo = mid + 1;
      else hi = mid;
    }
    let out = '';
    let pos = from;
    for (let k = lo; k < events.length && events[k]!.at < to; k++) {
      const e = events[k]!;
      if (e.at < pos) continue; // inside an element already rewritten (and rendered there)
      out += this.source.slice(pos, e.at);
      if (e.kind === 0) {
        out += this.markup(e.markers, e.context);
        pos = e.at;
      } else {
        out += this.runs.has(e.el) ? this.renderRun(e.el) : this.renderOpened(e.el);
        pos = e.el.end;
      }
    }
    return out + this.source.slice(pos, to);
  }

  /** `<w:p …/>` opened up to hold markers. */
  private renderOpened(p: SourceElement): string {
    const open = this.source.slice(p.start, p.openEnd).replace(/\s*\/>$/, '>');
    return `${open}${this.markup(this.opened.get(p)!, p)}</${p.name}>`;
  }

  /** A run split at its cut offsets: one run per piece, each with the original properties. */
  private renderRun(run: SourceElement): string {
    const cuts = [...this.runs.get(run)!].sort((a, b) => a[0] - b[0]);
    const open = this.source.slice(run.start, run.openEnd);
    const rPr = run.children.find((c): c is SourceElement => c.kind === 'element' && c.canon === 'w:rPr');
    const props = rPr ? this.source.slice(rPr.start, rPr.end) : '';
    const parentContext = run.parent ?? run;
    let out = '';
    let piece = '';
    let hasContent = false;
    let next = 0;
    const flush = (): void => {
      if (hasContent) out += `${open}${props}${piece}</${run.name}>`;
      piece = '';
      hasContent = false;
    };
    const byOffset = new Map(cuts);
    const cutAt = (offset: number): void => {
      flush();
      out += this.markup(byOffset.get(offset)!, parentContext);
    };
    for (const c of run.children) {
      if (c === rPr) continue;
      while (next < cuts.length && cuts[next]![0] <= c.start) cutAt(cuts[next++]![0]);
      if (c.kind === 'element' && c.canon === 'w:t' && !c.selfClosing && next < cuts.length && cuts[next]![0] < c.close) {
        // Cuts inside the text: each piece gets its own w:t, spaces kept.
        const tOpen = c.attrs['xml:space'] !== undefined ? this.source.slice(c.start, c.openEnd) : this.source.slice(c.start, c.openEnd).replace(/>$/, ' xml:space="preserve">');
        let textFrom = c.openEnd;
        while (next < cuts.length && cuts[next]![0] < c.close) {
          const at = cuts[next++]![0];
          piece += `${tOpen}${this.source.slice(textFrom, at)}</${c.name}>`;
          hasContent = true;
          cutAt(at);
          textFrom = at;
        }
        piece += `${tOpen}${this.source.slice(textFrom, c.close)}</${c.name}>`;
        hasContent = true;
        continue;
      }
      piece += c.kind === 'element' ? this.renderRange(c.start, c.end) : this.source.slice(c.start, c.end);
      if (c.kind === 'element') hasContent = true;
    }
    while (next < cuts.length) cutAt(cuts[next++]![0]);
    flush();
    return out;
  }
}
