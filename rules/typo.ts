// typo: misspellings and confusables in 公文, found five ways.
// 1. Lists of forms that are never right (rules/data/typos.json with notes and sources; rules/data/typo/
//    words.json and idioms.json): 布署 → 部署, seed 002's 官像主义. `except` guards the longer strings in
//    which a form is fine (a word boundary falling inside it).
// 2. Fixed formulas (rules/data/typo/fixed-phrases.json) with a character dropped or doubled: 以人民中心.
// 3. Collocations (rules/data/typo/collocations.json): pairs that are both words (截止/截至, 权力/权利, 的/地/得)
//    where the neighbouring words decide.
// 4. Confusables (rules/data/typo/confusables.json): a broader table of such pairs (形式/形势, 部属/部署,
//    登陆/登录), each with the words before or after it that decide; its findings are one step softer, as
//    the context only makes the slip likely.
// 5. A detector for slips no list names (src/text/typo-detector.ts), against jieba's lexicon. Its findings
//    are one step softer than the rule's severity: it guesses, where the lists know.
import { PhraseMatcher, defineRule, loadData, type LocalText } from '../src/plugin-api.js';
import { loadCompiledMatcher } from '../src/text/load-data.js';
import { loadLexicon } from '../src/text/lexicon.js';
import { TypoDetector, type DetectorGuards, type SimilarityData } from '../src/text/typo-detector.js';

export interface TypoEntry {
  wrong: string;
  right: string;
  except?: string[];
  note?: LocalText;
  source?: string;
}

/** A compact list entry: [wrong, right] or [wrong, right, except]. */
export type CompactEntry = [string, string] | [string, string, string[]];

interface Collocation {
  /** A regular expression over the normalised text; the whole match is the wrong span. */
  pattern: string;
  /** The characters the wrong span can begin with: the pattern is tried only where one stands. */
  starts: string;
  right: string;
  note: LocalText;
}

/** A confusable pair with the neighbours that decide it (rules/data/typo/confusables.json). */
interface Confusable {
  wrong: string;
  right: string;
  /** Cues (regular-expression fragments) that end right before the wrong form… */
  before?: string[];
  /** …or start right after it. */
  after?: string[];
  /** What may stand between a cue and the form (a regular expression; default nothing). */
  join?: string;
  /** Both a cue before and a cue after must stand (an adverb before 的 and a verb after it). */
  all?: boolean;
  /** Regular expressions that must not end right before, or start right after, the form. */
  notBefore?: string[];
  notAfter?: string[];
  except?: string[];
}

/** The word and idiom lists, rules/data/typo/<name>.json (scripts/build-matchers.mjs compiles them too). */
export const LISTS = ['words', 'idioms'];

let matcher: PhraseMatcher<TypoEntry> | undefined;
let collocations: TriggeredPatterns<Collocation> | undefined;
let confusables: TriggeredPatterns<TypoEntry> | undefined;
let phraseSlips: Map<string, Array<[string, string]>> | undefined;
/** By UTF-16 code: 1 where a slip of a fixed formula can begin. */
let phraseSlipStarts: Uint8Array | undefined;
let detector: TypoDetector | null | undefined;

/** The lists as one matcher (compiled at build time into rules/data/generated/typo.matcher). */
export function compileTypoLists(typos: { entries: TypoEntry[] }, lists: Array<{ entries: CompactEntry[] }>): PhraseMatcher<TypoEntry> {
  const m = new PhraseMatcher<TypoEntry>();
  for (const e of typos.entries) m.add(e.wrong, e);
  for (const list of lists) {
    for (const [wrong, right, except] of list.entries) m.add(wrong, { wrong, right, except });
  }
  return m;
}

function typoMatcher(): PhraseMatcher<TypoEntry> {
  matcher ??=
    loadCompiledMatcher<TypoEntry>(new URL('./data/generated/typo.matcher', import.meta.url)) ??
    compileTypoLists(
      loadData<{ entries: TypoEntry[] }>(new URL('./data/typos.json', import.meta.url)),
      LISTS.map((list) => loadData<{ entries: CompactEntry[] }>(new URL(`./data/typo/${list}.json`, import.meta.url))),
    );
  return matcher;
}

