// --format html: one self-contained page for people who do not live in a terminal. Per file: the page
// count against the limit, the document type and why, counts by rule, the text with every finding
// highlighted in place, and a findings list; rule and severity filters. No network, no external assets.
import type { Locale } from '../api.js';
import type { Paragraph } from '../document/model.js';
import { ELEMENT_LABELS } from '../document/elements.js';
import type { FileResult, LintMessage, MessageSeverity } from '../engine/result.js';
import { SEVERITY_WORDS, describePages } from './labels.js';
import type { Formatter, FormatterContext } from './types.js';

const SEVERITIES: MessageSeverity[] = ['error', 'warning', 'info'];

const WORDS = {
  zh: {
    title: 'wenfeng 公文检查报告',
    files: (n: number) => `${n} 个文件`,
    problems: (t: number, e: number, w: number, i: number) => `${t} 个问题（${e} 个错误，${w} 个警告，${i} 个提示）`,
    clean: '没有发现问题',
    filters: '筛选',
    rules: '规则',
    severity: '级别',
    docType: '文种',
    pages: '篇幅',
    pageBar: (about: boolean, count: number, limit: number | undefined) =>
      `${about ? '约 ' : ''}${count} 页 / ${limit === undefined ? '无页数上限' : `上限 ${limit} 页`}`,
    source: { flag: '由 --type 指定', config: '由配置文件指定', title: '据标题判断', default: '未能判断，按默认' },
    byRule: '按规则统计',
    total: '合计',
    findings: '问题列表',
    text: '正文（标出问题）',
    noText: '没有可显示的正文。',
    suggestion: '建议：',
    whole: '全文',
    cannotRead: '无法读取',
    close: '关闭',
    details: '问题详情（Esc 关闭）',
    showInList: '在列表中查看',
    shown: (s: number | string, t: number) => `显示 ${s} / ${t} 条`,
    reader: '读取',
    substance: '干货',
    substanceLine: (share: number, n: number, t: number, tao: number | undefined) => `${share}% 的句子有具体内容（${n} / ${t} 句）${tao === undefined ? '' : `；套话每千字 ${tao} 处`}`,
  },
  en: {
    title: 'wenfeng report',
    files: (n: number) => `${n} file${n === 1 ? '' : 's'}`,
    problems: (t: number, e: number, w: number, i: number) => `${t} problem(s) (${e} error(s), ${w} warning(s), ${i} info)`,
    clean: 'no problems',
    filters: 'Filter',
    rules: 'Rules',
    severity: 'Severity',
    docType: 'Document type',
    pages: 'Length',
    pageBar: (about: boolean, count: number, limit: number | undefined) =>
      `${about ? '~' : ''}${count} page${count === 1 ? '' : 's'} / ${limit === undefined ? 'no page limit' : `limit ${limit}`}`,
    source: { flag: 'set with --type', config: 'set in the config file', title: 'read from the title', default: 'not recognised; the default' },
    byRule: 'By rule',
    total: 'Total',
    findings: 'Findings',
    text: 'Text, findings highlighted',
    noText: 'No text to show.',
    suggestion: 'Suggestion: ',
    whole: 'file',
    cannotRead: 'Cannot read',
    close: 'Close',
    details: 'Details (Esc closes)',
    showInList: 'Show in list',
    shown: (s: number | string, t: number) => `showing ${s} of ${t}`,
    reader: 'reader',
    substance: 'Substance',
    substanceLine: (share: number, n: number, t: number, tao: number | undefined) => `${share}% of sentences concrete (${n} of ${t})${tao === undefined ? '' : `; ${tao} formulas per thousand characters`}`,
  },
} satisfies Record<Locale, unknown>;

type Words = (typeof WORDS)['zh'] | (typeof WORDS)['en'];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike; characters XML forbids are dropped rather than passed on. */
function escapeHtml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** A finding's range in its paragraph, in code points (end exclusive). */
interface Span {
  id: number;
  start: number;
  end: number;
}

/** Paragraph for a message line: docx/pdf count paragraphs, text formats count source lines. */
function paragraphsByLine(paragraphs: Paragraph[]): Map<number, Paragraph> {
  const map = new Map<number, Paragraph>();
  for (const p of paragraphs) {
    const line = p.sourceLine ?? p.index + 1;
    if (!map.has(line)) map.set(line, p);
  }
  return map;
}

