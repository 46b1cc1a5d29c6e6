// placeholder: numbers left blank ("原则上每年不超过次", "同比下降%", "储备编织袋万条") and template leftovers
// (blank dates "  年  月  日" / "2024年×月×日", X/×/○ for digits, 某某, bracketed prompts "【填写单位名称】",
// underscore lines, "第　条", "〔2024〕号"). A draft that goes out with them is unfinished.
//
// One pass over each paragraph: a counter or unit with no number before it is a blank when a quantity context
// stands before it, when it can never stand alone, or when a counter ends a clause after a noun — unless it is
// part of a word (人员, 项目, 车辆), in a quotation, or in a table cell. A gap of spaces before a counter, or a wide
// gap inside a sentence, is room left for a number or a name. Work per character is bounded, so a paragraph costs
// time in proportion to its length.
import { defineRule, loadData, type Paragraph } from '../src/plugin-api.js';
import { loadLexicon, type Lexicon } from '../src/text/lexicon.js';

interface PlaceholderData {
  clauseCounters: string;
  cueCounters: string;
  countedCueCounters: string;
  suffixCounters: string;
  gapUnits: string;
  scoreCues: string;
  units: string[];
  strongUnits: string[];
  magnitudes: string;
  unitSuffixes: string[];
  numerals: string;
  determiners: string;
  functionChars: string;
  cues: string[];
  verbCues: string[];
  strongClauseCues: string[];
  frames: string[];
  extraWords: string[];
  prompts: string[];
  promptBrackets: Array<[string, string]>;
  notLeftovers: string[];
  surnames: string;
  roleNouns: string;
  timeCues: string[];
  someSuffixes: string;
  roundPromptWords: string[];
  missing: MissingData;
}

interface MissingData {
  recurring: Array<[string, string]>;
  dateEnds: string;
  pairFirst: string;
  pairSecond: string;
  countVerbs: string[];
  countCounters: string;
  countCompounds: string[];
  comparisonCues: string[];
  comparisonUnits: string[];
  spanUnits: string[];
  deadlineCues: string[];
  scoreWords: string[];
  scoreLinks: string[];
  dayParts: string[];
  weekdays: string;
  nounCounters: string;
  looseCounters: string;
  nounFrames: string[];
  listUnits: string[];
  rangeUnits: string;
  deadlineEvents: string[];
  approxFrames: string[];
  bareCues: string[];
  totalUnits: string[];
  totalVerbs: string[];
}

interface Model {
  /** Units by their first character, longest first. */
  unitsByFirst: Map<string, string[]>;
  strongUnits: Set<string>;
  clauseCounters: Set<string>;
  cueCounters: Set<string>;
  countedCueCounters: Set<string>;
  suffixCounters: Set<string>;
  gapUnits: Set<string>;
  scoreCues: Set<string>;
  magnitudes: Set<string>;
  unitSuffixes: string[];
  counting: Set<string>;
  functionChars: Set<string>;
  cues: Set<string>;
  verbCues: Set<string>;
  maxCue: number;
  strongClauseCues: string[];
  frames: string[];
  words: SortedWords;
  prompts: string[];
  promptNouns: Set<string>;
  closers: Map<string, string>;
  notLeftovers: string[];
  surnames: Set<string>;
  role: RegExp;
  timeCues: string[];
  some: RegExp;
  roundPrompt: RegExp;
  missing: MissingData;
  cuesList: string[];
  countVerbSet: Set<string>;
  /** By code unit: a character findBlanks looks at (a unit's first character, a magnitude, 成分年月天日周余多). */
  blankStarts: Uint8Array;
  /** By code unit: an opening bracket of a prompt. */
  openers: Uint8Array;
  /** One pattern for every shape of findMissingNumbers, compiled on first use. */
  missingScan?: RegExp;
}

/**
 * The dictionary's words, kept as the data file holds them: per length, one string of the sorted words run together,
 * searched by halves in place. Neither splitting the list nor a Set of 30,000 strings is built, on every run.
 */
class SortedWords {
  constructor(
    private readonly byLength: Record<string, string>,
    private readonly extras: Set<string>,
  ) {}

