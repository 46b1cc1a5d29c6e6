// typo: misspellings and confusables common in 公文 (布署 → 部署, 截止目前 → 截至目前, seed 002's 官像主义 and
// 留言版). Only forms that are never right are listed; `except` guards the longer strings in which a form
// is fine (a word boundary falling inside it). Pairs that are both words (制定/制订) are left out.
import { PhraseMatcher, defineRule, loadData, type LocalText } from '../src/plugin-api.js';

interface TypoEntry {
  wrong: string;
  right: string;
  except?: string[];
  note?: LocalText;
  source?: string;
}

let matcher: PhraseMatcher<TypoEntry> | undefined;

function typoMatcher(): PhraseMatcher<TypoEntry> {
  if (!matcher) {
    matcher = new PhraseMatcher<TypoEntry>();
    for (const e of loadData<{ entries: TypoEntry[] }>(new URL('./data/typos.json', import.meta.url)).entries) matcher.add(e.wrong, e);
  }
  return matcher;
}

/** Whether one of the entry's exceptions stands in the text over the hit. */
function excepted(text: string, start: number, e: TypoEntry): boolean {
  return (e.except ?? []).some((ok) => {
    for (let k = ok.indexOf(e.wrong); k >= 0; k = ok.indexOf(e.wrong, k + 1)) if (text.startsWith(ok, start - k)) return true;
    return false;
  });
}

export default defineRule<{ ignore: string[] }>({
  meta: {
    id: 'typo',
    description: { zh: '错别字和易混词（布署→部署、截止目前→截至目前）', en: 'misspellings and confusables (布署 → 部署, 截止目前 → 截至目前)' },
    defaultSeverity: 'error',
    docs: 'docs/rules/typo.md',
    messages: {
      typo: { zh: '错别字："{wrong}"应为"{right}"{note}', en: 'typo: "{wrong}" should be "{right}"{note}' },
    },
    options: {
      ignore: { type: 'string[]', default: [], description: 'misspelt forms not to report' },
    },
  },
  check(doc, ctx) {
    const ignored = new Set(ctx.options.ignore);
    for (const p of doc.paragraphs) {
      let lastEnd = -1;
      for (const hit of typoMatcher().find(p.norm)) {
        const e = hit.value;
        // Longest hit first at a position (find() sorts so); nested shorter hits are the same typo.
        if (hit.start < lastEnd || ignored.has(e.wrong) || excepted(p.norm, hit.start, e)) continue;
        lastEnd = hit.end;
        const note = e.note ? (ctx.locale === 'zh' ? `（${e.note.zh.replace(/。$/, '')}）` : ` (${e.note.en.replace(/\.$/, '')})`) : '';
        ctx.report({ paragraph: p, start: hit.start, end: hit.end, messageId: 'typo', data: { wrong: p.text.slice(hit.start, hit.end), right: e.right, note }, suggestion: e.right });
      }
    }
  },
});
