// boilerplate (套话/空话/虚话): formulas that fit any document and say nothing, located one by one.
// Empty formulas (为…提供坚强保障, 取得明显成效, 奋力谱写…新篇章) are warnings; common formulas that are
// fine once (进一步加强, 高度重视, 压实责任) are info, so an office can raise or silence them; a sentence
// made mostly of formulas is one finding for the whole sentence. The dictionary is data —
// rules/data/boilerplate.json: listed entries and families written as small grammars
// (rules/formula-pattern.ts) in which 、，, and spaces are interchangeable and "…" takes inserted content.
import { PhraseMatcher, defineRule, loadData, parseHeadingMarker, type LocalText, type Paragraph, type Severity } from '../src/plugin-api.js';
import { isContentAt } from '../src/text/content-char.js';
import { TextMemo } from '../src/text/text-memo.js';
import { loadCompiledMatcher, loadGenerated } from '../src/text/load-data.js';
import { compilePattern, formCount } from './formula-pattern.js';
import { isConcrete } from './specificity.js';

type Category = 'empty' | 'overused' | 'hedge' | 'slogan' | 'opening' | 'closing';

interface Entry {
  id: string;
  pattern: string;
  category: Category;
  explanation: LocalText;
  suggestion?: LocalText;
  source?: string;
}

interface Family {
  id: string;
  category: Category;
  patterns: string[];
  explanation: LocalText;
  suggestion?: LocalText;
  source: string;
  gapMax?: number;
}

/** A lead-in found by its shape rather than its words: a regular expression at the start of a paragraph. */
interface LeadIn extends Omit<Entry, 'pattern'> {
  pattern: string;
}

export interface Dictionary {
  leadIn?: LeadIn;
  gapMax?: number;
  separators?: string;
  slots?: Record<string, string[]>;
  families?: Family[];
  entries: Entry[];
}

/** Categories reported as warnings at each hit; the others are common formulas, reported as info. */
const EMPTY: ReadonlySet<Category> = new Set(['empty', 'slogan', 'closing']);

const DATA = new URL('./data/boilerplate.json', import.meta.url);
/** The dictionary's matcher compiled at build time (scripts/build-matchers.mjs), phrase values as indices into `dictionaryEntries`. */
const COMPILED = new URL('./data/generated/boilerplate.matcher', import.meta.url);
const dictionary = (): Dictionary => loadData<Dictionary>(DATA);

/**
 * What a plain run needs of the dictionary beside its compiled matcher: the entries the matcher's values
 * index (explanations and suggestions written once, by index into `texts`), the lead-in and the slots.
 * The build writes it beside the matcher (rules/data/generated/boilerplate.entries, JSON), so a run
 * does not parse the whole dictionary with its sources to map indices back to entries.
 */
export interface DictionaryDigest {
  texts: LocalText[];
  /** [id, pattern, category, explanation, suggestion] with texts as indices into `texts`, -1 for none. */
  entries: Array<[string, string, Category, number, number]>;
  leadIn?: LeadIn;
  slots?: Record<string, string[]>;
}
const DIGEST = new URL('./data/generated/boilerplate.entries', import.meta.url);

/** The digest of `dict` (written at build time; sources are left out, nothing at run time reads them). */
export function digestDictionary(dict: Dictionary): DictionaryDigest {
  const texts: LocalText[] = [];
  const seen = new Map<string, number>();
  const text = (t: LocalText | undefined): number => {
    if (!t) return -1;
    const key = JSON.stringify(t);
    let i = seen.get(key);
    if (i === undefined) seen.set(key, (i = texts.push(t) - 1));
    return i;
  };
  const entries = [...dictionaryEntries(dict)].map(({ entry: e }): DictionaryDigest['entries'][number] => [e.id, e.pattern, e.category, text(e.explanation), text(e.suggestion)]);
  return { texts, entries, ...(dict.leadIn ? { leadIn: dict.leadIn } : {}), ...(dict.slots ? { slots: dict.slots } : {}) };
}