  has(word: string): boolean {
    if (this.extras.has(word)) return true;
    const table = this.byLength[word.length];
    if (!table) return false;
    const len = word.length;
    let lo = 0;
    let hi = table.length / len - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      let d = 0;
      for (let k = 0, p = mid * len; k < len && d === 0; k++, p++) d = table.charCodeAt(p) - word.charCodeAt(k);
      if (d === 0) return true;
      if (d < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

let model: Model | undefined;

function buildModel(): Model {
  const d = loadData<PlaceholderData>(new URL('./data/placeholder.json', import.meta.url));
  const words = loadData<{ byLength: Record<string, string> }>(new URL('./data/placeholder-words.json', import.meta.url)).byLength;
  const unitsByFirst = new Map<string, string[]>();
  for (const u of [...d.units, ...d.clauseCounters, ...d.cueCounters]) {
    const list = unitsByFirst.get(u[0]!) ?? [];
    if (!list.includes(u)) list.push(u);
    unitsByFirst.set(u[0]!, list);
  }
  for (const list of unitsByFirst.values()) list.sort((a, b) => b.length - a.length);
  // Every other character is skipped by findBlanks at once, unless a space comes before it.
  const blankStarts = new Uint8Array(0x10000);
  for (const c of [...unitsByFirst.keys(), ...d.magnitudes, ...'成分年月天日周余多']) blankStarts[c.charCodeAt(0)] = 1;
  const openers = new Uint8Array(0x10000);
  for (const [open] of d.promptBrackets) if (open.length === 1) openers[open.charCodeAt(0)] = 1;
  return {
    unitsByFirst,
    strongUnits: new Set(d.strongUnits),
    clauseCounters: new Set([...d.clauseCounters, ...d.units.filter((u) => !d.strongUnits.includes(u))]),
    cueCounters: new Set(d.cueCounters),
    countedCueCounters: new Set(d.countedCueCounters),
    suffixCounters: new Set(d.suffixCounters),
    gapUnits: new Set(d.gapUnits),
    scoreCues: new Set(d.scoreCues),
    magnitudes: new Set(d.magnitudes),
    unitSuffixes: d.unitSuffixes,
    counting: new Set([...d.numerals, ...d.determiners]),
    functionChars: new Set(d.functionChars),
    cues: new Set(d.cues),
    verbCues: new Set(d.verbCues),
    maxCue: Math.max(...[...d.cues, ...d.verbCues].map((c) => c.length)),
    strongClauseCues: d.strongClauseCues,
    frames: d.frames,
    words: new SortedWords(words, new Set(d.extraWords)),
    prompts: d.prompts,
    promptNouns: new Set(d.prompts),
    closers: new Map(d.promptBrackets),
    notLeftovers: d.notLeftovers,
    surnames: new Set(d.surnames),
    role: new RegExp(`^(?:${d.roleNouns})$`),
    timeCues: d.timeCues,
    some: new RegExp(`某(?:${d.someSuffixes})`, 'g'),
    roundPrompt: new RegExp(d.roundPromptWords.join('|')),
    missing: d.missing,
    cuesList: d.cues.filter((c) => c.length > 1),
    countVerbSet: new Set(d.missing.countVerbs),
    blankStarts,
    openers,
  };
}

const HAN = /\p{Script=Han}/u;
// Where a blank counter ends its clause; a colon or question mark after a counter is rarely a blank's.
const CLAUSE_END = new Set([...'，。；、）」”』…,;)']);
const CLAUSE_BREAK = new Set([...'，。；：！？,;:!?\n']);
const SPACE = /[ \u3000\t\u00a0]/;
/** SPACE by code unit, for the loops that look at every character. */
const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0;
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const CN_NUMERAL = /[一二三四五六七八九十〇零]/;

/** Blank dates: "  年  月  日", "2024年 月 日", "6月 日", "20XX年X月X日", "××月××日", "○月○日". */
const DATE =
  /(?:(\d{4}|\d{2}[XxＸｘ×]{2}|\d{2}[ \t\u00a0]{1,8}|[XxＸｘ×○〇◯□＿_…]{2,8}|[ \t\u00a0]{1,12})?年[ \t\u00a0]{0,6})?(\d{1,2}|[XxＸｘ×○〇◯□＿_…]{1,6}|[ \t\u00a0]{1,8})?月(\d{1,2}|[XxＸｘ×○〇◯□＿_…]{1,6}|[ \t\u00a0]{1,8})?日/g;
const YEAR_MONTH = /(\d{4}|\d{2}[XxＸｘ×]{2}|\d{2}[ \t\u00a0]{1,8}|[XxＸｘ×]{2,4}|[ \t\u00a0]{1,12})年[ \t\u00a0]{0,6}([XxＸｘ×○〇◯]{1,2}|[ \t\u00a0]{1,8})月/g;
const MARKS = /\d{2}[XxＸｘ×]{2}年|[XxＸｘ×✕]+|[○〇◯]+|□{2,}|某某|[＿_]{2,}|第[ \u3000]{0,4}[条章款项节次届批期号轮位周名段层级季]|〔\d{4}〕号|\[\s*\]|【\s*】/g;
/** "20　年": a year with its last two digits left out (not "近20 年来", a number and a space from a PDF). */
const YEAR_GAP = /(?<![\d.])(?:19|20)([ \t\u00a0]{1,8})年(?![来间内以后前中里左多余])/g;
const BLANK_PART = /^(?:\d{0,2}[ \t\u00a0]+|.*[XxＸｘ×○〇◯□＿_…].*)$/;

/**
 * A date whose parts were left out with no spaces: "2024年月日前", "6月日前", "于年月日前", "日期：年月日". A label of
 * a form ("出生年月日：") and 日 in a word ("6月日均客流") are not blanks.
 */
function emptyDate(t: string, x: RegExpExecArray, m: Model): boolean {
  const year = x[1] !== undefined && /^\d{4}$/.test(x[1]);
  // "2024年月15日": a year and a day with the month between them left out.
  if (x[3]) return year && !x[2];
  const end = x.index + x[0].length;
  // "2024年3月日召开": a full date but for the day (not 日均, 日常: words that start at 日).
  if (year && x[2] && HAN.test(t[end] ?? '') && !isWord(t.slice(end - 1, end + 1), m)) return true;
  if (!/^(?:[前起止至后，。；、]|$)/.test(t.slice(end, end + 1))) return false;
  if (x[2] || (x[1] && /^\d{4}$/.test(x[1]))) return true;
  return !x[1] && (/[于在至到自：]$/.test(t.slice(0, x.index)) || t.trim() === x[0]);
}

type Reporter = (p: Paragraph, start: number, end: number, kind: 'blank' | 'after' | 'template' | 'date' | 'prompt', unit?: string) => void;

/** Leftovers found by their own shape: dates, X/×/○ for digits, 某某, underscore lines, 第　条, prompts in brackets. */
function findLeftovers(p: Paragraph, m: Model, covered: Uint8Array, inQuote: Uint8Array, report: Reporter): void {
  const t = p.norm;
  const take = (start: number, end: number): boolean => {
    for (let k = start; k < end; k++) if (covered[k]) return false;
    covered.fill(1, start, end);
    return true;
  };

  for (const re of [DATE, YEAR_MONTH]) {
    // A date ends in 日, a year and month in 月: most paragraphs have neither, and the patterns try every offset.
    if (!t.includes(re === DATE ? '日' : '月')) continue;
    re.lastIndex = 0;
    for (let x = re.exec(t); x; x = re.exec(t)) {
      const parts = x.slice(1).filter((s): s is string => s !== undefined && s !== '');
      if (!parts.some((s) => BLANK_PART.test(s)) && !(re === DATE && emptyDate(t, x, m))) continue;
      let start = x.index;
      while (start < x.index + x[0].length && SPACE.test(t[start]!)) start++;
      const end = x.index + x[0].length;
      if (start < end && take(start, end)) report(p, start, end, 'date');
    }
  }

  YEAR_GAP.lastIndex = 0;
  for (let x = YEAR_GAP.exec(t); x; x = YEAR_GAP.exec(t)) {
    // A template's gap is wide or full-width; one half-width space is how PDF text sets a number apart.
    if (x[1]!.length < 2 && !p.text.slice(x.index, x.index + x[0].length).includes('\u3000')) continue;
    const end = x.index + x[0].length;
    if (take(x.index, end)) report(p, x.index, end, 'date');
  }

  MARKS.lastIndex = 0;
  for (let x = MARKS.exec(t); x; x = MARKS.exec(t)) {
    const start = x.index;
    const end = start + x[0].length;
    const s = x[0];
    const before = t[start - 1] ?? '';
    const after = t[end] ?? '';
    if (/^[XxＸｘ×✕]+$/.test(s)) {
      // Part of a Latin word or code (XXL, Xbox, 0x1F), a product of numbers or sizes (3×4, 210mm×297mm), X光.
      // X203 (a county road), XX2024: a code, not a slot.
      if (LATIN.test(before) || LATIN.test(after) || (/[Xx]/.test(s) && DIGIT.test(after))) continue;
      const around = (c: string): boolean => DIGIT.test(c) || c === ')' || c === '）' || c === '²' || c === '³';
      if (around(before) && (around(after) || SPACE.test(after))) continue;
      if (/[×✕]/.test(s) && around(before) && (DIGIT.test(after) || SPACE.test(after))) continue;
      if (m.notLeftovers.some((w) => t.startsWith(w.slice(1), end) && /[Xx]/.test(w[0]!))) continue;
      // One letter among Han characters stands for a digit or a name only next to a number's place.
      if (s.length === 1 && !HAN.test(before) && !HAN.test(after) && !/[%％]/.test(after)) continue;
      // A name quoted with one letter withheld ("长江X号"数据集已脱敏) is quoted as it is.
      if (s.length === 1 && inQuote[start]) continue;
    } else if (/^[○〇◯]$/.test(s)) {
      // One ○ stands for a digit only before a counter or unit ("病○例"); elsewhere it is a bullet or a zero.
      if (CN_NUMERAL.test(before) || CN_NUMERAL.test(after) || !(m.unitsByFirst.has(after) || m.magnitudes.has(after))) continue;
    } else if (/^[○〇◯]+$/.test(s)) {
      // 二〇二四年: 〇 is a zero among numerals.
      if (CN_NUMERAL.test(before) || CN_NUMERAL.test(after)) continue;
    } else if (/^第/.test(s) && /^(?:来访|访问|访客)/.test(t.slice(end))) {
      // "你是本站第 位来访者": a web page's visit counter, its number an image.
      continue;
    } else if (s === '某某') {
      // 张某某: a name withheld on purpose, as 通报 do.
      if (m.surnames.has(before)) continue;
    }
    if (take(start, end)) report(p, start, end, 'template');
  }

  // 某村, 某公司, 某局 standing for a name — unless the paragraph anonymises people on purpose (张某, 李某某).
  // A case told with its names withheld (张某, 典型案例, 通报) says 某区 on purpose.
  const some = t.includes('某');
  const anonymised = /案例|案件|通报|曝光/.test(t) || (some && [...t.matchAll(/(.)某/gu)].some((y) => m.surnames.has(y[1]!)));
  m.some.lastIndex = 0;
  for (let x = anonymised || !some ? null : m.some.exec(t); x; x = m.some.exec(t)) {
    if (take(x.index, x.index + x[0].length)) report(p, x.index, x.index + x[0].length, 'template');
  }

  findPrompts(p, m, take, report);
}

/** A label, a heading's number or a signature before a gap: "第三条　", "一、　", "总　则". */
const GAP_LEAD = /^\s*(?:第[一二三四五六七八九十百零〇\d]+[编章节条款]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])?\s*$/;

/**
 * A wide gap inside a sentence where a name, a place or a date was to be typed: "由　　　负责", "请于　　前报送",
 * "联系人：　　　，电话". A 公文 sentence has no wide space inside it; a heading's number, spaced-out titles and
 * labels (总　则, 姓　名) and short lines are left alone.
 */
function findBareGaps(p: Paragraph, covered: Uint8Array, inQuote: Uint8Array, report: Reporter): void {
  const t = p.norm;
  const take = (start: number, end: number): boolean => {
    for (let k = start - 1; k <= end; k++) if (covered[k]) return false;
    covered.fill(1, start, end);
    return true;
  };
  if (!/[，。；]/.test(t) || t.trim().length <= 12) return;
  for (let i = 1; i < t.length; i++) {
    if (!isSpaceCode(t.charCodeAt(i)) || isSpaceCode(t.charCodeAt(i - 1))) continue;
    let j = i;
    while (j < t.length && isSpaceCode(t.charCodeAt(j))) j++;
    const wide = j - i >= 2 || p.text.slice(i, j).includes('\u3000');
    const before = t[i - 1]!;
    const after = t[j] ?? '';
    // A gap for a value: after a word or a label's colon, before more of the sentence or its end.
    const fill = (HAN.test(before) && HAN.test(t[i - 2] ?? '')) || before === '：';
    // 《食品安全国家标准　食品中农药最大残留限量》: a title quoted as it is set.
    if (wide && fill && !inQuote[i] && (HAN.test(after) || '，。；、）'.includes(after)) && !GAP_LEAD.test(t.slice(0, i)) && take(i, j)) report(p, i, j, 'template');
    i = j - 1;
  }
}

/** A bracketed template prompt: "【填写单位名称】", "（姓名）", "<联系人姓名>", "［具体数字］", "[此处输入正文]", an empty 《》. */
function findPrompts(p: Paragraph, m: Model, take: (s: number, e: number) => boolean, report: Reporter): void {
  const t = p.norm;
  for (let i = 0; i < t.length; i++) {
    if (!m.openers[t.charCodeAt(i)]) continue;
    const close = m.closers.get(t[i]!);
    if (!close) continue;
    // Prompts are short: look for the closing bracket within 20 characters, so the scan stays linear.
    const limit = Math.min(t.length, i + 22);
    let j = i + 1;
    while (j < limit && t[j] !== close && t[j] !== t[i]) j++;
    if (j >= limit || t[j] !== close) continue;
    const inner = t.slice(i + 1, j).trim();
    // "由（责任部门）配合": a bracket holding only a role or field noun stands in for the value when no name comes before it.
    const prev = t[i - 1] ?? '';
    // 【】, 〔〕, ［］ and angle brackets never hold a role as a label in a 公文 sentence; round ones do ("市发改委（牵头单位）").
    const round = t[i] === '（' || t[i] === '(' || t[i] === '《';
    const role = m.role.test(inner) && (!round || !HAN.test(prev) || m.functionChars.has(prev) || /[由请至到报交向]/.test(prev));
    // "参加会议人员：【参会人员名单】": inside a sentence 【】 hold a slot; at a paragraph's start, a label (【典型案例】).
    const inSentence = t[i] === '【' && t.slice(0, i).trim() !== '' && inner.length <= 16 && /^[\p{Script=Han}、]+$/u.test(inner);
    if ((role || inSentence || isPrompt(inner, t[i]!, t[j + 1] ?? '', m)) && take(i, j + 1)) report(p, i, j + 1, 'prompt');
    i = j;
  }
}

function isPrompt(inner: string, open: string, next: string, m: Model): boolean {
  const round = open === '（' || open === '(';
  if (!inner) return open !== '(' && open !== '{';
  if (/^[XxＸｘ×○〇◯…]+$/.test(inner)) return true;
  // Markdown links and footnotes: [text](url), [^1].
  if (open === '[' && (next === '(' || inner.startsWith('^'))) return false;
  if (/^(?:(?:请在?此处|请|此处|在此)?(?:填写|填入|输入|录入|写明)|此处|在此)/.test(inner) && inner.length <= 16) return true;
  const bare = inner.replace(/^(?:具体|实际)/, '');
  if (m.promptNouns.has(bare)) return true;
  if (round || open === '〔' || open === '《' || open === '「' || open === '『') {
    // Round brackets and book-title marks carry real text; only a prompt that names what to fill in counts.
    return m.roundPrompt.test(inner) && inner.length <= 10 && !/[，。；、]/.test(inner);
  }
  if (inner.length > 16) return false;
  if (m.prompts.some((w) => inner.includes(w))) return true;
  // Square brackets and angle brackets round a few Chinese words are never 公文 punctuation: a prompt ("[各单位]").
  return (open === '[' || open === '［' || open === '<' || open === '＜') && /^[\p{Script=Han}、\s]+$/u.test(inner);
}

/** Marks quotations (“…”, 《…》, 「…」, 『…』) so a unit quoted is not read as a blank. */
function quoted(t: string): Uint8Array {
  const mask = new Uint8Array(t.length);
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    // By code unit: “ 《 「 『 open, ” 》 」 』 close.
    const c = t.charCodeAt(i);
    if (c === 0x201c || c === 0x300a || c === 0x300c || c === 0x300e) depth++;
    else if ((c === 0x201d || c === 0x300b || c === 0x300d || c === 0x300f) && depth > 0) depth--;
    else if (depth > 0) mask[i] = 1;
    // A quotation never runs over a paragraph's sentences for long: an unpaired mark must not hide the rest.
    if (depth > 0 && (c === 0x3002 || c === 0x0a)) depth = 0;
  }
  return mask;
}

/**
 * Whether a word of the dictionary covers the unit at [i, i + len): it ends there (车辆) or starts there (人员).
 * A word that would start on the last character of the cue before the unit does not count: in "调整个，" the cue
 * is 调整, not the word 整个 (`cueEnd` is that character's offset, or -1).
 */
function inWord(t: string, i: number, len: number, m: Model, cueEnd: number): boolean {
  const end = i + len;
  for (let k = 1; k <= 3 && i - k >= 0; k++) if (i - k !== cueEnd && m.words.has(t.slice(i - k, end))) return true;
  for (let k = 1; k <= 3 && end + k <= t.length; k++) if (m.words.has(t.slice(i, end + k))) return true;
  // A unit inside a longer word: 个人所得 → 个人 starts at i already; 责任人员 → 人员 starts at i.
  return i >= 1 && end + 1 <= t.length && m.words.has(t.slice(i - 1, end + 1));
}

/** The unit that starts at i: a magnitude and a unit (万元, 万人, 万吨/年), else the longest unit or counter. */
function unitAt(t: string, i: number, m: Model): { unit: string; compound: boolean } | undefined {
  const c = t[i]!;
  if (m.magnitudes.has(c)) {
    const rest = unitAt(t, i + 1, m);
    if (rest && !m.magnitudes.has(rest.unit[0]!)) {
      let unit = c + rest.unit;
      const suffix = m.unitSuffixes.find((s) => t.startsWith(s, i + unit.length));
      if (suffix) unit += suffix;
      return { unit, compound: true };
    }
    if (!rest && (c === '万' || c === '亿') && /[吨亩头]/.test(t[i + 1] ?? '')) return { unit: c + t[i + 1], compound: true };
  }
  const list = m.unitsByFirst.get(c);
  if (!list) return undefined;
  const unit = list.find((u) => t.startsWith(u, i));
  return unit ? { unit, compound: false } : undefined;
}

/** The sentence around i is about scores: 分值, 考核, 考评, 评分, 总分, 绩效, 计分, 积分, 赋分. */
function scoreSentence(t: string, i: number): boolean {
  let a = i;
  while (a > 0 && i - a < 60 && !'。；！？\n'.includes(t[a - 1]!)) a--;
  let z = i;
  while (z < t.length && z - i < 30 && !'。；！？\n'.includes(t[z]!)) z++;
  return /分值|考核|考评|评分|总分|绩效|计分|积分|赋分|得分/.test(t.slice(a, z));
}

/** A number and the same counter earlier in the sentence that ends at `b` (156个农贸市场、个超市). */
function siblingCount(t: string, b: number, unit: string): boolean {
  for (let k = b - 1; k > 0 && b - k < 60; k--) {
    if ('。；！？\n'.includes(t[k]!)) return false;
    if (t.startsWith(unit, k) && /[0-9一二三四五六七八九十两]/.test(t[k - 1]!)) return true;
  }
  return false;
}

/** Whether a magnitude and a unit start at i (万元, 万人). */
function compoundAt(t: string, i: number, m: Model): boolean {
  return unitAt(t, i, m)?.compound ?? false;
}

let lexicon: Lexicon | null | undefined;

/**
 * Whether s is a word: the rule's own list of words around counters (人员, 个别), else jieba's lexicon that the
 * typo rule reads too (村民, 人才, 起来) — opened only when a candidate asks, so a clean draft never pays for it.
 * `minFrequency` (in jieba's counts) leaves out the dictionary's rare entries where they would hide a blank (分在).
 */
/** jieba's frequency bucket of s (twice the log2 of its count), −1 when s is no word there. */
function frequency(s: string): number {
  lexicon ??= loadLexicon(new URL('./data/generated/lexicon.u16', import.meta.url));
  return lexicon === null ? -1 : lexicon.bucket(s, 0, s.length);
}

function isWord(s: string, m: Model, minFrequency = 0): boolean {
  if (!minFrequency && m.words.has(s)) return true;
  lexicon ??= loadLexicon(new URL('./data/generated/lexicon.u16', import.meta.url));
  return lexicon !== null && lexicon.bucket(s, 0, s.length) >= (minFrequency ? 2 * Math.log2(minFrequency) : 0);
}

const GAP = '[ \\t\\u3000\\u00a0]*';
const NUMBER_CHARS = '0-9０-９一二三四五六七八九十百千两几';
const alternation = (xs: string[]): string => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('|');

function missingScan(m: Model): RegExp {
  const d = m.missing;
  const periods = alternation([...new Set(d.recurring.map(([p]) => p))]);
  const counters = alternation([...d.countCompounds, ...d.totalUnits, ...d.countCounters]);
  return new RegExp(
    [
      `(?<period>${periods})${GAP}(?<periodUnit>${alternation([...new Set(d.recurring.map(([, u]) => u))])})`,
      `(?<year>[0-9]{4}年)${GAP}(?<yearMonth>月)`,
      `(?<pairNumber>[${NUMBER_CHARS}]+)(?<pairFirst>[${d.pairFirst}])(?<pairSecond>[${d.pairSecond}])`,
      `(?<deadline>${alternation(d.deadlineCues)})${GAP}(?<deadlineUnit>${alternation(d.spanUnits)})(?=内)`,
      `(?<compare>${alternation(d.comparisonCues)})${GAP}(?<compareUnit>${alternation(d.comparisonUnits)})`,
      `(?<score>${alternation(d.scoreWords)})(?:${alternation(d.scoreLinks)})?${GAP}(?<scoreUnit>分)`,
      `(?<verb>${alternation(d.countVerbs)})${GAP}(?<verbUnit>${counters})`,
      `(?<spanUnit>${alternation(d.spanUnits)})(?=以内|之内)`,
      `(?<dayPart>${alternation(d.dayParts)})${GAP}(?<hour>时)`,
      `(?<clock>[0-9０-９]{1,2}时)${GAP}(?<minute>分)`,
      '(?<week>星期)',
      `(?<event>${alternation(d.deadlineEvents)})前${GAP}(?<eventUnit>个工作日|工作日|小时|天|日|周)`,
      `(?<approxCue>${alternation(m.cuesList)})(?<approxUnit>[${d.countCounters}])(?=${alternation(d.approxFrames)})`,
      `(?<bareCue>${alternation(d.bareCues)})(?=[，。；,;])`,
      `(?<hourRange>[时点][至到～~—－-])(?<hourTo>时)`,
      `(?<listComma>、)(?<listUnit>${alternation(d.listUnits)})(?=[，。；、,;]|$)`,
      `(?<rangeFrom>[${d.rangeUnits}])(?=[至到～~—－-][0-9０-９])`,
      `(?<secondCounter>[${d.pairFirst}])(?<secondUnit>[${d.pairSecond}])`,
      `(?<nounCounter>[${d.nounCounters}])(?=[，。；、]|${alternation(d.nounFrames)})`,
    ].join('|'),
    'g',
  );
}

/**
 * Numbers gone from shapes that always carry one: a recurring date (每年月, 每月日前), a second counter after a
 * count (35户人), a counter right after a verb of counting (剩余个问题, 转移人，), a bound (不低于年, 不少于学时),
 * a deadline (验收后日内, 个工作日内), a score (得分分以上), a clock time (上午时分, 9时分) and a weekday (星期).
 * One scan of the paragraph; each candidate is then checked against the words it could be part of instead.
 */
function findMissingNumbers(p: Paragraph, m: Model, covered: Uint8Array, inQuote: Uint8Array, report: Reporter): void {
  const t = p.norm;
  const re = (m.missingScan ??= missingScan(m));
  const d = m.missing;
  // A word that starts at `at` and runs two or three characters (人员, 人力资源, 个别): the unit is that word's.
  // A word of two characters loses to a more common one that starts on its second (户表 in 其中户表示: 表示).
  const startsWord = (at: number, len: number): boolean => {
    for (let k = 1; k <= 2 && at + len + k <= t.length; k++) {
      if (!HAN.test(t[at + len + k - 1]!) || !isWord(t.slice(at, at + len + k), m)) continue;
      if (len === 1 && k === 1 && !m.words.has(t.slice(at, at + 2)) && frequency(t.slice(at, at + 2)) < frequency(t.slice(at + 1, at + 3))) continue;
      return true;
    }
    return false;
  };
  const clauseEnd = (c: string | undefined): boolean => c === undefined || CLAUSE_END.has(c) || c === '：' || c === '\n';
  re.lastIndex = 0;
  for (let x = re.exec(t); x; x = re.exec(t)) {
    const g = x.groups!;
    const at = x.index;
    const end = at + x[0].length;
    re.lastIndex = at + 1;
    let start = at;
    let unit = '';
    if (g.period) {
      unit = g.periodUnit!;
      if (!d.recurring.some(([period, u]) => period === g.period && u === unit)) continue;
      const next = t[end];
      if (unit === '星期' || unit === '周') {
        if (next !== undefined && d.weekdays.includes(next)) continue;
      } else if (!(clauseEnd(next) || d.dateEnds.includes(next!)) && startsWord(end - unit.length, unit.length)) continue;
      start = end - unit.length;
    } else if (g.year) {
      // "2024年月底前": the month left out (not 2024年月度, 年月均: words that start at 月).
      unit = '月';
      const next = t[end];
      if (!(clauseEnd(next) || d.dateEnds.includes(next!)) && startsWord(end - 1, 1)) continue;
      start = end - 1;
    } else if (g.pairNumber) {
      const a = g.pairFirst!;
      unit = g.pairSecond!;
      const b = end - 1;
      // 一个个, 一户户: a count repeated; 人次, 户次: a unit; 个人, 名人, 户人家, 人员: words.
      if (a === unit || m.strongUnits.has(a + unit) || isWord(a + unit, m) || startsWord(b, 1)) continue;
      start = b;
    } else if (g.deadline) {
      unit = g.deadlineUnit!;
      if (m.counting.has(t[end - unit.length - 1] ?? '')) continue;
      // 在日内瓦; 在年内, 在工作日内: the year's own span, working days as such.
      if (g.deadline === '在' && (unit === '年' || unit === '工作日' || t[end + 1] === '瓦')) continue;
    } else if (g.compare) {
      unit = g.compareUnit!;
      const u = end - unit.length;
      // 不低于年度目标, 超过人均水平, 达到个人: the unit starts a word.
      if (startsWord(u, unit.length)) continue;
    } else if (g.score) {
      unit = '分';
      if (startsWord(end - 1, 1)) continue;
    } else if (g.verb) {
      unit = g.verbUnit!;
      const u = end - unit.length;
      const verb = g.verb;
      const before = t[at - 1] ?? '';
      if (d.totalUnits.includes(unit) && !d.totalVerbs.includes(verb)) continue;
      // 公共场所, 中共, 一共; 共处, 受灾户, 安置户: a word of the verb and the counter.
      if (verb === '共' && /[公中]/.test(before)) continue;
      // 剩余人员, 其中个别, 完成所有, 涉及村民, 开展起来: the counter starts a word (the rule's own list answers most).
      if (startsWord(u, unit.length)) continue;
      if (isWord(verb + unit, m)) continue;
      // "对种植户的服务": after a preposition or 的 the verb and counter name a kind (种植户, 安置户), not a count.
      if ('对向为给的被把'.includes(before) && before && !d.totalVerbs.includes(verb)) continue;
      // "未完成项": the items not done, a noun.
      if (/[未待]/.test(before) && verb === '完成') continue;
      const next = t[end];
      // After 有 or 共 alone the counter must stand before a common noun (有户经营者) or, for 共, end the clause.
      if (verb.length === 1 && !isWord(t.slice(end, end + 2), m, 100) && !(verb === '共' && clauseEnd(next))) continue;
      // "召开次会议": 会 begins a word here, not a modal verb.
      if (!(clauseEnd(next) || (next !== undefined && HAN.test(next) && (!m.functionChars.has(next) || isWord(t.slice(end, end + 2), m, 100))) || next === '的')) continue;
    } else if (g.spanUnit) {
      unit = g.spanUnit;
      const before = t[at - 1] ?? '';
      // 三天以内, 当天以内, 今年之内: the span has its number or is a word.
      if (!HAN.test(before) || m.counting.has(before) || isWord(before + unit, m) || isWord(t.slice(Math.max(0, at - 2), end), m)) continue;
      start = at - 1;
    } else if (g.dayPart) {
      unit = '时';
      const next = t[end] ?? '';
      // "定于上午时分召开": the hour of a meeting; "傍晚时分" alone is a time of day.
      if (!/[于日）)为]/.test(t.slice(Math.max(0, at - 3), at)) && !/[整至到前起0-9]/.test(next)) continue;
    } else if (g.clock) {
      unit = '分';
      // 9时分别召开: 分 starts a common word — unless a commoner one starts after it (9时分开始: 开始).
      if (isWord(t.slice(end - 1, end + 1), m, 100) && frequency(t.slice(end - 1, end + 1)) >= frequency(t.slice(end, end + 2))) continue;
      start = end - 1;
    } else if (g.week) {
      unit = '星期';
      const before = t[at - 1] ?? '';
      const next = t[end] ?? '';
      // 一个星期, 每星期, 本星期: a week, not a day; 星期三: a day.
      if (d.weekdays.includes(next) || m.counting.has(before) || /[个上下这周]/.test(before) || !/[（(日]/.test(before)) continue;
    } else if (g.event) {
      // "施工前天通过…发布": the notice period before an event, its number gone (not 前天内 either way).
      unit = g.eventUnit!;
      if (startsWord(end - unit.length, unit.length)) continue;
      start = end - unit.length - 1;
    } else if (g.approxCue) {
      // "每个网格原则上户左右": a counter between a quantity cue and 左右/以上, though 上户 is a word across them.
      unit = g.approxUnit!;
      start = end - 1;
    } else if (g.bareCue) {
      // "课时不少于。", "控制在，": the bound is all that is left.
      const before = t[at - 1] ?? '';
      if (/[有所断步明显大幅稳]/.test(before) || inQuote[at]) continue;
      let taken = false;
      for (let k = at; k < end; k++) if (covered[k]) taken = true;
      if (taken) continue;
      covered.fill(1, at, end);
      report(p, at, end, 'after', g.bareCue);
      re.lastIndex = end;
      continue;
    } else if (g.hourRange) {
      // "上午9时至时": the end of a span of hours.
      unit = '时';
      if (startsWord(end - 1, 1)) continue;
      start = end - 1;
    } else if (g.listComma) {
      // "拆除违法建筑处、平方米；": the list after a blank goes on without its numbers.
      unit = g.listUnit!;
      if (!covered[at - 1]) continue;
      start = at + 1;
    } else if (g.rangeFrom) {
      // "90分以上的为优秀，分至89分为良好": the lower end of a range left out.
      unit = g.rangeFrom;
      if (!CLAUSE_BREAK.has(t[at - 1] ?? '，') && t[at - 1] !== '、') continue;
    } else if (g.secondCounter) {
      // "惠及户人": a second counter right after a blank one (the first already reported) wants its number too.
      unit = g.secondUnit!;
      if (!covered[at] || covered[at + 1] || g.secondCounter === unit || isWord(t.slice(at, end), m) || startsWord(at + 1, 1)) continue;
      start = at + 1;
    } else if (g.nounCounter) {
      unit = g.nounCounter;
      if (!countedNoun(t, at, m)) continue;
    }
    if (inQuote[at]) continue;
    let taken = false;
    for (let k = start; k < end; k++) if (covered[k]) taken = true;
    if (taken) continue;
    covered.fill(1, start, end);
    report(p, start, end, 'blank', unit);
    // The last character may open the next shape (惠及户人: 户 then 人; 上午时至时).
    re.lastIndex = end - 1;
  }
}

/**
 * "共排查安全隐患处，", "出让合同份，", "接收退役军人人左右": a counter at a clause's end (or before 以外, 左右) after a noun
 * of two or three characters, or after a closing quote ("民间河长"名，). The noun must read as the word there (清单
 * at least as common as 单项), and noun and counter must not be a word together (困难户, 企业家, 办事处, 综合处).
 * Counters that also end names and verbs (户, 处, 所, 项, 家, 台, 人: 脱贫户, 司法所, 培养人) need a counting verb or
 * a quantity cue earlier in the clause.
 */
function countedNoun(t: string, i: number, m: Model): boolean {
  const d = m.missing;
  const unit = t[i]!;
  const framed = !CLAUSE_END.has(t[i + 1] ?? '');
  if (unit === '米' && !framed) return false;
  if (t[i - 1] === '”' || t[i - 1] === '」') return d.looseCounters.includes(unit) && !framed;
  if (i < 2 || !HAN.test(t[i - 1]!) || !HAN.test(t[i - 2]!)) return false;
  const loose = d.looseCounters.includes(unit);
  // The cheap tests first, so that a clean draft seldom opens the lexicon: a word of the rule's own list across the
  // counter (部门, 文件, 负责人), and for the counters that end names, the clause's counting verb or quantity cue.
  // (Where the noun is on that list too — 军人 before 名 — the lexicon's frequencies decide below.)
  if ((loose && !framed && m.words.has(t.slice(i - 1, i + 1)) && !m.words.has(t.slice(i - 2, i))) || m.words.has(t.slice(i - 2, i + 1))) return false;
  if (!loose && !countingClause(t, i - 2, m)) return false;
  // The noun: the longer word that ends right before the counter.
  const len = i >= 3 && HAN.test(t[i - 3]!) && frequency(t.slice(i - 3, i)) >= 0 ? 3 : 2;
  const noun = frequency(t.slice(i - len, i));
  if (noun < 0 || m.counting.has(t[i - len - 1] ?? '')) return false;
  // "接收退役军人人左右": before 左右 the doubled 人 is no word (人人) but a count.
  if (!framed && noun < frequency(t.slice(i - 1, i + 1))) return false;
  return !isWord(t.slice(i - len, i + 1), m) && !(i > len && isWord(t.slice(i - len - 1, i + 1), m));
}

/** A counting verb or a quantity cue in the clause that ends before `end`, with no 、 between (排查…, 共…, 超过…). */
function countingClause(t: string, end: number, m: Model): boolean {
  for (let k = end; k >= 0 && end - k < 22; k--) {
    const c = t[k]!;
    if (CLAUSE_BREAK.has(c) || c === '、') return false;
    for (const n of [2, 3]) {
      const w = t.slice(k - n, k);
      if (w.length === n && (m.verbCues.has(w) || m.cues.has(w) || m.countVerbSet.has(w))) return true;
    }
  }
  return false;
}

/** Counters and units with no number before them. */
function findBlanks(p: Paragraph, m: Model, covered: Uint8Array, inQuote: Uint8Array, report: Reporter): void {
  const t = p.norm;
  for (let i = 0; i < t.length; i++) {
    if (covered[i]) continue;
    // Only a few characters can start a blank, or any character after a space: the rest go by at the cost of a look-up.
    const afterSpace = i > 0 && isSpaceCode(t.charCodeAt(i - 1));
    if (!afterSpace && !m.blankStarts[t.charCodeAt(i)]) continue;
    // "走访农户　户", "检查　家企业": a counter right after a gap left for its number.
    if (afterSpace && !inQuote[i]) {
      const gap = gapBlank(t, i, m);
      // Spaced-out text, or a word after a slip of the space bar: no count at all.
      if (gap === 'none') continue;
      if (gap) {
        const end = i + gap.unit.length;
        covered.fill(1, gap.start, end);
        report(p, gap.start, end, 'blank', gap.unit);
        i = end - 1;
        continue;
      }
    }
    // "提高成以上", "不低于分，": tenths and a score right after a quantity context of two or more characters;
    // "，成以上在建筑业", "完好率在成以上": tenths opening a clause or after a one-character cue, before 以上/以下/左右;
    // "该项分值为分", "考评扣分", "总分的分": a score left out, in a sentence about scores (not 予以扣分).
    if ((t[i] === '成' || t[i] === '分') && !inQuote[i] && /^(?:[，。；、）,;]|以上|以下|左右|$)/.test(t.slice(i + 1, i + 3))) {
      let cue = '';
      for (let k = Math.min(m.maxCue, i); k >= 2 && !cue; k--) if (m.cues.has(t.slice(i - k, i))) cue = t.slice(i - k, i);
      const prev = t[i - 1] ?? '';
      const tenths = t[i] === '成' && /^(?:以上|以下|左右)/.test(t.slice(i + 1)) && (prev === '' || CLAUSE_BREAK.has(prev) || '在约近达超占逾'.includes(prev));
      const score = t[i] === '分' && /[为的扣加减占计]/.test(prev) && !/(?:予以|进行|酌情|一律|适当|不)$/.test(t.slice(Math.max(0, i - 3), i - 1)) && scoreSentence(t, i);
      if (cue || tenths || score) {
        const start = cue ? i - cue.length : tenths && '在约近达超占逾'.includes(prev) && prev ? i - 1 : i;
        covered.fill(1, start, i + 1);
        report(p, start, i + 1, 'blank', t[i]!);
        continue;
      }
    }
    // "为期年", "历时月完成": a span of time after 为期/历时/提前 with no number (not 年限, 年度, 月底: words).
    if ('年月天日周'.includes(t[i]!) && !inQuote[i] && (!HAN.test(t[i + 1] ?? '') || '完内后前以即的'.includes(t[i + 1]!))) {
      const cue = m.timeCues.find((c) => t.startsWith(c, i - c.length));
      if (cue) {
        covered.fill(1, i - cue.length, i + 1);
        report(p, i - cue.length, i + 1, 'blank', t[i]!);
        continue;
      }
    }
    // "排查风险点余处", "救助群众余人次": 余 or 多 with no numeral before it, after a noun (not 其余, 剩余, 许多, 众多).
    if ((t[i] === '余' || t[i] === '多') && !inQuote[i] && HAN.test(t[i - 1] ?? '') && !m.counting.has(t[i - 1]!) && !m.functionChars.has(t[i - 1]!) && !m.words.has(t.slice(i - 1, i + 1)) && !(t[i] === '余' ? /[其剩结盈业有残多]/ : /[许众诸较更最很好繁居过偏颇大]/).test(t[i - 1]!)) {
      const next = unitAt(t, i + 1, m);
      const after = next ? t[i + 1 + next.unit.length] ?? '' : '';
      if (next && !m.magnitudes.has(next.unit[0]!) && (t[i] === '余' ? !HAN.test(after) || m.functionChars.has(after) || m.frames.some((f) => t.startsWith(f, i + 1 + next.unit.length)) : after === '' || CLAUSE_END.has(after)) && !(next.unit.length === 1 && m.words.has(t.slice(i + 1, i + 3))) && !(t[i] === '多' && /^[头面层样种元方]/.test(next.unit))) {
        // 多头, 多元, 多方, 多层: words of their own ("避免多头、重复要求").
        const end = i + 1 + next.unit.length;
        covered.fill(1, i - 1, end);
        report(p, i - 1, end, 'blank', t.slice(i, end));
        i = end - 1;
        continue;
      }
    }
    if (!m.unitsByFirst.has(t[i]!) && !m.magnitudes.has(t[i]!)) continue;
    // "在工作日内", "于自然日": days of the week that are working days, a noun, not a count.
    if ((t.startsWith('工作日', i) || t.startsWith('自然日', i)) && '在于的'.includes(t[i - 1] ?? '')) {
      i += 2;
      continue;
    }
    const found = unitAt(t, i, m);
    if (!found) continue;
    const { unit, compound } = found;
    const len = unit.length;
    // The character before, over spaces: "不超过 次" is as blank as "不超过次".
    let b = i - 1;
    while (b >= 0 && SPACE.test(t[b]!)) b--;
    const before = t[b] ?? '';
    const after = t[i + len] ?? '';
    // "第三十条  条": a counter after a counter is a heading's echo, not a count — unless the noun before ends in
    // the same counter and the clause counts ("走访农户户，").
    const doubled = before === unit && HAN.test(t[b - 1] ?? '') && !m.counting.has(t[b - 1]!) && (m.words.has(t.slice(b - 1, b + 1)) || m.words.has(t.slice(b - 2, b + 1))) && '、，。；,;'.includes(after) && after !== '' && cueInClause(t, b - 1, m);
    // "普通床位每张元": per item, and the sum left out.
    const perItem = (m.clauseCounters.has(before) || m.cueCounters.has(before)) && t[b - 1] === '每' && (m.strongUnits.has(unit) || compoundAt(t, i, m));
    // A counter that ends a noun (军人, 事件) and not a number (三条, 每张) is part of the noun: read on.
    const nounEnd = (m.clauseCounters.has(before) || m.cueCounters.has(before)) && HAN.test(t[b - 1] ?? '') && !m.counting.has(t[b - 1]!) && m.words.has(t.slice(b - 1, b + 1));
    if (!doubled && !perItem && (m.counting.has(before) || covered[b] || ((m.clauseCounters.has(before) || m.cueCounters.has(before)) && !nounEnd))) {
      i += len - 1;
      continue;
    }
    let cue = '';
    let verb = false;
    for (let k = Math.min(m.maxCue, b + 1); k >= 1; k--) {
      const w = t.slice(b + 1 - k, b + 1);
      if (m.cues.has(w) || m.verbCues.has(w)) {
        cue = w;
        verb = !m.cues.has(w);
        break;
      }
    }
    const endsClause = after === '' || CLAUSE_END.has(after) || after === '的';
    const framed = m.frames.some((f) => t.startsWith(f, i + len));
    const strong = compound || m.strongUnits.has(unit);
    const worded = inWord(t, i, len, m, verb ? b : -1);
    let blank: boolean;
    if (doubled || perItem) {
      blank = true;
    } else if (!inQuote[i] && '、，。；,;'.includes(after) && after && HAN.test(before) && (m.clauseCounters.has(unit) || (m.cueCounters.has(unit) && !worded)) && countedItem(t, b, m, worded)) {
      // "共检查企业家、发现隐患处、整改问题个": each item of a count after a counting verb wants its number, even
      // where the noun and the counter make a word (企业家).
      blank = true;
    } else if (inQuote[i] && !(cue && !verb) && !strong) {
      // Quoted text is someone else's words (“个人”, 《…》 titles): only a number asked for outright counts there.
      blank = false;
    } else if (worded) {
      // "累计报告手足口病例，": a total asked for and no number given, though 病例 is a word.
      blank = (endsClause && m.clauseCounters.has(unit) && strongCueInClause(t, b, m)) || verbNounCount(t, b, i, unit, after, m);
    } else if (cue && unit === '类') {
      // 提升类, 新建类, 民生类: a kind named by what it does, not a count.
      blank = false;
    } else if (cue === '不到' && m.cueCounters.has(unit) && HAN.test(after)) {
      // "群众找不到人办事": 到 completes the verb before it; "人数不到人，" ends its clause.
      blank = false;
    } else if (cue && verb && after === '的' && '对向为给'.includes(t[b - cue.length] ?? '')) {
      // "强化对种植户的服务": after a preposition, verb and counter name a kind of household, not a count.
      blank = false;
    } else if (cue && (!verb || endsClause || framed || strong)) {
      // 人, 期, 天 and their kind are words of their own too often to follow a one-character cue (在人与…, 在部内).
      // A one-character cue (在, 后, 约) asks for a number only before a unit that needs one or at a clause's end.
      blank = cue.length > 1 || (!m.cueCounters.has(unit) && (strong || endsClause || framed));
    } else if (before === '、' && (m.clauseCounters.has(unit) || m.cueCounters.has(unit)) && HAN.test(after) && !worded && siblingCount(t, b, unit)) {
      // "156个农贸市场、个超市": an item of a list whose sibling has its number.
      blank = true;
    } else if (before === '的' && (m.clauseCounters.has(unit) || (/^(?:%|％|‰|个百分点)$/.test(unit)))) {
      // "表现出的个方面问题": a counter right after 的 has lost its number.
      blank = true;
    } else if (strong) {
      // After a word, not after a label's colon ("（单位：万元）"); "住院人次统计": a unit inside a noun phrase is a measure's name.
      blank = HAN.test(before) && before !== '位' && !(HAN.test(after) && !framed && !m.functionChars.has(after));
    } else {
      // 元, 张 and 项, 处, 家 end nouns and names too often (负责人, 综合处): a count only in a clause that counts.
      const needsCue = m.suffixCounters.has(unit) || m.countedCueCounters.has(unit);
      // "新增首贷户的企业": before 的 such a counter ends a name more often than a count.
      blank = (m.clauseCounters.has(unit) || m.countedCueCounters.has(unit)) && ((endsClause && !(needsCue && after === '的')) || framed) && HAN.test(before) && !m.functionChars.has(before) && (!needsCue || (!'头台口'.includes(unit) && cueInClause(t, b, m))) && !isName(t, i, m);
    }
    if (!blank) {
      // The whole unit was read: "微克/立方米" is not looked at again as "方" + "米".
      i += len - 1;
      continue;
    }
    const start = cue ? b + 1 - cue.length : Math.max(0, b);
    covered.fill(1, start, i + len);
    report(p, start, i + len, 'blank', unit);
    i += len - 1;
  }
}

/**
 * "排查隐患处，", "涉及资金元，", "慰问群众人，": a counting verb, a noun of two characters and a counter at an
 * item's end, where the counter makes a word only with the noun's last character (患处, 金元, 众人). Where noun and
 * counter make a longer word (走访企业家, 帮扶困难户, 设立办事处) the text names what was counted and is left alone.
 */
function verbNounCount(t: string, b: number, i: number, unit: string, after: string, m: Model): boolean {
  if (b < 3 || !after || !'、，。；,;'.includes(after)) return false;
  if (!m.clauseCounters.has(unit) && !m.countedCueCounters.has(unit) && unit !== '人') return false;
  if (m.words.has(t.slice(b - 1, i + unit.length)) || m.words.has(t.slice(b - 2, i + unit.length))) return false;
  // A verb of two characters right before a noun of two (a longer noun may end in a word with the counter: 困难农户).
  return m.verbCues.has(t.slice(b - 3, b - 1)) && HAN.test(t[b - 1]!) && !m.functionChars.has(t[b - 1]!);
}

/**
 * A counter or unit right after a gap of spaces that follows a word: the drafter left room for a number there
 * ("走访农户　户", "检查企业　家", "检查　家企业", "投资　万元", "得　分", "提高　成", "于　月"). A 公文 sentence has no
 * space inside it otherwise, so the gap is the evidence; the guards are for the text that has spaces of its own.
 * Returns where the gap starts and the unit; 'none' where the text's own spaces rule out any count here;
 * undefined where the gap says nothing (no word before it) and the other evidence decides.
 */
function gapBlank(t: string, i: number, m: Model): { start: number; unit: string } | 'none' | undefined {
  let b = i - 1;
  while (b >= 0 && SPACE.test(t[b]!)) b--;
  // A paragraph's indent is no gap.
  if (b < 0) return undefined;
  const before = t[b]!;
  if (!HAN.test(before) || m.counting.has(before)) return undefined;
  // After a gap, 万/亿 and any measure word are a count too (疫苗　万剂, 苗木　万株).
  const magnitude = m.magnitudes.has(t[i]!) && HAN.test(t[i + 1] ?? '') ? t.slice(i, i + 2) : undefined;
  const known = unitAt(t, i, m)?.unit;
  // Any one character between the gap and a clause's end is a counter of its own (路灯　盏，, 机井　眼。).
  const lone = HAN.test(t[i]!) && !m.functionChars.has(t[i]!) && !m.counting.has(t[i]!) && '，。；、'.includes(t[i + 1] ?? '') && t[i + 1] !== undefined ? t[i]! : undefined;
  const unit = known ?? magnitude ?? (m.gapUnits.has(t[i]!) ? t[i]! : lone);
  if (!unit) return undefined;
  if (!known && unit === magnitude && m.words.has(unit)) return 'none';
  const end = i + unit.length;
  const prior = t[b - 1] ?? '';
  let cue = '';
  for (let k = Math.min(m.maxCue, b + 1); k >= 1 && !cue; k--) {
    const w = t.slice(b + 1 - k, b + 1);
    if (m.cues.has(w) || m.verbCues.has(w) || m.timeCues.includes(w)) cue = w;
  }
  // Spaced-out text (附　件, 姓　名, a name 王　成) has one character standing alone before the gap;
  // a counter with its number before the gap (第一条　本办法, 5日　起) is a heading's or a date's.
  // 第　位 is a leftover of its own (findLeftovers), or a web page's visit counter.
  if (before === '第') return 'none';
  if (!cue && !HAN.test(prior)) return 'none';
  if (!cue && m.counting.has(prior)) return undefined;
  // 即日　起, 2024年　起: a start in time.
  if (unit === '起' && '年月日时'.includes(before)) return 'none';
  // A word that starts at the unit (人员, 个人, 项目, 成立, 分析, 日常) had a slip of the space bar before it;
  // a date part before 前/起/底 (于　日前, 于　年底) is still a date part.
  const datePart = '年月日'.includes(unit) && '前起止后内底初中末'.includes(t[end] ?? '');
  for (let k = 1; k <= 3 && end + k <= t.length && !datePart; k++) if (m.words.has(t.slice(i, end + k))) return 'none';
  // Letter-spaced text goes on with a space after the unit too (单　位　名　称).
  let a = end;
  while (a < t.length && SPACE.test(t[a]!)) a++;
  if (a > end && HAN.test(t[a] ?? '')) return 'none';
  if (m.gapUnits.has(unit)) {
    // 成 (tenths) follows a change or share (提高　成, 占　成); 分 (a score) a score verb (得　分, 扣　分).
    if (unit === '成' && !m.cues.has(cue)) return 'none';
    if (unit === '分') return m.cues.has(cue) || m.scoreCues.has(before) ? { start: b + 1, unit } : 'none';
    // 今　年, 分　类, 完　成: a word split by a slip, not a count.
    if (!cue && (m.words.has(before + unit) || m.words.has(prior + before + unit))) return 'none';
  }
  return { start: b + 1, unit };
}

/**
 * The item that ends at `b` (back to 、 or ，) holds a counting verb, and the sentence it belongs to (back to 。；：)
 * opened with a total (共, 累计, 共计…) or the item's verb comes right before a short noun ("发现隐患处，").
 */
function countedItem(t: string, b: number, m: Model, worded: boolean): boolean {
  let k = b;
  while (k >= 0 && b - k < 16 && !'、，,'.includes(t[k]!) && !CLAUSE_BREAK.has(t[k]!)) k--;
  const item = t.slice(k + 1, b + 1);
  let verbAt = -1;
  for (const v of m.verbCues) {
    const at = item.indexOf(v);
    if (at >= 0 && (verbAt < 0 || at < verbAt)) verbAt = at;
  }
  if (verbAt < 0) return false;
  // "完成全部站点的校准和维户": an item of a count is verb + noun, with no 的, 和 or 在 between.
  if ([...item.slice(verbAt + 2)].some((c) => m.functionChars.has(c))) return false;
  // Where the counter makes a word with the noun (企业家), the item must be just "verb + noun": 共检查企业家.
  if (worded && (item.slice(0, verbAt).replace(/^.*(?:共计|累计|合计|总计|共)/, '').length > 1 || item.length - verbAt > 6)) return false;
  for (let j = b; j >= 0 && b - j < 60; j--) {
    if ('。；：！？;:!?\n'.includes(t[j]!)) break;
    // 共 as a total, not 共同, 共享, 公共.
    if ((t[j] === '共' && !/[同享建治担识性产商谋赢通用存]/.test(t[j + 1] ?? '') && t[j - 1] !== '公') || m.strongClauseCues.some((c) => t.startsWith(c, j))) return true;
  }
  return false;
}

/** "出席：黄振宇、韩国栋": an item of two or three characters that starts with a surname is a person's name. */
function isName(t: string, i: number, m: Model): boolean {
  let k = i;
  while (k > 0 && i - k < 3 && HAN.test(t[k - 1]!)) k--;
  const startsItem = k === 0 || /[、，：:\s（(“]/.test(t[k - 1]!);
  return startsItem && i - k >= 1 && i - k <= 2 && m.surnames.has(t[k]!);
}

/** A quantity context of two or more characters, or 共, within the last 24 characters of the clause that ends at `b`. */
function cueInClause(t: string, b: number, m: Model): boolean {
  for (let k = b; k >= 0 && b - k < 24; k--) {
    if (CLAUSE_BREAK.has(t[k]!)) return false;
    if (t[k] === '共') return true;
    for (let len = 2; len <= m.maxCue && k + len <= b + 1; len++) {
      const w = t.slice(k, k + len);
      if (m.cues.has(w) || m.verbCues.has(w)) return true;
    }
  }
  return false;
}

/** 累计/共计/合计/总计/共 earlier in the clause that ends at `b`. */
function strongCueInClause(t: string, b: number, m: Model): boolean {
  for (let k = b; k >= 0 && b - k < 40; k--) {
    if (CLAUSE_BREAK.has(t[k]!)) return false;
    if (m.strongClauseCues.some((c) => t.startsWith(c, k))) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'placeholder',
    description: {
      zh: '数字空缺和模板残留（"不超过次"、"下降%"、"  年  月  日"、20XX年、XX、某某、【填写单位名称】）',
      en: 'blank numbers and template leftovers ("不超过次", "下降%", "  年  月  日", 20XX年, XX, 某某, 【填写单位名称】)',
    },
    defaultSeverity: 'error',
    docs: 'docs/rules/placeholder.md',
    messages: {
      blank: { zh: '数字空缺："{unit}"前缺少数字', en: 'blank number: no number before "{unit}"' },
      after: { zh: '数字空缺："{unit}"后缺少数字和单位', en: 'blank number: no number or unit after "{unit}"' },
      date: { zh: '日期空缺：{text}', en: 'blank date: {text}' },
      template: { zh: '模板残留：{text}', en: 'template leftover: {text}' },
      prompt: { zh: '模板提示未替换：{text}', en: 'template prompt left in: {text}' },
    },
  },
  check(doc, ctx) {
    model ??= buildModel();
    const m = model;
    const found: Array<{ p: Paragraph; start: number; end: number; kind: Parameters<Reporter>[3]; unit?: string }> = [];
    const collect: Reporter = (p, start, end, kind, unit) => void found.push({ p, start, end, kind, unit });
    const title = doc.paragraphs.find((p) => p.kind === 'title') ?? doc.paragraphs.find((p) => p.norm.trim());
    for (const p of doc.paragraphs) {
      if (!p.norm.trim()) continue;
      const covered = new Uint8Array(p.norm.length);
      const inQuote = quoted(p.norm);
      findLeftovers(p, m, covered, inQuote, collect);
      // A table cell holds a figure or a heading of its own; an empty one is a form's, not a blank in a sentence.
      if (p.kind !== 'table-cell') {
        findBlanks(p, m, covered, inQuote, collect);
        findMissingNumbers(p, m, covered, inQuote, collect);
        findBareGaps(p, covered, inQuote, collect);
      }
    }
    // A template (its title is a slot, or it says "此处输入…" where the text goes) is meant to have slots: they are warnings there,
    // so linting an office's template does not fail like a draft sent out unfinished.
    const template = found.some((f) => f.kind !== 'blank' && f.kind !== 'after' && (f.p === title || (f.kind === 'prompt' && /此处/.test(f.p.norm.slice(f.start, f.end)))));
    for (const { p, start, end, kind, unit } of found) {
      if (kind === 'blank' || kind === 'after') {
        ctx.report({ paragraph: p, start, end, messageId: kind, data: { unit: unit! }, suggestion: kind === 'blank' ? { zh: `在"${unit}"前填写数字`, en: `write the number before "${unit}"` } : { zh: `在"${unit}"后填写数字和单位`, en: `write the number and unit after "${unit}"` } });
        continue;
      }
      const text = p.text.slice(start, end).trim();
      const suggestion = template ? { zh: '模板中的占位：用模板起草时替换为实际内容', en: 'a slot of this template: replace it when drafting from it' } : { zh: '填写实际内容', en: 'fill in the real content' };
      ctx.report({ paragraph: p, start, end, messageId: kind, data: { text }, suggestion, ...(template && ctx.severity === 'error' ? { severity: 'warning' as const } : {}) });
    }
  },
});
