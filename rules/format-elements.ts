// format-elements: how the 公文 elements are written (GB/T 9704-2012 §7–8), in every format: the 发文字号
// (〔2024〕5号), the 成文日期 (2024年8月6日), the 附件说明 (附件：1. …), the 附注 in parentheses, the 主送机关's
// full-width colon, a title with no ending punctuation and, set over several lines, breaking between words,
// the 抄送 line. Which paragraph is which element is
// decided once, in the document model (paragraph.element).
import { chineseNumeral, defineRule, type Paragraph, type RuleContext } from '../src/plugin-api.js';
import { FORMAT_OPTION } from './format-preset.js';
import { breakFault, titleLines } from './format-title-lines.js';

type Ctx = RuleContext<{ format: Record<string, unknown> }>;

const CN_DIGITS: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Where the text of a paragraph starts and ends once the spaces around it are left out. */
function trimmedRange(p: Paragraph): [number, number] {
  const start = p.text.length - p.text.replace(/^[\s\u3000]+/, '').length;
  const end = p.text.replace(/[\s\u3000]+$/, '').length;
  return [start, Math.max(start, end)];
}

function docNumber(p: Paragraph, ctx: Ctx): void {
  const [s] = trimmedRange(p);
  const m = /^([\u4e00-\u9fa5A-Za-z]{1,16})\s*([〔［\[（(【{])\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*([〕］\]）)】}])\s*(第?)\s*(\d{1,5})\s*号/.exec(p.norm.slice(s));
  if (!m) return;
  const [whole, agency, open, year, , di, number] = m;
  const problems: { zh: string; en: string }[] = [];
  if (open !== '〔') problems.push({ zh: '年份用六角括号〔〕', en: 'the year goes in tortoise-shell brackets 〔〕' });
  if (!/^\d{4}$/.test(year!)) problems.push({ zh: '年份用阿拉伯数字', en: 'the year in Arabic digits' });
  if (di) problems.push({ zh: '序号前不加"第"', en: 'no 第 before the number' });
  if (/^0\d/.test(number!)) problems.push({ zh: '序号不编虚位（不写 0）', en: 'no leading zeros' });
  if (problems.length === 0) return;
  const y = year!.replace(/./g, (c) => CN_DIGITS[c] ?? c);
  const expected = `${agency}〔${y}〕${Number(number)}号`;
  ctx.report({
    paragraph: p,
    start: s,
    end: s + whole!.length,
    messageId: 'docNumber',
    data: { found: p.text.slice(s, s + whole!.length), problems: problems.map((x) => x[ctx.locale]).join(ctx.locale === 'zh' ? '；' : '; ') },
    suggestion: { zh: `写作“${expected}”`, en: `write "${expected}"` },
  });
}

function date(p: Paragraph, ctx: Ctx): void {
  const [s, e] = trimmedRange(p);
  const text = p.norm.slice(s, e);
  const m = /^(\S{4})\s*年\s*(\S{1,3}?)\s*月\s*(\S{1,3}?)\s*([日号])$/.exec(text.replace(/\s+/g, ''));
  if (!m) return;
  const [, year, month, day, unit] = m;
  const problems: { zh: string; en: string }[] = [];
  const arabic = (v: string): string => (/^\d+$/.test(v) ? String(Number(v)) : /^[〇○零一二三四五六七八九]+$/.test(v) && v.length === 4 ? v.replace(/./g, (c) => CN_DIGITS[c] ?? c) : String(chineseNumeral(v)));
  if (![year, month, day].every((v) => /^\d+$/.test(v!))) problems.push({ zh: '用阿拉伯数字', en: 'Arabic digits' });
  if (/^0\d/.test(month!) || /^0\d/.test(day!)) problems.push({ zh: '月、日不编虚位（不写 0）', en: 'no leading zeros in month and day' });
  if (unit === '号') problems.push({ zh: '用"日"不用"号"', en: '日, not 号' });
  if (/\s/.test(text)) problems.push({ zh: '数字与年月日之间不空格', en: 'no spaces inside the date' });
  if (problems.length === 0) return;
  const expected = `${arabic(year!)}年${arabic(month!)}月${arabic(day!)}日`;
  ctx.report({
    paragraph: p,
    start: s,
    end: e,
    messageId: 'date',
    data: { found: p.text.slice(s, e), problems: problems.map((x) => x[ctx.locale]).join(ctx.locale === 'zh' ? '；' : '; ') },
    suggestion: { zh: `写作“${expected}”`, en: `write "${expected}"` },
  });
}