/** The digest's entries, one object per index as `dictionaryEntries` yields them. */
export function digestEntries(d: DictionaryDigest): Entry[] {
  // A plain loop with indexed reads: destructuring and spreads cost a few ms here, running cold once per run.
  const entries: Entry[] = [];
  const texts = d.texts;
  for (const r of d.entries) {
    const entry: Entry = { id: r[0], pattern: r[1], category: r[2], explanation: texts[r[3]]! };
    if (r[4] >= 0) entry.suggestion = texts[r[4]]!;
    entries.push(entry);
  }
  return entries;
}

let digestCache: DictionaryDigest | null | undefined;
/** The build's digest, or null where there is none (from the sources, the page): then the dictionary itself. */
function digest(): DictionaryDigest | null {
  return (digestCache ??= loadGenerated<DictionaryDigest>(DIGEST) ?? null);
}

/** Separators that may stand for one another, or be missing, inside a formula. */
const DEFAULT_SEPARATORS = '、，, ';
/** A gap (the inserted topic) stays inside one clause. */
const GAP_BREAK = /[。！？；!?;\n，,：:]/;
const SENTENCE_END = '。！？；!?;';
/** How far a look for the rest of a clause or sentence goes: a paragraph pasted without full stops stays linear. */
const SENTENCE_WINDOW = 200;

interface Options {
  commonSeverity: Severity;
  sentenceShare: number;
  maxPerThousand?: number;
  minCount: number;
  ignore: string[];
  add: Array<Partial<Entry> & { pattern: string }>;
}

/** One matcher per distinct ignore/add setting (options objects are new for every file). */
const matchers = new Map<string, PhraseMatcher<Entry>>();

/** Each listed entry and each family pattern, as the entries the matcher reports. */
function* dictionaryEntries(dict: Dictionary): Generator<{ entry: Entry; gapMax?: number }> {
  for (const e of dict.entries) yield { entry: e };
  for (const f of dict.families ?? []) {
    for (const pattern of f.patterns) {
      const entry: Entry = { id: f.id, pattern, category: f.category, explanation: f.explanation, source: f.source, ...(f.suggestion ? { suggestion: f.suggestion } : {}) };
      yield f.gapMax === undefined ? { entry } : { entry, gapMax: f.gapMax };
    }
  }
}

/** How large the dictionary is: listed entries, families, patterns and the surface forms they stand for. */
export function dictionarySize(): { entries: number; families: number; patterns: number; forms: number; unsourced: number } {
  const dict = dictionary();
  let patterns = 0;
  let forms = 0;
  let unsourced = 0;
  for (const { entry } of dictionaryEntries(dict)) {
    patterns++;
    if (!entry.source) unsourced++;
    for (const c of compilePattern(entry.pattern, dict.slots)) forms += formCount(c); // separators not multiplied in
  }
  return { entries: dict.entries.length, families: dict.families?.length ?? 0, patterns, forms, unsourced };
}

/**
 * The dictionary's formulas, less the ignored ids and patterns, plus `add`, as one matcher; `entries`
 * lists the dictionary's entries in the order they were added (what a compiled matcher's values index).
 */
export function compileDictionary(dict: Dictionary, ignore: readonly string[] = [], extra: Options['add'] = []): { matcher: PhraseMatcher<Entry>; entries: Entry[] } {
  const gapMax = dict.gapMax ?? 20;
  const separators = dict.separators ?? DEFAULT_SEPARATORS;
  const matcher = new PhraseMatcher<Entry>({ gapMax, gapMin: 0, gapBreak: GAP_BREAK });
  const ignored = new Set(ignore);
  const entries: Entry[] = [];
  const add = (entry: Entry, familyGap?: number): void => {
    for (const c of compilePattern(entry.pattern, dict.slots, separators)) matcher.addParts(c.parts, entry, c.gaps.map((g) => g ?? familyGap ?? gapMax));
  };
  for (const { entry, gapMax: g } of dictionaryEntries(dict)) {
    entries.push(entry);
    if (!ignored.has(entry.id) && !ignored.has(entry.pattern)) add(entry, g);
  }
  for (const [i, e] of extra.entries()) {
    add({
      id: e.id ?? `custom-${i + 1}`,
      pattern: e.pattern,
      category: e.category ?? 'empty',
      explanation: typeof e.explanation === 'string' ? { zh: e.explanation, en: e.explanation } : (e.explanation ?? { zh: '本单位列入的套话', en: 'listed as boilerplate by your office' }),
      ...(e.suggestion ? { suggestion: typeof e.suggestion === 'string' ? { zh: e.suggestion, en: e.suggestion } : e.suggestion } : {}),
    });
  }
  return { matcher, entries };
}

