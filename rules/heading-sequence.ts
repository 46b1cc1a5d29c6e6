// heading-sequence: the order of the 公文 hierarchy 一、 →（一）→ 1. →（1）(GB/T 9704-2012 7.3.3), read at the start
// of each paragraph: skipped, repeated or out-of-order numbers at each level, lower levels used above higher
// ones, "一是…二是…" runs, and 第X章/第X条 continuous over the document. How a marker is written is
// heading-format's.
import { chineseNumeral, defineRule, type HeadingMarker, type Paragraph } from '../src/plugin-api.js';
import {
  canonical,
  confirmedMarkers,
  headingData,
  isCrossReference,
  isLeadLine,
  isUnmarkedHeading,
  LEVEL_NAMES,
  markerOf,
  type Found,
  type HeadingData,
  type Level,
} from './heading-outline.js';

interface Options {
  continuousAcrossParents: boolean;
  runs: boolean;
}

interface Entry {
  level: Level;
  ordinal: number;
}

export default defineRule<Options>({
  meta: {
    id: 'heading-sequence',
    description: {
      zh: '结构层次序数的顺序：一、→（一）→1.→（1）的跳号、重号、倒序、层次颠倒；“一是……二是……”；第X章、第X条连续',
      en: 'heading order: skipped, repeated or out-of-order numbers in 一、→（一）→1.→（1）; 一是…二是… runs; continuous 第X章/第X条',
    },
    defaultSeverity: 'warning',
    docs: 'docs/rules/heading-sequence.md',
    messages: {
      skipped: { zh: '序号跳号：“{found}”前缺少“{expected}”', en: 'skipped number: "{expected}" is missing before "{found}"' },
      repeated: { zh: '序号重复：“{found}”，应为“{expected}”', en: 'repeated number "{found}"; expected "{expected}"' },
      outOfOrder: { zh: '序号顺序颠倒：“{found}”，应为“{expected}”', en: 'number out of order: "{found}"; expected "{expected}"' },
      noStart: { zh: '序号“{found}”前没有“{expected}”', en: '"{found}" without "{expected}" before it' },
      noParent: { zh: '“{found}”出现在第一个“{parent}”之前，缺少上一级序号', en: '"{found}" comes before the first "{parent}": its parent level is missing' },
      inverted: { zh: '层次颠倒：“{found}”用在“{child}”之下（层次应为一、→（一）→1.→（1））', en: 'levels inverted: "{found}" used under "{child}" (the order is 一、→（一）→1.→（1））' },
    },
    options: {
      continuousAcrossParents: { type: 'boolean', default: true, description: 'accept 1. and （1） numbered on across parents (1.–3. under 一、, 4.–8. under 二、), as 若干措施 often are' },
      runs: { type: 'boolean', default: true, description: 'check 一是…二是…三是… runs' },
    },
  },
  check(doc, ctx) {
    const d = headingData();
    const attachment = new RegExp(d.attachment);
    const attachmentList = new RegExp(d.attachmentList);
    const paragraphs = doc.paragraphs.filter((p) => p.kind !== 'title' && p.kind !== 'table-cell' && p.norm.trim());

    const report = (f: { p: Paragraph; start: number; end: number }, messageId: string, found: string, expected: string, extra: Record<string, string> = {}): void => {
      const suggestion = messageId === 'inverted'
        ? { zh: '按一、→（一）→1.→（1）的顺序调整层次', en: 'reorder the levels as 一、→（一）→1.→（1）' }
        : { zh: `改为“${expected}”`, en: `use "${expected}"` };
      ctx.report({ paragraph: f.p, start: f.start, end: f.end, messageId, data: { found, expected, ...extra }, suggestion });
    };

    const markers: Array<Found | undefined> = confirmedMarkers(paragraphs.map((p) => {
      const f = markerOf(p);
      if (!f) return undefined;
      return isCrossReference(f, d) ? undefined : f;
    }));
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
        if (typeof level === 'number' && !markers[i]!.ambiguous) min = Math.min(min, level);
      }
      close();
    }

    let stack: Entry[] = [];
    let lastAt = new Map<Level, number>();
    /**
     * Set by a lead line ("主要任务如下：") or a heading with no marker: the next list may start again at 1 at any
     * level below the line's own marker. `shelf` keeps the lists it interrupted, which may go on after it.
     */
    let opener: { below: number } | undefined;
    let shelf: Entry[] = [];
    let chapter = 0;
    let article = 0;
    let underArticle = false;
    /** The last 一是/二是 number of the current section, for runs that go on over paragraphs. */
    let run = 0;

    const resetNumbers = (): void => {
      stack = [];
      lastAt = new Map();
      shelf = [];
      opener = undefined;
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
      let counted = false;

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
          counted = true;
        } else if (found.ambiguous && !fitsStack(stack, level, ordinal)) {
          // "一、二类会议由…", "3、4月份…": a list of numbers, not a heading.
          bodyStart = 0;
        } else {
          counted = true;
          const dot = found.raw.endsWith('．') ? '．' : '.';
          const name = (n: number): string => canonical(level, n, dot);
          if (opener && ordinal === 1 && level > opener.below) {
            // A new list under a lead line or an unmarked heading: what it interrupts may go on after it.
            shelf = [...stack.filter((s) => s.level >= level), ...shelf.filter((s) => s.level < level)];
            stack = stack.filter((s) => s.level < level);
            for (const l of [...lastAt.keys()]) if (l >= level) lastAt.delete(l);
            stack.push({ level, ordinal });
            lastAt.set(level, ordinal);
            opener = undefined;
          } else {
            if (stack[0]?.level === level && restarts(i, level, ordinal, stack[0].ordinal)) resetNumbers();
            let index = stack.findIndex((s) => s.level === level);
            // Back from an inner list to the one it interrupted: "（二）" after a lead line's "1. 2.".
            const shelved = shelf.find((s) => s.level === level);
            if (shelved && ordinal === shelved.ordinal + 1 && (index < 0 || ordinal !== stack[index]!.ordinal + 1)) {
              stack = [...stack.filter((s) => s.level < level), shelved];
              shelf = shelf.filter((s) => s.level > level);
              index = stack.length - 1;
            }
            const deeper = stack.find((s) => s.level > level);
            const before = lastAt.get(level);
            // Numbering on across parents is a way to number measures (1.–30. over 一、二、三、); a （一） list that
            // goes on with （三） under the next 一、 has not started again.
            const across = ctx.options.continuousAcrossParents && level >= 3;
            const continues = across && before !== undefined && ordinal === before + 1 && stack.length > 0;
            const fits = index >= 0 ? ordinal === stack[index]!.ordinal + 1 : !deeper && (ordinal === 1 || continues);
            if (index >= 0) {
              const last = stack[index]!.ordinal;
              if (!fits) report(at, ordinal === last ? 'repeated' : ordinal < last ? 'outOfOrder' : 'skipped', name(ordinal), name(last + 1));
              stack.length = index + 1;
              stack[index]!.ordinal = fits ? ordinal : settle(i, level, ordinal, last + 1);
            } else {
              if (deeper) {
                // Under a real parent this is an inversion; a lower level opened at the top was already reported as without a parent.
                if (stack.some((s) => s.level < level) && !opener) report(at, 'inverted', name(ordinal), name(1), { child: LEVEL_NAMES[deeper.level] });
              } else if (!fits && !opener) {
                if (across && before !== undefined && ordinal > before && stack.length > 0) report(at, 'skipped', name(ordinal), name(before + 1));
                else report(at, 'noStart', name(ordinal), name(1));
              } else if (stack.length === 0 && !underArticle && !opener && level > (segmentMin.get(p) ?? level)) {
                const parent = segmentMin.get(p) as Level;
                ctx.report({ paragraph: p, start: at.start, end: at.end, messageId: 'noParent', data: { found: name(ordinal), parent: LEVEL_NAMES[parent] } });
              }
              stack = stack.filter((s) => s.level < level);
              stack.push({ level, ordinal });
            }
            lastAt.set(level, stack.at(-1)!.ordinal);
            opener = undefined;
          }
          run = 0;
        }
      }

      // A lead line or a heading the numbering does not name opens a new list below it.
      if (isLeadLine(p)) opener = { below: counted && typeof found?.marker.level === 'number' ? found.marker.level : 0 };
      else if (!counted && isUnmarkedHeading(p, d)) {
        opener = { below: 0 };
        run = 0;
      }

      if (ctx.options.runs) run = checkRuns(p, bodyStart, run, d, report);
    }
  },
});

/** Whether a marker continues or starts its level in the current lists. */
function fitsStack(stack: Entry[], level: Level, ordinal: number): boolean {
  const index = stack.findIndex((s) => s.level === level);
  return index >= 0 ? ordinal === stack[index]!.ordinal + 1 : ordinal === 1 && !stack.some((s) => s.level > level);
}

/**
 * "一是…二是…三是…" in one paragraph, and runs that go on over paragraphs ("一是…。" / "二是…。" each a
 * paragraph, seeds 002 and 003). Returns the run's last number for the next paragraph.
 */
function checkRuns(
  p: Paragraph,
  bodyStart: number,
  previous: number,
  d: HeadingData,
  report: (f: { p: Paragraph; start: number; end: number }, messageId: string, found: string, expected: string) => void,
): number {
  const text = p.norm;
  // Anchored at the start of a run of numerals, so a long run is not scanned again from each of its characters.
  const re = /(?<![一二三四五六七八九十])[一二三四五六七八九十]+是/g;
  const items: Array<{ n: number; start: number; end: number }> = [];
  let bodyText = bodyStart;
  while (bodyText < text.length && /[\s\u3000]/.test(text[bodyText]!)) bodyText++;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const atStart = start === bodyText;
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