const FIXED_PHRASE_NOTE: LocalText = { zh: '固定提法多字或漏字', en: 'a fixed formula with a character doubled or dropped' };

/** Each fixed formula (rules/data/typo/fixed-phrases.json) with one inner character dropped or one
 * character doubled: [slip, formula]. A dropped form of a short formula may be a phrase of its own
 * (乡村兴 in 乡村振兴), so drops are made only from formulas of five characters or more, and a slip that
 * stands inside another formula of the list is left out. */
function fixedPhraseSlips(): Map<string, Array<[string, string]>> {
  if (phraseSlips) return phraseSlips;
  const phrases = loadData<{ phrases: string[] }>(new URL('./data/typo/fixed-phrases.json', import.meta.url)).phrases;
  const slips = new Map<string, string>();
  const isHan = (c: string) => /\p{Script=Han}/u.test(c);
  for (const p of phrases) {
    const chars = [...p];
    for (let k = 0; k < chars.length; k++) {
      if (!isHan(chars[k]!)) continue;
      // Doubling the first or the last character makes a form that also reads as the formula next to a
      // word that starts or ends with that character (主义 + 义务); only inner characters are doubled.
      if (k > 0 && k < chars.length - 1 && chars[k] !== chars[k + 1] && chars[k] !== chars[k - 1]) slips.set([...chars.slice(0, k + 1), ...chars.slice(k)].join(''), p);
      if (chars.length >= 5 && k > 0 && k < chars.length - 1 && chars[k - 1] !== chars[k] && chars[k + 1] !== chars[k]) slips.set([...chars.slice(0, k), ...chars.slice(k + 1)].join(''), p);
    }
  }
  // Indexed by their first three characters: a text is scanned with one lookup per position, far cheaper
  // at first use than adding a thousand forms to the phrase matcher.
  phraseSlips = new Map();
  phraseSlipStarts = new Uint8Array(0x10000);
  // One search of all the formulas at once (joined by a character none holds) per slip.
  const all = phrases.join('\0');
  for (const [slip, p] of slips) {
    if (all.includes(slip)) continue;
    const key = slip.slice(0, 3);
    (phraseSlips.get(key) ?? phraseSlips.set(key, []).get(key)!).push([slip, p]);
    phraseSlipStarts[key.charCodeAt(0)] = 1;
  }
  return phraseSlips;
}

/** The fixed formulas written with a character dropped or doubled in `text`: [start, slip, formula]. */
function findPhraseSlips(text: string): Array<[number, string, string]> {
  const index = fixedPhraseSlips();
  const starts = phraseSlipStarts!;
  const found: Array<[number, string, string]> = [];
  for (let i = 0; i + 3 <= text.length; i++) {
    if (starts[text.charCodeAt(i)] !== 1) continue;
    const list = index.get(text.slice(i, i + 3));
    if (!list) continue;
    for (const [slip, p] of list) if (text.startsWith(slip, i)) found.push([i, slip, p]);
  }
  return found;
}

/**
 * Context patterns, each tried only where its trigger stands. A text is scanned once, one map lookup
 * per character, and a pattern is compiled (sticky, so it matches at the trigger or not at all) the
 * first time its trigger occurs: running 150 patterns over every paragraph, and compiling each at first
 * use, was most of the rule's cost on a long document.
 */
class TriggeredPatterns<T> {
  private readonly byChar = new Map<string, Array<{ lead: string; source: string; re?: RegExp; value: T }>>();
  /** By UTF-16 code: 1 where a trigger stands (most characters are none, and this test is cheaper). */
  private readonly isTrigger = new Uint8Array(0x10000);

  /** `lead`: text every match starts with (the wrong form), checked before the pattern is run. */
  add(starts: string, source: string, value: T, lead = ''): void {
    const entry = { lead, source, value };
    for (const ch of new Set(starts)) {
      (this.byChar.get(ch) ?? this.byChar.set(ch, []).get(ch)!).push(entry);
      if (ch.length === 1) this.isTrigger[ch.charCodeAt(0)] = 1;
    }
  }

