// format-fonts: the font family and size of each 公文 element in a .docx (GB/T 9704-2012 §7–8, or the office's
// preset): title 2号小标宋, body 3号仿宋, 一级 黑体, 二级 楷体, 三级/四级 仿宋, 版记 4号仿宋. The font of each run is
// the one Word shows — run, character style, paragraph style chain, docDefaults (the reader resolves it) — and
// font names count as their family (仿宋_GB2312 is 仿宋) by the preset's `fontFamilies`. One finding per kind
// of element, naming the paragraphs, never one per run. A font named through the theme (+minorEastAsia) is the
// one the theme part gives, when it gives one.
import { defineRule, docxFormatFacts, ELEMENT_LABELS, type ElementKind, type Paragraph, type RunFacts } from '../src/plugin-api.js';
import { FORMAT_OPTION, familyOf, formatSpec, type FontSpec, type FormatSpec } from './format-preset.js';
import { docxLayout } from '../src/layout/docx/paragraph-format.js';

/** Chinese size names (字号) by points. */
const SIZE_NAMES: Record<string, string> = { 42: '初号', 36: '小初', 26: '一号', 24: '小一', 22: '二号', 18: '小二', 16: '三号', 15: '小三', 14: '四号', 12: '小四', 10.5: '五号', 9: '小五' };
const sizeName = (pt: number, zh: boolean): string => (zh && SIZE_NAMES[pt] ? `${SIZE_NAMES[pt]}（${pt} pt）` : `${pt} pt`);
/** Paragraphs listed in a finding before "…等 N 段". */
const MAX_LINES = 8;
/** A run-in heading's own text (（一）以学为本。…) is at most this long; a longer numbered paragraph is an item in body text. */
const RUN_IN_MAX = 40;

const fold = (name: string): string => name.replace(/\s+/g, '').toLowerCase();

/** Elements checked and reported as one: the two lines of the 版记. */
const GROUPS: Partial<Record<ElementKind, { zh: string; en: string }>> = { cc: { zh: '版记', en: 'imprint' }, printer: { zh: '版记', en: 'imprint' } };
const labelOf = (element: ElementKind): { zh: string; en: string } => GROUPS[element] ?? ELEMENT_LABELS[element];

interface Tally {
  element: ElementKind;
  /** Font name (or "" for none set) → lines. */
  families: Map<string, number[]>;
  sizes: Map<number, number[]>;
  first: Paragraph;
}

/**
 * How much of the paragraph's text the element's font applies to, as an end offset in the runs' text: a
 * run-in heading's first sentence, else all. For a long numbered item, undefined (its head may be in either font).
 */
function headEnd(element: ElementKind, text: string): number | 'either' {
  if (!element.startsWith('heading-')) return text.length;
  const stop = text.search(/[。！？：:]/);
  // A heading line has no sentence end; a numbered paragraph that is one sentence is an item in body text.
  if (stop < 0) return text.length <= RUN_IN_MAX * 2 ? text.length : 'either';
  if (stop === text.trimEnd().length - 1) return 'either';
  return stop + 1 <= RUN_IN_MAX ? stop + 1 : 'either';
}

function matchesFamily(spec: FormatSpec, want: string, font: string | undefined): boolean {
  if (font === undefined) return false;
  // A family the preset lists is exactly its names (gbt9704-strict's 仿宋 is 仿宋_GB2312 alone); any other is a font name.
  return spec.fontFamilies[want] ? familyOf(spec, font) === want : fold(font) === fold(want);
}

