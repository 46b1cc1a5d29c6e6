// The wenfeng command line. Exit codes as ESLint: 0 clean, 1 errors (or too many warnings), 2 usage,
// config or unreadable-file trouble.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale, Severity } from './api.js';
import type { CheckOptions } from './cli-check.js';
import { DOC_TYPE_IDS } from './classify/doc-types.js';
import { ConfigError } from './config/types.js';
import type { ReferenceFileError } from './engine/references.js';
import { UsageError, badValue, fromCommanderError, localeFromArgs, nearest } from './usage.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The check itself, with the engine, in one import (src/cli-check.ts). */
const runCheck = async (paths: string[], opts: CheckOptions): Promise<number> => (await import('./cli-check.js')).runCheck(paths, opts);

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
    const docs = rule.meta.docs ? resolve(dirname(fileURLToPath(import.meta.url)), '..', rule.meta.docs) : undefined;
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

/** A reader that stops early (wenfeng … | head) is not an error of ours. Once per process: main() runs
 * again in one process (benchmarks, embedding), and a listener per call would pile up. */
let stdoutGuarded = false;
function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export { tuneForOneShot } from './platform/one-shot-flags.js';

export async function main(argv: string[]): Promise<number> {
  guardStdout();
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
      const { parseRuleFlags } = await import('./cli-check.js');
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