function matcherFor(options: Options): PhraseMatcher<Entry> {
  const key = JSON.stringify([options.ignore, options.add]);
  const cached = matchers.get(key);
  if (cached) return cached;
  let matcher: PhraseMatcher<Entry> | undefined;
  const d = !options.ignore.length && !options.add.length ? digest() : null;
  if (d) {
    // The whole dictionary: compiled at build time, read in one go with the entries its values index.
    const entries = digestEntries(d);
    matcher = loadCompiledMatcher(COMPILED, (i) => entries[i as number]!);
  }
  matcher ??= compileDictionary(dictionary(), options.ignore, options.add).matcher;
  matchers.set(key, matcher);
  return matcher;
}

let leadInCache: { re: RegExp; entry: Entry } | undefined;

function leadInFor(options: Options): { re: RegExp; entry: Entry } | undefined {
  const d = (digest() ?? dictionary()).leadIn;
  if (!d || options.ignore.includes(d.id)) return undefined;
  leadInCache ??= { re: new RegExp(d.pattern, 'u'), entry: d };
  return leadInCache;
}

/** Overlapping hits are one formula ("切实加强组织领导" = 切实加强 + 加强组织领导). */
interface Formula {
  start: number;
  end: number;
  entries: Entry[];
}

function mergeHits(hits: Array<{ start: number; end: number; value: Entry }>): Formula[] {
  const out: Formula[] = [];
  for (const h of [...hits].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1);
    if (last && h.start < last.end) {
      last.end = Math.max(last.end, h.end);
      if (!last.entries.includes(h.value)) last.entries.push(h.value);
    } else out.push({ start: h.start, end: h.end, entries: [h.value] });
  }
  return out;
}

/** Letters and digits in text[start, end): what a sentence says, punctuation aside. */
function contentChars(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isContentAt(text, i)) n++;
  return n;
}

/** Sentences of a paragraph as [start, end) without leading spaces. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_END.includes(text[i]!)) {
      let s = start;
      while (s < i && /\s/.test(text[s]!)) s++;
      if (s < i) out.push({ start: s, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** 根据《…法》第N条, 按照《关于…的通知》（…〔2022〕14号）要求: a lead-in naming its legal basis is not an opening formula. */
const LEGAL_BASIS = /《[^》]+》[^，。；]*?(?:第[一二三四五六七八九十百零〇\d]+条|〔\d{4}〕\s*\d+\s*号)|《关于[^》]+》/u;
function citesLegalBasis(text: string, f: Formula): boolean {
  if (!f.entries.every((e) => e.category === 'opening')) return false;
  const clause = text.slice(f.start, f.end);
  return /^(?:根据|按照|依据|依照|遵照)/u.test(clause) && LEGAL_BASIS.test(clause) && !/精神|重要指示|重要讲话|决策部署/u.test(clause.replace(/《[^》]*》/gu, ''));
}

/** Where a numbered paragraph's heading ends: its first sentence when that is short (（一）加强组织领导。), else nowhere. */
function runInHeadingEnd(text: string): number {
  const m = /[。！？；!?;]/u.exec(text);
  const end = m ? m.index : text.length;
  return end <= 30 ? end : 0;
}

const isEmpty = (f: Formula): boolean => f.entries.some((e) => EMPTY.has(e.category));