export default defineRule<{ format: Record<string, unknown> }>({
  meta: {
    id: 'format-fonts',
    description: {
      zh: '各要素的字体字号（GB/T 9704-2012）：标题 2号小标宋，正文 3号仿宋，一级标题黑体，二级标题楷体，版记 4号（.docx）',
      en: 'font and size of each element (GB/T 9704-2012): title 2号 小标宋, body 3号 仿宋, headings 黑体/楷体, 版记 4号 (.docx)',
    },
    defaultSeverity: 'warning',
    docs: 'docs/rules/format-fonts.md',
    messages: {
      wrong: { zh: '{element}应为{expected}：{problems}', en: '{element} should be {expected}: {problems}' },
    },
    options: FORMAT_OPTION,
  },
  check(doc, ctx) {
    const facts = docxFormatFacts(doc);
    if (!facts) return;
    const spec = formatSpec(ctx.options.format);
    const zh = ctx.locale === 'zh';
    const theme = docxLayout(doc)?.themeFonts;
    /** The font a run is set in: a theme font name (+minorEastAsia) resolved through the theme where it gives one. */
    const actual = (font: string | undefined): string | undefined => (font?.startsWith('+') ? (theme?.[font.slice(1)] ?? font) : font);
    const tallies = new Map<string, Tally>();
    for (const p of doc.paragraphs) {
      const element = p.element;
      if (!element) continue;
      const want: FontSpec | undefined = spec.fonts[element];
      const block = facts.blocks.get(p.index);
      if (!want || !block) continue;
      const runsText = block.runs.map((r) => r.text).join('');
      const end = headEnd(element, runsText);
      // A numbered item too long to be a heading may keep the body font; either is right.
      const bodyFont = spec.fonts.body;
      const families = end === 'either' && bodyFont ? [want.family, bodyFont.family] : [want.family];
      const limit = end === 'either' ? runsText.length : end;
      let at = 0;
      const badFonts = new Set<string>();
      const badSizes = new Set<number>();
      for (const r of block.runs as RunFacts[]) {
        const from = at;
        at += r.text.length;
        if (from >= limit || r.hidden || !/[^\s\u3000]/.test(r.text)) continue;
        if (r.eastAsian && !families.some((f) => matchesFamily(spec, f, actual(r.font)))) badFonts.add(r.font ?? '');
        if (r.size / 2 !== want.sizePt) badSizes.add(r.size / 2);
      }
      if (badFonts.size === 0 && badSizes.size === 0) continue;
      const key = labelOf(element).en;
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { element, families: new Map(), sizes: new Map(), first: p }));
      const line = p.sourceLine ?? p.index + 1;
      // Appended in place: a draft of 100,000 paragraphs in the wrong font stays linear.
      for (const f of badFonts) {
        const lines = t.families.get(f);
        if (lines) lines.push(line);
        else t.families.set(f, [line]);
      }
      for (const s of badSizes) {
        const lines = t.sizes.get(s);
        if (lines) lines.push(line);
        else t.sizes.set(s, [line]);
      }
    }
    const places = (lines: number[]): string => {
      const shown = lines.slice(0, MAX_LINES).join(zh ? '、' : ', ');
      const more = lines.length > MAX_LINES ? (zh ? ` 等 ${lines.length} 段` : ` and ${lines.length - MAX_LINES} more`) : '';
      return zh ? `第 ${shown} 段${more}` : `paragraph${lines.length > 1 ? 's' : ''} ${shown}${more}`;
    };
    for (const t of tallies.values()) {
      const want = spec.fonts[t.element]!;
      const label = labelOf(t.element);
      const problems: string[] = [];
      for (const [font, lines] of t.families) {
        const resolved = actual(font);
        const name =
          font === '' ? (zh ? '未设字体（Word 默认字体）' : 'no font set (Word default)')
          : !font.startsWith('+') ? font
          : resolved !== font ? (zh ? `${resolved}（主题字体）` : `${resolved} (theme font)`)
          : zh ? `主题字体 ${font}` : `theme font ${font}`;
        problems.push(zh ? `${places(lines)}用了${name}` : `${places(lines)} in ${name}`);
      }
      for (const [size, lines] of t.sizes) problems.push(zh ? `${places(lines)}为${sizeName(size, true)}` : `${places(lines)} at ${size} pt`);
      const expected = zh ? `${sizeName(want.sizePt, true)}${want.family}` : `${want.family} ${want.sizePt} pt`;
      ctx.report({
        paragraph: t.first,
        messageId: 'wrong',
        data: { element: label[ctx.locale], expected, problems: problems.join(zh ? '；' : '; ') },
        suggestion: zh ? `把${label.zh}的样式（或所用段落）设为${want.family}、${sizeName(want.sizePt, true)}` : `set the ${label.en} style (or paragraphs) to ${want.family}, ${want.sizePt} pt`,
      });
    }
  },
});