  /** Every match in text order: [start, end, value]. */
  *matches(text: string): Generator<[number, number, T]> {
    for (let i = 0; i < text.length; i++) {
      if (this.isTrigger[text.charCodeAt(i)] !== 1) continue;
      const list = this.byChar.get(text[i]!);
      if (!list) continue;
      for (const e of list) {
        if (e.lead && !text.startsWith(e.lead, i)) continue;
        const re = (e.re ??= new RegExp(e.source, 'uy'));
        re.lastIndex = i;
        const m = re.exec(text);
        if (m && m[0]) yield [i, i + m[0].length, e.value];
      }
    }
  }
}

function collocationRules(): TriggeredPatterns<Collocation> {
  if (!collocations) {
    collocations = new TriggeredPatterns();
    for (const c of loadData<{ entries: Collocation[] }>(new URL('./data/typo/collocations.json', import.meta.url)).entries) collocations.add(c.starts, c.pattern, c);
  }
  return collocations;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The confusables table: each entry one pattern, the cue before as a lookbehind and the cue after as
 * a lookahead, triggered by the first character of its wrong form. */
function confusableRules(): TriggeredPatterns<TypoEntry> {
  if (!confusables) {
    confusables = new TriggeredPatterns();
    for (const c of loadData<{ entries: Confusable[] }>(new URL('./data/typo/confusables.json', import.meta.url)).entries) {
      const join = c.join ?? '';
      const w = escape(c.wrong);
      const before = c.before?.length ? `(?<=(?:${c.before.join('|')})${join})` : '';
      const after = c.after?.length ? `(?=${join}(?:${c.after.join('|')}))` : '';
      const alts = c.all ? [before + w + after] : [before && before + w, after && w + after].filter(Boolean);
      const notBefore = c.notBefore?.length ? `(?<!(?:${c.notBefore.join('|')}))` : '';
      const notAfter = c.notAfter?.length ? `(?!(?:${c.notAfter.join('|')}))` : '';
      confusables.add(c.wrong[0]!, `${notBefore}(?:${alts.join('|')})${notAfter}`, { wrong: c.wrong, right: c.right, except: c.except }, c.wrong);
    }
  }
  return confusables;
}

function typoDetector(): TypoDetector | null {
  if (detector === undefined) {
    const lexicon = loadLexicon(new URL('./data/generated/lexicon.u16', import.meta.url));
    detector = lexicon && new TypoDetector(lexicon, loadData<SimilarityData>(new URL('./data/typo/similar.json', import.meta.url)), loadData<DetectorGuards>(new URL('./data/typo/guards.json', import.meta.url)));
  }
  return detector;
}

/** Whether one of the entry's exceptions stands in the text over the hit. */
function excepted(text: string, start: number, e: TypoEntry): boolean {
  return (e.except ?? []).some((ok) => {
    for (let k = ok.indexOf(e.wrong); k >= 0; k = ok.indexOf(e.wrong, k + 1)) if (text.startsWith(ok, start - k)) return true;
    return false;
  });
}

/** The characters that end an official abbreviation (防指, 综治办, 纪委). */
const ABBREVIATION_END = /[办指委]$/u;

/**
 * Whether a detector find is a term the writer means rather than a slip: a span the document uses
 * twice or more in the same form, an abbreviation it defines (简称…), or a two-character span that
 * ends like an abbreviation or stands in brackets of its own.
 */
function deliberate(whole: string, text: string, start: number, end: number, defined: string[]): boolean {
  const span = text.slice(start, end);
  const first = whole.indexOf(span);
  if (first >= 0 && whole.indexOf(span, first + span.length) >= 0) return true;
  if (defined.some((d) => d.includes(span))) return true;
  if (span.length !== 2) return false;
  if (ABBREVIATION_END.test(span)) return true;
  return /[（(“"]$/u.test(text.slice(0, start)) && /^[）)”"]/u.test(text.slice(end));
}

export default defineRule<{ ignore: string[]; detect: boolean }>({
  meta: {
    id: 'typo',
    description: { zh: '错别字和易混词（布署→部署、截止目前→截至目前）', en: 'misspellings and confusables (布署 → 部署, 截止目前 → 截至目前)' },
    defaultSeverity: 'error',
    docs: 'docs/rules/typo.md',
    messages: {
      typo: { zh: '错别字："{wrong}"应为"{right}"{note}', en: 'typo: "{wrong}" should be "{right}"{note}' },
      likely: { zh: '疑似错别字："{wrong}"可能应为"{right}"', en: 'likely typo: "{wrong}" may be "{right}"' },
    },
    options: {
      ignore: { type: 'string[]', default: [], description: 'misspelt forms not to report' },
      detect: { type: 'boolean', default: true, description: 'also look for misspellings no list names (reported one severity lower)' },
    },
  },
  check(doc, ctx) {
    const ignored = new Set(ctx.options.ignore);
    const noteText = (note: LocalText | undefined) => (note ? (ctx.locale === 'zh' ? `（${note.zh.replace(/。$/, '')}）` : ` (${note.en.replace(/\.$/, '')})`) : '');
    const softer = ctx.severity === 'error' ? 'warning' : 'info';
    const whole = doc.paragraphs.map((p) => p.norm).join('\n');
    // Abbreviations the document defines: （简称"防指"）, 以下简称市防指.
    const defined = [...whole.matchAll(/简称[“"「‘]?([\p{Script=Han}]{2,8})/gu)].map((m) => m[1]!);
    for (const p of doc.paragraphs) {
      const taken: Array<[number, number]> = [];
      const free = (s: number, e: number) => !taken.some(([ts, te]) => s < te && ts < e);
      let lastEnd = -1;
      for (const hit of typoMatcher().find(p.norm)) {
        const e = hit.value;
        // Longest hit first at a position (find() sorts so); nested shorter hits are the same typo.
        if (hit.start < lastEnd || ignored.has(e.wrong) || excepted(p.norm, hit.start, e)) continue;
        lastEnd = hit.end;
        taken.push([hit.start, hit.end]);
        ctx.report({ paragraph: p, start: hit.start, end: hit.end, messageId: 'typo', data: { wrong: p.text.slice(hit.start, hit.end), right: e.right, note: noteText(e.note) }, suggestion: e.right });
      }
      for (const [start, slip, right] of findPhraseSlips(p.norm)) {
        const end = start + slip.length;
        if (ignored.has(slip) || !free(start, end)) continue;
        taken.push([start, end]);
        ctx.report({ paragraph: p, start, end, messageId: 'typo', data: { wrong: p.text.slice(start, end), right, note: noteText(FIXED_PHRASE_NOTE) }, suggestion: right });
      }
      for (const [start, end, c] of collocationRules().matches(p.norm)) {
        const wrong = p.norm.slice(start, end);
        if (ignored.has(wrong) || !free(start, end)) continue;
        taken.push([start, end]);
        ctx.report({ paragraph: p, start, end, messageId: 'typo', data: { wrong: p.text.slice(start, end), right: c.right, note: noteText(c.note) }, suggestion: c.right });
      }
      for (const [start, end, e] of confusableRules().matches(p.norm)) {
        if (ignored.has(e.wrong) || !free(start, end) || excepted(p.norm, start, e)) continue;
        taken.push([start, end]);
        ctx.report({ paragraph: p, start, end, messageId: 'likely', data: { wrong: p.text.slice(start, end), right: e.right }, suggestion: e.right, severity: softer });
      }
      if (!ctx.options.detect) continue;
      const found = typoDetector()?.detect(p.norm) ?? [];
      for (const t of found) {
        const wrong = p.norm.slice(t.start, t.end);
        if (ignored.has(wrong) || !free(t.start, t.end) || deliberate(whole, p.norm, t.start, t.end, defined)) continue;
        ctx.report({ paragraph: p, start: t.start, end: t.end, messageId: 'likely', data: { wrong: p.text.slice(t.start, t.end), right: t.right }, suggestion: t.right, severity: softer });
      }
    }
  },
});
