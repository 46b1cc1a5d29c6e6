// The wenfeng command line. Exit codes as ESLint: 0 clean, 1 errors (or too many warnings), 2 usage,
// config or unreadable-file trouble.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Locale, Severity } from './api.js';
import { DOC_TYPE_IDS } from './classify/doc-types.js';
import { ConfigError, type RuleSetting } from './config/types.js';
import { checkRuleSetting } from './config/validate.js';
import type { ReferenceFileError } from './engine/references.js';
import type { FileResult } from './engine/result.js';
import { UsageError, badValue, fromCommanderError, localeFromArgs, nearest } from './usage.js';
import { VERSION } from './version.js';


interface CheckOptions {
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

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** "--rule 'placeholder: off'" or "--rule 'boilerplate: [\"warning\", {\"maxPerThousand\": 3}]'". */
function parseRuleFlags(specs: string[]): Record<string, RuleSetting> {
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
async function parseLimitFlags(specs: string[]): Promise<Record<string, number>> {
  const { LIMIT_NAMES } = await import('./engine/limits.js');
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

async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  // The engine and formatters load here, not at start-up: `wenfeng --version` and `--help` stay light.
  const [{ LintSession }, { FORMATTER_NAMES, loadFormatter }, { countMessages }] = await Promise.all([
    import('./engine/session.js'),
    import('./formatters/index.js'),
    import('./engine/result.js'),
  ]);
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
    const { DEFAULT_TIME_LIMIT } = await import('./engine/timeout.js');
    // The base allowance scales with the per-page one, so a tight limit is tight for small files too.
    timeLimit = { secondsPerPage: seconds, baseSeconds: Math.min(DEFAULT_TIME_LIMIT.baseSeconds, seconds * 3) };
  }
  const { DEFAULT_LIMITS } = await import('./engine/lint-file.js');
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
    ...(await parseLimitFlags(opts.limit)),
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
    const { progressBar, wantsProgress } = await import('./formatters/progress.js');
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

  if (opts.fix || opts.fixDryRun) {
    if (opts.stdin) throw new UsageError('--fix 和 --fix-dry-run 只修改文件，不能用于 --stdin', '--fix and --fix-dry-run work on files, not on --stdin');
    const { fixFile } = await import('./engine/fix.js');
    const notes: string[] = [];
    for (const r of results) {
      if (r.fatal || !r.fixes?.length) continue;
      const outcome = await fixFile(r, resolve(cwd, r.path), Boolean(opts.fixDryRun && !opts.fix));
      if (outcome.skipped) notes.push(`wenfeng: ${r.path}: ${outcome.skipped.zh} (${outcome.skipped.en})`);
      if (opts.fixDryRun && !opts.fix && outcome.diff) process.stdout.write(outcome.diff);
      // What --fix changed is no longer a problem in the file.
      if (opts.fix && outcome.applied) {
        r.messages = r.messages.filter((m) => !m.fixable);
        countMessages(r);
      }
    }
    if (notes.length) process.stderr.write(`${[...new Set(notes)].join('\n')}\n`);
    if (opts.fixDryRun && !opts.fix) return exitCodeFor(results, maxWarnings);
  }

  if (opts.render) {
    // Said once per run, not once per file: LibreOffice is missing or failed.
    const { takeRenderNotice } = await import('./layout/render.js');
    const notice = takeRenderNotice();
    if (notice) process.stderr.write(`wenfeng: ${notice.zh} (${notice.en})\n`);
  }

  if (opts.quiet) {
    for (const r of results) {
      r.messages = r.messages.filter((m) => m.severity === 'error');
      r.warningCount = 0;
      r.infoCount = 0;
    }
  }
  const locale = opts.locale ? (opts.locale as Locale) : await session.baseLocale();
  const toFile = opts.outputFile !== undefined;
  const color = await colorFor(toFile ? false : opts.color, process.stdout);
  // Rule descriptions for formatters that list rules (sarif, html): the rules the cwd's config offers.
  const { rulesFor } = await import('./engine/registry.js');
  const offered = await session.loader.forDirectory(cwd).then(rulesFor).catch(() => new Map<string, never>());
  const rulesMeta = Object.fromEntries([...offered].map(([id, rule]) => [id, { description: rule.meta.description[locale], docs: rule.meta.docs }]));
  const output = formatter(results, { locale, color, cwd, rulesMeta });
  if (toFile) {
    await writeFile(resolve(cwd, opts.outputFile!), output);
  } else if (output) {
    process.stdout.write(output);
  }
  return exitCodeFor(results, maxWarnings);
}

async function runRulesList(id: string | undefined, opts: { config?: string | false; locale?: string }): Promise<number> {
  const { LintSession } = await import('./engine/session.js');
  const cwd = process.cwd();
  const locale: Locale = opts.locale === 'en' ? 'en' : 'zh';
  const session = new LintSession({ cwd, useConfig: opts.config !== false, configFile: typeof opts.config === 'string' ? opts.config : undefined });
  const settings = await session.settingsFor(resolve(cwd, 'draft.txt'));
  const { rulesFor } = await import('./engine/registry.js');
  const all = await rulesFor(await session.loader.forDirectory(cwd));
  const configured = new Map(settings.rules.map((r) => [r.id, r.severity]));
  if (id) {
    const { ruleAliases } = await import('../rules/index.js');
    const rule = all.get(id) ?? (ruleAliases[id] ? { meta: { docs: `docs/rules/${id}.md`, description: { zh: `${ruleAliases[id]!.join('、')} 的旧名`, en: `old name of ${ruleAliases[id]!.join(', ')}` } } } : undefined);
    if (!rule) {
      const guess = nearest(id, [...all.keys()]);
      throw new UsageError(`未知规则 ${id}${guess ? `，是否想用 ${guess}？` : '（wenfeng rules 列出全部规则）'}`, `unknown rule '${id}'${guess ? `; did you mean ${guess}?` : ' (see `wenfeng rules`)'}`);
    }
    const { readFile } = await import('node:fs/promises');
    const docs = rule.meta.docs ? resolve(dirname(new URL(import.meta.url).pathname), '..', rule.meta.docs) : undefined;
    if (docs && existsSync(docs)) process.stdout.write(await readFile(docs, 'utf8'));
    else process.stdout.write(`${id}\n${rule.meta.description[locale]}\n`);
    return 0;
  }
  const width = Math.max(...[...all.keys()].map((k) => k.length));
  for (const [ruleId, rule] of all) {
    const severity: Severity = configured.get(ruleId) ?? 'off';
    process.stdout.write(`${ruleId.padEnd(width)}  ${severity.padEnd(7)}  ${rule.meta.description[locale]}\n`);
  }
  return 0;
}

const STARTER_CONFIG = `# wenfeng 配置（wenfeng configuration），说明见 README.md
# 严重级别 severity: off | info | warning | error
rules:
  placeholder: error        # 数字空缺与模板残留 blank numbers and template leftovers
  boilerplate: warning      # 套话、空话 boilerplate phrases
  # boilerplate: [warning, { commonSeverity: warning }]   # 常用套语（进一步加强…）也作警告 common formulas as warnings too

# 按文件指定文种与规则 per-file document type and rules
# overrides:
#   - files: ["报告/**"]
#     type: special-report   # policy | task | comprehensive-report | special-report | other

# 不检查的文件 files to skip
ignores:
  - "归档/**"

# 页数上限预设 page-limit preset (seed 000, 司法部 2019)
# pageLimits:
#   preset: moj-2019
#   special-report: 5

# 公文格式预设 GB/T 9704 format preset (format-page, format-fonts, format-elements): gbt9704-2012 | gbt9704-strict
format:
  preset: {{preset}}
  # page: { marginsMm: { top: 37, bottom: 35, left: 28, right: 26 }, toleranceMm: 1 }   # 本单位的页边距 your own margins
  # fonts: { body: { family: 仿宋, sizePt: 16 } }                                       # 各要素字体字号 fonts per element
  # fontFamilies: { 仿宋: [仿宋_GB2312] }                                                # 只认这些字体名 only these names count

# 本单位的禁用语（无需写代码）your own phrase list, no code needed
# phrases:
#   - id: our-banned
#     severity: warning
#     message: 本单位不用此说法
#     match: ["进一步加大力度", "/全力以赴.{0,4}确保/"]
#     suggest: 写明具体措施

# 插件 plugins: ["wenfeng-plugin-foo", "./my-rules.js"]
`;

async function runInit(opts: { preset?: string } = {}): Promise<number> {
  const cwd = process.cwd();
  const { FORMAT_PRESETS, DEFAULT_FORMAT_PRESET } = await import('../rules/format-preset.js');
  const preset = opts.preset ?? DEFAULT_FORMAT_PRESET;
  if (!(FORMAT_PRESETS as readonly string[]).includes(preset)) {
    process.stderr.write(`wenfeng init: --preset 的值 '${preset}' 无效，可用：${FORMAT_PRESETS.join('、')} (unknown preset; expected ${FORMAT_PRESETS.join(', ')})\n`);
    return 2;
  }
  const { CONFIG_FILES } = await import('./config/load.js');
  const existing = CONFIG_FILES.filter((f) => f !== 'package.json').find((f) => existsSync(resolve(cwd, f)));
  if (existing) {
    process.stderr.write(`wenfeng init: ${existing} 已存在，未做任何修改 (already exists; nothing written)\n`);
    return 2;
  }
  await writeFile(resolve(cwd, '.wenfengrc.yaml'), STARTER_CONFIG.replace('{{preset}}', preset), { flag: 'wx' });
  process.stdout.write('wenfeng init: 已创建 .wenfengrc.yaml (created .wenfengrc.yaml)\n');
  return 0;
}

function addCheckOptions(cmd: Command, Option: typeof import('commander').Option): Command {
  return cmd
    .addOption(new Option('-f, --format <name>', '输出格式 output format: stylish | compact | json | sarif | github | junit | html | ./formatter.js').default('stylish'))
    .option('--type <id>', `文种类别 document type: ${DOC_TYPE_IDS.join(' | ')}`)
    .option('-c, --config <file>', '使用指定配置文件 use this config file')
    .option('--no-config', '不读取配置文件 ignore config files')
    .option('--rule <spec>', "设置规则 set a rule: '<id>: <severity>' (repeatable)", collect, [])
    .option('--max-warnings <n>', '警告数超过 n 时退出码为 1 exit 1 if there are more than n warnings')
    .option('--quiet', '只报告错误 report errors only')
    .option('--locale <zh|en>', '消息语言 message language (default zh)')
    .option('--color', '强制彩色输出 force colour')
    .option('--no-color', '关闭彩色输出 disable colour')
    .option('--stdin', '从标准输入读取文稿 read the draft from standard input')
    .option('--stdin-filename <name>', '标准输入文稿的文件名（决定格式和配置）name for the stdin draft')
    .option('--against <file>', '对照上级文件检查照抄照搬 compare with an upstream document (repeatable)', collect, [])
    .option('--fix', '自动修正 .txt/.md 中的标点宽度（原子写入）fix punctuation width in .txt/.md (atomic write)')
    .option('--fix-dry-run', '只显示修正差异，不写文件 show the fixes as a diff, write nothing')
    .option('--render', '用 LibreOffice 排版计页（需已安装）count .docx pages with LibreOffice when installed')
    .option('--concurrency <n>', '并行线程数 worker threads: auto | off | <n> (default auto)')
    .option('--follow-symlinks', '跟随指向所查目录之外的符号链接 follow symbolic links that lead out of a checked directory')
    .option('--cache', '只检查改动过的文稿 reuse results of unchanged drafts')
    .option('--cache-location <path>', '缓存位置 where the cache lives (default node_modules/.cache/wenfeng)')
    .option('--timeout-per-page <s>', '每页允许的秒数，超时放弃该文件 seconds allowed per page before a file is abandoned (default 3, plus 10 per file)')
    .option('--max-file-size <MB>', '超过此大小的文件不读取 refuse files larger than this (default 100)')
    .option('--max-inflated-size <MB>', '压缩包解压上限，防压缩炸弹 refuse .docx/.ofd parts that inflate past this (default 256)')
    .option('--max-memory <MB>', '每个文件可用的内存上限，超出则放弃该文件 heap a draft may use before it is abandoned (default 512)')
    .option('--limit <name=value>', '其他上限 another cap: paragraphs, paragraph-chars, table-cells, numbering, lvl-text, pdf-pages, ofd-objects, part-size (repeatable)', collect, [])
    .option('--print-config <file>', '打印某文件生效的配置 print the config that applies to a file')
    .option('-o, --output-file <path>', '把结果写入文件 write the report to a file')
    .option('--debug', '出错时显示调用栈 show stack traces');
}

/** `wenfeng [check]` options that take a value, by each name they are written with; repeatable ones collect. */
const VALUE_OPTIONS: Record<string, { key: keyof CheckOptions; repeat?: boolean }> = {
  '-f': { key: 'format' }, '--format': { key: 'format' }, '--type': { key: 'type' }, '-c': { key: 'config' }, '--config': { key: 'config' },
  '--rule': { key: 'rule', repeat: true }, '--max-warnings': { key: 'maxWarnings' }, '--locale': { key: 'locale' },
  '--stdin-filename': { key: 'stdinFilename' }, '--against': { key: 'against', repeat: true }, '--concurrency': { key: 'concurrency' },
  '--cache-location': { key: 'cacheLocation' }, '--timeout-per-page': { key: 'timeoutPerPage' }, '--max-file-size': { key: 'maxFileSize' },
  '--max-inflated-size': { key: 'maxInflatedSize' }, '--max-memory': { key: 'maxMemory' }, '--limit': { key: 'limit', repeat: true },
  '--print-config': { key: 'printConfig' }, '-o': { key: 'outputFile' }, '--output-file': { key: 'outputFile' },
};
/** `wenfeng [check]` flags and the value each sets. */
const FLAG_OPTIONS: Record<string, [keyof CheckOptions, boolean]> = {
  '--no-config': ['config', false], '--quiet': ['quiet', true], '--color': ['color', true], '--no-color': ['color', false], '--stdin': ['stdin', true],
  '--fix': ['fix', true], '--fix-dry-run': ['fixDryRun', true], '--render': ['render', true], '--follow-symlinks': ['followSymlinks', true],
  '--cache': ['cache', true], '--debug': ['debug', true],
};

/**
 * The common case, `wenfeng [check] <paths…> [options]` written plainly, parsed without loading
 * commander (a sixth of the start-up of a short run). Anything else — help, another command, an
 * unknown or abbreviated option, a value that looks like an option, a first path that could be a
 * command's name — returns undefined and goes through commander, which also words the errors.
 */
function parseCheckArgs(argv: string[]): { paths: string[]; opts: CheckOptions } | undefined {
  const opts: CheckOptions = { format: 'stylish', rule: [], against: [], limit: [] };
  const paths: string[] = [];
  let i = argv[0] === 'check' ? 1 : 0;
  let operandsOnly = false;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (operandsOnly || arg === '-' || !arg.startsWith('-')) {
      // Commander takes a first operand that names a command as that command.
      if (!paths.length && i === 0 && /^[a-z][\w-]*$/i.test(arg)) return undefined;
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      operandsOnly = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = FLAG_OPTIONS[name];
    if (flag && eq < 0) {
      (opts as unknown as Record<string, unknown>)[flag[0]] = flag[1];
      continue;
    }
    const option = VALUE_OPTIONS[name];
    if (!option) return undefined;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    if (option.repeat) (opts[option.key] as string[]).push(value);
    else (opts as unknown as Record<string, unknown>)[option.key] = value;
  }
  return { paths, opts };
}

/** An error out of a run, as one line on stderr and the exit code (2). */
function reportError(error: unknown, argv: string[]): number {
  const debug = argv.includes('--debug');
  if (error instanceof UsageError) {
    process.stderr.write(`wenfeng: ${error.text(localeFromArgs(argv))}\n`);
    return 2;
  }
  if ((error as Error)?.name === 'ReferenceFileError') {
    const e = error as ReferenceFileError;
    process.stderr.write(`wenfeng: ${e.path}: ${e.zh} (${e.en})\n`);
    return 2;
  }
  if (error instanceof ConfigError) {
    // Every error found, one line each, in the run's language.
    const en = argv.some((a, i) => a === '--locale=en' || (a === '--locale' && argv[i + 1] === 'en'));
    for (const e of error.all) process.stderr.write(`wenfeng: ${en ? 'config error' : '配置错误'}: ${e.line(en ? 'en' : 'zh')}\n`);
    if (debug) process.stderr.write(`${error.stack ?? ''}\n`);
    return 2;
  }
  process.stderr.write(`wenfeng: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
  if (debug) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (wenfeng … | head) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const plain = parseCheckArgs(argv);
  if (plain) {
    try {
      return await runCheck(plain.paths, plain.opts);
    } catch (error) {
      return reportError(error, argv);
    }
  }
  return commanderMain(argv);
}

/** Everything but the plain check: help, the other commands, and the wording of usage errors. */
async function commanderMain(argv: string[]): Promise<number> {
  const { Command, CommanderError, Option } = await import('commander');
  const program = new Command('wenfeng')
    .description('公文文风检查：页数上限、套话、穿靴戴帽、数字空缺、错别字、标题序号\nA linter for Chinese official documents.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    // Commander's own English complaints are not shown: each becomes a UsageError in the user's language.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => {} })
    .showHelpAfterError(false);

  let code = 0;
  const debug = argv.includes('--debug');
  const check = addCheckOptions(program.command('check', { isDefault: true }).argument('[paths...]', '文件、目录或通配符 files, directories or globs'), Option)
    .description('检查文稿 check drafts (the default command)')
    .action(async (paths: string[], opts: CheckOptions) => {
      code = await runCheck(paths, opts);
    });
  // `wenfeng --help` shows the options of the default command too: that is what people run.
  program.addHelpText('after', () => `\n${check.helpInformation().replace(/^Usage: wenfeng check/, 'Usage: wenfeng [check]')}`);
  program
    .command('rules')
    .argument('[id]', '规则 id：打印其文档 a rule id: print its documentation')
    .description('列出全部规则 list every rule (plugins included)')
    .option('-c, --config <file>', '使用指定配置文件 use this config file')
    .option('--no-config', '不读取配置文件 ignore config files')
    .option('--locale <zh|en>', '语言 language')
    .action(async (id: string | undefined, opts: { config?: string | false; locale?: string }) => {
      code = await runRulesList(id, opts);
    });
  program
    .command('init')
    .description('创建带注释的配置文件 .wenfengrc.yaml（不会覆盖）write a commented starter config (never overwrites)')
    .option('--preset <id>', '公文格式预设 format preset: gbt9704-2012 | gbt9704-strict')
    .action(async (opts: { preset?: string }) => {
      code = await runInit(opts);
    });
  program
    .command('annotate')
    .argument('<draft>', 'Word 文稿 a .docx draft')
    .description('把检查结果写成 Word 批注，另存一份（原稿不动）write the findings as Word comments into a copy of the draft')
    .option('-o, --output <file>', '输出文件（默认 <文件名>.reviewed.docx）output file (default <name>.reviewed.docx)')
    .option('--force', '覆盖已存在的输出文件 overwrite an existing output file')
    .option('-c, --config <file>', '使用指定配置文件 use this config file')
    .option('--no-config', '不读取配置文件 ignore config files')
    .option('--rule <spec>', "设置规则 set a rule: '<id>: <severity>' (repeatable)", collect, [])
    .option('--type <id>', `文种类别 document type: ${DOC_TYPE_IDS.join(' | ')}`)
    .option('--locale <zh|en>', '批注语言 comment language (default zh)')
    .action(async (draft: string, opts: { output?: string; force?: boolean; config?: string | false; rule: string[]; type?: string; locale?: string }) => {
      if (opts.locale && opts.locale !== 'zh' && opts.locale !== 'en') throw badValue('--locale', opts.locale, ['zh', 'en']);
      if (opts.type && !DOC_TYPE_IDS.includes(opts.type)) throw badValue('--type', opts.type, DOC_TYPE_IDS);
      // Loaded when used: the checking path stays as small as it was.
      const { runAnnotate } = await import('./annotate/command.js');
      code = await runAnnotate(draft, { ...opts, rules: parseRuleFlags(opts.rule), locale: opts.locale as Locale | undefined });
    });

  program
    .command('lsp')
    .description('语言服务器（LSP，标准输入输出）：编辑器里边写边查 a Language Server Protocol server on stdio, for editors')
    .option('--stdio', '经标准输入输出通信（默认）talk over stdin/stdout (the default)')
    // Clients add options of their own (--clientProcessId=…); the process id also comes in `initialize`.
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async () => {
      // Loaded only here: the LSP library and the server cost nothing to the other commands.
      const { runLanguageServer } = await import('./lsp/server.js');
      code = await runLanguageServer();
    });

  program
    .command('format')
    .argument('<draft>', 'Word 文稿 a .docx draft')
    .description('按 GB/T 9704 整理格式，另存一份（只改格式，不改文字）write a copy in GB/T 9704 format (formatting only, never the text)')
    .option('-o, --output <file>', '输出文件（默认 <文件名>.formatted.docx）output file (default <name>.formatted.docx)')
    .option('--force', '覆盖已存在的输出文件 overwrite an existing output file')
    .option('--dry-run', '只列出要改的内容，不写文件 list the changes, write nothing')
    .option('-c, --config <file>', '使用指定配置文件 use this config file')
    .option('--no-config', '不读取配置文件 ignore config files')
    .option('--locale <zh|en>', '消息语言 message language (default zh)')
    .action(async (draft: string, opts: { output?: string; force?: boolean; dryRun?: boolean; config?: string | false; locale?: string }) => {
      if (opts.locale && opts.locale !== 'zh' && opts.locale !== 'en') throw badValue('--locale', opts.locale, ['zh', 'en']);
      const { runFormat } = await import('./reformat/command.js');
      code = await runFormat(draft, { ...opts, locale: opts.locale as Locale | undefined });
    });

  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride((error) => {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') throw error;
      throw fromCommanderError(error, cmd);
    });
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    return reportError(error, argv);
  }
}
