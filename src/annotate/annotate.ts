// `wenfeng annotate`: lint a .docx and write a copy with one Word review comment per finding, anchored
// on the matched text, plus a summary comment on the title. The draft itself is never written.
import type { Locale } from '../api.js';
import type { Paragraph } from '../document/model.js';
import type { FileResult, LintMessage } from '../engine/result.js';
import { decodeXml } from '../readers/docx/xml.js';
import { commentElement, pointComment, rangeEnd, rangeStart } from './comment-xml.js';
import { DocumentEdits, ORDER, type Qualify } from './document-edits.js';
import { appendToRoot, commentsTarget, maxAnnotationId, relsPathOf, withCommentsContentType } from './package-parts.js';
import { paragraphStart, rangeFor, type Point, type Range } from './points.js';
import type { MappedParagraph } from './text-map.js';
import { findingLines, summaryLines, type FallbackReason } from './texts.js';
import { parseSource, wordPrefix } from './xml-source.js';
import { encodeLike, openDocumentPart, rewritePackage } from './document-part.js';

/** One comment as placed: for tests and for the command's report. */
export interface PlacedComment {
  id: number;
  /** The finding, or undefined for the summary comment. */
  message?: LintMessage;
  /** 0-based paragraph it is on. */
  paragraph: number;
  /** On the matched text, or at the paragraph start (and why). */
  placement: 'exact' | 'paragraph-start';
  fallback?: FallbackReason;
}

export interface AnnotatedDocument {
  bytes: Uint8Array;
  comments: PlacedComment[];
}

/** Code-point columns of a message to UTF-16 offsets in the paragraph's text. */
function utf16Range(p: Paragraph, m: LintMessage): [number, number] | undefined {
  const chars = [...p.text];
  const start = m.column - 1 - (p.sourceOffset ?? 0);
  const end = m.endColumn - (p.sourceOffset ?? 0);
  if (start < 0 || end > chars.length || end < start) return undefined;
  return [chars.slice(0, start).join('').length, chars.slice(0, end).join('').length];
}

/** Comments written into one copy; more than this helps nobody reading it in Word. */
export const MAX_COMMENTS = 1000;

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The annotated copy of `bytes` (a .docx) for `result` (its lint result, with the document). Throws
 * when the package cannot be read.
 */
