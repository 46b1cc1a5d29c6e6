// format-paragraph: the paragraph format GB/T 9704-2012 sets for the body of a .docx — a first-line indent
// of two characters, the title centred and the body justified (or left), line spacing that gives 22 lines a
// page, and no empty paragraphs used as spacing between body paragraphs. One finding per kind of fault,
// on its first paragraph, naming the others; the document-wide line setting is format-page's (lines per page).
import { defineRule, loadData } from '../src/plugin-api.js';
import { FORMAT_OPTION } from './format-preset.js';
import type { ElementKind, Paragraph } from '../src/document/model.js';
import type { ParagraphBlock } from '../src/readers/docx/layout-facts.js';
import { bodyParagraphBlocks, linePitchPt } from '../src/layout/docx/paragraph-format.js';

interface ParagraphData {
  indentChars: number;
  indentToleranceChars: number;
  linePitchPt: { min: number; max: number };
  bodyAlignments: string[];
  titleAlignments: string[];
  placesShown: number;
}

const data = (): ParagraphData => loadData(new URL('./data/format-paragraph.json', import.meta.url));

const BODY: ReadonlySet<ElementKind | undefined> = new Set(['body', 'heading-1', 'heading-2', 'heading-3', 'heading-4']);
const FLUSH: ReadonlySet<ElementKind | undefined> = new Set([...BODY, 'addressee', 'attachment-note']);
const SPACED: ReadonlySet<ElementKind | undefined> = new Set([...FLUSH, 'signature', 'date', 'note']);

/**
 * Full-width spaces a drafter typed at the start instead of an indent ("　　"), in characters. Half-width
 * spaces are left out: web and OCR debris carries them, and two of them are one character, not an indent.
 */
export function leadingSpaceChars(text: string): number {
  return /^\u3000*/.exec(text)![0].length;
}

/** "第 3、7、12 段" (the first few), "等 N 处" when there are more. */
function places(ps: Paragraph[], shown: number, locale: 'zh' | 'en'): string {
  const lines = ps.slice(0, shown).map((p) => p.index + 1);
  if (locale === 'en') return `paragraph${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${ps.length > shown ? ` and ${ps.length - shown} more` : ''}`;
  return `第 ${lines.join('、')} 段${ps.length > shown ? ` 等 ${ps.length} 处` : ''}`;
}

const ALIGN_NAMES: Record<string, { zh: string; en: string }> = {
  left: { zh: '左对齐', en: 'left' },
  center: { zh: '居中', en: 'centred' },
  right: { zh: '右对齐', en: 'right' },
  justify: { zh: '两端对齐', en: 'justified' },
  distribute: { zh: '分散对齐', en: 'distributed' },
};

/**
 * A short right-aligned line with no sentence end: a 署名 or 成文日期 the element recognition could not name
 * (a template's placeholder date, an office name on two lines). Never body text for these checks.
 */
