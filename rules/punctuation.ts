// punctuation: GB/T 15834-2011 (标点符号用法) and GB/T 15835-2011 (数字用法) as 公文 get them wrong —
// half-width ,;:?!() in Chinese text (the only automatic fixes), range dashes, "、等", 8月1号 and 08月,
// 文号 brackets other than 〔〕, unpaired quotes and brackets, and ellipses other than "……".
import { defineRule, loadData, parseHeadingMarker, type Paragraph, type Report } from '../src/plugin-api.js';

interface PunctuationData {
  fullWidth: Record<string, string>;
  pairs: Array<[string, string]>;
  rangeDashes: string;
  timeRangeUnits: string[];
  valueRangeUnits: string[];
  dayFollowers: string;
  dengWords: string[];
  docNumberPrefixes: string;
  wrongDocNumberBrackets: Array<[string, string]>;
}

const data = (): PunctuationData => loadData<PunctuationData>(new URL('./data/punctuation.json', import.meta.url));

/** Characters that make their neighbourhood Chinese text: Han, CJK and full-width punctuation, … and —. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2026\u2014\u00b7]/u;
/** Curly quotes close Chinese and English quotations alike: they count as Chinese only away from Latin text. */
const QUOTES = '\u201c\u201d\u2018\u2019';
const isChinese = (ch: string | undefined): boolean => ch !== undefined && (CHINESE.test(ch) || QUOTES.includes(ch));
const isLatin = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && /[0-9０-９]/.test(ch);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

interface Span {
  start: number;
  end: number;
}

/** Where half-width punctuation belongs to something else: URLs, e-mail addresses, `code`, Markdown links. */
function foreignSpans(text: string): Span[] {
  const spans: Span[] = [];
  // A Markdown link's "](…)" holds an address, whatever stands around it.
  // Each pattern starts where its run starts (lookbehind), so garbage text with long runs stays linear.
  const patterns = [/(?:https?|ftp):\/\/[\x21-\x7e]+|www\.[\x21-\x7e]+/gi, /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, /`[^`]*`/g, /\]\([^()\s]*\)/g];
  for (const re of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A URL does not take the sentence's own punctuation at its end ("见 http://x.cn,请").
      let end = m.index + m[0].length;
      while (end > m.index && ',;:?!().'.includes(text[end - 1]!)) end--;
      spans.push({ start: m.index, end });
    }
  }
  return spans;
}

/** Nearest character before/after `i` that is not an ASCII space. */
function neighbour(text: string, i: number, step: -1 | 1): string | undefined {
  for (let k = i + step; k >= 0 && k < text.length; k += step) if (text[k] !== ' ' && text[k] !== '\t') return text[k];
  return undefined;
}

/** The rule's expressions, built from its data once (data is loaded once per process). */
const patternCache = new WeakMap<PunctuationData, ReturnType<typeof buildPatterns>>();
const patternsOf = (d: PunctuationData): ReturnType<typeof buildPatterns> => {
  let p = patternCache.get(d);
  if (!p) patternCache.set(d, (p = buildPatterns(d)));
  return p;
};

function buildPatterns(d: PunctuationData) {
  const dashes = `[${escape(d.rangeDashes)}]`;
  const byLength = (a: string, b: string): number => b.length - a.length;
  const timeUnits = [...d.timeRangeUnits].sort(byLength).map(escape).join('|');
  const valueUnits = [...d.valueRangeUnits].sort(byLength).map(escape).join('|');
  const opens = d.wrongDocNumberBrackets.map(([o]) => escape(o)).join('');
  const closes = d.wrongDocNumberBrackets.map(([, c]) => escape(c)).join('');
  return {
    // No lookbehind with \\s* here: V8 would try it at every position and rescan long runs of spaces.
    docYear: new RegExp(`[${opens}]\\s*(\\d{4})\\s*[${closes}]`, 'g'),
    docPrefix: new RegExp(`[${escape(d.docNumberPrefixes)}]\\s{0,2}$`),
    docNumberAfter: /^\s{0,2}第?\s{0,2}\d+\s{0,2}号/,
    // After the year: 5号, not 第5号 or 05号.
    docOrdinal: new RegExp(`[〔${opens}]\\s*\\d{4}\\s*[〕${closes}]\\s{0,2}((?:第\\s{0,2}0*|0+)(\\d+)\\s{0,2}号)`, 'g'),
    yearRange: new RegExp(`(?<![\\d.])(\\d{4})(年?)\\s*${dashes}\\s*(\\d{4})(年)`, 'g'),
    dateRange: new RegExp(`((?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}日)?)\\s*${dashes}\\s*((?:\\d{4}年)?(?:\\d{1,2}月)?\\d{1,2}[日月])`, 'g'),
    dayRange: new RegExp(`(\\d{1,2}月)(\\d{1,2})\\s*${dashes}\\s*(\\d{1,2}日)`, 'g'),
    monthRange: new RegExp(`(?<![\\d.])(\\d{1,2})\\s*${dashes}\\s*(\\d{1,2})(${timeUnits})(?!\\d)`, 'g'),
    valueRange: new RegExp(`(?<![\\d.A-Za-z/#@_-])(\\d+(?:\\.\\d+)?)(%|％|‰)?\\s*${dashes}\\s*(\\d+(?:\\.\\d+)?)(${valueUnits})`, 'g'),
    /** Any mark with a full-width form: a paragraph without one needs no look character by character. */
    halfWidthMark: new RegExp(`[${Object.keys(d.fullWidth).map(escape).join('')}]`),
  };
}

