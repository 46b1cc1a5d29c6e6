// Paragraph kinds (heading, list item, table cell, body) and the document title.
import type { RawParagraph } from '../types.js';
import type { ParagraphMeta } from './body.js';

/** Title-sized text: GB/T 9704 sets the title in 2号 (22 pt); 小二 (18 pt) is the smallest seen. */
const TITLE_MIN_PT = 18;
/** Only the head of a document can hold its title (after the 版头: 份号, 密级, 发文机关标志, 发文字号). */
const TITLE_SCAN = 15;
/** Longer than any line of a 版头: body text. */
const BODY_LENGTH = 60;

export function assignKinds(paragraphs: RawParagraph[], meta: ParagraphMeta[]): void {
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const m = meta[i]!;
    if (m.inTable) {
      p.kind = 'table-cell';
    } else if (m.headingLevel > 0) {
      p.kind = 'heading';
      p.level = m.headingLevel;
    } else if (m.numbered) {
      p.kind = 'list-item';
    } else {
      p.kind = 'body';
    }
  }
}

function isTitleLike(m: ParagraphMeta): boolean {
  if (m.inTable || m.inTextBox || m.red) return false;
  return m.titleStyle || (m.centred && m.sizePt >= TITLE_MIN_PT);
}

/**
 * Finds the title among the first non-empty paragraphs of the text flow: a centred, title-sized
 * (or Title-styled) paragraph that is not red (a red one is the 发文机关标志). A title that wraps
 * over consecutive centred paragraphs of the same size is joined. Returns the title text.
 */
export function markTitle(paragraphs: RawParagraph[], meta: ParagraphMeta[]): string | undefined {
  let seen = 0;
  for (let i = 0; i < paragraphs.length && seen < TITLE_SCAN; i++) {
    const p = paragraphs[i]!;
    const m = meta[i]!;
    if (m.inTable || m.inTextBox) continue;
    const text = p.text.trim();
    if (text.length === 0) continue;
    seen++;
    if (!isTitleLike(m)) {
      // Headings, numbered items, the 主送机关 line and long text mean the body has begun.
      if (p.kind === 'heading' || p.kind === 'list-item' || /[：:]$/.test(text) || text.length > BODY_LENGTH) return undefined;
      continue;
    }
    const parts = [text];
    p.kind = 'title';
    delete p.level;
    let j = i + 1;
    for (; j < paragraphs.length; j++) {
      const q = paragraphs[j]!;
      const n = meta[j]!;
      if (n.inTextBox) continue;
      const t = q.text.trim();
      if (t.length === 0 || !isTitleLike(n) || Math.abs(n.sizePt - m.sizePt) > 1) break;
      parts.push(t);
      q.kind = 'title';
      delete q.level;
    }
    return parts.join('');
  }
  return undefined;
}
