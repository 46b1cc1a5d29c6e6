// The safe fixes of a text draft applied to its text, line by line: pure, so --fix (fix.ts, which
// writes files) and the page's "copy fixed text" give the same result.
import type { FileResult, PendingFix } from './result.js';

export interface FixOutcome {
  /** The fixed text, when anything changed. */
  fixed?: string;
  /** A unified diff of the change (for --fix-dry-run). */
  diff?: string;
  applied: number;
  /** Why nothing was done to this file, when that is worth saying. */
  skipped?: { zh: string; en: string };
}

/** Lines with their own line endings, so a CRLF file stays CRLF. */
function splitLines(text: string): Array<{ body: string; eol: string }> {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: Array<{ body: string; eol: string }> = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ body: parts[i]!, eol: parts[i + 1] ?? '' });
  if (lines.length > 1 && lines.at(-1)!.body === '' && lines.at(-1)!.eol === '') lines.pop();
  return lines;
}

function unifiedDiff(path: string, before: string[], after: string[]): string {
  const out = [`--- a/${path}`, `+++ b/${path}`];
  before.forEach((line, i) => {
    if (line !== after[i]) out.push(`@@ -${i + 1},1 +${i + 1},1 @@`, `-${line}`, `+${after[i]}`);
  });
  return `${out.join('\n')}\n`;
}

export function computeFixes(result: FileResult, source: string): FixOutcome {
  const doc = result.document;
  const fixes = result.fixes ?? [];
  if (!doc || !fixes.length) return { applied: 0 };
  const hasBom = source.charCodeAt(0) === 0xfeff;
  const lines = splitLines(hasBom ? source.slice(1) : source);
  const byLine = new Map<number, Array<PendingFix & { at: number }>>();
  for (const fix of fixes) {
    const p = doc.paragraphs[fix.paragraph];
    if (!p?.sourceLine) continue;
    const at = p.sourceOffset ?? 0;
    const list = byLine.get(p.sourceLine - 1) ?? [];
    list.push({ ...fix, at });
    byLine.set(p.sourceLine - 1, list);
  }
  const before = lines.map((l) => l.body);
  let applied = 0;
  for (const [lineIndex, list] of byLine) {
    const line = lines[lineIndex];
    if (!line) continue;
    let body = line.body;
    let limit = Infinity;
    // Right to left, so earlier offsets stay valid; overlapping fixes are left for the next run.
    for (const fix of list.sort((a, b) => b.start - a.start)) {
      if (fix.end > limit) continue;
      body = body.slice(0, fix.at + fix.start) + fix.text + body.slice(fix.at + fix.end);
      limit = fix.start;
      applied++;
    }
    line.body = body;
  }
  const after = lines.map((l) => l.body);
  const fixed = (hasBom ? '\ufeff' : '') + lines.map((l) => l.body + l.eol).join('') + (source.endsWith('\n') && !lines.at(-1)?.eol ? '' : '');
  if (fixed === source) return { applied: 0 };
  return { fixed, diff: unifiedDiff(result.path, before, after), applied };
}