/**
 * Where a message sits in its paragraph, or undefined when it is about the whole file (reader
 * warnings, rule crashes) or its columns fall outside the text.
 */
function spanOf(m: LintMessage, p: Paragraph | undefined, id: number, length: number): Span | undefined {
  if (!p || m.text === undefined || m.endLine !== m.line) return undefined;
  const offset = p.sourceOffset ?? 0;
  const start = m.column - 1 - offset;
  const end = m.endColumn - offset;
  if (start < 0 || end > length || end < start) return undefined;
  return { id, start, end };
}

const HALF_WIDTH_MARKS = /[,;:?!()]/g;

/**
 * A finding about its paragraph as a whole rather than about words in it: paragraph-length, the
 * per-paragraph group of half-width punctuation (one finding for many marks), anything covering most of
 * the paragraph (page-limit on the title, a long sentence that is most of its paragraph). Highlighting
 * those would paint whole paragraphs; they get a marker in the margin instead.
 */
function isParagraphLevel(m: LintMessage, span: Span, length: number): boolean {
  if (m.ruleId === 'paragraph-length') return true;
  if (m.ruleId === 'punctuation' && m.fixable && (m.text?.match(HALF_WIDTH_MARKS)?.length ?? 0) > 1) return true;
  const covered = span.end - span.start;
  return covered >= 12 && covered >= length * 0.6;
}

/**
 * A paragraph's text with its findings as <mark>s. Ranges that nest become nested marks; a range that
 * crosses another is split into pieces (the first carries the id, the rest class "cont"), so the
 * markup stays well formed whatever overlaps.
 */
function markParagraph(chars: string[], spans: Span[], open: (s: Span, piece: number) => string): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const cuts = new Set<number>([0, chars.length]);
  for (const s of sorted) cuts.add(s.start).add(s.end);
  const positions = [...cuts].sort((a, b) => a - b);
  const pieces = new Map<number, number>();
  const openPiece = (s: Span): string => {
    const n = pieces.get(s.id) ?? 0;
    pieces.set(s.id, n + 1);
    return open(s, n);
  };
  const stack: Span[] = [];
  let next = 0;
  let html = '';
  for (let k = 0; k < positions.length; k++) {
    const pos = positions[k]!;
    // Close what ends here; marks opened later that run on are closed too and reopened as pieces.
    const lowest = stack.findIndex((s) => s.end === pos);
    if (lowest >= 0) {
      const above = stack.splice(lowest);
      html += '</mark>'.repeat(above.length);
      for (const s of above) {
        if (s.end === pos) continue;
        stack.push(s);
        html += openPiece(s);
      }
    }
    while (next < sorted.length && sorted[next]!.start === pos) {
      const s = sorted[next++]!;
      if (s.end === s.start) {
        html += `${openPiece(s)}</mark>`;
      } else {
        stack.push(s);
        html += openPiece(s);
      }
    }
    const to = positions[k + 1];
    if (to !== undefined) html += escapeHtml(chars.slice(pos, to).join(''));
  }
  return html + '</mark>'.repeat(stack.length);
}

function pageFacts(r: FileResult, locale: Locale, w: Words): string {
  const p = r.pages;
  if (!p) return '';
  const limit = r.docType?.pageLimit;
  const scale = Math.max(p.count, limit ?? 0, 1);
  const state = limit === undefined ? 'none' : p.count > limit ? 'over' : p.count === limit ? 'full' : 'ok';
  const pct = limit ? Math.round((p.count / limit) * 100) : undefined;
  const marker = limit !== undefined ? `<span class="limit" style="left:${((limit / scale) * 100).toFixed(1)}%"></span>` : '';
  return `<div class="fact pages ${state}"><div class="k">${escapeHtml(w.pages)}</div><div class="v"><div class="bar" role="img" aria-label="${escapeHtml(w.pageBar(!p.exact, p.count, limit))}"><span class="fill" style="width:${((p.count / scale) * 100).toFixed(1)}%"></span>${marker}</div><div class="bar-label"><strong>${escapeHtml(w.pageBar(!p.exact, p.count, limit))}</strong>${pct !== undefined ? ` <span class="pct">${pct}%</span>` : ''}</div><div class="note">${escapeHtml(describePages(r, locale))}</div></div></div>`;
}

