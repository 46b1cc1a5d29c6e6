// Usage errors: what the user typed wrong, in the user's language, with the nearest valid option or
// value when there is one ("未知选项 --fromat，是否想用 --format？").
import type { Command, CommanderError } from 'commander';
import type { Locale } from './api.js';

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'UsageError';
  }

  text(locale: Locale): string {
    return locale === 'en' ? this.en : this.zh;
  }
}

/** wenfeng's commands (src/cli.ts), for a command typed wrong that would otherwise be taken for a missing file. */
export const COMMAND_NAMES = ['check', 'rules', 'init', 'annotate', 'lsp', 'format'] as const;

/** Edits (insert, delete, substitute, swap two neighbours) that turn a into b. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to what was typed, if it is close enough to be what was meant. */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase().startsWith(word) && word.length >= 3 ? 0.5 : editDistance(word, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the word may be wrong, at least one edit: "fromat" → "format", "sarf" → "sarif".
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.replace(/^-+/, '').length / 3)) ? best : undefined;
}

/** "--type must be one of …": the allowed values and the nearest one. */
export function badValue(flag: string, value: string, allowed: readonly string[], allowedWords?: { zh: string; en: string }): UsageError {
  const guess = nearest(value, allowed);
  const listZh = allowedWords?.zh ?? allowed.join('、');
  const listEn = allowedWords?.en ?? allowed.join(', ');
  return new UsageError(
    `${flag} 的值 '${value}' 无效，可用：${listZh}${guess ? `。是否想用 ${flag} ${guess}？` : ''}`,
    `${flag} must be one of ${listEn}, not '${value}'${guess ? `; did you mean ${flag} ${guess}?` : ''}`,
  );
}

/** Every long option a command accepts, its parents' included (the check command takes the program's). */
function longOptions(cmd: Command): string[] {
  const flags = new Set<string>(['--help']);
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const option of c.options) if (option.long) flags.add(option.long);
  }
  return [...flags];
}

const longName = (flags: string): string => /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0]!;

/** Commander's own complaint, reworded; anything not foreseen keeps commander's words in both languages. */
export function fromCommanderError(error: CommanderError, cmd: Command): UsageError {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  // The default command is what `wenfeng` alone runs; its help is `wenfeng --help`.
  const where = cmd.parent && cmd.name() !== 'check' ? `wenfeng ${cmd.name()}` : 'wenfeng';
  switch (error.code) {
    case 'commander.unknownOption': {
      const typed = quoted[0] ?? '';
      const flag = typed.split('=')[0]!;
      const guess = flag.startsWith('--') ? nearest(flag, longOptions(cmd)) : undefined;
      return new UsageError(
        `未知选项 ${flag}${guess ? `，是否想用 ${guess}？` : `（${where} --help 列出全部选项）`}`,
        `unknown option ${flag}${guess ? `; did you mean ${guess}?` : ` (${where} --help lists every option)`}`,
      );
    }
    case 'commander.optionMissingArgument': {
      const flag = longName(quoted[0] ?? '');
      return new UsageError(`选项 ${flag} 缺少取值`, `option ${flag} needs a value`);
    }
    case 'commander.missingArgument':
      return new UsageError(`缺少参数 <${quoted[0]}>（用法见 ${where} --help）`, `missing the argument <${quoted[0]}> (see ${where} --help)`);
    case 'commander.excessArguments': {
      const expected = cmd.registeredArguments.length;
      const got = cmd.args.length;
      return new UsageError(`参数过多：最多 ${expected} 个，收到 ${got} 个（用法见 ${where} --help）`, `too many arguments: at most ${expected}, got ${got} (see ${where} --help)`);
    }
    case 'commander.unknownCommand':
      return new UsageError(`未知命令 ${quoted[0] ?? ''}`, `unknown command ${quoted[0] ?? ''}`);
    default: {
      const text = error.message.replace(/^error: /, '');
      return new UsageError(`用法错误：${text}`, text);
    }
  }
}

/** The language asked for on the command line: usage errors come before any config is read. */
export function localeFromArgs(argv: string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--locale' && argv[i + 1] === 'en') return 'en';
    if (arg === '--locale=en') return 'en';
  }
  return 'zh';
}
