import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers/run-cli.js';
import { COMMAND_NAMES } from '../src/usage.js';

const SEED_002 = 'fixtures/seeds/002-city-report.txt';
const GOOD = 'fixtures/good/good-notice.txt';
const BLANK_DRAFT = '关于开展安全检查的通知\n各单位要在月底前完成检查，每年不超过次，同比下降%。\n';

function writeDraft(dir: string, name: string, text = BLANK_DRAFT): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('exit codes', () => {
  test('0 when no error is found', () => {
    const r = runCli([GOOD, '--rule', 'boilerplate: off']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('1 when errors are found', () => {
    expect(runCli([SEED_002]).code).toBe(1);
  });

  test('2 for a usage error, with one line on stderr', () => {
    const r = runCli([SEED_002, '--format', 'nonsense']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--format/);
  });

  test('2 for a missing path, and the other files are still checked', () => {
    const r = runCli(['no-such-draft.docx', SEED_002, '--format', 'compact']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^no-such-draft\.docx:1:1: 错误 文件或目录不存在 \[fatal\]$/m);
    expect(r.stdout).toMatch(/002-city-report\.txt:\d+:\d+: 错误 数字空缺/);
  });

  test('--max-warnings turns warnings into exit 1', () => {
    const dir = tempDir();
    writeDraft(dir, 'a.txt', '关于工作的报告\n我们高度重视，高度重视，高度重视，高度重视。\n');
    const base = ['a.txt', '--rule', 'boilerplate: [warning, {"maxPerThousand": 0, "minCount": 1}]', '--no-config'];
    expect(runCli(base, { cwd: dir }).code).toBe(0);
    expect(runCli([...base, '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
  });
});

describe('formats', () => {
  test('stylish groups by file, shows the type and pages, and totals', () => {
    const r = runCli([SEED_002]);
    expect(r.stdout).toContain('fixtures/seeds/002-city-report.txt');
    expect(r.stdout).toMatch(/约 \d+ 页/);
    expect(r.stdout).toMatch(/\d+:\d+ +错误 +数字空缺："次"前缺少数字 +placeholder/);
    expect(r.stdout).toMatch(/✖ 1 个文件，\d+ 个问题/);
  });

  test('compact is one line per finding with file:line:col', () => {
    const r = runCli([SEED_002, '--format', 'compact']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(15);
    for (const line of lines) expect(line).toMatch(/^fixtures\/seeds\/002-city-report\.txt:\d+:\d+: (错误|警告|提示) .+ \[[\w/-]+\]$/);
  });

  test('json matches the documented schema', () => {
    const r = runCli([SEED_002, GOOD, 'missing.pdf', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.files).toHaveLength(3);
    for (const f of out.files) {
      expect(Object.keys(f).sort()).toEqual(['docType', 'elements', 'errorCount', 'fatal', 'format', 'infoCount', 'messages', 'pages', 'path', 'stats', 'warningCount'].sort());
      expect(typeof f.path).toBe('string');
      expect(typeof f.fatal).toBe('boolean');
      for (const m of f.messages) {
        expect(['error', 'warning', 'info']).toContain(m.severity);
        for (const k of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(m[k]) && m[k] >= 1).toBe(true);
        expect(typeof m.message).toBe('string');
        expect(m.ruleId === null || typeof m.ruleId === 'string').toBe(true);
      }
      if (f.fatal) {
        expect(f.messages).toHaveLength(1);
        expect(f.messages[0].ruleId).toBeNull();
        continue;
      }
      expect(['docx', 'pdf', 'txt', 'md']).toContain(f.format);
      expect(['policy', 'task', 'comprehensive-report', 'special-report', 'other']).toContain(f.docType.id);
      expect(['flag', 'config', 'title', 'default']).toContain(f.docType.source);
      expect(Number.isInteger(f.pages.count)).toBe(true);
      expect(typeof f.pages.exact).toBe('boolean');
      expect(f.stats.chars).toBeGreaterThan(100);
      expect(f.errorCount).toBe(f.messages.filter((m: { severity: string }) => m.severity === 'error').length);
    }
    const missing = out.files.find((f: { path: string }) => f.path === 'missing.pdf');
    expect(missing.fatal).toBe(true);
  });

  test('a finding points at the right paragraph and column', () => {
    const out = JSON.parse(runCli([SEED_002, '--format', 'json']).stdout);
    const text = readFileSync(join(ROOT, SEED_002), 'utf8').split('\n');
    const hit = out.files[0].messages.find((m: { text: string }) => m.text === '不超过次');
    expect(hit).toBeDefined();
    expect([...text[hit.line - 1]!].slice(hit.column - 1, hit.endColumn).join('')).toBe('不超过次');
  });

  test('--locale en speaks English', () => {
    const r = runCli([SEED_002, '--locale', 'en', '--format', 'compact']);
    expect(r.stdout).toMatch(/: error blank number: no number before "次"/);
  });

  test('--quiet drops warnings', () => {
    const dir = tempDir();
    writeDraft(dir, 'a.txt', '关于工作的报告\n在上级的正确领导下，每年不超过次。\n');
    const all = runCli(['a.txt', '--format', 'compact', '--no-config'], { cwd: dir }).stdout;
    const quiet = runCli(['a.txt', '--format', 'compact', '--quiet', '--no-config'], { cwd: dir }).stdout;
    expect(all).toMatch(/警告/);
    expect(quiet).not.toMatch(/警告/);
    expect(quiet).toMatch(/错误/);
  });

  test('a command typed wrong is named as the command it may be, not only as a missing file', () => {
    const r = runCli(['rule']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('rule  错误  文件或目录不存在；是否想用命令 wenfeng rules？');
    // A missing draft with a name unlike any command is only missing.
    expect(runCli(['nosuch-draft.txt']).stdout).toContain('nosuch-draft.txt  错误  文件或目录不存在\n');
    // Every name offered is a command wenfeng has.
    for (const name of COMMAND_NAMES) expect(runCli([name, '--help']).code, name).toBe(0);
  });

  test('--quiet on a draft with only warnings says "no errors" and what it left out, never "no problems"', () => {
    const dir = tempDir();
    writeDraft(dir, 'a.txt', '关于工作的报告\n在上级的正确领导下,我们认真贯彻落实。\n');
    const all = runCli(['a.txt', '--format', 'json', '--no-config'], { cwd: dir });
    const file = JSON.parse(all.stdout).files[0];
    expect(file.errorCount).toBe(0);
    expect(file.warningCount).toBeGreaterThan(0);
    const quiet = runCli(['a.txt', '--quiet', '--no-config'], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('没有发现问题');
    expect(quiet.stdout).toContain('1 个文件，没有错误');
    expect(quiet.stdout).toContain(`--quiet 未列出 ${file.warningCount} 个警告、${file.infoCount} 个提示`);
  });

  test('colour: off with NO_COLOR or --no-color, on with --color or FORCE_COLOR', () => {
    const esc = '\u001b[';
    expect(runCli([SEED_002]).stdout).not.toContain(esc);
    expect(runCli([SEED_002, '--color']).stdout).toContain(esc);
    expect(runCli([SEED_002], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain(esc);
    expect(runCli([SEED_002, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain(esc);
  });

  test('--output-file writes the report to a file', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const r = runCli([SEED_002, '--format', 'json', '--output-file', out]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).files).toHaveLength(1);
  });
});

describe('stdin', () => {
  test('--stdin with --stdin-filename picks the format and the name', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'draft.md', '--format', 'compact', '--no-config'], { input: '# 关于做好检查的通知\n\n每年不超过次。\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^draft\.md:3:3: 错误 数字空缺/m);
  });

  test('--stdin without a name is shown as <stdin>', () => {
    const r = runCli(['--stdin', '--format', 'compact', '--no-config'], { input: BLANK_DRAFT });
    expect(r.stdout).toMatch(/^<stdin>:2:\d+: /m);
  });
});

describe('config', () => {
  test('found upward from each file; nearest wins', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    writeDraft(dir, 'a/b/draft.txt');
    writeFileSync(join(dir, 'a/.wenfengrc.yaml'), 'rules:\n  placeholder: warning\n');
    writeDraft(dir, 'other/draft.txt');
    const out = JSON.parse(runCli(['.', '--format', 'json'], { cwd: dir }).stdout);
    const byPath = Object.fromEntries(out.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['a/b/draft.txt'].warningCount).toBeGreaterThan(0);
    expect(byPath['a/b/draft.txt'].errorCount).toBe(0);
    expect(byPath['other/draft.txt'].messages.filter((m: { ruleId: string }) => m.ruleId === 'placeholder')).toHaveLength(0);
  });

  test('package.json "wenfeng" key is read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'drafts', wenfeng: { rules: { placeholder: 'off' } } }));
    writeDraft(dir, 'draft.txt');
    expect(runCli(['draft.txt', '--format', 'compact'], { cwd: dir }).stdout).not.toMatch(/placeholder/);
  });

  test('overrides by glob set rules and the document type', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ overrides: [{ files: ['reports/**'], type: 'special-report', rules: { placeholder: 'info' } }] }));
    writeDraft(dir, 'reports/q3.txt');
    writeDraft(dir, 'notices/n1.txt');
    const out = JSON.parse(runCli(['.', '--format', 'json'], { cwd: dir }).stdout);
    const byPath = Object.fromEntries(out.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['reports/q3.txt'].docType).toMatchObject({ id: 'special-report', source: 'config', pageLimit: 5 });
    expect(byPath['reports/q3.txt'].errorCount).toBe(0);
    expect(byPath['reports/q3.txt'].infoCount).toBeGreaterThan(0);
    expect(byPath['notices/n1.txt'].errorCount).toBeGreaterThan(0);
  });

  test('--no-config ignores config files; --config uses the given one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { placeholder: 'error' } }));
    writeDraft(dir, 'draft.txt');
    expect(runCli(['draft.txt'], { cwd: dir }).code).toBe(0);
    expect(runCli(['draft.txt', '--no-config'], { cwd: dir }).code).toBe(1);
    expect(runCli(['draft.txt', '--config', 'strict.json'], { cwd: dir }).code).toBe(1);
  });

  test('an unknown key, rule or severity is one line naming the file and the key, exit 2', () => {
    const cases: Array<[object, RegExp]> = [
      [{ rulez: {} }, /\.wenfengrc\.json: rulez: /],
      [{ rules: { placeholdr: 'error' } }, /\.wenfengrc\.json: rules\.placeholdr: 未知的规则/],
      [{ rules: { placeholder: 'loud' } }, /\.wenfengrc\.json: rules\.placeholder: 严重级别/],
      [{ rules: { boilerplate: ['warning', { maxPerThousand: 'x' }] } }, /rules\.boilerplate\[1\]\.maxPerThousand: 规则 boilerplate 的选项/],
      [{ rules: { boilerplate: ['warning', { nope: 1 }] } }, /rules\.boilerplate\[1\]\.nope: 规则 boilerplate 没有选项 nope/],
    ];
    for (const [config, pattern] of cases) {
      const dir = tempDir();
      writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify(config));
      writeDraft(dir, 'draft.txt');
      const r = runCli(['draft.txt'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
  });

  test('ignores in config and .wenfengignore skip files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ ignores: ['archive/**'] }));
    writeFileSync(join(dir, '.wenfengignore'), '# old drafts\nold/\n*.bak.txt\n');
    writeDraft(dir, 'archive/a.txt');
    writeDraft(dir, 'old/b.txt');
    writeDraft(dir, 'c.bak.txt');
    writeDraft(dir, 'keep/d.txt');
    const out = JSON.parse(runCli(['.', '--format', 'json'], { cwd: dir }).stdout);
    expect(out.files.map((f: { path: string }) => f.path)).toEqual(['keep/d.txt']);
  });

  test('globs select files', () => {
    const dir = tempDir();
    writeDraft(dir, 'a/x.txt');
    writeDraft(dir, 'a/y.md');
    writeDraft(dir, 'b/z.txt');
    const out = JSON.parse(runCli(['**/*.txt', '--format', 'json'], { cwd: dir }).stdout);
    expect(out.files.map((f: { path: string }) => f.path).sort()).toEqual(['a/x.txt', 'b/z.txt']);
  });

  test('--print-config shows what applies to a file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ rules: { boilerplate: ['info', { maxPerThousand: 2 }] } }));
    const out = JSON.parse(runCli(['--print-config', 'x.txt'], { cwd: dir }).stdout);
    expect(out.rules.boilerplate[0]).toBe('info');
    expect(out.rules.boilerplate[1].maxPerThousand).toBe(2);
    expect(out.configFile).toBe(join(dir, '.wenfengrc.json'));
  });
});

describe('plugins and phrase rules', () => {
  test('a local plugin reports findings under its namespace', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'office-rules.mjs'),
      `export default { rules: { 'no-jinyibu': { meta: { id: 'no-jinyibu', description: { zh: '不用"进一步"', en: 'avoid 进一步' }, defaultSeverity: 'warning' },
        check(doc, ctx) { for (const p of doc.paragraphs) { const i = p.norm.indexOf('进一步'); if (i >= 0) ctx.report({ paragraph: p, start: i, end: i + 3, message: { zh: '本单位不用"进一步"', en: 'we avoid 进一步' } }); } } } } };\n`,
    );
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ plugins: ['./office-rules.mjs'] }));
    writeDraft(dir, 'draft.txt', '关于工作的通知\n要进一步做好检查。\n');
    const r = runCli(['draft.txt', '--format', 'compact'], { cwd: dir });
    expect(r.stdout).toMatch(/^draft\.txt:2:2: 警告 本单位不用"进一步" \[office-rules\/no-jinyibu\]$/m);
    expect(runCli(['rules'], { cwd: dir }).stdout).toMatch(/^office-rules\/no-jinyibu +warning +不用"进一步"$/m);
  });

  test('a plugin rule that throws names itself and exits 2, other files still checked', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.mjs'), `export default { rules: { boom: { meta: { id: 'boom', description: { zh: '坏规则', en: 'bad' }, defaultSeverity: 'error' }, check() { throw new Error('kaput'); } } } };\n`);
    writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ plugins: ['./bad.mjs'] }));
    writeDraft(dir, 'draft.txt');
    const r = runCli(['draft.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/规则 bad\/boom 运行出错：kaput/);
    expect(r.stdout).toMatch(/数字空缺/);
    expect(r.stdout).not.toMatch(/at check/);
  });

  test('a phrases rule from config, with strings and a regex', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.wenfengrc.yaml'),
      'phrases:\n  - id: office-words\n    severity: error\n    message: 本单位禁用此说法\n    match: ["全力以赴", "/狠抓.{0,2}落实/"]\n    suggest: 写明具体措施\n',
    );
    writeDraft(dir, 'draft.txt', '关于工作的通知\n我们全力以赴，狠抓工作落实。\n');
    const r = runCli(['draft.txt', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/draft\.txt:2:3: 错误 本单位禁用此说法（建议：写明具体措施） \[office-words\]/);
    expect(r.stdout).toMatch(/draft\.txt:2:8: 错误 本单位禁用此说法/);
  });
});