/** The 附件说明: "附件：" with a full-width colon; one attachment unnumbered, several numbered 1. 2. …, no end punctuation. */
function attachmentNote(lines: Paragraph[], ctx: Ctx): void {
  const first = lines[0]!;
  const [s] = trimmedRange(first);
  // On the text, not the matching view: the view folds a half-width colon to full width.
  const head = /^附\s*件\s*(\d{0,2})\s*([：:])\s*/.exec(first.text.slice(s));
  if (!head) return;
  const items: Array<{ p: Paragraph; text: string; at: number }> = [];
  const firstText = first.norm.slice(s + head[0].length).trimEnd();
  if (firstText) items.push({ p: first, text: firstText, at: s + head[0].length });
  for (const p of lines.slice(1)) {
    const [at, end] = trimmedRange(p);
    if (end > at) items.push({ p, text: p.norm.slice(at, end), at });
  }
  // "1." "2、" — a number that is not the start of a longer one ("2024年…" is a name that begins with a year).
  const numberOf = (t: string): RegExpExecArray | null => /^(\d{1,2})(?![\d年月日个项])\s*([.．、，,]?)/.exec(t);
  const report = (messageId: string, p: Paragraph, start: number, end: number, suggestion: { zh: string; en: string }): void =>
    ctx.report({ paragraph: p, start, end, messageId, suggestion });
  if (head[2] === ':' || head[1]) {
    report('attachmentHead', first, s, s + head[0].trimEnd().length, { zh: '写作“附件：”（全角冒号，序号写在冒号后）', en: 'write "附件：" (full-width colon, numbers after it)' });
  }
  const single = items.length === 1 ? numberOf(items[0]!.text) : null;
  if (single) {
    const it = items[0]!;
    report('attachmentSingle', it.p, it.at, it.at + single[0].length, { zh: `删去序号：“附件：${it.text.slice(single[0].length).trim()}”`, en: 'drop the number' });
  } else if (items.length > 1) {
    items.forEach((it, i) => {
      const m = numberOf(it.text);
      if (!m) report('attachmentNumber', it.p, it.at, it.at + Math.min(it.text.length, 4), { zh: `编序号：“${i + 1}.${it.text}”`, en: `number it: "${i + 1}.${it.text}"` });
      else if (m[2] !== '.' && m[2] !== '．') report('attachmentNumber', it.p, it.at, it.at + m[0].length, { zh: `序号写作“${m[1]}.”`, en: `write the number as "${m[1]}."` });
    });
  }
  for (const it of items) {
    if (!/[。；;，,]$/.test(it.text)) continue;
    const end = it.at + it.text.length;
    report('attachmentEnd', it.p, end - 1, end, { zh: '删去附件名称后的标点', en: 'drop the punctuation after the attachment name' });
  }
}

