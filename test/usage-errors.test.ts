// Usage errors a new user makes: one line on stderr in Chinese (English with --locale en), exit 2, the
// nearest valid option or value suggested; `-` reads standard input.
import { describe, expect, test } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const DRAFT = 'fixtures/seeds/002-city-report.txt';

function usageError(args: string[]): string {
  const r = runCli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('usage errors', () => {
  const cases: Array<[string, string[], string, string]> = [
    ['an unknown option', [DRAFT, '--fromat', 'json'], 'wenfeng: 未知选项 --fromat，是否想用 --format？', 'wenfeng: unknown option --fromat; did you mean --format?'],
    ['an unknown option with =value', [DRAFT, '--concurency=2'], 'wenfeng: 未知选项 --concurency，是否想用 --concurrency？', 'wenfeng: unknown option --concurency; did you mean --concurrency?'],
    ['an unknown option of a subcommand', ['annotate', 'x.docx', '--forse'], 'wenfeng: 未知选项 --forse，是否想用 --force？', 'wenfeng: unknown option --forse; did you mean --force?'],
    ['an option far from any', [DRAFT, '--zzzzzz'], 'wenfeng: 未知选项 --zzzzzz（wenfeng --help 列出全部选项）', 'wenfeng: unknown option --zzzzzz (wenfeng --help lists every option)'],
    ['a misspelt --type', [DRAFT, '--type', 'polcy'], "wenfeng: --type 的值 'polcy' 无效，可用：policy、task、comprehensive-report、special-report、other。是否想用 --type policy？", "wenfeng: --type must be one of policy, task, comprehensive-report, special-report, other, not 'polcy'; did you mean --type policy?"],
    ['a --type with no near value', [DRAFT, '--type', 'foo'], "wenfeng: --type 的值 'foo' 无效，可用：policy、task、comprehensive-report、special-report、other", "wenfeng: --type must be one of policy, task, comprehensive-report, special-report, other, not 'foo'"],
    ['a misspelt --format', [DRAFT, '--format', 'sarf'], "wenfeng: --format 的值 'sarf' 无效，可用：stylish、compact、json、sarif、github、junit、html 或格式化模块的路径。是否想用 --format sarif？", "wenfeng: --format must be one of stylish, compact, json, sarif, github, junit, html or a path to a formatter module, not 'sarf'; did you mean --format sarif?"],
    ['a --concurrency that is no number', [DRAFT, '--concurrency', 'x'], "wenfeng: --concurrency 的值 'x' 无效，可用：auto、off 或不小于 1 的整数", "wenfeng: --concurrency must be one of auto, off or a whole number ≥ 1, not 'x'"],
    ['an option without its value', [DRAFT, '--format'], 'wenfeng: 选项 --format 缺少取值', 'wenfeng: option --format needs a value'],
    ['a missing argument', ['annotate'], 'wenfeng: 缺少参数 <draft>（用法见 wenfeng annotate --help）', 'wenfeng: missing the argument <draft> (see wenfeng annotate --help)'],
    ['too many arguments', ['rules', 'typo', 'placeholder'], 'wenfeng: 参数过多：最多 1 个，收到 2 个（用法见 wenfeng rules --help）', 'wenfeng: too many arguments: at most 1, got 2 (see wenfeng rules --help)'],
    ['a misspelt rule id', ['rules', 'placeholdr'], 'wenfeng: 未知规则 placeholdr，是否想用 placeholder？', "wenfeng: unknown rule 'placeholdr'; did you mean placeholder?"],
    ['no drafts', ['--format', 'json'], 'wenfeng: 没有给出文稿：wenfeng <文件|目录|通配符>…（或 --stdin）', 'wenfeng: no drafts given: wenfeng <file|directory|glob>… (or --stdin)'],
  ];
  for (const [what, args, zh, en] of cases) {
    test(`${what}: Chinese by default, English with --locale en`, () => {
      expect(usageError(args)).toBe(zh);
      // An option left without its value would take --locale as its value: put the locale first there.
      const english = args.at(-1) === '--format' ? ['--locale', 'en', ...args] : [...args, '--locale', 'en'];
      expect(usageError(english)).toBe(en);
    });
  }

  test('--locale en before the mistake counts too', () => {
    expect(usageError(['--locale', 'en', DRAFT, '--fromat', 'json'])).toBe('wenfeng: unknown option --fromat; did you mean --format?');
  });

  test('help and version are not errors', () => {
    expect(runCli(['--help']).code).toBe(0);
    expect(runCli(['--version']).code).toBe(0);
  });
});

describe('- as a path', () => {
  test('reads the draft from standard input, as --stdin', () => {
    const input = '关于做好检查的通知\n每年不超过次。\n';
    const dash = runCli(['-', '--format', 'compact', '--no-config'], { input });
    const stdin = runCli(['--stdin', '--format', 'compact', '--no-config'], { input });
    expect(dash.code).toBe(1);
    expect(dash.stdout).toMatch(/^<stdin>:2:3: 错误 数字空缺/m);
    expect(dash.stdout).toBe(stdin.stdout);
  });

  test('takes --stdin-filename for the format', () => {
    const r = runCli(['-', '--stdin-filename', 'draft.md', '--format', 'compact', '--no-config'], { input: '# 关于做好检查的通知\n\n每年不超过次。\n' });
    expect(r.stdout).toMatch(/^draft\.md:3:3: 错误 数字空缺/m);
  });

  test('with other paths is a usage error', () => {
    expect(usageError(['-', DRAFT])).toBe('wenfeng: --stdin（或 -）从标准输入读取文稿，不能再给其他路径');
  });
});
