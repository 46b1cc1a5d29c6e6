// `wenfeng [check]`: what a plain check runs, loaded by src/cli.ts in one import once the arguments are
// parsed. The engine and the formatters' index are imported here statically, so a check loads one
// module graph instead of asking for each part in turn (each dynamic import is its own bundle chunk).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locale } from './api.js';
import { DOC_TYPE_IDS } from './classify/doc-types.js';
import { ConfigError, type RuleSetting } from './config/types.js';
import { checkRuleSetting } from './config/validate.js';
import { LintSession } from './engine/session.js';
import type { FileResult } from './engine/result.js';
import { DEFAULT_LIMITS } from './engine/lint-file.js';
import { LIMIT_NAMES } from './engine/limits.js';
import { DEFAULT_TIME_LIMIT } from './engine/timeout.js';
import { rulesFor } from './engine/registry.js';
import { FORMATTER_NAMES, loadFormatter } from './formatters/index.js';
import { progressBar, wantsProgress } from './formatters/progress.js';
import { UsageError, badValue } from './usage.js';

export interface CheckOptions {
  format: string;
  type?: string;
  config?: string | false;
  rule: string[];
  maxWarnings?: string;
  quiet?: boolean;
  locale?: string;
  color?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: string;
  outputFile?: string;
  debug?: boolean;
  render?: boolean;
  against: string[];
  fix?: boolean;
  fixDryRun?: boolean;
  concurrency?: string;
  cache?: boolean;
  cacheLocation?: string;
  timeoutPerPage?: string;
  followSymlinks?: boolean;
  maxFileSize?: string;
  maxInflatedSize?: string;
  maxMemory?: string;
  limit: string[];
}

export function parseRuleFlags(specs: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const spec of specs) {
    const m = /^\s*([^:\s]+)\s*:\s*(.+?)\s*$/s.exec(spec);
    if (!m) throw new UsageError(`--rule '${spec}'：应写作 '<规则>: <级别>'（off|info|warning|error）`, `--rule '${spec}': expected '<rule-id>: <severity>' (off|info|warning|error)`);
    let setting: unknown = m[2];
    if (m[2]!.startsWith('[')) {
      try {
        // Accept the severity unquoted, as people write it: [warning, {"maxPerThousand": 1}].
        setting = JSON.parse(m[2]!.replace(/^\[\s*(off|info|warning|error)\s*([,\]])/, '["$1"$2'));
      } catch {
        throw new UsageError(`--rule '${spec}'：取值不是有效的 JSON`, `--rule '${spec}': the value is not valid JSON`);
      }
    }
    try {
      checkRuleSetting('--rule', m[1]!, setting);
    } catch (error) {
      throw new UsageError(`--rule '${spec}'：${(error as ConfigError).zh}`, `--rule '${spec}': ${(error as ConfigError).en}`);
    }
    rules[m[1]!] = setting as RuleSetting;
  }
  return rules;
}

/** Standard input, read up to one byte past the file-size cap (the draft is then refused as too large). */
async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length > maxBytes) break;
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, maxBytes + 1));
}

/** `--limit name=value` (repeatable) into the caps it sets. */
function parseLimitFlags(specs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of specs) {
    const m = /^\s*([a-z-]+)\s*=\s*(\S+)\s*$/.exec(spec);
    const known = m ? LIMIT_NAMES[m[1]!] : undefined;
    if (!m || !known) throw new UsageError(`--limit '${spec}'：应为 <名称>=<数值>，名称为 ${Object.keys(LIMIT_NAMES).join('、')} 之一`, `--limit '${spec}': expected <name>=<number> with a name among ${Object.keys(LIMIT_NAMES).join(', ')}`);
    const value = Number(m[2]);
    if (!(value > 0)) throw new UsageError(`--limit '${spec}'：数值应大于 0`, `--limit '${spec}': the value must be a number > 0`);
    out[known.key] = known.megabytes ? Math.round(value * 1024 * 1024) : Math.floor(value);
  }
  return out;
}

/** Built-in formatters that never read `color`: chalk (and node:tty, which it loads) is not loaded for them. */
const COLORLESS_FORMATS = new Set(['json', 'compact', 'sarif', 'github', 'junit']);

async function colorFor(flag: boolean | undefined, stream: NodeJS.WriteStream) {
  const { Chalk, supportsColor } = await import('chalk');
  let level: 0 | 1 | 2 | 3;
  if (flag === true) level = supportsColor ? Math.max(1, supportsColor.level) as 1 | 2 | 3 : 1;
  else if (flag === false || ('NO_COLOR' in process.env && process.env.NO_COLOR !== '')) level = 0;
  else if (process.env.FORCE_COLOR !== undefined) level = supportsColor ? supportsColor.level : 0;
  else level = stream.isTTY && supportsColor ? supportsColor.level : 0;
  return new Chalk({ level });
}