/** Intensifiers that also open a bare pair (加快推进, 精心组织) besides the dictionary's {INT}. */
const MORE_INTENSIFIERS = ['加快', '协同', '整体', '一体', '系统', '高位', '强力', '精心', '周密', '科学'];
const MORE_VERBS = ['组织', '部署', '安排', '谋划', '贯彻'];
let bareCache: RegExp | undefined;
/** An intensifier and a verb, nothing else (全面开展, 加快推进): what follows decides whether it says anything. */
function barePair(): RegExp {
  const slots = (digest() ?? dictionary()).slots ?? {};
  bareCache ??= new RegExp(`^(?:${[...(slots.INT ?? []), ...MORE_INTENSIFIERS].join('|')})(?:${[...(slots.VERB ?? []), ...MORE_VERBS].join('|')})$`, 'u');
  return bareCache;
}
/** What follows a bare pair that leaves it empty: nothing, or a vague object (工作, 各项工作, 落实). */
const VAGUE_OBJECT = /^(?:各项|有关|相关|此项|这项|本项|各方面|)?(?:工作|任务|落实|贯彻落实|建设|管理)?$/u;
/** …or an abstract object with no figure in it: a spirit to carry out, a feeling or a level to raise (群众获得感, 服务质量). */
const ABSTRACT_OBJECT = /(?:精神|要求|部署|决策部署|理念|思想|指示|方针|获得感|幸福感|安全感|满意度|意识|能力|水平|质量|效能|效率|成效|实效|品质|品味|品位|形象|作用|责任感|紧迫感|使命感|认识|站位|合力|力度|保障|氛围|环境|营商环境|发展环境)$/u;

/** A bare intensifier-verb pair with a concrete object (全面开展消防安全检查) is a plain instruction, not a formula. */
function concretePair(text: string, f: Formula, next: Formula | undefined): boolean {
  if (!barePair().test(text.slice(f.start, f.end).replace(/[、，,\s]/g, ''))) return false;
  // Clauses are short; the look stops after SENTENCE_WINDOW characters so a paragraph without commas stays linear.
  const end = clauseEnd(text, f.end);
  // Stacked on the next formula (进一步加强…确保落到实处 in one clause): formulas, not an instruction.
  if (next && next.start >= f.end && next.start <= f.end + 2 && next.start < end) return false;
  const rest = text.slice(f.end, end).trim().replace(/[的地]$/u, '');
  if (VAGUE_OBJECT.test(rest)) return false;
  // 进一步提高审批效率，将办理时限由20个工作日压缩至10个: the figure that follows in the sentence makes it an instruction.
  return /\d/.test(text.slice(f.end, sentenceEndAfter(text, end))) || !ABSTRACT_OBJECT.test(rest);
}

/** Where the clause holding text[at] ends (the next ，。；：, at most SENTENCE_WINDOW characters on). */
function clauseEnd(text: string, at: number): number {
  const m = GAP_BREAK.exec(text.slice(at, at + SENTENCE_WINDOW));
  return m ? at + m.index : Math.min(text.length, at + SENTENCE_WINDOW);
}

/** A unit named by its place and office (区住建局, 市财政局, 县交通运输局): the doer of an assignment. */
const NAMED_UNIT = /[省市县区镇乡](?!委|政府)[\p{Script=Han}]{1,6}(?:局|厅|委员会|办公室|中心|公司|街道|医院|学校)/u;

/** Counted political formulas (四个意识, 两个维护) name no quantity: left out when judging what a formula holds. */
const COUNTED_NAME = /[一二三四五六七八九十两]个(?=[\p{Script=Han}])/gu;

/**
 * A common formula with a figure written into it or right after it in the same clause (统筹安排2000万元,
 * 确保6月底前完成), or after 由 + who does it (其余由区级财政统筹安排), is an instruction, not a formula. Figures
 * only: the specificity rule's wider test (named units, places) cost recall on unseen drafts without raising precision.
 */
