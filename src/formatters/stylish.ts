// The default output: grouped by file, a summary line per file, one finding per line with an excerpt.
import type { ChalkInstance } from 'chalk';
import type { Locale } from '../api.js';
import type { FileResult, LintMessage } from '../engine/result.js';
import { SEVERITY_WORDS, describePages, describeType } from './labels.js';
import type { Formatter } from './types.js';

/** Terminal columns a string takes: CJK and full-width forms take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** The matched text with a little context either side, on one line. */
function excerpt(result: FileResult, m: LintMessage, color: ChalkInstance): string | undefined {
  const p = result.document?.paragraphs[m.line - 1];
  if (!p || !m.text) return undefined;
  const chars = [...p.text];
  const offset = p.sourceOffset ?? 0;
  const start = m.column - 1 - offset;
  const end = m.endColumn - offset;
  const before = chars.slice(Math.max(0, start - 12), start).join('');
  const clean = (s: string): string => s.replace(/[\t\n\r]/g, ' ');
  // A long match (a paragraph, a preamble) is shown by its start: the excerpt stays one line.
  const long = end - start > 40;
  const shown = chars.slice(start, long ? start + 30 : end).join('');
  const after = long ? '' : chars.slice(end, end + 12).join('');
  return `${start > 12 ? '…' : ''}${clean(before)}${color.bold.underline(clean(shown))}${long ? '…' : `${clean(after)}${end + 12 < chars.length ? '…' : ''}`}`;
}

/** A path as the user would type it in a shell. */
const shellWord = (path: string): string => (/^[\w./\-\u3400-\u9fff\uff08\uff09]+$/u.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`);

const reviewedName = (path: string): string => `${path.replace(/\.[^./\\]+$/, '')}.reviewed.docx`;

/** Where the fixes of Word, PDF and legacy drafts are made: `wenfeng annotate` writes them into a copy as comments. */
function whereToFix(wordFiles: string[], fixedElsewhere: string[], locale: Locale): string[] {
  const lines: string[] = [];
  if (wordFiles.length) {
    const draft = wordFiles.length === 1 ? shellWord(wordFiles[0]!) : locale === 'zh' ? '文稿.docx' : 'draft.docx';
    const copy = wordFiles.length === 1 ? shellWord(reviewedName(wordFiles[0]!)) : locale === 'zh' ? '文稿.reviewed.docx' : 'draft.reviewed.docx';
    lines.push(
      locale === 'zh'
        ? `  在 Word 里逐条修改：wenfeng annotate ${draft} -o ${copy}（把问题写成批注，原稿不动）`
        : `  To fix them in Word: wenfeng annotate ${draft} -o ${copy} (the findings as review comments; the draft is untouched)`,
    );
  }
  if (fixedElsewhere.length) {
    lines.push(
      locale === 'zh'
        ? '  .pdf/.doc/.ofd 请在其 Word 原稿中修改：wenfeng annotate 原稿.docx -o 原稿.reviewed.docx 把问题写成批注'
        : '  Fix .pdf/.doc/.ofd drafts in their Word original: wenfeng annotate original.docx -o original.reviewed.docx writes the findings as comments',
    );
  }
  return lines;
}

export const stylish: Formatter = (results, { locale, color, hidden, fixesWritten }) => {
  const words = SEVERITY_WORDS[locale];
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  const wordFiles: string[] = [];
  const fixedElsewhere: string[] = [];
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    // --fix rewrites only text drafts; a Word user's way to the fixes is a copy with review comments.
    if (r.format === 'txt' || r.format === 'md') fixable += r.messages.filter((m) => m.fixable).length;
    else if (!r.fatal && r.messages.length && r.format === 'docx') wordFiles.push(r.path);
    else if (!r.fatal && r.messages.length) fixedElsewhere.push(r.path);
    if (r.fatal) {
      // A file that could not be read is one line: the file and the cause.
      out.push(`${color.underline(r.path)}  ${color.red(words.error)}  ${r.messages.map((m) => m.message).join('；')}`);
      continue;
    }
    out.push(color.underline(r.path));
    {
      const facts = [describeType(r, locale), describePages(r, locale)].filter(Boolean).join(' · ');
      if (facts) out.push(color.dim(`  ${facts}`));
    }
    const posWidth = Math.max(0, ...r.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of r.messages) {
      const sev = m.severity === 'error' ? color.red(words.error) : m.severity === 'warning' ? color.yellow(words.warning) : color.blue(words.info);
      const pos = m.ruleId === null && r.fatal ? '' : `${m.line}:${m.column}`;
      out.push(`  ${color.dim(pad(pos, posWidth))}  ${pad(sev, displayWidth(words.warning))}  ${m.message}  ${color.dim(m.ruleId ?? '')}`.trimEnd());
      const shown = excerpt(r, m, color);
      const indent = ' '.repeat(posWidth + 4);
      if (shown) out.push(`${indent}${color.dim(shown)}`);
      if (m.suggestion) out.push(`${indent}${color.green(locale === 'zh' ? `建议：${m.suggestion}` : `suggestion: ${m.suggestion}`)}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  const left = hidden && hidden.warnings + hidden.infos > 0 ? hidden : undefined;
  if (total === 0 && left) {
    out.push(color.green(locale === 'zh' ? `✔ ${results.length} 个文件，没有错误` : `✔ ${results.length} file(s), no errors`));
  } else if (total === 0) {
    out.push(color.green(locale === 'zh' ? `✔ ${results.length} 个文件，没有发现问题` : `✔ ${results.length} file(s), no problems`));
  } else {
    const mark = errors ? color.red.bold('✖') : color.yellow.bold('⚠');
    out.push(
      locale === 'zh'
        ? `${mark} ${results.length} 个文件，${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`
        : `${mark} ${results.length} file(s), ${total} problem(s) (${errors} error(s), ${warnings} warning(s), ${infos} info)`,
    );
    if (fixable) out.push(color.dim(locale === 'zh' ? `  其中 ${fixable} 个可用 --fix 自动修正（仅 .txt/.md）` : `  ${fixable} fixable with --fix (.txt/.md only)`));
    for (const line of whereToFix(wordFiles, fixedElsewhere, locale)) out.push(color.dim(line));
  }
  if (fixesWritten) {
    out.push(color.green(locale === 'zh' ? `  --fix 已写入 ${fixesWritten} 处修正，以上是修正后的文稿` : `  --fix wrote ${fixesWritten} fix(es); the above is the fixed draft`));
  }
  if (left) {
    out.push(color.dim(locale === 'zh' ? `  --quiet 未列出 ${left.warnings} 个警告、${left.infos} 个提示` : `  --quiet left out ${left.warnings} warning(s) and ${left.infos} info`));
  }
  return `${out.join('\n')}\n`;
};
