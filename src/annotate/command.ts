// The `wenfeng annotate` command: checks the paths (the draft is never the output, an existing output
// needs --force), lints the draft's bytes, writes the annotated copy atomically, says what it did.
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { notARegularFile } from '../files/regular-file.js';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Locale } from '../api.js';
import type { RuleSetting } from '../config/types.js';
import { LintSession } from '../engine/session.js';
import { sniff } from '../readers/detect.js';
import { annotate, describeOutcome } from './annotate.js';

export interface AnnotateCommandOptions {
  output?: string;
  force?: boolean;
  config?: string | false;
  rules: Record<string, RuleSetting>;
  type?: string;
  locale?: Locale;
}

/** `draft.docx` → `draft.reviewed.docx`, next to it. */
export function defaultOutput(draft: string): string {
  return join(dirname(draft), `${basename(draft, extname(draft))}.reviewed.docx`);
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  if (process.platform === 'win32' || process.platform === 'darwin') {
    if (a.toLowerCase() === b.toLowerCase()) return true;
  }
  if (!existsSync(a) || !existsSync(b)) return false;
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

function refuse(zh: string, en: string): number {
  process.stderr.write(`wenfeng annotate: ${zh} (${en})\n`);
  return 2;
}

export async function runAnnotate(draft: string, opts: AnnotateCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const input = resolve(cwd, draft);
  const output = resolve(cwd, opts.output ?? defaultOutput(draft));
  const rel = relative(cwd, output);
  const shownOutput = rel && !rel.startsWith('..') ? rel : output;
  if (extname(input).toLowerCase() !== '.docx') return refuse(`${draft} 不是 .docx 文件，只能给 Word 文档加批注`, `${draft} is not a .docx file; only Word documents can be annotated`);
  if (!existsSync(input)) return refuse(`${draft} 不存在`, `${draft} does not exist`);
  // A FIFO or a device named .docx would block or never end: refused from its metadata, unopened.
  const notAFile = await notARegularFile(input).catch(() => undefined);
  if (notAFile) return refuse(`${draft}：${notAFile.zh}`, `${draft}: ${notAFile.en}`);
  if (sameFile(input, output)) return refuse('输出文件就是原稿，原稿不会被改写，请用 -o 指定另一个文件', 'the output is the draft itself, which is never overwritten; give another file with -o');
  if (existsSync(output) && !opts.force) return refuse(`${shownOutput} 已存在，加 --force 覆盖`, `${shownOutput} exists; add --force to overwrite it`);

  const bytes = new Uint8Array(await readFile(input));
  if (sniff(bytes) !== 'docx') return refuse(`${draft} 不是 Word 文档（.docx）`, `${draft} is not a Word document (.docx)`);
  const session = new LintSession({
    cwd,
    useConfig: opts.config !== false,
    configFile: typeof opts.config === 'string' ? opts.config : undefined,
    rules: opts.rules,
    type: opts.type,
    locale: opts.locale,
  });
  const locale = (await session.settingsFor(input)).locale;
  const result = await session.lintBytes(bytes, relative(cwd, input) || draft);
  if (result.fatal || result.format !== 'docx' || !result.document) {
    return refuse(`${draft}：${result.messages.map((m) => m.message).join('；') || '无法读取'}`, `${draft}: cannot be read`);
  }

  let annotated;
  try {
    annotated = annotate(bytes, result, locale);
  } catch (error) {
    const why = String((error as Error)?.message ?? error).split('\n')[0];
    return refuse(`无法写入批注：${why}`, `cannot annotate: ${why}`);
  }
  // Written beside the output and renamed into place: a half-written .docx is never left behind.
  const temp = join(dirname(output), `.${basename(output)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, annotated.bytes, { flag: 'wx' });
    await rename(temp, output);
  } catch (error) {
    await rm(temp, { force: true });
    const why = String((error as Error)?.message ?? error).split('\n')[0];
    return refuse(`无法写入 ${shownOutput}：${why}`, `cannot write ${shownOutput}: ${why}`);
  }
  process.stdout.write(`wenfeng annotate: ${describeOutcome(annotated.comments, shownOutput, locale)}\n`);
  return 0;
}
