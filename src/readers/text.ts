// Plain-text and Markdown drafts: one paragraph per source line, so a finding's line is the file's line.
import { parseHeadingMarker } from '../document/heading-marker.js';
import type { InlineControl, ParagraphKind } from '../document/model.js';
import { checkParagraphs, DEFAULT_LIMITS } from '../engine/limits.js';
import { decodeText } from './decode-text.js';
import type { RawParagraph, ReadResult, Reader } from './types.js';

/** A line short enough and unpunctuated enough to be a title or a heading line rather than prose. */
function looksLikeHeadingLine(text: string): boolean {
  const body = text.trim();
  return body.length > 0 && body.length <= 40 && !/[。；，,;]/.test(body.slice(0, -1));
}

/** The kind of a line of a draft that carries no style: title (first line only), heading or body. */
export function kindOfTextLine(text: string, isFirst: boolean): { kind: ParagraphKind; level?: number } {
  if (isFirst && looksLikeHeadingLine(text) && !/[。；]$/.test(text.trim()) && !parseHeadingMarker(text)) return { kind: 'title' };
  const marker = parseHeadingMarker(text);
  if (marker && typeof marker.level === 'number' && looksLikeHeadingLine(text)) return { kind: 'heading', level: marker.level };
  if (marker?.level === 'chapter' && looksLikeHeadingLine(text)) return { kind: 'heading', level: 1 };
  return { kind: 'body' };
}

function readPlain(lines: string[]): RawParagraph[] {
  let seenText = false;
  return lines.map((text, i) => {
    const first = !seenText && text.trim() !== '';
    if (text.trim()) seenText = true;
    return { text, sourceLine: i + 1, ...kindOfTextLine(text, first) };
  });
}

const CONTROL = /<!--\s*wenfeng-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

/** Inline control comments anywhere in a Markdown line. */
function controlsOf(lines: string[]): InlineControl[] {
  const controls: InlineControl[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(CONTROL)) {
      const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
      controls.push({ kind: m[1] as InlineControl['kind'], rules, line: i + 1 });
    }
  });
  return controls;
}

/** Markdown: markup before the text is kept out of `text` and recorded as `sourceOffset`. */
function readMarkdown(lines: string[]): RawParagraph[] {
  const out: RawParagraph[] = [];
  let inFence = false;
  let inFrontMatter = lines[0]?.trim() === '---';
  let seenText = false;
  lines.forEach((line, i) => {
    const blank = (): void => void out.push({ text: '', kind: 'body', sourceLine: i + 1 });
    if (inFrontMatter) {
      if (i > 0 && line.trim() === '---') inFrontMatter = false;
      return blank();
    }
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return blank();
    }
    if (inFence || /^\s*<!--.*-->\s*$/.test(line)) return blank();
    let m: RegExpExecArray | null;
    if ((m = /^(\s{0,3}(#{1,6})\s+)(.*?)\s*#*\s*$/.exec(line))) {
      const level = m[2]!.length;
      const isTitle = level === 1 && !seenText;
      seenText = true;
      return void out.push({ text: m[3]!, kind: isTitle ? 'title' : 'heading', level: isTitle ? undefined : level, sourceLine: i + 1, sourceOffset: m[1]!.length });
    }
    if ((m = /^(\s*(?:[-*+]|\d{1,3}[.)])\s+)(.*)$/.exec(line))) {
      seenText = true;
      return void out.push({ text: m[2]!, kind: 'list-item', sourceLine: i + 1, sourceOffset: m[1]!.length });
    }
    const lead = /^(\s*>\s?)?/.exec(line)![0].length;
    const text = line.slice(lead);
    const first = !seenText && text.trim() !== '';
    if (text.trim()) seenText = true;
    out.push({ text, sourceLine: i + 1, sourceOffset: lead || undefined, ...kindOfTextLine(text, first) });
  });
  return out;
}

function makeReader(format: 'txt' | 'md'): Reader {
  return async (bytes, _path, options) => {
    const { text } = await decodeText(bytes);
    const lines = text.split(/\r\n|\r|\n/);
    // Before any line is classified: a 100 MB line, or millions of lines, stop here with one message.
    checkParagraphs(lines, options.limits ?? DEFAULT_LIMITS);
    if (lines.length > 1 && lines.at(-1) === '') lines.pop();
    const paragraphs = format === 'md' ? readMarkdown(lines) : readPlain(lines);
    const title = paragraphs.find((p) => p.kind === 'title')?.text.trim();
    const result: ReadResult = { format, paragraphs, warnings: [] };
    if (format === 'md') result.controls = controlsOf(lines);
    if (title) result.title = title;
    return result;
  };
}

export const readTxt = makeReader('txt');
export const readMd = makeReader('md');