describe('subcommands', () => {
  test('rules lists every built-in rule with severity and description', () => {
    const r = runCli(['rules', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^placeholder +error +数字空缺/m);
    expect(r.stdout).toMatch(/^boilerplate +warning +套话/m);
  });

  test('init writes a commented starter config and never overwrites', () => {
    const dir = tempDir();
    const first = runCli(['init'], { cwd: dir });
    expect(first.code).toBe(0);
    const written = readFileSync(join(dir, '.wenfengrc.yaml'), 'utf8');
    expect(written).toMatch(/^# /m);
    writeDraft(dir, 'draft.txt');
    expect(runCli(['draft.txt'], { cwd: dir }).code).toBe(1); // the starter config is valid
    const second = runCli(['init'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(readFileSync(join(dir, '.wenfengrc.yaml'), 'utf8')).toBe(written);
  });

  test('--version and --help exit 0', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--format/);
    expect(existsSync(join(ROOT, 'dist/cli.js'))).toBe(true);
  });
});

describe('rules documentation and inline control', () => {
  test('`wenfeng rules <id>` prints the rule\'s documentation', () => {
    const r = runCli(['rules', 'placeholder', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# placeholder/);
    expect(runCli(['rules', 'nope', '--no-config']).code).toBe(2);
  });

  test('every built-in rule has its doc page', () => {
    const list = runCli(['rules', '--no-config']).stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]!);
    expect(list.length).toBeGreaterThanOrEqual(12);
    for (const id of list) expect(existsSync(join(ROOT, 'docs/rules', `${id}.md`)), id).toBe(true);
  });

  test('<!-- wenfeng-disable … --> comments in Markdown', () => {
    const dir = tempDir();
    writeDraft(
      dir,
      'd.md',
      ['# 关于检查的通知', '', '每年不超过次。', '<!-- wenfeng-disable placeholder -->', '每月不超过次。', '<!-- wenfeng-enable -->', '每周不超过次。', '<!-- wenfeng-disable-next-line -->', '每天不超过次。', '每时不超过次。'].join('\n') + '\n',
    );
    const lines = runCli(['d.md', '--format', 'compact', '--no-config'], { cwd: dir }).stdout.match(/^d\.md:(\d+):\d+: 错误 数字空缺/gm)!.map((l) => Number(l.split(':')[1]));
    expect(lines).toEqual([3, 7, 10]);
  });
});
