// format-page-number: the page numbers of a .docx as GB/T 9704-2012 7.5.1 sets them — a PAGE field in the
// footer of every section with text, 4号 half-width Arabic digits between two 一字线 ("— 1 —"), odd pages'
// number on the right and even pages' on the left (w:evenAndOddHeaders and the two footers' alignment), or
// centred where the preset allows it. One finding per kind, on the draft's first line. A 版记 in a section of
// its own carries no page number (7.5.1), and that section needs none.
import { defineRule, loadData } from '../src/plugin-api.js';
import { FORMAT_OPTION, formatSpec } from './format-preset.js';
import type { Paragraph } from '../src/document/model.js';
import type { FooterParagraphFacts, SectionFacts } from '../src/readers/docx/layout-facts.js';
import { docxLayout } from '../src/layout/docx/paragraph-format.js';
import { pageField } from '../src/readers/docx/page-field.js';
import { banjiOwnSection } from './format-banji-section.js';

interface PageNumberData {
  dashForms: string[];
  arabicFormats: string[];
  otherNumberSwitches: string[];
}

const data = (): PageNumberData => loadData(new URL('./data/format-page-number.json', import.meta.url));

/** The footer paragraph holding a PAGE field, in the footer of this type. */
function numberParagraph(section: SectionFacts, type: 'default' | 'even' | 'first'): FooterParagraphFacts | undefined {
  return section.footers?.[type]?.paragraphs.find((p) => pageField(p.fields) !== undefined);
}

type Side = 'left' | 'center' | 'right';
const sideOf = (p: FooterParagraphFacts): Side => (p.alignment === 'center' ? 'center' : p.alignment === 'right' ? 'right' : 'left');

const SIDE_NAMES: Record<Side, { zh: string; en: string }> = {
  left: { zh: '居左', en: 'left' },
  center: { zh: '居中', en: 'centred' },
  right: { zh: '居右', en: 'right' },
};

export default defineRule<{ format: Record<string, unknown> }>({
  meta: {
    id: 'format-page-number',
    description: { zh: '页码不合 GB/T 9704（缺失、形式、字号、位置）', en: 'page numbers off GB/T 9704 (missing, form, size, position)' },
    defaultSeverity: 'warning',
    docs: 'docs/rules/format-page-number.md',
    messages: {
      missing: { zh: '页脚中没有页码', en: 'no page number in the footer' },
      form: { zh: '页码应为半角阿拉伯数字，左右各一条一字线（“— 1 —”），现为“{text}”', en: 'page numbers are half-width Arabic digits between two em dashes ("— 1 —"), not "{text}"' },
      digits: { zh: '页码应为半角阿拉伯数字，现为{format}', en: 'page numbers are half-width Arabic digits, not {format}' },
      size: { zh: '页码字号应为 4 号（{expected} 磅），现为 {size} 磅', en: 'page numbers are set in 4号 ({expected} pt), not {size} pt' },
      side: { zh: '页码位置应为单页居右、双页居左，现为单页{odd}、双页{even}', en: 'page numbers stand right on odd pages and left on even pages; here odd: {odd}, even: {even}' },
      banji: { zh: '版记单独成页时不编排页码，版记所在的节页脚中有页码', en: 'a 版记 on a page of its own carries no page number; its section\'s footer has one' },
    },
    options: FORMAT_OPTION,
  },
  check(doc, ctx) {
    const facts = docxLayout(doc);
    if (!facts) return;
    const spec = formatSpec(ctx.options.format).pageNumber;
    const d = data();
    const at = doc.paragraphs.find((p) => p.text.trim() !== '') as Paragraph | undefined;
    if (!at) return;
    const done = new Set<string>();
    const report = (messageId: string, values: Record<string, string | number> = {}, suggestion?: { zh: string; en: string }): void => {
      if (done.has(messageId)) return;
      done.add(messageId);
      ctx.report({ paragraph: at, start: 0, end: 0, messageId, data: values, ...(suggestion ? { suggestion } : {}) });
    };
    const evenAndOdd = facts.settings.evenAndOddHeaders === true;

    // A 版记 in a section of its own: its page shows no number.
    const banji = banjiOwnSection(doc, facts);
    if (banji !== undefined) {
      const s = facts.sections[banji]!;
      const shown = s.titlePage ? numberParagraph(s, 'first') : (numberParagraph(s, 'default') ?? (evenAndOdd ? numberParagraph(s, 'even') : undefined));
      const first = doc.paragraphs.find((p) => p.element === 'cc' || p.element === 'printer')!;
      if (shown) {
        ctx.report({
          paragraph: first,
          start: 0,
          end: 0,
          messageId: 'banji',
          suggestion: { zh: '在版记所在的节断开页脚与前一节的链接，删去页码', en: "unlink the 版记 section's footer from the previous one and delete the page number" },
        });
      }
    }

    // Sections that hold text (other than a 版记 of its own): each needs its page numbers.
    const withText = facts.sections.filter((s, i) =>
      i !== banji && facts.blocks.slice(s.firstBlock, s.endBlock).some((b) => b.type === 'table' || doc.paragraphs[b.index]?.text.trim()),
    );
    for (const s of withText) {
      const odd = numberParagraph(s, 'default');
      const even = evenAndOdd ? numberParagraph(s, 'even') : odd;
      // Both missing, or one of them (odd or even pages left unnumbered).
      if (!odd || !even) report('missing', {}, { zh: '在页脚插入页码（— 1 —，4 号，单页居右、双页居左）', en: 'insert a page number in the footer (— 1 —, 14 pt, odd pages right, even pages left)' });
      for (const p of [odd, even]) {
        if (!p) continue;
        const field = pageField(p.fields) ?? '';
        const numberSwitch = /\\\*\s*(\S+)/.exec(field.replace(/\\\*\s*MERGEFORMAT/gi, ''))?.[1];
        if (numberSwitch && d.otherNumberSwitches.includes(numberSwitch)) report('digits', { format: numberSwitch });
        else if (s.pageNumberFormat && !d.arabicFormats.includes(s.pageNumberFormat)) report('digits', { format: s.pageNumberFormat });
        const text = p.text.trim();
        const dash = `[${d.dashForms.join('')}]`;
        if (!new RegExp(`^${dash}+\\s*\\S+\\s*${dash}+$`, 'u').test(text)) report('form', { text }, { zh: '页码两侧各加一条一字线：— 1 —', en: 'put an em dash on each side of the number: — 1 —' });
        const size = (p.size ?? 20) / 2;
        if (Math.abs(size - spec.sizePt) > spec.sizeTolerancePt) report('size', { size, expected: spec.sizePt });
      }
      if (odd && even) {
        const position = sideOf(odd) === 'right' && sideOf(even) === 'left' ? 'outside' : sideOf(odd) === 'center' && sideOf(even) === 'center' ? 'center' : undefined;
        if (!position || !spec.position.includes(position)) {
          report('side', { odd: SIDE_NAMES[sideOf(odd)][ctx.locale], even: SIDE_NAMES[sideOf(even)][ctx.locale] }, {
            zh: '设置“奇偶页不同”，单页页码右对齐、双页页码左对齐，各空一字',
            en: 'use different odd and even footers: odd pages right-aligned, even pages left-aligned, one character in',
          });
        }
      }
    }
  },
});
