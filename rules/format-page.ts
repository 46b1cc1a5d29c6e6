// format-page: the page of a .docx against GB/T 9704-2012 §5.2 (or the office's preset): paper, margins
// (± 1 mm) and the text block they leave, lines per page and characters per line (from the document grid,
// else from the body text's line and character spacing) — per section, one finding per kind of fault, the
// sections that share it named together.
import { defineRule, docxFormatFacts, type SectionFormat } from '../src/plugin-api.js';
import { FORMAT_OPTION, formatSpec, type FormatSpec } from './format-preset.js';

const SIDES = ['top', 'bottom', 'left', 'right'] as const;
const SIDE_WORDS = { top: ['上', 'top'], bottom: ['下', 'bottom'], left: ['左', 'left'], right: ['右', 'right'] } as const;
const fmt = (n: number): string => String(Math.round(n * 10) / 10);

interface Fault {
  messageId: string;
  data: Record<string, string | number>;
  section: SectionFormat;
}

function faults(s: SectionFormat, spec: FormatSpec, zh: boolean): Fault[] {
  const page = spec.page;
  const tol = page.toleranceMm + 0.05;
  const out: Fault[] = [];
  const short = Math.min(s.paperMm.width, s.paperMm.height);
  const long = Math.max(s.paperMm.width, s.paperMm.height);
  if (Math.abs(short - page.paperMm.width) > tol || Math.abs(long - page.paperMm.height) > tol) {
    out.push({ messageId: 'paper', data: { found: `${fmt(s.paperMm.width)} × ${fmt(s.paperMm.height)}`, expected: `${page.paperMm.width} × ${page.paperMm.height}` }, section: s });
    return out;
  }
  // A landscape section holds a wide table or picture: its margins follow the turned page, not §5.2.
  if (s.orientation === 'landscape') return out;
  const wrong = SIDES.filter((side) => Math.abs(s.marginsMm[side] - page.marginsMm[side]) > tol);
  if (wrong.length > 0) {
    const list = wrong.map((side) => (zh ? `${SIDE_WORDS[side][0]} ${fmt(s.marginsMm[side])} mm（应为 ${page.marginsMm[side]} mm）` : `${SIDE_WORDS[side][1]} ${fmt(s.marginsMm[side])} mm (should be ${page.marginsMm[side]} mm)`));
    const block = `${fmt(s.textBlockMm.width)} × ${fmt(s.textBlockMm.height)}`;
    const expected = `${fmt(page.paperMm.width - page.marginsMm.left - page.marginsMm.right)} × ${fmt(page.paperMm.height - page.marginsMm.top - page.marginsMm.bottom)}`;
    const blockOk = Math.abs(s.textBlockMm.width - (page.paperMm.width - page.marginsMm.left - page.marginsMm.right)) <= tol && Math.abs(s.textBlockMm.height - (page.paperMm.height - page.marginsMm.top - page.marginsMm.bottom)) <= tol;
    const blockNote = blockOk ? '' : zh ? `；版心 ${block} mm，应为 ${expected} mm` : `; text block ${block} mm, should be ${expected} mm`;
    out.push({ messageId: 'margins', data: { list: list.join(zh ? '、' : ', '), blockNote }, section: s });
  }
  if (s.linesPerPage !== undefined && s.linesPerPage !== page.linesPerPage) {
    out.push({ messageId: s.linesFrom === 'grid' ? 'linesGrid' : 'linesSpacing', data: { found: s.linesPerPage, expected: page.linesPerPage }, section: s });
  }
  if (s.charsPerLine !== undefined && s.charsPerLine !== page.charsPerLine) {
    out.push({ messageId: s.charsFrom === 'grid' ? 'charsGrid' : 'charsSpacing', data: { found: s.charsPerLine, expected: page.charsPerLine }, section: s });
  }
  return out;
}

export default defineRule<{ format: Record<string, unknown> }>({
  meta: {
    id: 'format-page',
    description: {
      zh: '页面设置（GB/T 9704-2012 5.2）：A4 纸、页边距与版心、每页 22 行、每行 28 字（.docx，逐节）',
      en: 'page set-up (GB/T 9704-2012 5.2): A4, margins and text block, 22 lines a page, 28 characters a line (.docx, per section)',
    },
    defaultSeverity: 'warning',
    docs: 'docs/rules/format-page.md',
    messages: {
      paper: { zh: '纸张 {found} mm，应为 A4（{expected} mm）{where}', en: 'paper {found} mm, should be A4 ({expected} mm){where}' },
      margins: { zh: '页边距不符：{list}{blockNote}{where}', en: 'margins off: {list}{blockNote}{where}' },
      linesGrid: { zh: '文档网格每页 {found} 行，应为 {expected} 行{where}', en: 'the document grid gives {found} lines a page, should be {expected}{where}' },
      linesSpacing: { zh: '按正文行距每页约 {found} 行，应为 {expected} 行{where}', en: 'the body line spacing gives about {found} lines a page, should be {expected}{where}' },
      charsGrid: { zh: '文档网格每行 {found} 字，应为 {expected} 字{where}', en: 'the document grid gives {found} characters a line, should be {expected}{where}' },
      charsSpacing: { zh: '按正文字号和字距每行约 {found} 字，应为 {expected} 字{where}', en: 'the body font size and spacing give about {found} characters a line, should be {expected}{where}' },
    },
    options: FORMAT_OPTION,
  },
  check(doc, ctx) {
    const facts = docxFormatFacts(doc);
    if (!facts || doc.paragraphs.length === 0) return;
    const spec = formatSpec(ctx.options.format);
    const zh = ctx.locale === 'zh';
    // Sections with the same fault are one finding, at the first of them.
    const groups = new Map<string, Fault[]>();
    for (const s of facts.sections) {
      for (const f of faults(s, spec, zh)) {
        const key = `${f.messageId}:${JSON.stringify(f.data)}`;
        const group = groups.get(key);
        if (group) group.push(f);
        else groups.set(key, [f]);
      }
    }
    const many = facts.sections.length > 1;
    const m = spec.page.marginsMm;
    for (const group of groups.values()) {
      const first = group[0]!;
      const numbers = group.map((f) => f.section.index + 1);
      const shown = numbers.length > 10 ? [...numbers.slice(0, 10), '…'] : numbers;
      const where = !many ? '' : zh ? `（第 ${shown.join('、')} 节）` : ` (section${numbers.length > 1 ? 's' : ''} ${shown.join(', ')})`;
      ctx.report({
        paragraph: first.section.firstParagraph ?? 0,
        start: 0,
        end: 0,
        messageId: first.messageId,
        data: { ...first.data, where },
        suggestion: zh
          ? `在“布局 → 页面设置”中设置：A4；上 ${m.top}、下 ${m.bottom}、左 ${m.left}、右 ${m.right} mm；文档网格“指定行和字符网格”，每页 ${spec.page.linesPerPage} 行、每行 ${spec.page.charsPerLine} 字`
          : `Layout → Page Setup: A4; margins ${m.top}/${m.bottom}/${m.left}/${m.right} mm; document grid "lines and characters", ${spec.page.linesPerPage} lines, ${spec.page.charsPerLine} characters`,
      });
    }
  },
});