export default defineRule<{ format: Record<string, unknown> }>({
  meta: {
    id: 'format-elements',
    description: {
      zh: '公文要素的写法（GB/T 9704-2012）：发文字号、成文日期、附件说明、附注、主送机关、标题、抄送',
      en: 'how the 公文 elements are written (GB/T 9704-2012): document number, date, attachment list, note, addressee, title, copies',
    },
    defaultSeverity: 'warning',
    docs: 'docs/rules/format-elements.md',
    messages: {
      docNumber: { zh: '发文字号“{found}”：{problems}', en: 'document number "{found}": {problems}' },
      date: { zh: '成文日期“{found}”：{problems}', en: 'date "{found}": {problems}' },
      attachmentHead: { zh: '附件说明应以“附件：”开头（全角冒号）', en: 'the attachment list starts "附件：" (full-width colon)' },
      attachmentSingle: { zh: '只有一个附件时不编序号', en: 'a single attachment is not numbered' },
      attachmentNumber: { zh: '多个附件应依次编序号“1.”“2.”', en: 'several attachments are numbered "1." "2." …' },
      attachmentEnd: { zh: '附件名称后不加标点符号', en: 'no punctuation after an attachment name' },
      note: { zh: '附注应加圆括号（全角）', en: 'a note goes in (full-width) parentheses' },
      addressee: { zh: '主送机关末尾用全角冒号“：”', en: 'the addressee line ends in a full-width colon "："' },
      title: { zh: '标题末尾不加标点符号', en: 'no punctuation at the end of the title' },
      titleBreakWord: { zh: '标题回行拆开了词语“{word}”，回行应保持词意完整', en: 'the title breaks its line inside the word "{word}"; break between words' },
      titleBreakFunction: { zh: '标题行末的“{word}”应移到下一行，回行应保持词意完整', en: 'the title line ends with "{word}", which belongs to the next line' },
      cc: { zh: '抄送机关名称后加句号，“抄送”后用全角冒号', en: 'the copies line: full-width colon after 抄送, a full stop after the last office' },
    },
    options: FORMAT_OPTION,
  },
  check(doc, ctx) {
    const ps = doc.paragraphs;
    const titles = ps.filter((p) => p.element === 'title');
    const lastTitle = titles[titles.length - 1];
    if (lastTitle) {
      const [, end] = trimmedRange(lastTitle);
      if (/[。．，,；;：:、]$/.test(lastTitle.norm.slice(0, end))) ctx.report({ paragraph: lastTitle, start: end - 1, end, messageId: 'title', suggestion: { zh: '删去末尾的标点', en: 'drop it' } });
    }
    // A title over several lines (paragraphs, or line breaks in one) breaks between words (GB/T 9704 7.3.3).
    const lines = titleLines(doc, titles);
    for (let i = 0; i + 1 < lines.length; i++) {
      const line = lines[i]!;
      const next = lines[i + 1]!;
      const fault = breakFault(line.paragraph.norm.slice(line.start, line.end), next.paragraph.norm.slice(next.start, next.end));
      if (!fault) continue;
      const word = fault.word;
      if (fault.kind === 'word') {
        ctx.report({ paragraph: line.paragraph, start: line.end - fault.before, end: line.end, messageId: 'titleBreakWord', data: { word }, suggestion: { zh: `把“${word}”排在同一行`, en: `keep "${word}" on one line` } });
      } else {
        ctx.report({ paragraph: line.paragraph, start: line.end - word.length, end: line.end, messageId: 'titleBreakFunction', data: { word }, suggestion: { zh: `把“${word}”移到下一行行首`, en: `move "${word}" to the start of the next line` } });
      }
    }
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      switch (p.element) {
        case 'doc-number':
          docNumber(p, ctx);
          break;
        case 'date':
          date(p, ctx);
          break;
        case 'addressee': {
          const [, end] = trimmedRange(p);
          if (p.text[end - 1] === ':') ctx.report({ paragraph: p, start: end - 1, end, messageId: 'addressee', suggestion: { zh: '改为“：”', en: 'use "："' } });
          break;
        }
        case 'note': {
          const [s, end] = trimmedRange(p);
          const t = p.text.slice(s, end);
          if (/^\(.*\)$/.test(t) || /^[（(].*[)]$|^[(].*[）]$/.test(t)) ctx.report({ paragraph: p, start: s, end, messageId: 'note', suggestion: { zh: `写作“（${t.slice(1, -1)}）”`, en: `write "（${t.slice(1, -1)}）"` } });
          else if (!/^[（(]/.test(t) && /^(?:此件|本件|联系人|联系电话)/.test(t)) ctx.report({ paragraph: p, start: s, end, messageId: 'note', suggestion: { zh: `写作“（${t}）”`, en: `write "（${t}）"` } });
          break;
        }
        case 'cc': {
          const [s, end] = trimmedRange(p);
          const t = p.text.slice(s, end);
          const colonHalf = /^抄\s*[送报]\s*:/.test(t);
          const offices = t.replace(/^抄\s*[送报]\s*[：:]\s*/, '');
          if (colonHalf || (offices.length > 0 && !/。$/.test(offices))) ctx.report({ paragraph: p, start: s, end, messageId: 'cc', suggestion: { zh: `写作“抄送：${offices.replace(/[，,；;.．]$/, '')}。”`, en: 'end with "。"' } });
          break;
        }
        case 'attachment-note': {
          if (ps[i - 1]?.element === 'attachment-note') break;
          const lines: Paragraph[] = [];
          for (let j = i; j < ps.length && (ps[j]!.element === 'attachment-note' || ps[j]!.element === 'blank'); j++) if (ps[j]!.element === 'attachment-note') lines.push(ps[j]!);
          attachmentNote(lines, ctx);
          break;
        }
      }
    }
  },
});