export default defineRule<{ groupWidth: boolean }>({
  meta: {
    id: 'punctuation',
    description: {
      zh: '标点和数字用法（GB/T 15834-2011、GB/T 15835-2011）：中文里的半角标点、范围号、“、等”、日期写法、文号括号〔〕、引号括号配对、省略号',
      en: 'punctuation and numbers (GB/T 15834-2011, GB/T 15835-2011): half-width marks in Chinese text, range dashes, "、等", dates, 〔〕 in 文号, paired quotes and brackets, ellipses',
    },
    defaultSeverity: 'warning',
    docs: 'docs/rules/punctuation.md',
    options: {
      groupWidth: { type: 'boolean', default: true, description: 'one finding (and one fix) per paragraph for its half-width marks, rather than one per mark' },
    },
    messages: {
      width: { zh: '半角“{found}”应为全角“{expected}”', en: 'half-width "{found}" → "{expected}"' },
      widthGroup: { zh: '本段有 {count} 处半角标点（{marks}）应为全角', en: '{count} half-width marks ({marks}) in this paragraph should be full-width' },
      timeRange: { zh: '时间范围用一字线“—”：“{found}”应为“{expected}”', en: 'a time range takes "—": write "{found}" as "{expected}"' },
      valueRange: { zh: '数值范围用浪纹线“～”：“{found}”应为“{expected}”', en: 'a range of values takes "～": write "{found}" as "{expected}"' },
      enumEnd: { zh: '“、等”：“等”前不用顿号', en: '"、等": no 顿号 before 等' },
      date: { zh: '日期写法不规范：“{found}”应为“{expected}”', en: 'date written "{found}"; write "{expected}"' },
      docNumber: { zh: '文号年份应使用六角括号“〔〕”：“{found}”应为“{expected}”', en: 'the year of a 文号 takes 〔〕: write "{found}" as "{expected}"' },
      docOrdinal: { zh: '文号顺序号不加“第”字、不编虚位：“{found}”应为“{expected}”', en: 'a 文号 number takes no 第 and no leading zero: write "{found}" as "{expected}"' },
      unpaired: { zh: '“{found}”不成对', en: 'unpaired "{found}"' },
      ellipsis: { zh: '省略号应为“……”：“{found}”', en: 'an ellipsis is "……", not "{found}"' },
    },
  },
  check(doc, ctx) {
    const d = data();
    const { docYear, docPrefix, docNumberAfter, docOrdinal, yearRange, dateRange, dayRange, monthRange, valueRange, halfWidthMark } = patternsOf(d);

    const paragraphs = doc.paragraphs.filter((p) => p.norm.trim());
    for (const [index, p] of paragraphs.entries()) {
      const text = p.text;
      const norm = p.norm;
      // Characters already claimed (a URL, a heading marker, an earlier finding): one flag per character.
      const taken = new Uint8Array(text.length);
      const take = (start: number, end: number): void => void taken.fill(1, start, end);
      for (const span of foreignSpans(text)) take(span.start, span.end);
      // A heading marker ("(一)", "一，", "1、") is heading-numbering's to report and fix (it reads neither titles nor table cells).
      if (p.kind !== 'title' && p.kind !== 'table-cell') {
        const lead = /^[\s\u3000]*/.exec(norm)![0].length;
        const marker = parseHeadingMarker(norm.slice(lead));
        if (marker && typeof marker.level === 'number') take(lead, lead + marker.text.length);
      }
      const free = (s: number, e: number): boolean => {
        for (let i = s; i < e; i++) if (taken[i]) return false;
        return true;
      };
      const report = (start: number, end: number, messageId: string, expected: string, fix = false): void => {
        if (!free(start, end)) return;
        take(start, end);
        const found = text.slice(start, end);
        ctx.report({
          paragraph: p,
          start,
          end,
          messageId,
          data: { found, expected },
          // A width finding's message already names the mark to use.
          ...(messageId === 'width' ? {} : { suggestion: expected }),
          ...(fix ? { fix: { text: expected } } : {}),
        });
      };
      const each = (re: RegExp, on: string, fn: (m: RegExpExecArray) => void): void => {
        re.lastIndex = 0;
        for (let m = re.exec(on); m; m = re.exec(on)) fn(m);
      };

      // 文号: 国办发〔2024〕5号 (GB/T 9704-2012 7.2.4), never [2024], （2024）, 【2024】, 第5号 or 05号.
      each(docYear, norm, (m) => {
        const end = m.index + m[0].length;
        if (!docNumberAfter.test(norm.slice(end, end + 12)) && !docPrefix.test(norm.slice(Math.max(0, m.index - 3), m.index))) return;
        report(m.index, end, 'docNumber', `〔${m[1]}〕`);
      });
      each(docOrdinal, norm, (m) => {
        const start = m.index + m[0].length - m[1]!.length;
        report(start, m.index + m[0].length, 'docOrdinal', `${m[2]}号`);
      });

      // Ranges (GB/T 15834-2011 4.13.3): times take "—", values "～".
      each(yearRange, norm, (m) => {
        report(m.index, m.index + m[0].length, 'timeRange', `${m[1]}${m[2]}—${m[3]}${m[4]}`);
      });
      each(dateRange, norm, (m) => {
        report(m.index, m.index + m[0].length, 'timeRange', `${m[1]}—${m[2]}`);
      });
      each(dayRange, norm, (m) => {
        report(m.index, m.index + m[0].length, 'timeRange', `${m[1]}${m[2]}—${m[3]}`);
      });
      each(monthRange, norm, (m) => {
        report(m.index, m.index + m[0].length, 'timeRange', `${m[1]}—${m[2]}${m[3]}`);
      });
      each(valueRange, norm, (m) => {
        const unit = m[4]!;
        // 30%～50%: a percentage keeps its sign on both ends (GB/T 15835-2011).
        const first = /^[%％‰]$/.test(unit) ? unit : (m[2] ?? '');
        report(m.index, m.index + m[0].length, 'valueRange', `${m[1]}${first}～${m[3]}${unit}`);
      });

      // "、等": 等 ends the list by itself.
      each(/、\s*等/g, norm, (m) => {
        const after = norm.slice(m.index + m[0].length - 1);
        if (d.dengWords.some((w) => after.startsWith(w))) return;
        report(m.index, m.index + m[0].length, 'enumEnd', '等');
      });

      // Dates: 2024年8月6日, not 8月6号 or 2024年08月06日 (GB/T 9704-2012 7.3.5: 月、日不编虚位).
      each(/(?<![\d.])(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})([日号]))?/g, norm, (m) => {
        const [, year, month = '', day, unit] = m;
        const mm = Number(month);
        if (mm < 1 || mm > 12 || (day !== undefined && (Number(day) < 1 || Number(day) > 31))) return;
        const end = m.index + m[0].length;
        // 号 after a day is a date unless a word goes on (8月1号楼, 1号线).
        const hasDay = day !== undefined && (unit === '日' || !d.dayFollowers.includes(norm[end] ?? ''));
        const wrong = month.startsWith('0') || (hasDay && (day!.startsWith('0') || unit === '号'));
        if (!wrong) return;
        const y = year ? `${year}年` : '';
        if (hasDay) report(m.index, end, 'date', `${y}${mm}月${Number(day)}日`);
        else report(m.index, m.index + y.length + month.length + 1, 'date', `${y}${mm}月`);
      });

      // Ellipsis: "……" (two 省略号), not "。。。", "...", or a single "…" (GB/T 15834-2011 4.11).
      each(/。{2,}|\.{3,}|．{2,}|…+/g, text, (m) => {
        if (m[0][0] === '…' && m[0].length % 2 === 0) return;
        if (m[0][0] === '.' && !isChinese(neighbour(text, m.index, -1)) && !isChinese(neighbour(text, m.index + m[0].length - 1, 1))) return;
        report(m.index, m.index + m[0].length, 'ellipsis', '……');
      });

      // Half-width ,;:?!() next to Chinese text → full width. Brackets go as a pair, so both ends change together.
      const parenPair = new Map<number, number>();
      {
        const open: number[] = [];
        // Without a "(" nothing pairs: the scan is skipped.
        for (let i = text.indexOf('('); i >= 0 && i < text.length; i++) {
          if (text[i] === '(') open.push(i);
          else if (text[i] === ')' && open.length) {
            const o = open.pop()!;
            parenPair.set(o, i);
            parenPair.set(i, o);
          }
        }
      }
      const chineseAt = (i: number): boolean => {
        const [before, after] = [neighbour(text, i, -1), neighbour(text, i, 1)];
        const strong = (ch: string | undefined): boolean => ch !== undefined && CHINESE.test(ch);
        const quote = (ch: string | undefined): boolean => ch !== undefined && QUOTES.includes(ch);
        // "Keep calm, carry on!”" — the mark ends English words, the quote only closes them.
        return strong(before) || strong(after) || (quote(before) && !isLatin(after)) || (quote(after) && !isLatin(before));
      };
      const pairChinese = new Map<number, boolean>();
      for (const [o, c] of parenPair) {
        if (o > c) continue;
        // A pair half inside a 文号 or URL is left alone as a whole.
        const chinese = free(o, o + 1) && free(c, c + 1) && (chineseAt(o) || chineseAt(c) || CHINESE.test(text.slice(o + 1, c)));
        pairChinese.set(o, chinese);
        pairChinese.set(c, chinese);
      }
      const halfWidth: number[] = [];
      for (let i = halfWidthMark.test(text) ? 0 : text.length; i < text.length; i++) {
        const ch = text[i]!;
        const full = d.fullWidth[ch];
        if (!full || !free(i, i + 1)) continue;
        let chinese = pairChinese.get(i) ?? chineseAt(i);
        // 1,000 and 3:00 are numbers, not Chinese text.
        if ((ch === ',' || ch === ':') && isDigit(text[i - 1]) && isDigit(text[i + 1])) chinese = false;
        if (chinese) halfWidth.push(i);
      }
      if (ctx.options.groupWidth && halfWidth.length > 1) {
        // A draft typed with half-width commas has hundreds: one finding per paragraph, with one fix for
        // all of them, keeps the report (and Word comments) readable.
        const first = halfWidth[0]!;
        const last = halfWidth.at(-1)! + 1;
        const marks = new Set(halfWidth);
        let fixed = '';
        for (let i = first; i < last; i++) fixed += marks.has(i) ? d.fullWidth[text[i]!]! : text[i]!;
        const kinds = [...new Set(halfWidth.map((i) => text[i]))].join(' ');
        ctx.report({ paragraph: p, start: first, end: last, messageId: 'widthGroup', data: { count: halfWidth.length, marks: kinds }, fix: { text: fixed } });
      } else {
        for (const i of halfWidth) report(i, i + 1, 'width', d.fullWidth[text[i]!]!, true);
      }

      checkPairs(p, paragraphs[index + 1], d, (r) => ctx.report(r));
    }
  },
});

