// heading-numbering: the 公文 hierarchy 一、 →（一）→ 1. →（1）(GB/T 9704-2012 7.3.3), read at the start of each
// paragraph; skipped, repeated or out-of-order numbers at each level; lower levels used above higher ones;
// wrong separators ("一，" "1、" "（一）、" "(一)"); "一是…二是…" runs; 第X章/第X条 continuous over the document.
import { chineseNumeral, defineRule, loadData, parseHeadingMarker, type HeadingMarker, type Paragraph } from '../src/plugin-api.js';

interface NumberingData {
  referenceFollowers: string[];
  runAfter: string;
  runNotBefore: string;
  attachment: string;
  attachmentList: string;
}

const data = (): NumberingData => loadData<NumberingData>(new URL('./data/heading-numbering.json', import.meta.url));

interface Options {
  continuousAcrossParents: boolean;
  runs: boolean;
}

type Level = 1 | 2 | 3 | 4;

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十. */
function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const head = `${DIGITS[Math.floor(n / 100)]}百`;
  if (!rest) return head;
  if (rest < 10) return `${head}零${DIGITS[rest]}`;
  return head + (rest < 20 ? `一${toChineseNumeral(rest)}` : toChineseNumeral(rest));
}

/** The marker as GB/T 9704 writes it. Level 3 keeps a full-width "．", which Word drafts use as often as ".". */
function canonical(level: Level | 'chapter' | 'article' | 'run', n: number, dot = '.'): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(n)}、`;
    case 2:
      return `（${toChineseNumeral(n)}）`;
    case 3:
      return `${n}${dot}`;
    case 4:
      return `（${n}）`;
    case 'chapter':
      return `第${toChineseNumeral(n)}章`;
    case 'article':
      return `第${toChineseNumeral(n)}条`;
    case 'run':
      return `${toChineseNumeral(n)}是`;
  }
}

const LEVEL_NAMES = { 1: '一、', 2: '（一）', 3: '1.', 4: '（1）' } as const;

interface Found {
  p: Paragraph;
  /** Offset of the marker in the paragraph. */
  start: number;
  marker: HeadingMarker;
  /** The marker as the draft has it (raw width). */
  raw: string;
}

/** The marker at the start of the paragraph, read on the matching view so full-width digits and 「(」 count. */
function markerOf(p: Paragraph): Found | undefined {
  const lead = /^[\s\u3000]*/.exec(p.norm)![0].length;
  const marker = parseHeadingMarker(p.norm.slice(lead));
  if (!marker || marker.ordinal < 1) return undefined;
  return { p, start: lead, marker, raw: p.text.slice(lead, lead + marker.text.length) };
}

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
  const fixed = `（${f.raw.slice(1, close)}）`;
  return fixed === f.raw ? undefined : fixed;
}

export default defineRule<Options>({
  meta: {
    id: 'heading-numbering',
    description: {
      zh: '结构层次序数：一、→（一）→1.→（1）的跳号、重号、倒序、层次颠倒和标点；“一是……二是……”；第X章、第X条连续',
      en: 'heading numbers: skipped, repeated or out-of-order numbers and wrong separators in 一、→（一）→1.→（1）; 一是…二是… runs; continuous 第X章/第X条',
    },
    defaultSeverity: 'warning',
    docs: 'docs/rules/heading-numbering.md',
    messages: {
      skipped: { zh: '序号跳号：“{found}”前缺少“{expected}”', en: 'skipped number: "{expected}" is missing before "{found}"' },
      repeated: { zh: '序号重复：“{found}”，应为“{expected}”', en: 'repeated number "{found}"; expected "{expected}"' },
      outOfOrder: { zh: '序号顺序颠倒：“{found}”，应为“{expected}”', en: 'number out of order: "{found}"; expected "{expected}"' },
      noStart: { zh: '序号“{found}”前没有“{expected}”', en: '"{found}" without "{expected}" before it' },
      noParent: { zh: '“{found}”出现在第一个“{parent}”之前，缺少上一级序号', en: '"{found}" comes before the first "{parent}": its parent level is missing' },
      inverted: { zh: '层次颠倒：“{found}”用在“{child}”之下（层次应为一、→（一）→1.→（1））', en: 'levels inverted: "{found}" used under "{child}" (the order is 一、→（一）→1.→（1）)' },
      format: { zh: '序号“{found}”应写作“{expected}”', en: 'write the number "{found}" as "{expected}"' },
    },
    options: {
      continuousAcrossParents: { type: 'boolean', default: true, description: 'accept a lower level numbered on across parents (1.–3. under 一、, 4.–8. under 二、), as 若干措施 often are' },
      runs: { type: 'boolean', default: true, description: 'check 一是…二是…三是… runs' },
    },
  },
  check(doc, ctx) {
    const d = data();
    const attachment = new RegExp(d.attachment);
    const attachmentList = new RegExp(d.attachmentList);
    const paragraphs = doc.paragraphs.filter((p) => p.kind !== 'title' && p.kind !== 'table-cell' && p.norm.trim());

    const report = (f: { p: Paragraph; start: number; end: number }, messageId: string, found: string, expected: string, extra: Record<string, string> = {}): void => {
      const suggestion = messageId === 'inverted'
        ? { zh: '按一、→（一）→1.→（1）的顺序调整层次', en: 'reorder the levels as 一、→（一）→1.→（1）' }
        : { zh: `改为“${expected}”`, en: `use "${expected}"` };
      ctx.report({ paragraph: f.p, start: f.start, end: f.end, messageId, data: { found, expected, ...extra }, suggestion });
    };

    const isReference = (f: Found): boolean => {
      const after = f.p.norm.slice(f.start + f.marker.text.length);
      return d.referenceFollowers.some((w) => after.startsWith(w));
    };

    const markers = paragraphs.map((p) => {
      const f = markerOf(p);
      return f && typeof f.marker.level !== 'number' && isReference(f) ? undefined : f;
    });
    /** The number of the next marker of the same level (a numeric level ends at a shallower one or at 第X章/第X条). */
    const nextOf = (i: number, level: HeadingMarker['level']): number | undefined => {
      for (let j = i + 1; j < markers.length; j++) {
        const m = markers[j]?.marker;
        if (!m) continue;
        if (m.level === level) return m.ordinal;
        if (typeof level === 'number' && (typeof m.level !== 'number' || m.level < level)) return undefined;
      }
      return undefined;
    };
    /**
     * The number a wrong marker stands for, so one slip makes one finding: when the next marker of its level is
     * expected + 1, the wrong one was a typo for the expected number ("一、二、二、四、"); otherwise it is what it says
     * ("一、二、四、五、": 三、 is missing).
     */
    const settle = (i: number, level: HeadingMarker['level'], found: number, expected: number): number => (nextOf(i, level) === expected + 1 ? expected : found);
    /**
     * The outermost level starting again at 1 and going on with 2: a second part (a 目录 before the text, a 方案
     * printed after its 通知 without an 附件 line), not a mistake.
     */
    const restarts = (i: number, level: HeadingMarker['level'], ordinal: number, last: number): boolean => ordinal === 1 && last >= 2 && nextOf(i, level) === 2;

    // The lowest numeric level of each part (split at attachments): a higher level before its first use has no parent.
    const segmentMin = new Map<Paragraph, number>();
    {
      let part: Paragraph[] = [];
      let min = Infinity;
      const close = (): void => {
        for (const p of part) segmentMin.set(p, min);
        part = [];
        min = Infinity;
      };
      for (const [i, p] of paragraphs.entries()) {
        if (attachment.test(p.norm.trim()) || attachmentList.test(p.norm.trim())) close();
        part.push(p);
        const level = markers[i]?.marker.level;
        if (typeof level === 'number') min = Math.min(min, level);
      }
      close();
    }

    let stack: Array<{ level: Level; ordinal: number }> = [];
    let lastAt = new Map<Level, number>();
    let chapter = 0;
    let article = 0;
    let underArticle = false;
    /** The last 一是/二是 number of the current section, for runs that go on over paragraphs. */
    let run = 0;

    const resetNumbers = (): void => {
      stack = [];
      lastAt = new Map();
      run = 0;
    };

    for (const [i, p] of paragraphs.entries()) {
      const trimmed = p.norm.trim();
      if (attachment.test(trimmed)) {
        resetNumbers();
        chapter = 0;
        article = 0;
        underArticle = false;
        continue;
      }
      const list = attachmentList.exec(trimmed);
      if (list) {
        // 附件：1.…, then 2.… on the next lines: a list of its own.
        resetNumbers();
        stack = [{ level: 3, ordinal: Number(list[1]) }];
        continue;
      }

      const found = markers[i];
      let bodyStart = 0;

      if (found) {
        const { level, ordinal } = found.marker;
        const at = { p, start: found.start, end: found.start + found.marker.text.length };
        bodyStart = at.end;
        if (level === 'chapter' || level === 'article') {
          let last = level === 'chapter' ? chapter : article;
          if (restarts(i, level, ordinal, last)) {
            last = 0;
            if (level === 'chapter') article = 0;
          }
          const expected = last + 1;
          if (ordinal !== expected) {
            const id = ordinal === last ? 'repeated' : ordinal < last ? 'outOfOrder' : last === 0 ? 'noStart' : 'skipped';
            report(at, id, canonical(level, ordinal), canonical(level, expected));
          }
          const settled = ordinal === expected ? ordinal : settle(i, level, ordinal, expected);
          if (level === 'chapter') chapter = settled;
          else article = settled;
          underArticle = true;
          resetNumbers();
          run = 0;
        } else {
          const dot = found.raw.endsWith('．') ? '．' : '.';
          const name = (n: number): string => canonical(level, n, dot);
          if (stack[0]?.level === level && restarts(i, level, ordinal, stack[0].ordinal)) resetNumbers();
          const index = stack.findIndex((s) => s.level === level);
          const deeper = stack.find((s) => s.level > level);
          const before = lastAt.get(level);
          const continues = ctx.options.continuousAcrossParents && before !== undefined && ordinal === before + 1 && stack.length > 0;
          const fits = index >= 0 ? ordinal === stack[index]!.ordinal + 1 : !deeper && (ordinal === 1 || continues);
          // "一、二类会议" and "一、一季度…": a numeral right after 一、 may be a list of numbers, not a heading;
          // such a line counts only when it fits the sequence.
          const ambiguous = level === 1 && /^[一二三四五六七八九十]/.test(p.norm.slice(at.end));
          if (!ambiguous || fits) {
            const fixedForm = wellFormed(found);
            if (fixedForm) {
              ctx.report({
                paragraph: p,
                start: at.start,
                end: at.end,
                messageId: 'format',
                data: { found: found.raw, expected: fixedForm },
                suggestion: { zh: `改为“${fixedForm}”`, en: `use "${fixedForm}"` },
                fix: { text: fixedForm },
              });
            }
            if (index >= 0) {
              const last = stack[index]!.ordinal;
              if (!fits) report(at, ordinal === last ? 'repeated' : ordinal < last ? 'outOfOrder' : 'skipped', name(ordinal), name(last + 1));
              stack.length = index + 1;
              stack[index]!.ordinal = fits ? ordinal : settle(i, level, ordinal, last + 1);
            } else {
              if (deeper) {
                // Under a real parent this is an inversion; a lower level opened at the top was already reported as without a parent.
                if (stack.some((s) => s.level < level)) report(at, 'inverted', name(ordinal), name(1), { child: LEVEL_NAMES[deeper.level] });
              } else if (!fits) {
                if (ctx.options.continuousAcrossParents && before !== undefined && ordinal > before && stack.length > 0) report(at, 'skipped', name(ordinal), name(before + 1));
                else report(at, 'noStart', name(ordinal), name(1));
              } else if (stack.length === 0 && !underArticle && level > (segmentMin.get(p) ?? level)) {
                const parent = segmentMin.get(p) as Level;
                ctx.report({ paragraph: p, start: at.start, end: at.end, messageId: 'noParent', data: { found: name(ordinal), parent: LEVEL_NAMES[parent] } });
              }
              stack = stack.filter((s) => s.level < level);
              stack.push({ level, ordinal });
            }
            lastAt.set(level, stack.at(-1)!.ordinal);
            run = 0;
          } else {
            bodyStart = 0;
          }
        }
      }

      if (ctx.options.runs) run = checkRuns(p, bodyStart, run, d, report);
    }
  },
});

/**
 * "一是…二是…三是…" in one paragraph, and runs that go on over paragraphs ("一是…。" / "二是…。" each a
 * paragraph, seeds 002 and 003). Returns the run's last number for the next paragraph.
 */
function checkRuns(
  p: Paragraph,
  bodyStart: number,
  previous: number,
  d: NumberingData,
  report: (f: { p: Paragraph; start: number; end: number }, messageId: string, found: string, expected: string) => void,
): number {
  const text = p.norm;
  // Anchored at the start of a run of numerals, so a long run is not scanned again from each of its characters.
  const re = /(?<![一二三四五六七八九十])[一二三四五六七八九十]+是/g;
  const items: Array<{ n: number; start: number; end: number }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const atStart = /^[\s\u3000]*$/.test(text.slice(bodyStart, start));
    let k = start - 1;
    while (k >= 0 && /[\s\u3000]/.test(text[k]!)) k--;
    const prevChar = text[k] ?? '';
    if (!atStart && !d.runAfter.includes(prevChar)) continue;
    if (d.runNotBefore.includes(text[end] ?? '')) continue;
    const n = chineseNumeral(m[0].slice(0, -1));
    if (Number.isFinite(n) && n >= 1) items.push({ n, start, end });
  }
  let last = previous;
  for (const [k, { n, start, end }] of items.entries()) {
    const at = { p, start, end };
    if (n === 1) last = 1;
    else if (last === 0) {
      report(at, 'noStart', canonical('run', n), canonical('run', 1));
      last = n;
    } else if (n === last + 1) last = n;
    else {
      report(at, n === last ? 'repeated' : n < last ? 'outOfOrder' : 'skipped', canonical('run', n), canonical('run', last + 1));
      // One slip, one finding: "一是…二是…二是…四是" had a typo for 三是.
      last = items[k + 1]?.n === last + 2 ? last + 1 : n;
    }
  }
  return last;
}