/** The specificity rule's share of concrete sentences (and the 套话 density), when those rules ran. */
function substanceFacts(r: FileResult, w: Words): string {
  const { specificity, specificSentences, sentences, boilerplatePerThousand } = r.stats ?? {};
  if (specificity === undefined || !sentences) return '';
  const share = Math.round(specificity * 100);
  return `<div class="fact substance"><div class="k">${escapeHtml(w.substance)}</div><div class="v"><div class="bar" role="img" aria-label="${share}%"><span class="fill" style="width:${share}%"></span></div><div class="bar-label"><strong>${escapeHtml(w.substanceLine(share, specificSentences ?? 0, sentences, boilerplatePerThousand))}</strong></div></div></div>`;
}

function typeFacts(r: FileResult, w: Words): string {
  const t = r.docType;
  if (!t) return '';
  return `<div class="fact type"><div class="k">${escapeHtml(w.docType)}</div><div class="v"><strong>${escapeHtml(t.label)}</strong> <span class="src">${escapeHtml(w.source[t.source])}</span>${t.reason ? `<div class="note">${escapeHtml(t.reason)}</div>` : ''}</div></div>`;
}

function ruleCounts(r: FileResult, w: Words, sevWords: Record<MessageSeverity, string>, ctx: FormatterContext): string {
  if (r.messages.length === 0) return '';
  const counts = new Map<string, Record<MessageSeverity, number>>();
  for (const m of r.messages) {
    const key = m.ruleId ?? '';
    const c = counts.get(key) ?? { error: 0, warning: 0, info: 0 };
    c[m.severity]++;
    counts.set(key, c);
  }
  const total = (c: Record<MessageSeverity, number>): number => c.error + c.warning + c.info;
  const rows = [...counts].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  const cell = (n: number, sev: MessageSeverity): string => `<td class="n${n ? ` sev-${sev}` : ''}">${n || ''}</td>`;
  const body = rows
    .map(([rule, c]) => {
      const desc = ctx.rulesMeta?.[rule]?.description;
      return `<tr><th scope="row"${desc ? ` title="${escapeHtml(desc)}"` : ''}><code>${escapeHtml(rule || w.reader)}</code></th>${SEVERITIES.map((s) => cell(c[s], s)).join('')}<td class="n">${total(c)}</td></tr>`;
    })
    .join('');
  return `<table class="counts"><caption>${escapeHtml(w.byRule)}</caption><thead><tr><th></th>${SEVERITIES.map((s) => `<th>${escapeHtml(sevWords[s])}</th>`).join('')}<th>${escapeHtml(w.total)}</th></tr></thead><tbody>${body}</tbody></table>`;
}

