// Configuration that cannot be read: file, line, column and cause, every error at once, in the run's
// language; YAML alias bombs and ReDoS patterns refused or made harmless; a broken home config is a
// warning, not the end of the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const DRAFT = '关于开展安全检查的通知\n各单位要在月底前完成检查，每年不超过次。\n';

function project(config: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'draft.txt'), DRAFT);
  for (const [name, text] of Object.entries(config)) writeFileSync(join(dir, name), text);
  return dir;
}

const errLines = (stderr: string): string[] => stderr.trim().split('\n').filter(Boolean);

describe('syntax errors name the file, line, column and cause', () => {
  test('YAML: a flow sequence left open', () => {
    const dir = project({ '.wenfengrc.yaml': 'rules:\n  placeholder: error\n  typo: [warning,\n' });
    const r = runCli(['draft.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(errLines(r.stderr)).toEqual([`wenfeng: 配置错误: ${join(dir, '.wenfengrc.yaml')}:4:1: (syntax): YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]`]);
  });

  test('JSON: a trailing comma, in English with --locale en', () => {
    const dir = project({ '.wenfengrc.json': '{\n  "rules": {\n    "placeholder": "error",\n  }\n}\n' });
    const r = runCli(['draft.txt', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    const [line] = errLines(r.stderr);
    expect(line).toMatch(new RegExp(`^wenfeng: config error: ${join(dir, '.wenfengrc.json').replace(/[.]/g, '\\.')}:4:3: \\(syntax\\): JSON syntax error: .+`));
    expect(errLines(r.stderr)).toHaveLength(1);
  });

  test('every error of a file at once, one line each', () => {
    const config = { rulez: 1, rules: { typo: 'loud', punctuation: 'noisy' }, locale: 'fr', pageLimits: { policy: 0 } };
    const dir = project({ '.wenfengrc.json': JSON.stringify(config) });
    const r = runCli(['draft.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    const keys = errLines(r.stderr).map((l) => l.split(': ')[3]);
    expect(keys).toEqual(['rulez', 'rules.typo', 'rules.punctuation', 'locale', 'pageLimits.policy']);
  });

  test('errors of two config files in one run are all shown', () => {
    const dir = tempDir();
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'draft.txt'), DRAFT);
      writeFileSync(join(dir, sub, '.wenfengrc.json'), JSON.stringify({ rules: { [`no-such-rule-${sub}`]: 'error' } }));
    }
    const r = runCli(['a', 'b'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(errLines(r.stderr).map((l) => l.split(': ')[3])).toEqual(['rules.no-such-rule-a', 'rules.no-such-rule-b']);
  });
});

describe('a YAML alias bomb', () => {
  // Nine levels of nine aliases: 9^9 (387 million) strings once expanded.
  const levels = 'abcdefghi'.split('');
  const bomb = [
    'a: &a ["进一步", "进一步", "进一步", "进一步", "进一步", "进一步", "进一步", "进一步", "进一步"]',
    ...levels.slice(1).map((l, i) => `${l}: &${l} [${Array(9).fill(`*${levels[i]}`).join(', ')}]`),
    'rules:',
    '  boilerplate: [warning, { ignore: *i }]',
  ].join('\n');

  test('is refused under --print-config, quickly and in little memory', () => {
    const dir = project({ '.wenfengrc.yaml': `${bomb}\n` });
    const started = Date.now();
    const r = runCli(['--print-config', 'draft.txt'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(errLines(r.stderr)).toEqual([`wenfeng: 配置错误: ${join(dir, '.wenfengrc.yaml')}: (syntax): YAML 别名展开过多（上限 100），疑为"别名炸弹"，拒绝读取`]);
  });

  test('a config with a few aliases is fine', () => {
    const dir = project({ '.wenfengrc.yaml': 'base: &strict error\nrules:\n  placeholder: *strict\n  typo: *strict\n' });
    const r = runCli(['--print-config', 'draft.txt'], { cwd: dir });
    // `base` is not a config key: the error is about the key, not the aliases.
    expect(errLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/: base: 未知的配置项/);
  });
});

describe('phrases patterns cannot hang', () => {
  const phrases = (match: string[]) => JSON.stringify({ phrases: [{ id: 'our-banned', severity: 'warning', message: '本单位不用此说法', match }] });

  test('catastrophic backtracking patterns (ASCII and CJK) finish and still match', () => {
    const evilText = `关于开展安全检查的通知\n${'a'.repeat(5000)}!\n${'进一步'.repeat(3000)}。\n全力以赴确保完成。\n`;
    const dir = project({ '.wenfengrc.json': phrases(['/(a+)+$/', '/^(进一步|进一步加大|进一)*力度$/', '/(\\w|\\w\\w)*b/', '/全力以赴.{0,4}确保/']) });
    writeFileSync(join(dir, 'evil.txt'), evilText);
    const started = Date.now();
    const r = runCli(['evil.txt', 'draft.txt', '--format', 'json'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; messages: Array<{ ruleId: string; line: number; text?: string }> }>;
    const hits = files.find((f) => f.path === 'evil.txt')!.messages.filter((m) => m.ruleId === 'our-banned');
    expect(hits.map((m) => [m.line, m.text])).toEqual([[4, '全力以赴确保']]);
    expect(files.find((f) => f.path === 'draft.txt')!.messages.some((m) => m.ruleId === 'placeholder')).toBe(true);
  });

  test('a pattern the linear engine cannot run is a config error naming it', () => {
    const dir = project({ '.wenfengrc.json': phrases(['进一步', '/(?<=加大)力度/', '/(进一步)\\1/']) });
    const r = runCli(['draft.txt', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = errLines(r.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('phrases[0].match[1]: regular expression /(?<=加大)力度/ cannot be used');
    expect(lines[1]).toContain('phrases[0].match[2]: regular expression /(进一步)\\1/ cannot be used');
  });
});

describe('the home config', () => {
  test('an unreadable one is a warning; the project config and the run go on', () => {
    const dir = project({ '.wenfengrc.json': JSON.stringify({ rules: { placeholder: 'warning' } }) });
    const home = tempDir();
    // ~/.config is a file: nothing under it can be read.
    writeFileSync(join(home, '.config'), 'not a directory');
    const r = runCli(['draft.txt', '--format', 'compact'], { cwd: dir, env: { HOME: home, XDG_CONFIG_HOME: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/draft\.txt:2:\d+: 警告 数字空缺/);
    expect(r.stderr).toBe('');
  });

  test('a broken one is a warning and the defaults apply; a good one applies where no project config is', () => {
    const base = tempDir();
    const work = join(base, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'draft.txt'), DRAFT);
    const xdg = join(base, 'xdg');
    mkdirSync(join(xdg, 'wenfeng'), { recursive: true });
    writeFileSync(join(xdg, 'wenfeng/config.yaml'), 'rules: [\n');
    const broken = runCli(['draft.txt', '--format', 'compact'], { cwd: work, env: { XDG_CONFIG_HOME: xdg } });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/draft\.txt:2:\d+: 错误 数字空缺/);
    expect(errLines(broken.stderr)).toHaveLength(1);
    expect(broken.stderr).toMatch(new RegExp(`^wenfeng: ${join(xdg, 'wenfeng/config.yaml')}:2:1: 已忽略用户配置：YAML 语法错误`));

    writeFileSync(join(xdg, 'wenfeng/config.yaml'), 'rules:\n  placeholder: warning\n');
    const good = runCli(['draft.txt', '--format', 'compact'], { cwd: work, env: { XDG_CONFIG_HOME: xdg } });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/draft\.txt:2:\d+: 警告 数字空缺/);
  });
});
