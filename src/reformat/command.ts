// The `wenfeng format` command: checks the paths (the draft is never the output; an existing output needs
// --force), reads the draft, writes the copy in the preset's format atomically, and says what it changed and
// what the format rules still find on the copy (text faults such as a 文号 in the wrong brackets are the
// drafter's to fix: the text is never changed).
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Locale } from '../api.js';
import { buildDocument } from '../document/build.js';
import { LintSession } from '../engine/session.js';
import { notARegularFile } from '../files/regular-file.js';
import { sniff } from '../readers/detect.js';
import { readDocumentBytes } from '../readers/index.js';
import { DEFAULT_LIMITS } from '../engine/limits.js';
import { formatTargets } from '../../rules/format-targets.js';
import { reformatDocx, type FormatChanges } from './reformat.js';

export interface FormatCommandOptions {
  output?: string;
  force?: boolean;
  dryRun?: boolean;
  config?: string | false;
  locale?: Locale;
}

/** `draft.docx` → `draft.formatted.docx`, next to it. */
export function defaultFormatOutput(draft: string): string {
  return join(dirname(draft), `${basename(draft, extname(draft))}.formatted.docx`);
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  if ((process.platform === 'win32' || process.platform === 'darwin') && a.toLowerCase() === b.toLowerCase()) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

function refuse(zh: string, en: string, locale: Locale | undefined): number {
  process.stderr.write(`wenfeng format: ${locale === 'en' ? en : `${zh} (${en})`}\n`);
  return 2;
}

/** The changes as lines for the user. */
export function describeChanges(c: FormatChanges, locale: Locale): string[] {
  if (locale === 'en') {
    return [
      `page size, margins and the 22 × 28 grid set in ${c.sections} section(s)`,
      `fonts and sizes set by element in ${c.fonts} paragraph(s)`,
      `indent, alignment or line spacing set in ${c.paragraphs} paragraph(s)`,
      ...(c.blanksRemoved ? [`${c.blanksRemoved} empty paragraph(s) between body paragraphs removed`] : []),
      `page numbers "— N —" written in ${c.footers} footer(s)`,
      ...(c.unmatched ? ['paragraphs left as they were: the file\'s paragraphs could not be matched to its text'] : []),
    ];
  }
  return [
    `页面、页边距和 22 行 × 28 字的文档网格：${c.sections} 节`,
    `按要素设置字体字号：${c.fonts} 段`,
    `首行缩进、对齐或行距：${c.paragraphs} 段`,
    ...(c.blanksRemoved ? [`删去正文段落之间的空段：${c.blanksRemoved} 个`] : []),
    `页码“— N —”写入页脚：${c.footers} 个`,
    ...(c.unmatched ? ['段落未改动：文件中的段落与读出的文字对不上'] : []),
  ];
}

export async function runFormat(draft: string, opts: FormatCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const input = resolve(cwd, draft);
  const output = resolve(cwd, opts.output ?? defaultFormatOutput(draft));
  const rel = relative(cwd, output);
  const shownOutput = rel && !rel.startsWith('..') ? rel : output;
  const loc = opts.locale;
  if (extname(input).toLowerCase() !== '.docx') return refuse(`${draft} 不是 .docx 文件，只能整理 Word 文档的格式`, `${draft} is not a .docx file; only Word documents can be formatted`, loc);
  if (!existsSync(input)) return refuse(`${draft} 不存在`, `${draft} does not exist`, loc);
  const notAFile = await notARegularFile(input).catch(() => undefined);
  if (notAFile) return refuse(`${draft}：${notAFile.zh}`, `${draft}: ${notAFile.en}`, loc);
  if (sameFile(input, output)) return refuse('输出文件就是原稿，原稿不会被改写，请用 -o 指定另一个文件', 'the output is the draft itself, which is never overwritten; give another file with -o', loc);
  if (!opts.dryRun && existsSync(output) && !opts.force) return refuse(`${shownOutput} 已存在，加 --force 覆盖`, `${shownOutput} exists; add --force to overwrite it`, loc);

  const bytes = new Uint8Array(await readFile(input));
  if (sniff(bytes) !== 'docx') return refuse(`${draft} 不是 Word 文档（.docx）`, `${draft} is not a Word document (.docx)`, loc);
  const session = new LintSession({ cwd, useConfig: opts.config !== false, configFile: typeof opts.config === 'string' ? opts.config : undefined, rules: {}, locale: opts.locale });
  const settings = await session.settingsFor(input);
  const locale = settings.locale;
  // The preset and overrides the format rules use (config `format:`, or a rule's `format` option).
  const formatSetting = settings.rules.find((r) => r.id.startsWith('format-') && r.options.format)?.options.format as Record<string, unknown> | undefined;

  let formatted;
  try {
    const read = await readDocumentBytes(bytes, draft, { maxInflatedBytes: DEFAULT_LIMITS.maxInflatedBytes, limits: DEFAULT_LIMITS });
    const doc = await buildDocument(read, draft);
    formatted = reformatDocx(bytes, doc, formatTargets(formatSetting));
  } catch (error) {
    const why = String((error as Error & { zh?: string })?.zh ?? (error as Error)?.message ?? error).split('\n')[0];
    return refuse(`无法整理格式：${why}`, `cannot format: ${why}`, locale);
  }
  const lines = describeChanges(formatted.changes, locale);
  if (opts.dryRun) {
    process.stdout.write(`wenfeng format: ${locale === 'en' ? `would write ${shownOutput}:` : `将写入 ${shownOutput}：`}\n${lines.map((l) => `  ${l}\n`).join('')}`);
    return 0;
  }
  const temp = join(dirname(output), `.${basename(output)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, formatted.bytes, { flag: 'wx' });
    await rename(temp, output);
  } catch (error) {
    await rm(temp, { force: true });
    const why = String((error as Error)?.message ?? error).split('\n')[0];
    return refuse(`无法写入 ${shownOutput}：${why}`, `cannot write ${shownOutput}: ${why}`, locale);
  }
  process.stdout.write(`wenfeng format: ${locale === 'en' ? `wrote ${shownOutput}:` : `已写入 ${shownOutput}：`}\n${lines.map((l) => `  ${l}\n`).join('')}`);

  // What the format rules still find on the copy: faults in the text itself, left to the drafter.
  const [result] = await session.lintPaths([output]);
  const left = (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('format-'));
  if (left.length > 0) {
    process.stdout.write(locale === 'en' ? `  left for the drafter (the text is never changed):\n` : `  仍需起草人修改（文字不会被改动）：\n`);
    for (const m of left) process.stdout.write(`    ${m.line}:${m.column} ${m.message} [${m.ruleId}]\n`);
  }
  return 0;
}