function fileSection(r: FileResult, f: number, ctx: FormatterContext, w: Words): string {
  const sevWords = SEVERITY_WORDS[ctx.locale];
  const head = `<h2><span class="path">${escapeHtml(r.path)}</span></h2>`;
  if (r.fatal) {
    // Listed like any finding (rule "读取"), so the header's counts, the filters' counts and what the
    // filters hide agree whether or not a file could be read.
    const items = r.messages
      .map((m, i) => `<li id="f${f}-m${i}-li" data-m="${i}" data-rule="${escapeHtml(m.ruleId ?? '')}" data-severity="${m.severity}"><span class="pos">${escapeHtml(w.whole)}</span> <span class="sev">${escapeHtml(sevWords[m.severity])}</span> <span class="msg"><strong>${escapeHtml(w.cannotRead)}</strong>${ctx.locale === 'zh' ? '：' : ': '}${escapeHtml(m.message)}</span> <code class="rule">${escapeHtml(m.ruleId ?? w.reader)}</code></li>`)
      .join('');
    return `<section class="file fatal" id="f${f}">${head}<div class="list-wrap"><ol class="findings fatal-msg">${items}</ol></div></section>`;
  }
  const paragraphs = r.document?.paragraphs ?? [];
  const byLine = paragraphsByLine(paragraphs);
  const charsOf = new Map<Paragraph, string[]>();
  const chars = (p: Paragraph): string[] => {
    let c = charsOf.get(p);
    if (!c) charsOf.set(p, (c = [...p.text]));
    return c;
  };
  const spansOf = new Map<Paragraph, Span[]>();
  const marginOf = new Map<Paragraph, number[]>();
  const anchored = new Set<number>();
  r.messages.forEach((m, i) => {
    const p = byLine.get(m.line);
    const span = spanOf(m, p, i, p ? chars(p).length : 0);
    if (!p || !span) return;
    anchored.add(i);
    if (isParagraphLevel(m, span, chars(p).length)) marginOf.set(p, [...(marginOf.get(p) ?? []), i]);
    else spansOf.set(p, [...(spansOf.get(p) ?? []), span]);
  });
  const attrs = (m: LintMessage): string => `data-rule="${escapeHtml(m.ruleId ?? '')}" data-severity="${m.severity}"`;
  const marginMarker = (i: number): string => {
    const m = r.messages[i]!;
    return `<mark class="para" id="f${f}-m${i}" data-m="${i}" ${attrs(m)} tabindex="0" title="${escapeHtml(m.message)}"></mark>`;
  };
  const open = (s: Span, piece: number): string => {
    const m = r.messages[s.id]!;
    return piece === 0
      ? `<mark id="f${f}-m${s.id}" data-m="${s.id}" ${attrs(m)} tabindex="0">`
      : `<mark class="cont" data-m="${s.id}" ${attrs(m)}>`;
  };

  const items = r.messages
    .map((m, i) => {
      const pos = anchored.has(i) ? `<a class="pos" href="#f${f}-m${i}">${m.line}:${m.column}</a>` : `<span class="pos">${escapeHtml(w.whole)}</span>`;
      const sug = m.suggestion ? `<div class="sug">${escapeHtml(w.suggestion)}${escapeHtml(m.suggestion)}</div>` : '';
      return `<li id="f${f}-m${i}-li" data-m="${i}" ${attrs(m)}>${pos} <span class="sev">${escapeHtml(sevWords[m.severity])}</span> <span class="msg">${escapeHtml(m.message)}</span> <code class="rule">${escapeHtml(m.ruleId ?? w.reader)}</code>${sug}</li>`;
    })
    .join('');
  const list = r.messages.length
    ? `<div class="list-wrap"><h3>${escapeHtml(w.findings)} <span class="shown" data-template="${escapeHtml(w.shown('{s}', r.messages.length))}">${escapeHtml(w.shown(r.messages.length, r.messages.length))}</span></h3><ol class="findings">${items}</ol></div>`
    : `<p class="clean">✔ ${escapeHtml(w.clean)}</p>`;

  const body = paragraphs
    .filter((p) => p.text.trim() !== '' || spansOf.has(p) || marginOf.has(p))
    .map((p) => {
      const line = p.sourceLine ?? p.index + 1;
      const c = chars(p);
      const spans = spansOf.get(p) ?? [];
      // Generated list numbering (not typed by the drafter) is dimmed when no finding runs into it.
      const nCp = [...p.text.slice(0, p.numberingLength ?? 0)].length;
      const text = nCp > 0 && spans.every((s) => s.start >= nCp)
        ? `<span class="num">${escapeHtml(c.slice(0, nCp).join(''))}</span>${markParagraph(c.slice(nCp), spans.map((s) => ({ ...s, start: s.start - nCp, end: s.end - nCp })), open)}`
        : markParagraph(c, spans, open);
      const margin = marginOf.get(p);
      const markers = margin ? `<span class="margin">${margin.map(marginMarker).join('')}</span>` : '';
      // The 公文 element (标题, 主送机关, 署名, 成文日期, 版记 …) as a label in the gutter; body text carries none.
      const el = p.element && p.element !== 'body' && p.element !== 'blank' && p.element !== 'table-cell' ? p.element : undefined;
      const element = el ? ` data-element="${el}" data-element-label="${escapeHtml(ELEMENT_LABELS[el][ctx.locale])}"` : '';
      return `<p class="k-${p.kind}${margin ? ' has-margin' : ''}" data-line="${line}"${element}>${markers}${text}</p>`;
    })
    .join('\n');
  const doc = `<div class="doc-wrap"><h3>${escapeHtml(w.text)}</h3><article class="doc" lang="zh-CN">${body || `<p class="empty">${escapeHtml(w.noText)}</p>`}</article></div>`;
  const facts = `<div class="facts">${typeFacts(r, w)}${pageFacts(r, ctx.locale, w)}${substanceFacts(r, w)}${ruleCounts(r, w, sevWords, ctx)}</div>`;
  return `<section class="file" id="f${f}">${head}${facts}<div class="cols">${doc}${list}</div></section>`;
}

