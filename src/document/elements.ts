// The elements of a 公文 (GB/T 9704-2012 §7): which paragraph is the title, the 主送机关, a heading of which
// level, the 附件说明, 署名, 成文日期, 附注, an attachment, the 版记. Decided here once, from the text and its
// position (every format) and the reader's title and heading facts (.docx styles, outline levels), so every
// rule, the JSON output and the HTML report give the same answer.
import type { ElementKind, Paragraph } from './model.js';
import { parseHeadingMarker } from './heading-marker.js';

/** Chinese digits as a date or 文号 may write them. */
const CN_DIGIT = '〇○零一二三四五六七八九十';
const YEAR = `(?:\\d{4}|[${CN_DIGIT}]{4})`;
const NUM = `(?:\\d{1,2}|[${CN_DIGIT}]{1,3})`;

/** A line that is only a date: 2024年8月6日 (also 二〇二四年八月六日, 08月, 6号, spaces between). */
export const DATE_LINE = new RegExp(`^${YEAR}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*[日号]$`);

/**
 * A 发文字号 line: 机关代字 + year in brackets of any shape + number + 号, alone or beside 签发人
 * (国办发〔2024〕5号, 云政办发[2024]第05号, X发（2024）5号　　签发人：张三).
 */
export const DOC_NUMBER_LINE = /^[\u4e00-\u9fa5A-Za-z]{1,16}\s*[〔［\[（(【{]\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*[〕］\]）)】}]\s*第?\s*\d{1,5}\s*号(?:\s+.{0,20})?$/;

/** 版头 lines other than the 发文字号: 份号, 密级和保密期限, 紧急程度, 发文机关标志 (…文件), 签发人. */
const HEAD_LINE = /^(?:\d{6}|(?:绝密|机密|秘密)(?:[★\s]*\S{0,8})?|特急|加急|特提|平急|.{2,40}文件|签发人[：:].{0,20})$/;

/** 版记: 抄送 (抄报) lines, and 印发机关 + 印发日期 ending in 印发. */
const CC_LINE = /^抄\s*[送报]\s*[：:]/;
const PRINTER_LINE = /印\s*发$/;

/** The 附件说明 (附件：1. …), or a bare "附件" line before the 署名. */
const ATTACHMENT_NOTE = /^附\s*件\s*(?:\d{1,2}\s*)?[：:]/;
/** The mark on an attachment's first page: 附件 / 附件1 alone on its line. */
const ATTACHMENT_MARK = /^附\s*件\s*\d{0,2}$/;
/** A continuation line of a numbered 附件说明 ("2. …"). */
const ATTACHMENT_ITEM = /^\d{1,2}\s*[.．、]\s*\S/;

/** Closing formulas are body text, never a 署名. */
const CLOSING = /^(?:特此|专此|此复|妥否|以上|当否)/;
/** What a 署名 line never ends with. */
const SENTENCE_END = /[。；：:，,！？!?、]$/;

/** How many non-empty paragraphs before the title may be 版头 lines. */
const HEAD_SCAN = 8;
/** A 主送机关 line is short and is no sentence of the body ("现将…报告如下：" is). */
const ADDRESSEE_MAX = 80;
const NOT_ADDRESSEE = /现将|如下|通知|报告|意见|为了|为进一步|根据|按照|经研究|。/;
/** A 署名 is at most a few short lines (joint documents name every office). */
const SIGNATURE_MAX_LINES = 4;
const SIGNATURE_MAX_LENGTH = 40;
/** Lines of text the 成文日期 comes after at least: body, then the 署名. */
const DATE_AFTER_TITLE = 2;
/** A heading line (not a run-in heading) is short. */
const HEADING_LINE_MAX = 60;