function signatureLike(p: Paragraph, b: ParagraphBlock): boolean {
  const t = p.text.trim();
  return b.props.alignment === 'right' && t.length <= 30 && !/[。；，！？]$/.test(t);
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export default defineRule<{ format: Record<string, unknown> }>({
  meta: {
    id: 'format-paragraph',
    description: { zh: '段落格式（首行缩进、对齐、行距、空段）不合 GB/T 9704', en: 'paragraph format (indent, alignment, line spacing, empty paragraphs) off GB/T 9704' },
    defaultSeverity: 'warning',
    docs: 'docs/rules/format-paragraph.md',
    messages: {
      indent: { zh: '正文首行应缩进 2 字，{places}不是（如第 {first} 段缩进 {chars} 字）', en: 'body paragraphs take a first-line indent of 2 characters; {places} do not (paragraph {first}: {chars})' },
      titleAlign: { zh: '标题应居中，{places}为{align}', en: 'the title is centred; {places}: {align}' },
      bodyAlign: { zh: '正文应两端对齐（或左对齐），{places}为{align}', en: 'body text is justified (or left-aligned); {places}: {align}' },
      spacing: { zh: '行距与每页 22 行不一致：{places}行距约 {pitch} 磅（正文为 {body} 磅）', en: 'line spacing off the 22 lines a page: {places} at about {pitch} pt (body: {body} pt)' },
      blank: { zh: '正文中用空段落隔开段落：{places}', en: 'empty paragraphs used as spacing in the body: {places}' },
    },
    options: FORMAT_OPTION,
  },
  check(doc, ctx) {
    const all = bodyParagraphBlocks(doc);
    if (!all) return;
    const blocks = new Map([...all].filter(([i, b]) => !signatureLike(doc.paragraphs[i]!, b)));
    const d = data();
    const report = (ps: Paragraph[], messageId: string, extra: Record<string, string | number>, suggestion: { zh: string; en: string }): void => {
      if (ps.length === 0) return;
      const first = ps[0]!;
      const start = /^\s*/u.exec(first.text)![0].length;
      ctx.report({
        paragraph: first,
        start,
        end: Math.max(start, first.text.trimEnd().length),
        messageId,
        data: { places: places(ps, d.placesShown, ctx.locale), first: first.index + 1, ...extra },
        suggestion,
      });
    };

    // Indent: two characters of the paragraph's own size, counting spaces typed at its start.
    const unindented: Paragraph[] = [];
    let firstChars = 0;
    for (const p of doc.paragraphs) {
      const b = blocks.get(p.index);
      if (!b || !BODY.has(p.element) || b.numbering) continue;
      const size = (p.style?.fontSizePt ?? b.markSize / 2) || 16;
      const indentPt = b.props.firstLineChars ? (b.props.firstLineChars / 100) * size : b.props.indentFirstLine / 20;
      const chars = indentPt / size + leadingSpaceChars(p.text);
      if (Math.abs(chars - d.indentChars) > d.indentToleranceChars) {
        if (unindented.length === 0) firstChars = round1(chars);
        unindented.push(p);
      }
    }
    report(unindented, 'indent', { chars: firstChars }, { zh: '段落格式设为首行缩进 2 字符，不用空格缩进', en: 'set a first-line indent of 2 characters (not typed spaces)' });

    // Alignment.
    const titles = doc.paragraphs.filter((p) => p.element === 'title' && blocks.has(p.index) && !d.titleAlignments.includes(blocks.get(p.index)!.props.alignment));
    const titleAlign = titles[0] ? blocks.get(titles[0].index)!.props.alignment : '';
    report(titles, 'titleAlign', { align: ALIGN_NAMES[titleAlign]?.[ctx.locale] ?? titleAlign }, { zh: '标题居中排布', en: 'centre the title' });
    const offAlign = doc.paragraphs.filter((p) => FLUSH.has(p.element) && blocks.has(p.index) && !d.bodyAlignments.includes(blocks.get(p.index)!.props.alignment));
    const bodyAlign = offAlign[0] ? blocks.get(offAlign[0].index)!.props.alignment : '';
    report(offAlign, 'bodyAlign', { align: ALIGN_NAMES[bodyAlign]?.[ctx.locale] ?? bodyAlign }, { zh: '正文设为两端对齐', en: 'justify the body text' });

    // Line spacing: paragraphs off the 22-line pitch, when the body itself is on it (else format-page says so).
    const pitches = new Map<number, number>();
    const tally = new Map<number, number>();
    for (const p of doc.paragraphs) {
      const b = blocks.get(p.index);
      if (!b || !SPACED.has(p.element)) continue;
      const pitch = round1(linePitchPt(doc, b));
      pitches.set(p.index, pitch);
      if (p.element === 'body') tally.set(pitch, (tally.get(pitch) ?? 0) + p.text.length);
    }
    let bodyPitch: number | undefined;
    let most = -1;
    for (const [pitch, n] of tally) if (n > most) [bodyPitch, most] = [pitch, n];
    const { min, max } = d.linePitchPt;
    if (bodyPitch !== undefined && bodyPitch >= min && bodyPitch <= max) {
      const off = doc.paragraphs.filter((p) => {
        const pitch = pitches.get(p.index);
        return pitch !== undefined && (pitch < min || pitch > max);
      });
      report(off, 'spacing', { pitch: off[0] ? pitches.get(off[0].index)! : 0, body: bodyPitch }, { zh: '行距设为固定值约 29 磅（或按文档网格）', en: 'set exact line spacing of about 29 pt (or the document grid)' });
    }

    // Empty paragraphs between two body paragraphs (the blank lines GB/T 9704 sets around the title, 附件说明
    // and 署名 are not inside the body).
    const blanks: Paragraph[] = [];
    const flow = doc.paragraphs.filter((p) => all.has(p.index));
    const isBody = (p: Paragraph): boolean => BODY.has(p.element) && blocks.has(p.index);
    for (let i = 1; i < flow.length - 1; i++) {
      const p = flow[i]!;
      if (p.element !== 'blank') continue;
      const b = all.get(p.index)!;
      if (b.breaks.length > 0 || b.drawings.length > 0 || b.endsSection || b.props.pageBreakBefore) continue;
      let before = i - 1;
      while (before >= 0 && flow[before]!.element === 'blank') before--;
      let after = i + 1;
      while (after < flow.length && flow[after]!.element === 'blank') after++;
      if (before >= 0 && after < flow.length && isBody(flow[before]!) && isBody(flow[after]!)) blanks.push(p);
    }
    report(blanks, 'blank', {}, { zh: '删去空段落，段间不空行', en: 'delete the empty paragraphs; body paragraphs follow each other without blank lines' });
  },
});