function filterBar(results: FileResult[], w: Words, sevWords: Record<MessageSeverity, string>, ctx: FormatterContext): string {
  const rules = new Map<string, number>();
  const sevs: Record<MessageSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    for (const m of r.messages) {
      rules.set(m.ruleId ?? '', (rules.get(m.ruleId ?? '') ?? 0) + 1);
      sevs[m.severity]++;
    }
  }
  if (rules.size === 0) return '';
  const box = (kind: string, value: string, label: string, count: number, title?: string): string =>
    `<label${title ? ` title="${escapeHtml(title)}"` : ''}><input type="checkbox" data-filter="${kind}" value="${escapeHtml(value)}" checked> ${label} <span class="c">${count}</span></label>`;
  const ruleBoxes = [...rules]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, n]) => box('rule', id, `<code>${escapeHtml(id || w.reader)}</code>`, n, ctx.rulesMeta?.[id]?.description))
    .join('');
  const sevBoxes = SEVERITIES.filter((s) => sevs[s] > 0)
    .map((s) => box('severity', s, `<span class="sevdot sev-${s}"></span>${escapeHtml(sevWords[s])}`, sevs[s]))
    .join('');
  return `<form class="filters" id="filters" onsubmit="return false"><span class="k">${escapeHtml(w.filters)}</span><fieldset><legend>${escapeHtml(w.severity)}</legend>${sevBoxes}</fieldset><fieldset><legend>${escapeHtml(w.rules)}</legend>${ruleBoxes}</fieldset></form>`;
}

