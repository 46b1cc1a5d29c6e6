// heading-format: the form of the 公文 heading markers (GB/T 9704-2012 7.3.3): "一、", "（一）", "1." and "（1）",
// full-width brackets with nothing after them. "一，" "一." → "一、"; "1、" → "1."; "(一)" → "（一）"; "（一）、" → "（一）".
// The order of the numbers is heading-sequence's.
import { defineRule } from '../src/plugin-api.js';
import { canonical, confirmedMarkers, headingData, isCrossReference, markerOf, type Found } from './heading-outline.js';

/** The right form of a numeric marker, or undefined when it is already right. */
function wellFormed(f: Found): string | undefined {
  const { level, ordinal } = f.marker;
  if (typeof level !== 'number') return undefined;
  if (level === 1) return f.raw.endsWith('、') ? undefined : canonical(1, ordinal);
  if (level === 3) {
    const dot = f.raw.endsWith('．') ? '．' : '.';
    return f.raw.endsWith('.') || f.raw.endsWith('．') ? undefined : canonical(3, ordinal, dot);
  }
  // （一） and （1）: full-width brackets, nothing after them. Keep the digits as written.
  const close = f.raw.search(/[）)]/);
  const open = /^[（(]/.test(f.raw) ? 1 : 0;
  const fixed = `（${f.raw.slice(open, close)}）`;
  return fixed === f.raw ? undefined : fixed;
}

export default defineRule({
  meta: {
    id: 'heading-format',
    description: {
      zh: '结构层次序数的写法：一、（一）1.（1），全角括号，括号后不加标点',
      en: 'heading marker form: 一、（一）1.（1）, full-width brackets, nothing after a bracket',
    },
    defaultSeverity: 'warning',
    docs: 'docs/rules/heading-format.md',
    messages: {
      format: { zh: '序号“{found}”应写作“{expected}”', en: 'write the number "{found}" as "{expected}"' },
    },
  },
  check(doc, ctx) {
    const d = headingData();
    const paragraphs = doc.paragraphs.filter((p) => p.kind !== 'title' && p.kind !== 'table-cell' && p.norm.trim());
    const markers = confirmedMarkers(paragraphs.map((p) => {
      const f = markerOf(p);
      return f && !isCrossReference(f, d) ? f : undefined;
    }));
    for (const found of markers) {
      if (!found) continue;
      const p = found.p;
      const expected = wellFormed(found);
      if (!expected) continue;
      ctx.report({
        paragraph: p,
        start: found.start,
        end: found.start + found.marker.text.length,
        messageId: 'format',
        data: { found: found.raw, expected },
        suggestion: { zh: `改为“${expected}”`, en: `use "${expected}"` },
        fix: { text: expected },
      });
    }
  },
});
