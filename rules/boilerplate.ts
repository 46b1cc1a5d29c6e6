// boilerplate (套话/空话/虚话): phrases that fit any document and say nothing. Empty phrases are
// reported at every hit; legitimate but overused ones only when a document leans on them, judged by
// density per thousand characters. The dictionary is data: rules/data/boilerplate.json.
import { PhraseMatcher, defineRule, loadData, type LocalText, type Paragraph } from '../src/plugin-api.js';

type Category = 'empty' | 'overused' | 'hedge' | 'slogan' | 'opening' | 'closing';

interface Entry {
  id: string;
  pattern: string;
  category: Category;
  explanation: LocalText;
  suggestion?: LocalText;
  source?: string;
}

interface Dictionary {
  gapMax?: number;
  entries: Entry[];
}

/** Categories reported at each hit; the others count toward density. Opening formulas are the preamble rule's. */
const EACH_HIT: ReadonlySet<Category> = new Set(['empty', 'slogan', 'closing']);
const BY_DENSITY: ReadonlySet<Category> = new Set(['overused', 'hedge']);

const dictionary = (): Dictionary => loadData<Dictionary>(new URL('./data/boilerplate.json', import.meta.url));

interface Options {
  maxPerThousand: number;
  minCount: number;
  ignore: string[];
  add: Array<Partial<Entry> & { pattern: string }>;
}

/** One matcher per distinct ignore/add setting (options objects are new for every file). */
const matchers = new Map<string, PhraseMatcher<Entry>>();

function matcherFor(options: Options): PhraseMatcher<Entry> {
  const key = JSON.stringify([options.ignore, options.add]);
  const cached = matchers.get(key);
  if (cached) return cached;
  const dict = dictionary();
  const matcher = new PhraseMatcher<Entry>(dict.gapMax ?? 20);
  const ignored = new Set(options.ignore);
  for (const e of dict.entries) if (!ignored.has(e.id) && !ignored.has(e.pattern)) matcher.add(e.pattern, e);
  for (const [i, e] of options.add.entries()) {
    const entry: Entry = {
      id: e.id ?? `custom-${i + 1}`,
      pattern: e.pattern,
      category: e.category ?? 'empty',
      explanation: typeof e.explanation === 'string' ? { zh: e.explanation, en: e.explanation } : (e.explanation ?? { zh: '本单位列入的套话', en: 'listed as boilerplate by your office' }),
      ...(e.suggestion ? { suggestion: typeof e.suggestion === 'string' ? { zh: e.suggestion, en: e.suggestion } : e.suggestion } : {}),
    };
    matcher.add(entry.pattern, entry);
  }
  matchers.set(key, matcher);
  return matcher;
}

export default defineRule<Options>({
  meta: {
    id: 'boilerplate',
    description: { zh: '套话、空话、虚话（空话逐处报告，常用语按每千字密度报告）', en: 'boilerplate: empty phrases at each hit, overused ones by density per thousand characters' },
    defaultSeverity: 'warning',
    docs: 'docs/rules/boilerplate.md',
    messages: {
      empty: { zh: '套话："{text}"——{why}', en: 'boilerplate: "{text}" — {why}' },
      overused: {
        zh: '"{text}"出现 {count} 次（每千字 {density} 次，超过 {limit}），位置：第 {lines} 段——{why}',
        en: '"{text}" appears {count} times ({density} per thousand characters, over {limit}), at paragraphs {lines} — {why}',
      },
    },
    options: {
      maxPerThousand: { type: 'number', default: 0.6, min: 0, description: 'an overused phrase is reported when its hits per thousand characters exceed this' },
      minCount: { type: 'number', default: 3, min: 1, description: 'and when it appears at least this many times' },
      ignore: { type: 'string[]', default: [], description: 'entry ids or patterns to silence' },
      add: { type: 'array', default: [], description: 'extra entries: { pattern, category?, explanation?, suggestion? }' },
    },
  },
  check(doc, ctx) {
    const matcher = matcherFor(ctx.options);
    const chars = doc.paragraphs.reduce((n, p) => n + p.norm.replace(/\s/g, '').length, 0);
    const perThousand = (n: number): number => (n * 1000) / Math.max(chars, 1);
    const overused = new Map<Entry, Array<{ p: Paragraph; start: number; end: number }>>();
    let hits = 0;
    for (const p of doc.paragraphs) {
      for (const hit of matcher.find(p.norm)) {
        hits++;
        const e = hit.value;
        if (EACH_HIT.has(e.category)) {
          ctx.report({
            paragraph: p,
            start: hit.start,
            end: hit.end,
            messageId: 'empty',
            data: { text: p.text.slice(hit.start, hit.end), why: e.explanation[ctx.locale] },
            ...(e.suggestion ? { suggestion: e.suggestion } : {}),
          });
        } else if (BY_DENSITY.has(e.category)) {
          const list = overused.get(e) ?? [];
          list.push({ p, start: hit.start, end: hit.end });
          overused.set(e, list);
        }
      }
    }
    for (const [e, places] of overused) {
      const density = perThousand(places.length);
      if (places.length < ctx.options.minCount || density <= ctx.options.maxPerThousand) continue;
      const first = places[0]!;
      const lines = [...new Set(places.map((h) => h.p.index + 1))].join(ctx.locale === 'zh' ? '、' : ', ');
      ctx.report({
        paragraph: first.p,
        start: first.start,
        end: first.end,
        messageId: 'overused',
        data: { text: e.pattern, count: places.length, density: density.toFixed(1), limit: ctx.options.maxPerThousand, lines, why: e.explanation[ctx.locale] },
        ...(e.suggestion ? { suggestion: e.suggestion } : {}),
      });
    }
    ctx.stat({ boilerplateHits: hits, boilerplatePerThousand: Math.round(perThousand(hits) * 100) / 100 });
  },
});