const CSS = `
:root{--ui:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;--doc:"FangSong","STFangsong","仿宋","仿宋_GB2312","Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun",serif;--err:#c62828;--warn:#b26a00;--info:#1565c0;--line:#e3e3e3}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 var(--ui);color:#222;background:#f5f5f2}
header{padding:16px 24px 8px;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 4px}
.summary{margin:0;color:#555}
.filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center;padding:8px 24px;background:#fffdf6;border-bottom:1px solid var(--line)}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:center}
.filters legend{float:left;color:#777;margin-right:6px;padding:0}
.filters>.k{font-weight:600}
.filters label{cursor:pointer;white-space:nowrap}
.c{color:#888;font-size:12px}
code{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f0f0ec;padding:0 3px;border-radius:3px}
section.file{margin:16px 24px;background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 20px 20px}
h2{font-size:16px;margin:4px 0 12px;word-break:break-all}
h3{font-size:14px;margin:8px 0;color:#444}
.facts{display:flex;flex-wrap:wrap;gap:12px 32px;align-items:flex-start;padding-bottom:12px;border-bottom:1px solid var(--line)}
.fact{display:flex;gap:10px;min-width:240px}
.fact .k{color:#777;white-space:nowrap}
.note,.src{color:#777;font-size:12px}
.bar{position:relative;width:260px;height:12px;background:#eee;border-radius:6px;margin-top:5px}
.bar .fill{position:absolute;left:0;top:0;bottom:0;border-radius:6px;background:#43a047}
.pages.full .fill{background:#f9a825}
.pages.over .fill{background:var(--err)}
.pages.none .fill{background:#90a4ae}
.bar .limit{position:absolute;top:-4px;bottom:-4px;width:2px;background:#222}
.pages.over .bar-label strong,.pages.over .pct{color:var(--err)}
.pct{font-size:12px;color:#555}
table.counts{border-collapse:collapse;font-size:12px}
table.counts caption{text-align:left;color:#777;padding-bottom:2px}
table.counts th,table.counts td{padding:1px 8px;border-bottom:1px solid #f0f0f0;text-align:right}
table.counts th[scope=row]{text-align:left}
td.sev-error{color:var(--err)}td.sev-warning{color:var(--warn)}td.sev-info{color:var(--info)}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:24px;margin-top:8px}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
.doc{font:16px/2 var(--doc);color:#111}
.doc p{margin:0 0 2px;padding-left:3.2em;position:relative;white-space:pre-wrap;word-break:break-all}
.doc p::before{content:attr(data-line);position:absolute;left:0;width:2.6em;text-align:right;color:#bbb;font:11px/32px var(--ui)}
.doc p.k-title{text-align:center;font-size:20px;font-weight:700;margin:4px 0 10px}
.doc p.k-heading{font-weight:700}
.doc p[data-element-label]::after{content:attr(data-element-label);position:absolute;left:0;top:1.6em;width:2.6em;text-align:right;color:#8a8a8a;font:10px/1.2 var(--ui);font-weight:400}
.doc .num{color:#888}
mark{background:rgba(255,213,79,.38);color:inherit;border-bottom:2px solid var(--warn);cursor:pointer;padding:1px 0;border-radius:2px}
mark[data-severity=error]{background:rgba(239,83,80,.2);border-bottom-color:var(--err)}
mark[data-severity=info]{background:rgba(66,165,245,.16);border-bottom-color:var(--info)}
mark:empty{display:inline-block;min-width:.6em;height:1em;vertical-align:middle}
.doc p{padding-right:2.2em}
.doc .margin{position:absolute;right:0;top:.45em;display:flex;flex-direction:column;gap:3px;width:1.5em;align-items:center}
.doc p.has-margin{box-shadow:inset -2px 0 0 #e0e0e0}
mark.para{display:block;width:1.25em;height:1.25em;min-width:0;border:0;border-radius:50%;background:var(--warn);padding:0;font:700 11px/1.25em var(--ui);text-align:center;color:#fff}
mark.para::before{content:"¶"}
mark.para[data-severity=error]{background:var(--err)}
mark.para[data-severity=info]{background:var(--info)}
mark.para.off{display:none}
mark.off{background:transparent;border-bottom-color:transparent;cursor:text}
mark:target,mark.pinned{outline:2px solid #222;outline-offset:1px}
.list-wrap{position:relative}
.findings{list-style:none;margin:0;padding:0;max-height:80vh;overflow:auto;border-top:1px solid var(--line)}
.findings li{padding:6px 4px;border-bottom:1px solid #f0f0f0;font-size:13px}
.findings li.off{display:none}
.findings li.current{background:#fff8e1}
.findings .pos{color:#777;font:12px ui-monospace,Menlo,monospace;margin-right:4px}
.sev{font-size:12px;font-weight:600}
[data-severity=error]>.sev{color:var(--err)}[data-severity=warning]>.sev{color:var(--warn)}[data-severity=info]>.sev{color:var(--info)}
.sug{color:#2e7d32;font-size:12px;margin-top:2px}
.rule{color:#666}
.sevdot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:3px}
.sevdot.sev-error{background:var(--err)}.sevdot.sev-warning{background:var(--warn)}.sevdot.sev-info{background:var(--info)}
.fatal-msg{color:var(--err)}
.fatal-msg .msg{color:var(--err)}
.clean{color:#2e7d32}
#tip{position:absolute;z-index:20;max-width:360px;background:#263238;color:#fff;font-size:13px;padding:6px 10px;border-radius:4px;pointer-events:none;box-shadow:0 2px 8px rgba(0,0,0,.25)}
#tip .sug{color:#a5d6a7}
#panel{position:fixed;right:16px;bottom:16px;z-index:30;width:min(420px,calc(100vw - 32px));max-height:50vh;overflow:auto;background:#fff;border:1px solid #bbb;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:10px 14px}
#panel .item{padding:6px 0;border-bottom:1px solid #eee}
#panel .item:last-of-type{border-bottom:0}
#panel .head{display:flex;justify-content:space-between;align-items:center;color:#777;font-size:12px}
#panel button{border:1px solid #ccc;background:#fafafa;border-radius:4px;cursor:pointer}
[hidden]{display:none!important}
@media print{.filters,#panel,#tip{display:none!important}.findings{max-height:none}section.file{border:0}}
`;