function concreteClause(text: string, f: Formula): boolean {
  // Openings are judged by their sentence (framesConcreteSentence): 为贯彻落实党中央、国务院…精神 names units and is still a preamble.
  if (f.entries.some((e) => EMPTY.has(e.category) || e.category === 'opening')) return false;
  const inner = text.slice(f.start, f.end).replace(COUNTED_NAME, '');
  const tail = text.slice(f.end, clauseEnd(text, f.end));
  if (/\d/.test(inner) || /\d/.test(tail)) return true;
  // 压实区住建局、区城管局的监管责任: the unit named inside the formula is who does it.
  if (NAMED_UNIT.test(inner)) return true;
  // 其余由区级财政统筹安排: the clause names who does it, so the verb is an assignment.
  let start = f.start;
  const first = Math.max(0, f.start - SENTENCE_WINDOW);
  while (start > first && !GAP_BREAK.test(text[start - 1]!)) start--;
  return /由[^由]{2,}$/u.test(text.slice(start, f.start));
}

/** The sentence around text[at], at most SENTENCE_WINDOW characters either side. */
function sentenceAround(text: string, at: number): string {
  let s = at;
  const first = Math.max(0, at - SENTENCE_WINDOW);
  while (s > first && !SENTENCE_END.includes(text[s - 1]!)) s--;
  return text.slice(s, sentenceEndAfter(text, at));
}

/** Where the sentence holding text[at] ends, looking no further than SENTENCE_WINDOW characters. */
function sentenceEndAfter(text: string, at: number): number {
  let e = at;
  const limit = Math.min(text.length, at + SENTENCE_WINDOW);
  while (e < limit && !SENTENCE_END.includes(text[e]!)) e++;
  return e;
}

/**
 * 按照…统一部署，3月起在全市… / 与去年相比还有差距，全市仍有12个村…: a lead-in naming its basis in a sentence
 * that says something concrete, or a shortfall followed by its specifics, is the sentence's frame, not a formula.
 */
function framesConcreteSentence(text: string, f: Formula): boolean {
  const clause = text.slice(f.start, f.end);
  const lead = f.entries.every((e) => e.category === 'opening') && /^(?:根据|按照|依据|依照|遵照)/u.test(clause) && !/精神|重要指示|重要讲话/u.test(clause);
  if (lead) return isConcrete(sentenceAround(text, f.start).replace(clause, ''));
  // A shortfall named with its figures after it (还有差距，全市仍有12个村未完成); a bare frame (在肯定成绩的同时) stays a formula.
  if (!f.entries.every((e) => e.id === 'self-assessment') || !/差距|不足|短板|薄弱/u.test(clause)) return false;
  return isConcrete(text.slice(f.end, sentenceEndAfter(text, f.end)));
}

/** The formulas of a paragraph's matching view, as the check filters them: a function of the text alone. */
function formulasIn(norm: string, matcher: PhraseMatcher<Entry>, leadIn: { re: RegExp; entry: Entry } | undefined, letter: boolean): Formula[] {
  const found = matcher.find(norm);
  if (leadIn) {
    const m = leadIn.re.exec(norm);
    if (m) found.push({ value: leadIn.entry, start: m.index + m[0].length - m[0].trimStart().length, end: m.index + m[0].length });
  }
  const merged = mergeHits(found);
  // merged is sorted and its formulas do not overlap: the one after f is the only one that can stack on it.
  return merged.filter(
    (f, i) =>
      !concretePair(norm, f, merged[i + 1]) &&
      !citesLegalBasis(norm, f) &&
      !concreteClause(norm, f) &&
      !framesConcreteSentence(norm, f) &&
      !(letter && THANKS.test(norm.slice(f.start, f.end))),
  );
}

/** Formulas by paragraph text from this check and the one before, per matcher, lead-in and letter-or-not (all the inputs besides the text). */
const memos = new WeakMap<PhraseMatcher<Entry>, Map<string, TextMemo<Formula[]>>>();
function memoFor(matcher: PhraseMatcher<Entry>, leadIn: { re: RegExp; entry: Entry } | undefined, letter: boolean): { get(norm: string): Formula[] } {
  let byInputs = memos.get(matcher);
  if (!byInputs) memos.set(matcher, (byInputs = new Map()));
  const key = `${leadIn ? leadIn.re.source : ''}\u0000${letter ? 1 : 0}`;
  let memo = byInputs.get(key);
  if (!memo) byInputs.set(key, (memo = new TextMemo()));
  memo.nextCheck();
  const m = memo;
  const compute = (norm: string): Formula[] => formulasIn(norm, matcher, leadIn, letter);
  return { get: (norm) => m.get(norm, compute) };
}