/** Quotes and brackets that open and close within the paragraph (matched on `norm`, so "(…）" pairs). */
function checkPairs(p: Paragraph, next: Paragraph | undefined, d: PunctuationData, report: (r: Report) => void): void {
  const text = p.norm;
  const nextStart = next?.norm.trimStart()[0];
  for (const [open, close] of d.pairs) {
    // Most paragraphs hold few of the pairs' characters: a pair absent from the text has nothing to report.
    if (text.indexOf(open) < 0 && text.indexOf(close) < 0) continue;
    const stack: number[] = [];
    const unpaired: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === open) stack.push(i);
      else if (ch === close) {
        if (stack.length) stack.pop();
        else if (close === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue; // it's
        else if (close === '）' && listMarkerBefore(text, i)) continue; // 1）列项
        else unpaired.push(i);
      }
    }
    // A quotation over several paragraphs opens each one and closes only the last (GB/T 15834-2011 4.8, 引号).
    const continued = (open === '“' || open === '‘') && nextStart === open;
    if (!continued) for (const i of stack) unpaired.push(i);
    for (const i of unpaired.sort((a, b) => a - b)) {
      const found = p.text[i]!;
      const pair = text[i] === open ? close : open;
      report({ paragraph: p, start: i, end: i + 1, messageId: 'unpaired', data: { found, expected: pair }, suggestion: { zh: `补上对应的“${pair}”，或删去多余的“${found}”`, en: `add the matching "${pair}" or drop this "${found}"` } });
    }
  }
}

/** Whether the closer at `i` ends a list marker such as "1）" or "a）": 1–3 numerals at the start of a clause. */
function listMarkerBefore(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && i - k < 3 && /[0-9A-Za-z一二三四五六七八九十]/.test(text[k - 1]!)) k--;
  if (k === i || (k > 0 && /[0-9A-Za-z一二三四五六七八九十]/.test(text[k - 1]!))) return false;
  return k === 0 || /[\s，；。：、]/.test(text[k - 1]!);
}