function exitCodeFor(results: FileResult[], maxWarnings: number | undefined): number {
  if (results.some((r) => r.crashed)) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}

/** Machine-readable output goes to a file or a pipe: no progress bar then. */
const toFileOrMachine = (opts: CheckOptions): boolean => opts.format !== 'stylish' && opts.format !== 'html';

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  const cwd = process.cwd();
  if (opts.locale && opts.locale !== 'zh' && opts.locale !== 'en') throw badValue('--locale', opts.locale, ['zh', 'en']);
  if (opts.type && !DOC_TYPE_IDS.includes(opts.type)) throw badValue('--type', opts.type, DOC_TYPE_IDS);
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings 的值 '${opts.maxWarnings}' 无效，应为整数`, `--max-warnings must be a whole number, not '${opts.maxWarnings}'`);
    if (maxWarnings === -1) maxWarnings = undefined;
  }
  let concurrency: 'auto' | 'off' | number = 'auto';
  if (opts.concurrency !== undefined) {
    const n = Number(opts.concurrency);
    if (opts.concurrency === 'auto' || opts.concurrency === 'off') concurrency = opts.concurrency;
    else if (Number.isInteger(n) && n >= 1) concurrency = n;
    else throw badValue('--concurrency', opts.concurrency, ['auto', 'off'], { zh: 'auto、off 或不小于 1 的整数', en: 'auto, off or a whole number ≥ 1' });
  }
  let timeLimit;
  if (opts.timeoutPerPage !== undefined) {
    const seconds = Number(opts.timeoutPerPage);
    if (!(seconds > 0)) throw new UsageError(`--timeout-per-page 的值 '${opts.timeoutPerPage}' 无效，应为大于 0 的秒数`, `--timeout-per-page must be a number of seconds > 0, not '${opts.timeoutPerPage}'`);
    // The base allowance scales with the per-page one, so a tight limit is tight for small files too.
    timeLimit = { secondsPerPage: seconds, baseSeconds: Math.min(DEFAULT_TIME_LIMIT.baseSeconds, seconds * 3) };
  }
  const megabytes = (flag: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const mb = Number(value);
    if (!(mb > 0)) throw new UsageError(`${flag} 的值 '${value}' 无效，应为大于 0 的兆字节数`, `${flag} must be a number of megabytes > 0, not '${value}'`);
    return Math.round(mb * 1024 * 1024);
  };
  const limits = {
    maxFileBytes: megabytes('--max-file-size', opts.maxFileSize, DEFAULT_LIMITS.maxFileBytes),
    maxInflatedBytes: megabytes('--max-inflated-size', opts.maxInflatedSize, DEFAULT_LIMITS.maxInflatedBytes),
    maxMemoryMb: Math.max(16, Math.round(megabytes('--max-memory', opts.maxMemory, DEFAULT_LIMITS.maxMemoryMb * 1024 * 1024) / 1024 / 1024)),
    ...parseLimitFlags(opts.limit),
  };
  const session = new LintSession({
    cwd,
    limits,
    concurrency,
    cacheLocation: opts.cache || opts.cacheLocation ? (opts.cacheLocation ?? 'node_modules/.cache/wenfeng') : undefined,
    timeLimit,
    useConfig: opts.config !== false,
    configFile: typeof opts.config === 'string' ? opts.config : undefined,
    rules: parseRuleFlags(opts.rule),
    locale: opts.locale as Locale | undefined,
    type: opts.type,
    debug: opts.debug,
    render: opts.render,
    against: opts.against,
    followSymlinks: opts.followSymlinks,
    keepSource: Boolean(opts.fix || opts.fixDryRun),
  });

  if (opts.printConfig) {
    const settings = await session.settingsFor(resolve(cwd, opts.printConfig));
    const rules = Object.fromEntries(settings.rules.map((r) => [r.id, [r.severity, r.options]]));
    process.stdout.write(`${JSON.stringify({ configFile: settings.configPath ?? null, locale: settings.locale, type: settings.configType ?? null, pageLimits: settings.pageLimits, ignored: settings.ignored, rules }, null, 2)}\n`);
    return 0;
  }

  const formatter = await loadFormatter(opts.format, cwd);
  if (!formatter) throw badValue('--format', opts.format, FORMATTER_NAMES, { zh: `${FORMATTER_NAMES.join('、')} 或格式化模块的路径`, en: `${FORMATTER_NAMES.join(', ')} or a path to a formatter module` });

  let results: FileResult[];
  // `-` is standard input, as in most Unix tools.
  if (paths.includes('-')) {
    if (opts.stdin || paths.length > 1) throw new UsageError('--stdin（或 -）从标准输入读取文稿，不能再给其他路径', '--stdin (or -) reads the draft from standard input: give no other paths with it');
    opts.stdin = true;
    paths = [];
  }
  if (opts.stdin) {
    if (paths.length) throw new UsageError('--stdin（或 -）从标准输入读取文稿，不能再给其他路径', '--stdin (or -) reads the draft from standard input: give no other paths with it');
    results = [await session.lintBytes(await readStdin(limits.maxFileBytes), opts.stdinFilename ?? '<stdin>.txt')];
    if (!opts.stdinFilename) results[0]!.path = '<stdin>';
  } else {
    if (!paths.length) throw new UsageError('没有给出文稿：wenfeng <文件|目录|通配符>…（或 --stdin）', 'no drafts given: wenfeng <file|directory|glob>… (or --stdin)');
    let bar: ReturnType<typeof progressBar> | undefined;
    results = await session.lintPaths(paths, {
      noCacheReads: Boolean(opts.fix || opts.fixDryRun),
      onProgress: (done, total) => {
        if (!bar && !toFileOrMachine(opts) && wantsProgress(process.stderr, total, opts.format)) bar = progressBar(process.stderr);
        bar?.update(done, total);
      },
    });
    bar?.end();
    for (const n of session.notices) process.stderr.write(`wenfeng: ${n.path}: ${n.zh} (${n.en})\n`);
    for (const w of session.loader.warnings) process.stderr.write(`wenfeng: ${w.path}: ${opts.locale === 'en' ? w.en : w.zh}\n`);
  }

  let fixesWritten: number | undefined;
  if (opts.fix || opts.fixDryRun) {
    if (opts.stdin) throw new UsageError('--fix 和 --fix-dry-run 只修改文件，不能用于 --stdin', '--fix and --fix-dry-run work on files, not on --stdin');
    const { fixFile } = await import('./engine/fix.js');
    const notes: string[] = [];
    const written: string[] = [];
    fixesWritten = 0;
    for (const r of results) {
      if (r.fatal || !r.fixes?.length) continue;
      const outcome = await fixFile(r, resolve(cwd, r.path), Boolean(opts.fixDryRun && !opts.fix));
      if (outcome.skipped) notes.push(`wenfeng: ${r.path}: ${outcome.skipped.zh} (${outcome.skipped.en})`);
      if (opts.fixDryRun && !opts.fix && outcome.diff) process.stdout.write(outcome.diff);
      if (opts.fix && outcome.applied) {
        written.push(r.path);
        fixesWritten += outcome.applied;
      }
    }
    if (notes.length) process.stderr.write(`${[...new Set(notes)].join('\n')}\n`);
    // What is left is reported as the file now reads: checked again, so excerpts quote the fixed text.
    if (written.length) {
      const again = new Map((await session.lintPaths(written, { noCacheReads: true })).map((r) => [r.path, r]));
      results = results.map((r) => again.get(r.path) ?? r);
    }
    if (opts.fixDryRun && !opts.fix) return exitCodeFor(results, maxWarnings);
  }

  if (opts.render) {
    // Said once per run, not once per file: LibreOffice is missing or failed.
    const { takeRenderNotice } = await import('./layout/render.js');
    const notice = takeRenderNotice();
    if (notice) process.stderr.write(`wenfeng: ${notice.zh} (${notice.en})\n`);
  }

  let hidden: { warnings: number; infos: number } | undefined;
  if (opts.quiet) {
    hidden = { warnings: 0, infos: 0 };
    for (const r of results) {
      hidden.warnings += r.warningCount;
      hidden.infos += r.infoCount;
      r.messages = r.messages.filter((m) => m.severity === 'error');
      r.warningCount = 0;
      r.infoCount = 0;
    }
  }
  const locale = opts.locale ? (opts.locale as Locale) : await session.baseLocale();
  const toFile = opts.outputFile !== undefined;
  const color = COLORLESS_FORMATS.has(opts.format) ? (undefined as never) : await colorFor(toFile ? false : opts.color, process.stdout);
  // Rule descriptions for formatters that list rules (sarif, html): the rules the cwd's config offers.
  const offered = await session.loader.forDirectory(cwd).then(rulesFor).catch(() => new Map<string, never>());
  const rulesMeta = Object.fromEntries([...offered].map(([id, rule]) => [id, { description: rule.meta.description[locale], docs: rule.meta.docs }]));
  const output = formatter(results, { locale, color, cwd, rulesMeta, hidden, fixesWritten });
  if (toFile) {
    await writeFile(resolve(cwd, opts.outputFile!), output);
  } else if (output) {
    process.stdout.write(output);
  }
  return exitCodeFor(results, maxWarnings);
}
