// From the engine's positions to the Language Server Protocol's. The engine counts a paragraph's line
// from 1 and its columns in code points from 1, the last column inclusive; LSP counts lines and
// characters from 0, characters in UTF-16 code units, the end exclusive. A character outside the BMP
// (CJK Extension B: 𠀋) is one column and two code units, so every column after it moves by one.
import type { Paragraph } from '../document/model.js';
import type { FileResult, LintMessage, PendingFix } from '../engine/result.js';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The UTF-16 offset in `text` of its `codePoints`-th code point (past the end: the text's length). */
export function utf16Offset(text: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

/** The paragraph each engine line stands for: a text draft's source line, a .docx's paragraph number. */
export function paragraphsByLine(result: FileResult): Map<number, Paragraph> {
  const byLine = new Map<number, Paragraph>();
  for (const p of result.document?.paragraphs ?? []) byLine.set(p.sourceLine ?? p.index + 1, p);
  return byLine;
}

/**
 * A message's range. Columns before the paragraph's text (Markdown's "## ") are ASCII markup, where a
 * code point is a code unit; within the text they are walked.
 */
export function messageRange(m: LintMessage, byLine: Map<number, Paragraph>): Range {
  const line = Math.max(0, m.line - 1);
  const p = byLine.get(m.line);
  if (!p) return { start: { line, character: Math.max(0, m.column - 1) }, end: { line: Math.max(0, m.endLine - 1), character: Math.max(0, m.endColumn) } };
  const offset = p.sourceOffset ?? 0;
  const at = (column: number): number => {
    const inText = column - offset;
    return inText <= 0 ? column : offset + utf16Offset(p.text, inText);
  };
  // column is 1-based inclusive: the character before it ends at column - 1 code points.
  return { start: { line, character: at(m.column - 1) }, end: { line: Math.max(0, m.endLine - 1), character: at(m.endColumn) } };
}

/** A fix's range: the engine keeps it as UTF-16 offsets into a paragraph's text already. */
export function fixRange(fix: PendingFix, result: FileResult): Range | undefined {
  const p = result.document?.paragraphs[fix.paragraph];
  if (!p?.sourceLine) return undefined;
  const offset = p.sourceOffset ?? 0;
  const line = p.sourceLine - 1;
  return { start: { line, character: offset + fix.start }, end: { line, character: offset + fix.end } };
}

export const contains = (r: Range, p: Position): boolean =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

export const overlaps = (a: Range, b: Range): boolean => contains(a, b.start) || contains(a, b.end) || contains(b, a.start);