export function annotate(bytes: Uint8Array, result: FileResult, locale: Locale, now = new Date()): AnnotatedDocument {
  const doc = result.document;
  if (!doc) throw new Error('no document to annotate');
  const { zip, parts, bytes: docBytes, source, root, body, namespace, strict, paragraphs: mapped } = openDocumentPart(bytes);

  // Paragraph i of the reader is paragraph i here when their texts agree; otherwise no exact places.
  const sameCount = mapped.length === doc.paragraphs.length;
  const verified = (i: number): MappedParagraph | undefined => {
    const p = doc.paragraphs[i];
    const q = mapped[i];
    if (!sameCount || !p || !q) return undefined;
    return q.text === p.text.slice(p.numberingLength ?? 0) ? q : undefined;
  };
  const firstHost = mapped.find((q) => q.host)?.host;
  const startOf = (i: number): Point | undefined => {
    const host = (sameCount ? mapped[i]?.host : undefined) ?? firstHost;
    return host ? paragraphStart(host) : undefined;
  };

  const edits = new DocumentEdits(source, namespace);
  const comments: PlacedComment[] = [];
  const bodies: { id: number; lines: string[] }[] = [];
  let nextId = maxAnnotationId(root) + 1;

  /** Places one comment: on [start, end) of paragraph i when that maps exactly, else at the paragraph start. */
  const place = (i: number, span: [number, number] | undefined, fallback: FallbackReason | undefined): Omit<PlacedComment, 'id' | 'message'> & { range?: Range; point?: Point } => {
    let reason = fallback;
    if (span && !reason) {
      const p = doc.paragraphs[i]!;
      const q = verified(i);
      const n = p.numberingLength ?? 0;
      if (!q) reason = 'mismatch';
      else if (span[0] < n) reason = 'numbering';
      else {
        const range = rangeFor(q, span[0] - n, span[1] - n);
        if (range) return { paragraph: i, placement: 'exact', range };
        reason = 'unmapped';
      }
    }
    const out: Omit<PlacedComment, 'id' | 'message'> & { point?: Point } = { paragraph: i, placement: 'paragraph-start' };
    if (reason) out.fallback = reason;
    const point = startOf(i);
    if (point) out.point = point;
    return out;
  };

  const add = (placed: ReturnType<typeof place>, lines: string[], message?: LintMessage): void => {
    const id = nextId++;
    if (placed.range) {
      edits.add(placed.range.start, ORDER.start, rangeStart(id));
      edits.add(placed.range.end, ORDER.end, rangeEnd(id));
    } else if (placed.point) {
      edits.add(placed.point, ORDER.point, pointComment(id));
    } else {
      return; // a document without a single paragraph: nowhere to comment
    }
    const c: PlacedComment = { id, paragraph: placed.paragraph, placement: placed.placement };
    if (message) c.message = message;
    if (placed.fallback) c.fallback = placed.fallback;
    comments.push(c);
    bodies.push({ id, lines });
  };

  // Comments part: an existing one is extended, so its ids count too.
  const relsPart = relsPathOf(parts.document);
  const relsBytes = zip.read(relsPart);
  const target = commentsTarget(parts.document, relsBytes ? decodeXml(relsBytes) : undefined, (p) => zip.has(p), (p) => {
    const b = zip.read(p);
    return b ? decodeXml(b) : undefined;
  }, strict);
  const commentsRoot = target.existing !== undefined ? parseSource(target.existing) : undefined;
  if (commentsRoot) nextId = Math.max(nextId, maxAnnotationId(commentsRoot) + 1);

  // The summary, on the title (or the first paragraph with text).
  const titled = doc.paragraphs.findIndex((p) => p.kind === 'title');
  const titleIndex = Math.max(0, titled >= 0 ? titled : doc.paragraphs.findIndex((p) => p.text.trim() !== ''));
  const title = doc.paragraphs[titleIndex];
  if (title || firstHost) {
    const n = title?.numberingLength ?? 0;
    const span: [number, number] | undefined = title && title.text.length > n ? [n, title.text.length] : undefined;
    add(place(titleIndex, span, undefined), summaryLines(result, locale));
  }

  // A copy stays readable and its size bounded by the input's: past MAX_COMMENTS findings, the summary
  // says how many were left out (the report has them all).
  const shown = result.messages.slice(0, MAX_COMMENTS);
  if (result.messages.length > MAX_COMMENTS && bodies.length > 0) {
    const left = result.messages.length - MAX_COMMENTS;
    bodies[0]!.lines.push(locale === 'zh' ? `另有 ${left} 个问题未写成批注（每份最多 ${MAX_COMMENTS} 条），请看检查报告。` : `${left} more problem(s) are not written as comments (at most ${MAX_COMMENTS} a copy); see the report.`);
  }
  for (const m of shown) {
    const i = m.line - 1;
    const p = doc.paragraphs[i];
    if (m.text === undefined || !p) {
      // About the whole file (a reader warning, a rule that failed): at the start of its paragraph.
      add(place(p ? i : titleIndex, undefined, undefined), findingLines(m, locale), m);
      continue;
    }
    const span = utf16Range(p, m);
    const matches = span !== undefined && p.text.slice(span[0], span[1]) === m.text;
    const placed = place(i, matches ? span : undefined, matches ? undefined : 'mismatch');
    add(placed, findingLines(m, locale, placed.fallback), m);
  }

  // comments.xml: new or extended, in the same WordprocessingML namespace as the document.
  const date = isoSeconds(now);
  let commentsXml: string;
  if (commentsRoot && target.existing !== undefined) {
    const prefix = wordPrefix(commentsRoot);
    const q: Qualify = prefix !== undefined ? { el: (l) => `${prefix}:${l}`, decl: '' } : { el: (l) => `w:${l}`, decl: ` xmlns:w="${namespace}"` };
    commentsXml = appendToRoot(target.existing, commentsRoot, bodies.map((b) => commentElement(b.id, b.lines, date, q)).join(''));
  } else {
    const q: Qualify = { el: (l) => `w:${l}`, decl: '' };
    commentsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${namespace}">${bodies.map((b) => commentElement(b.id, b.lines, date, q)).join('')}</w:comments>`;
  }

  const changed = new Map<string, Uint8Array>();
  changed.set(parts.document.toLowerCase(), encodeLike(docBytes, edits.render()));
  const existingCommentBytes = target.existing !== undefined ? zip.read(target.part) : undefined;
  changed.set(target.part.toLowerCase(), existingCommentBytes ? encodeLike(existingCommentBytes, commentsXml) : new TextEncoder().encode(commentsXml));
  if (target.rels) changed.set(relsPart.toLowerCase(), relsBytes ? encodeLike(relsBytes, target.rels) : new TextEncoder().encode(target.rels));
  const typesBytes = zip.read('[Content_Types].xml');
  if (typesBytes) {
    const types = withCommentsContentType(decodeXml(typesBytes), target.part);
    if (types !== undefined) changed.set('[content_types].xml', encodeLike(typesBytes, types));
  }

  const nameOf = (key: string): string => (key === target.part.toLowerCase() ? target.part : key === relsPart.toLowerCase() ? relsPart : key);
  return { bytes: rewritePackage(bytes, changed, nameOf, { date: now }), comments };
}

/** A one-line account of what was written. */
export function describeOutcome(comments: PlacedComment[], output: string, locale: Locale): string {
  const findings = comments.filter((c) => c.message).length;
  const moved = comments.filter((c) => c.message && c.fallback).length;
  if (locale === 'zh') return `已写入 ${output}：${findings} 条问题批注和 1 条总评${moved ? `（其中 ${moved} 条无法精确定位，置于段首）` : ''}`;
  return `wrote ${output}: ${findings} comment(s) on findings and 1 summary${moved ? ` (${moved} placed at the paragraph start: no exact place)` : ''}`;
}