/** A title names its kind of document last (GB/T 9704 7.3.3: 发文机关 + 事由 + 文种). */
const DOC_TYPE_END = /(?:决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要|方案|办法|规定|细则|规则|条例|规划|计划|要点|总结|讲话|制度|章程|预案|汇报|建议|提案)$/;
/** A title set over more lines than this is not one. */
const TITLE_MAX_LINES = 3;
/** A 2号 title line holds about 20 characters; a line twice that is prose. */
const TITLE_LINE_MAX = 40;
/** What a continued title line is not: a sentence, a heading, a date or 文号, a subtitle or a note. */
const NOT_TITLE_LINE = /[。；;，,：:！？!?]|^[（(—–-]/;

// String.prototype.trim strips exactly what \s matches, the ideographic space U+3000 included.
const trimmed = (p: Paragraph): string => p.norm.trim();

function headingElement(p: Paragraph): ElementKind | undefined {
  const marker = parseHeadingMarker(p.norm);
  if (marker?.level === 'chapter') return 'chapter';
  // 第X条 is an article of body text, whatever outline level a template gives it.
  if (marker?.level === 'article') return undefined;
  // A numbered paragraph is an item of its level, whether a heading line or a run-in one (（一）以学为本。…).
  if (typeof marker?.level === 'number') return `heading-${marker.level}`;
  // Styled as a heading but carrying no 一、（一）1.（1）: its GB/T level is unknown.
  if (p.kind === 'heading') return 'heading';
  return undefined;
}

/**
 * How many of the lines right below the first line of a title in a draft with no styles (.txt, .md) continue
 * it: short lines with no sentence punctuation, following one another with no empty line, while the title has
 * not yet named its kind of document — and only when the last of them does (…关于印发《…》的 / 通知).
 */
function continuedTitleLines(first: Paragraph, below: Paragraph[]): number {
  let text = trimmed(first);
  if (DOC_TYPE_END.test(text)) return 0;
  let prev = first;
  for (let n = 0; n < below.length; n++) {
    const p = below[n]!;
    const t = trimmed(p);
    if (p.index !== prev.index + 1 || p.style !== undefined || t.length > TITLE_LINE_MAX || NOT_TITLE_LINE.test(t)) return 0;
    if (parseHeadingMarker(p.norm) || DATE_LINE.test(t) || DOC_NUMBER_LINE.test(t)) return 0;
    text += t;
    prev = p;
    if (DOC_TYPE_END.test(text)) {
      for (const q of below.slice(0, n + 1)) q.element = 'title';
      return n + 1;
    }
  }
  return 0;
}

/**
 * Sets `element` on every paragraph. Order of decisions: 版头 and title at the head, 版记 at the foot, the
 * 成文日期 (the first date-only line after the title) with the 署名 above it, 附注 and attachments below it,
 * the 附件说明 just above the 署名, the 主送机关 just below the title; headings and body in between.
 */
export function recognizeElements(paragraphs: Paragraph[]): void {
  for (const p of paragraphs) p.element = trimmed(p) === '' ? 'blank' : p.kind === 'table-cell' ? 'table-cell' : 'body';
  const filled = paragraphs.filter((p) => p.element !== 'blank');
  const flow = filled.filter((p) => p.kind !== 'table-cell');
  if (flow.length === 0) return;

  // Head: the title as the reader found it, and the 版头 lines above it (the 发文字号 among them).
  const titleAt = flow.findIndex((p, i) => i < HEAD_SCAN * 2 && p.kind === 'title');
  let at = 0;
  if (titleAt >= 0) {
    // 版头 lines are often table cells (WPS templates set them in a table).
    for (const p of filled) {
      if (p.index >= flow[titleAt]!.index) break;
      p.element = DOC_NUMBER_LINE.test(trimmed(p)) ? 'doc-number' : 'header';
    }
    at = titleAt;
  }
  // A text reader takes the first line for the title: a 文号 or another 版头 line may be that line.
  const headEnd = Math.min(flow.length, at + HEAD_SCAN);
  for (; at < headEnd; at++) {
    const p = flow[at]!;
    const t = trimmed(p);
    if (DOC_NUMBER_LINE.test(t)) p.element = 'doc-number';
    else if (HEAD_LINE.test(t) && flow.slice(at + 1, at + 4).some((q) => DOC_NUMBER_LINE.test(trimmed(q)) || q.kind === 'title')) p.element = 'header';
    else break;
  }
  let titleEnd = at;
  const first = flow[at];
  if (first && (first.kind === 'title' || (at > 0 && parseHeadingMarker(first.norm) === undefined && !/[。；：:，,]$/.test(trimmed(first)) && trimmed(first).length <= HEADING_LINE_MAX))) {
    first.element = 'title';
    titleEnd = at + 1;
    while (titleEnd < flow.length && flow[titleEnd]!.kind === 'title') flow[titleEnd++]!.element = 'title';
    if (first.style === undefined && titleEnd === at + 1) titleEnd += continuedTitleLines(first, flow.slice(titleEnd, titleEnd + TITLE_MAX_LINES - 1));
  }

  // 主送机关: the first line below the title, short, ending in a colon.
  let bodyStart = titleEnd;
  const next = flow[titleEnd];
  if (next && titleEnd > 0) {
    const t = trimmed(next);
    if (/[：:]$/.test(t) && t.length <= ADDRESSEE_MAX && !NOT_ADDRESSEE.test(t) && !parseHeadingMarker(next.norm)) {
      next.element = 'addressee';
      bodyStart = titleEnd + 1;
    }
  }

  // Foot: the 版记 lines, wherever they stand (a table at the end, or plain lines).
  const tail = filled.slice(-8);
  for (const p of tail) {
    const t = trimmed(p);
    if (CC_LINE.test(t)) p.element = 'cc';
    else if (PRINTER_LINE.test(t) && /\d{4}\s*年|[〇○零一二三四五六七八九]{4}\s*年/.test(t) && t.length <= 60) p.element = 'printer';
  }
  // A 抄送 label on its own line ("抄送：" in one cell, the offices in the next) continues into the next line.
  for (let i = 0; i + 1 < tail.length; i++) {
    if (tail[i]!.element === 'cc' && /[：:]$/.test(trimmed(tail[i]!)) && tail[i + 1]!.element !== 'printer') tail[i + 1]!.element = 'cc';
  }
  const end = flow.findIndex((p) => p.element === 'cc' || p.element === 'printer');
  const bodyEnd = end < 0 ? flow.length : end;

  // 成文日期: the first date-only line after the title; the 署名 lines right above it.
  let dateAt = -1;
  // A date in the first lines below the title belongs to it (a speech's or a minute's date), not to the 署名.
  for (let i = bodyStart + DATE_AFTER_TITLE; i < bodyEnd; i++) {
    if (DATE_LINE.test(trimmed(flow[i]!))) {
      dateAt = i;
      break;
    }
  }
  let closingStart = bodyEnd;
  if (dateAt >= 0) {
    flow[dateAt]!.element = 'date';
    closingStart = dateAt;
    for (let i = dateAt - 1, n = 0; i >= bodyStart && n < SIGNATURE_MAX_LINES; i--, n++) {
      const p = flow[i]!;
      const t = trimmed(p);
      // The 署名 stands right above the date (one empty line between at most); text further up is body.
      if (flow[i + 1]!.index - p.index > 2) break;
      if (t.length > SIGNATURE_MAX_LENGTH || SENTENCE_END.test(t) || CLOSING.test(t) || parseHeadingMarker(p.norm) || ATTACHMENT_NOTE.test(t) || ATTACHMENT_MARK.test(t) || ATTACHMENT_ITEM.test(t)) break;
      p.element = 'signature';
      closingStart = i;
    }
    // Below the date: 附注 (in parentheses, or the line right below it), then attachments, up to the 版记.
    let i = dateAt + 1;
    for (; i < bodyEnd; i++) {
      const p = flow[i]!;
      const t = trimmed(p);
      if (ATTACHMENT_MARK.test(t) || p.kind === 'title') break;
      if (i === dateAt + 1 || /^[（(]/.test(t)) p.element = 'note';
      else break;
    }
    for (; i < bodyEnd; i++) flow[i]!.element = 'attachment';
  }

  // 附件说明: the lines from "附件：" to the 署名 (or the end of the body), its numbered items included.
  const noteFrom = flow.findIndex((p, i) => i >= bodyStart && i < closingStart && ATTACHMENT_NOTE.test(trimmed(p)));
  if (noteFrom >= 0 && closingStart - noteFrom <= 20) {
    for (let i = noteFrom; i < closingStart; i++) {
      const p = flow[i]!;
      if (i > noteFrom && !ATTACHMENT_ITEM.test(trimmed(p)) && !/^\s*[\u3000\s]/.test(p.text)) break;
      p.element = 'attachment-note';
    }
  }

  for (let i = bodyStart; i < closingStart; i++) {
    const p = flow[i]!;
    if (p.element !== 'body') continue;
    const heading = headingElement(p);
    if (heading) p.element = heading;
  }
}

/** Element names as a drafter reads them. */
export const ELEMENT_LABELS: Record<ElementKind, { zh: string; en: string }> = {
  header: { zh: '版头', en: 'header' },
  'doc-number': { zh: '发文字号', en: 'document number' },
  title: { zh: '标题', en: 'title' },
  addressee: { zh: '主送机关', en: 'addressee' },
  body: { zh: '正文', en: 'body' },
  'heading-1': { zh: '一级标题', en: 'level-1 heading' },
  'heading-2': { zh: '二级标题', en: 'level-2 heading' },
  'heading-3': { zh: '三级标题', en: 'level-3 heading' },
  'heading-4': { zh: '四级标题', en: 'level-4 heading' },
  chapter: { zh: '章标题', en: 'chapter heading' },
  heading: { zh: '标题（无序号）', en: 'unnumbered heading' },
  'attachment-note': { zh: '附件说明', en: 'attachment list' },
  signature: { zh: '署名', en: 'signature' },
  date: { zh: '成文日期', en: 'date' },
  note: { zh: '附注', en: 'note' },
  attachment: { zh: '附件', en: 'attachment' },
  cc: { zh: '抄送', en: 'copies to' },
  printer: { zh: '印发机关和印发日期', en: 'printed by' },
  'table-cell': { zh: '表格', en: 'table' },
  blank: { zh: '空行', en: 'empty line' },
};
