// leftover-highlight: text highlighted or shaded in a .docx — a marker a drafter or reviewer set
// for themselves, which prints in colour if it goes out.
import { defineRule, loadData } from '../src/plugin-api.js';

interface HighlightData {
  excerptLength: number;
  /** Word highlight name → [Chinese name, the RGB fill other programs write for the same colour]. */
  highlightColours: Record<string, [string, string]>;
}

const data = (): HighlightData => loadData(new URL('./data/leftover.json', import.meta.url));

/** A colour for the message: Word's name (English) or its Chinese name; an unnamed fill as #RRGGBB. */
function colourName(colour: string, locale: 'zh' | 'en', names: HighlightData['highlightColours']): string {
  const named = names[colour] ? colour : Object.keys(names).find((k) => names[k]![1] === colour.toUpperCase());
  if (named) return locale === 'zh' ? names[named]![0] : named;
  return colour ? `#${colour}` : '';
}

export default defineRule({
  meta: {
    id: 'leftover-highlight',
    description: { zh: '.docx 中突出显示（底色）的文字', en: 'highlighted or shaded text in a .docx' },
    defaultSeverity: 'warning',
    docs: 'docs/rules/leftover-highlight.md',
    messages: {
      highlight: { zh: '突出显示（{colour}）的文字："{text}"', en: 'highlighted text ({colour}): "{text}"' },
    },
  },
  check(doc, ctx) {
    const { excerptLength: max, highlightColours } = data();
    for (const p of doc.paragraphs) {
      for (const mark of p.marks ?? []) {
        if (mark.type !== 'highlight') continue;
        const text = p.text.slice(mark.start, mark.end);
        if (!text.trim()) continue; // a highlighted space shows as a speck, not as marked text
        ctx.report({
          paragraph: p,
          start: mark.start,
          end: mark.end,
          messageId: 'highlight',
          data: {
            colour: colourName(mark.color ?? '', ctx.locale, highlightColours),
            text: text.length > max ? `${text.slice(0, max)}…` : text,
          },
          suggestion: { zh: '确认内容后清除突出显示和底纹', en: 'check the text, then remove the highlight and shading' },
        });
      }
    }
  },
});