// Plain DOM script: the tooltip follows the innermost mark under the pointer, a click pins a panel,
// and the filters toggle the class "off" on marks and list entries.
const SCRIPT = `
(function(){
var tip=document.getElementById('tip'),panel=document.getElementById('panel'),body=document.getElementById('panel-body');
function item(mark){var sec=mark.closest('section');return sec&&sec.querySelector('li[data-m="'+mark.getAttribute('data-m')+'"]');}
function covering(el){var out=[],seen={};for(var m=el.closest('mark');m;m=m.parentElement&&m.parentElement.closest('mark')){var k=m.getAttribute('data-m');if(!seen[k]&&!m.classList.contains('off')){seen[k]=1;out.push(m);}}return out;}
function fill(box,marks,full){box.textContent='';marks.forEach(function(m){var li=item(m);if(!li)return;var d=document.createElement('div');d.className='item';d.setAttribute('data-severity',li.getAttribute('data-severity'));
var sev=document.createElement('span');sev.className='sev';sev.textContent=li.querySelector('.sev').textContent+' ';d.appendChild(sev);
var msg=document.createElement('span');msg.className='msg';msg.textContent=li.querySelector('.msg').textContent;d.appendChild(msg);
var sug=li.querySelector('.sug');if(sug){var s=document.createElement('div');s.className='sug';s.textContent=sug.textContent;d.appendChild(s);}
if(full){var meta=document.createElement('div');meta.className='note';meta.textContent=(li.querySelector('.pos')||{}).textContent+' · '+li.querySelector('.rule').textContent+' · ';var a=document.createElement('a');a.href='#'+li.id;a.textContent=panel.getAttribute('data-show-in-list');meta.appendChild(a);d.appendChild(meta);}
box.appendChild(d);});return box.childNodes.length>0;}
document.addEventListener('mouseover',function(e){var t=e.target;if(!(t instanceof Element))return;var marks=t.closest('mark')?covering(t):[];if(!marks.length||!fill(tip,marks,false)){tip.hidden=true;return;}
var r=marks[0].getBoundingClientRect();tip.hidden=false;var x=Math.min(window.scrollX+r.left,window.scrollX+document.documentElement.clientWidth-tip.offsetWidth-8);tip.style.left=Math.max(4,x)+'px';tip.style.top=(window.scrollY+r.bottom+6)+'px';});
document.addEventListener('mouseout',function(e){var t=e.target;if(t instanceof Element&&t.closest('mark')&&!(e.relatedTarget instanceof Element&&e.relatedTarget.closest('mark')))tip.hidden=true;});
var pinned=[];
function unpin(){pinned.forEach(function(el){el.classList.remove('pinned','current');});pinned=[];}
function pin(mark){var marks=covering(mark);if(!marks.length)return;unpin();fill(body,marks,true);panel.hidden=false;tip.hidden=true;
marks.forEach(function(m,i){if(i===0){m.classList.add('pinned');pinned.push(m);}var li=item(m);if(li){li.classList.add('current');pinned.push(li);}});}
document.addEventListener('click',function(e){var t=e.target;if(!(t instanceof Element))return;var m=t.closest('mark');if(m&&!m.classList.contains('off')){pin(m);return;}
var a=t.closest('.findings a.pos');if(a){var target=document.getElementById(a.getAttribute('href').slice(1));if(target)pin(target);}});
document.addEventListener('keydown',function(e){if(e.key==='Escape'){panel.hidden=true;unpin();}else if(e.key==='Enter'&&e.target instanceof Element&&e.target.matches('mark'))pin(e.target);});
document.getElementById('panel-close').addEventListener('click',function(){panel.hidden=true;unpin();});
var form=document.getElementById('filters');
function apply(){var off={rule:{},severity:{}};form.querySelectorAll('input[data-filter]').forEach(function(i){if(!i.checked)off[i.getAttribute('data-filter')][i.value]=1;});
document.querySelectorAll('mark[data-rule],.findings li[data-rule]').forEach(function(el){el.classList.toggle('off',!!(off.rule[el.getAttribute('data-rule')]||off.severity[el.getAttribute('data-severity')]));});
document.querySelectorAll('.shown').forEach(function(s){var list=s.closest('.list-wrap');var shown=list.querySelectorAll('.findings li:not(.off)').length;s.textContent=s.getAttribute('data-template').replace('{s}',shown);});}
if(form){form.addEventListener('change',apply);}
})();
`;

export const html: Formatter = (results, ctx) => {
  const { locale } = ctx;
  const w = WORDS[locale];
  const sevWords = SEVERITY_WORDS[locale];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
  }
  const total = errors + warnings + infos;
  const summary = `${w.files(results.length)}${locale === 'zh' ? '，' : ', '}${total ? w.problems(total, errors, warnings, infos) : w.clean}`;
  const sections = results.map((r, f) => fileSection(r, f, ctx, w)).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="wenfeng">
<title>${escapeHtml(w.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(w.title)}</h1><p class="summary">${escapeHtml(summary)}</p></header>
${filterBar(results, w, sevWords, ctx)}
<main>
${sections}
</main>
<div id="tip" role="tooltip" hidden></div>
<aside id="panel" hidden data-show-in-list="${escapeHtml(w.showInList)}" aria-live="polite"><div class="head"><span>${escapeHtml(w.details)}</span><button type="button" id="panel-close">${escapeHtml(w.close)}</button></div><div id="panel-body"></div></aside>
<script>${SCRIPT}</script>
</body>
</html>
`;
};