/** Thanks in a letter (函) are the letter's form (特此函告，对贵单位的支持表示衷心感谢), not a formula. */
const THANKS = /感谢|谢意/u;
const isLetter = (paragraphs: readonly Paragraph[]): boolean => {
  const title = paragraphs.find((p) => p.kind === 'title') ?? paragraphs.find((p) => p.norm.trim());
  return !!title && /函$|的函/u.test(title.norm.trim());
};

export default defineRule<Options>({
  meta: {
    id: 'boilerplate',
    description: { zh: '套话、空话、虚话（空话为警告，常用套语为提示，整句套话合为一处）', en: 'boilerplate: empty formulas as warnings, common ones as info, a sentence of formulas as one finding' },
    defaultSeverity: 'warning',
    docs: 'docs/rules/boilerplate.md',
    messages: {
      empty: { zh: '套话："{text}"——{why}', en: 'boilerplate: "{text}" — {why}' },
      common: { zh: '常用套语："{text}"——{why}', en: 'common formula: "{text}" — {why}' },
      sentence: { zh: '本句几乎全是套话（{phrases}）', en: 'this sentence is almost all formulas ({phrases})' },
      overused: {
        zh: '"{text}"出现 {count} 次（每千字 {density} 次，超过 {limit}），位置：第 {lines} 段——{why}',
        en: '"{text}" appears {count} times ({density} per thousand characters, over {limit}), at paragraphs {lines} — {why}',
      },
    },
    options: {
      commonSeverity: { type: 'string', default: 'info', enum: ['off', 'info', 'warning', 'error'], description: 'severity of common formulas (进一步加强, 高度重视): info by default; off silences them' },
      sentenceShare: { type: 'number', default: 0.6, min: 0, max: 1, description: 'a sentence whose letters are at least this share formulas (two or more) is one finding' },
      maxPerThousand: { type: 'number', min: 0, description: 'deprecated: also report a common formula repeated more often than this per thousand characters (a warning with its count)' },
      minCount: { type: 'number', default: 3, min: 1, description: 'deprecated, with maxPerThousand: and at least this many times' },
      ignore: { type: 'string[]', default: [], description: 'entry or family ids, or patterns, to silence' },
      add: { type: 'array', default: [], description: 'extra entries: { pattern, category?, explanation?, suggestion? }' },
    },
  },
  check(doc, ctx) {
    const o = ctx.options;
    const matcher = matcherFor(o);
    const leadIn = leadInFor(o);
    const chars = doc.paragraphs.reduce((n, p) => n + p.norm.replace(/\s/g, '').length, 0);
    const perThousand = (n: number): number => (n * 1000) / Math.max(chars, 1);
    const repeated = new Map<string, Array<{ p: Paragraph; f: Formula }>>();
    const join = ctx.locale === 'zh' ? '、' : ', ';
    let hits = 0;
    const reportFormula = (p: Paragraph, f: Formula, sectionHeading = false): void => {
      const e = f.entries.find((x) => EMPTY.has(x.category)) ?? f.entries[0]!;
      // A title names its subject in the usual words (奋进新征程 建功新时代): a formula there is common, never a warning.
      const empty = EMPTY.has(e.category) && p.kind !== 'title';
      if (!empty && (o.commonSeverity === 'off' || sectionHeading)) return;
      ctx.report({
        paragraph: p,
        start: f.start,
        end: f.end,
        messageId: empty ? 'empty' : 'common',
        data: { text: p.text.slice(f.start, f.end), why: e.explanation[ctx.locale] },
        ...(e.suggestion ? { suggestion: e.suggestion } : {}),
        ...(!empty && o.commonSeverity !== ctx.severity ? { severity: o.commonSeverity as Exclude<Severity, 'off'> } : {}),
      });
    };
    const letter = isLetter(doc.paragraphs);
    const memo = memoFor(matcher, leadIn, letter);
    for (const p of doc.paragraphs) {
      const formulas = memo.get(p.norm);
      if (!formulas.length) continue;
      // Titles and headings are labels (八、加强组织领导): their formulas are reported one by one, never as a sentence;
      // a heading's common formulas (加强组织领导, 强化责任落实) just name the section and are not reported at all.
      // A short line with no sentence end is a label too (a subtitle where the reader knows no styles: .doc, text).
      const heading = p.kind === 'title' || p.kind === 'heading' || parseHeadingMarker(p.text) !== undefined || isLabelLine(p.norm);
      // A run-in heading (（一）加强组织领导。市局…) is a heading up to its first full stop, then body text.
      const headEnd = p.kind === 'heading' ? p.norm.length : parseHeadingMarker(p.text) !== undefined ? runInHeadingEnd(p.norm) : 0;
      hits += formulas.length;
      for (const f of formulas) {
        if (EMPTY.has(f.entries[0]!.category)) continue;
        const key = p.norm.slice(f.start, f.end).replace(/[、，,\s]/g, '');
        const list = repeated.get(key) ?? [];
        list.push({ p, f });
        repeated.set(key, list);
      }
      let next = 0;
      for (const s of sentences(p.norm)) {
        const inside: Formula[] = [];
        while (next < formulas.length && formulas[next]!.start < s.end) {
          if (formulas[next]!.end <= s.end) inside.push(formulas[next]!);
          else reportFormula(p, formulas[next]!, formulas[next]!.end <= headEnd);
          next++;
        }
        if (!inside.length) continue;
        const content = contentChars(p.norm, s.start, s.end);
        const covered = inside.reduce((n, f) => n + contentChars(p.norm, f.start, f.end), 0);
        if (!heading && inside.length >= 2 && covered >= content * o.sentenceShare) {
          const phrases = inside.slice(0, 4).map((f) => `"${p.text.slice(f.start, f.end)}"`).join(join) + (inside.length > 4 ? '…' : '');
          const first = inside.find(isEmpty) ?? inside[0]!;
          const e = first.entries[0]!;
          ctx.report({ paragraph: p, start: s.start, end: s.end, messageId: 'sentence', data: { phrases }, suggestion: e.suggestion ?? { zh: '删去整句，或改写为具体措施：谁、做什么、何时完成', en: 'cut the sentence, or say who does what by when' } });
        } else for (const f of inside) reportFormula(p, f, f.end <= headEnd);
      }
      for (; next < formulas.length; next++) reportFormula(p, formulas[next]!, formulas[next]!.end <= headEnd);
    }
    // Deprecated: a common formula repeated above a density, reported once with its count.
    if (o.maxPerThousand !== undefined) {
      for (const [text, places] of repeated) {
        const density = perThousand(places.length);
        if (places.length < o.minCount || density <= o.maxPerThousand) continue;
        const { p, f } = places[0]!;
        const lines = [...new Set(places.map((h) => h.p.index + 1))].join(join);
        const e = f.entries[0]!;
        ctx.report({
          paragraph: p,
          start: f.start,
          end: f.end,
          messageId: 'overused',
          data: { text, count: places.length, density: density.toFixed(1), limit: o.maxPerThousand, lines, why: e.explanation[ctx.locale] },
          ...(e.suggestion ? { suggestion: e.suggestion } : {}),
        });
      }
    }
    ctx.stat({ boilerplateHits: hits, boilerplatePerThousand: Math.round(perThousand(hits) * 100) / 100 });
  },
});

/** A line of at most 40 characters with no sentence end: a title, subtitle or heading, whatever the format says. */
function isLabelLine(norm: string): boolean {
  const text = norm.trim();
  return text.length > 0 && text.length <= 40 && !/[。；！？;!?]/.test(text);
}
