// The CI kit and editor setups as users copy them: the pre-commit manifest, the GitHub Action, the
// example workflow and docs/editors.md, each parsed and run against real wenfeng output.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SUPPORTED_EXTENSIONS } from '../src/readers/index.js';
import type { LintMessage } from '../src/engine/result.js';
import { BIN, ROOT, runCli, tempDir } from './helpers/run-cli.js';

// The same YAML parser wenfeng reads its configs with.
const loadYaml = (path: string): any => parseYaml(readFileSync(join(ROOT, path), 'utf8'));

const GOOD = 'fixtures/good/good-notice.txt';
const SEED_002 = 'fixtures/seeds/002-city-report.txt';

describe('pre-commit hook', () => {
  const hooks = loadYaml('.pre-commit-hooks.yaml') as Array<Record<string, unknown>>;
  const hook = hooks.find((h) => h.id === 'wenfeng')!;
  // pre-commit uses Python's re.search; JavaScript has no inline (?i), so it becomes the i flag.
  const source = String(hook.files);
  const files = new RegExp(source.replace(/^\(\?i\)/, ''), source.startsWith('(?i)') ? 'i' : '');

  test('the manifest declares a node hook whose entry is the wenfeng bin', () => {
    expect(hook).toMatchObject({ id: 'wenfeng', entry: 'wenfeng', language: 'node', require_serial: false });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toContain(hook.entry);
  });

  test('files matches every draft format wenfeng reads, in any case, and nothing else', () => {
    for (const dir of ['fixtures/seeds', 'fixtures/good', 'fixtures/bad']) {
      for (const name of readdirSync(join(ROOT, dir))) if (/\.\w+$/.test(name)) expect(files.test(`${dir}/${name}`), name).toBe(true);
    }
    for (const ext of SUPPORTED_EXTENSIONS) expect(files.test(`公文/通知${ext}`), ext).toBe(true);
    for (const name of ['公文/通知.doc', '公文/通知.wps', '公文/通知.ofd', '公文/通知.DOCX', 'README.markdown']) expect(files.test(name), name).toBe(true);
    for (const name of ['package.json', 'package-lock.json', 'fixtures/src/002-city-report.fodt', 'a.docx.bak', 'docs', 'scripts/build.mjs']) expect(files.test(name), name).toBe(false);
  });

  test('its entry, given the staged files as pre-commit passes them, exits 0 for good drafts and 1 for seed 002', () => {
    const run = (paths: string[]): number => spawnSync(process.execPath, [BIN, ...paths], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).status ?? -1;
    const good = readdirSync(join(ROOT, 'fixtures/good')).map((n) => `fixtures/good/${n}`).filter((p) => files.test(p));
    expect(good.length).toBeGreaterThanOrEqual(6);
    expect(run(good)).toBe(0);
    expect(run([GOOD])).toBe(0);
    expect(run([SEED_002])).toBe(1);
    expect(run([GOOD, SEED_002])).toBe(1);
  });
});

describe('GitHub Action', () => {
  const action = loadYaml('action.yml');
  const steps: Array<Record<string, any>> = action.runs.steps;
  const runStep = steps.find((s) => s.id === 'run')!;

  test('declares the inputs with their defaults', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'sarif', 'args', 'node-version']);
    expect(action.inputs.paths.default).toBe('.');
    expect(action.inputs.format.default).toBe('stylish');
    expect(action.inputs.sarif.default).toBe('false');
    expect(action.inputs.args.default).toBe('');
    expect(String(action.inputs['node-version'].default)).toBe('20');
    for (const input of Object.values(action.inputs) as Array<{ description: string }>) expect(input.description.length).toBeGreaterThan(10);
    expect(action.outputs['exit-code'].value).toBe('${{ steps.run.outputs.exit-code }}');
  });

  test('sets up node, installs its own copy with npm ci, runs that copy, and uploads the SARIF', () => {
    expect(steps[0]!.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(steps[0]!.with['node-version']).toBe('${{ inputs.node-version }}');
    const install = steps[1]!;
    expect(install.run).toMatch(/cd "\$GITHUB_ACTION_PATH" && npm ci\b/);
    expect(install.run).not.toMatch(/--omit=dev|--production/); // prepare needs esbuild
    expect(runStep.run).toContain('"$GITHUB_ACTION_PATH/bin/wenfeng.js"');
    const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with).toMatchObject({ sarif_file: 'wenfeng.sarif', category: 'wenfeng' });
    expect(upload.if).toContain("inputs.sarif == 'true'");
    expect(upload.if).toContain('!cancelled()');
    // Inputs reach scripts only through env: no ${{ }} inside a run script.
    for (const step of steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/);
    expect(runStep.env).toMatchObject({ WENFENG_PATHS: '${{ inputs.paths }}', WENFENG_ARGS: '${{ inputs.args }}' });
    for (const step of steps) if (step.run) expect(step.shell).toBe('bash');
  });

  /** Runs the action's script with bash as the runner would, in a workspace of copied drafts. */
  function runAction(workspace: string, inputs: { paths?: string; format?: string; sarif?: string; args?: string }) {
    const outputs = join(workspace, '..', `outputs-${Math.random().toString(36).slice(2)}`);
    writeFileSync(outputs, '');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', runStep.run], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        NO_COLOR: '1',
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_OUTPUT: outputs,
        WENFENG_PATHS: inputs.paths ?? '.',
        WENFENG_FORMAT: inputs.format ?? 'stylish',
        WENFENG_SARIF: inputs.sarif ?? 'false',
        WENFENG_ARGS: inputs.args ?? '',
      },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: readFileSync(outputs, 'utf8') };
  }

  function workspace(): string {
    const dir = join(tempDir(), 'repo');
    mkdirSync(join(dir, '公文 草稿'), { recursive: true });
    copyFileSync(join(ROOT, GOOD), join(dir, '公文 草稿/good-notice.txt'));
    copyFileSync(join(ROOT, SEED_002), join(dir, 'city-report.txt'));
    return dir;
  }

  test.skipIf(process.platform === 'win32')('its script runs wenfeng: exit code, SARIF file, quoted args, paths with spaces', () => {
    const dir = workspace();
    const all = runAction(dir, { sarif: 'true', format: 'compact' });
    expect(all.code, all.stderr).toBe(1);
    expect(all.outputs).toContain('exit-code=1');
    expect(all.outputs).toContain('sarif-file=wenfeng.sarif');
    expect(all.stdout).toMatch(/^city-report\.txt:\d+:\d+: 错误 /m);
    const log = JSON.parse(readFileSync(join(dir, 'wenfeng.sarif'), 'utf8'));
    expect(log.runs[0].results.length).toBeGreaterThan(10);

    // One path per line when a name has spaces; args are split as a shell would.
    const good = runAction(dir, { paths: '公文 草稿/good-notice.txt\n', format: 'github', args: "--rule 'placeholder: off' --locale \"en\"" });
    expect(good.code, good.stderr).toBe(0);
    expect(good.outputs).toContain('exit-code=0');
    const quiet = runAction(dir, { paths: 'city-report.txt', format: 'compact', args: "--rule 'placeholder: off' --locale en" });
    expect(quiet.stdout).not.toMatch(/\[placeholder\]/);
    expect(quiet.stdout).toMatch(/: (error|warning|info) /);

    // A glob reaches wenfeng unexpanded (bash would not expand ** across folders).
    const glob = runAction(dir, { paths: '**/*.txt', format: 'json' });
    expect(JSON.parse(glob.stdout).files.map((f: { path: string }) => f.path).sort()).toEqual(['city-report.txt', '公文 草稿/good-notice.txt']);

    const broken = runAction(dir, { args: "--rule 'placeholder: off" });
    expect(broken.code).toBe(2);
    expect(broken.stdout).toMatch(/^::error title=wenfeng::/m);
  });
});

describe('example workflow', () => {
  test('uses the action with SARIF and the permission the upload needs', () => {
    const workflow = loadYaml('docs/ci/github-workflow.yml');
    expect(workflow.permissions['security-events']).toBe('write');
    const job = Object.values(workflow.jobs)[0] as { steps: Array<Record<string, any>> };
    expect(job.steps[0]!.uses).toMatch(/^actions\/checkout@v\d+$/);
    const step = job.steps.find((s) => /\/wenfeng@/.test(String(s.uses)))!;
    expect(step.with).toMatchObject({ paths: '.', format: 'github', sarif: true });
    const inputs = Object.keys(loadYaml('action.yml').inputs);
    for (const key of Object.keys(step.with)) expect(inputs).toContain(key);
  });
});

describe('editor setups in docs/editors.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/editors.md'), 'utf8');
  const block = (lang: string): string => {
    const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc);
    if (!m) throw new Error(`no ${lang} block`);
    return m[1]!;
  };
  const DRAFT = '# 关于做好检查的通知\n\n各单位每年不超过次，同比下降%，提前个工作日报送。\n';

  function findings(locale: 'zh' | 'en'): { lines: string[]; messages: LintMessage[] } {
    const dir = tempDir();
    writeFileSync(join(dir, 'draft.md'), DRAFT);
    const args = ['draft.md', '--no-config', '--locale', locale];
    const lines = runCli([...args, '--format', 'compact'], { cwd: dir }).stdout.trimEnd().split('\n');
    const messages: LintMessage[] = JSON.parse(runCli([...args, '--format', 'json'], { cwd: dir }).stdout).files[0].messages;
    expect(lines).toHaveLength(messages.length);
    expect(messages.filter((m) => m.ruleId === 'placeholder').length).toBeGreaterThanOrEqual(3);
    return { lines, messages };
  }

  test('the VS Code matchers read every compact line, in both locales', () => {
    const tasks = JSON.parse(block('json')).tasks as Array<{ args: string[]; problemMatcher: any }>;
    // English: one pattern with a severity group.
    expect(tasks[0]!.args).toEqual(expect.arrayContaining(['--format', 'compact', '--locale', 'en']));
    const p = tasks[0]!.problemMatcher.pattern;
    const en = findings('en');
    en.lines.forEach((line, i) => {
      const m = en.messages[i]!;
      const g = new RegExp(p.regexp).exec(line);
      expect(g, line).not.toBeNull();
      expect(g![p.file]).toBe('draft.md');
      expect(Number(g![p.line])).toBe(m.line);
      expect(Number(g![p.column])).toBe(m.column);
      expect(g![p.severity]).toBe(m.severity);
      expect(g![p.message]).toBe(m.suggestion ? `${m.message} (suggestion: ${m.suggestion})` : m.message);
      expect(g![p.code]).toBe(m.ruleId);
    });
    // Chinese: one matcher per severity word; each line is matched by exactly the right one.
    expect(tasks[1]!.args).not.toContain('--locale');
    const matchers = tasks[1]!.problemMatcher as Array<{ severity: string; pattern: any }>;
    const zh = findings('zh');
    zh.lines.forEach((line, i) => {
      const hits = matchers.filter((x) => new RegExp(x.pattern.regexp).test(line));
      expect(hits.map((x) => x.severity), line).toEqual([zh.messages[i]!.severity]);
      const g = new RegExp(hits[0]!.pattern.regexp).exec(line)!;
      expect([g[hits[0]!.pattern.line], g[hits[0]!.pattern.column]].map(Number)).toEqual([zh.messages[i]!.line, zh.messages[i]!.column]);
      expect(g[hits[0]!.pattern.code]).toBe(zh.messages[i]!.ruleId);
    });
  });

  test('the Emacs compilation regexp reads file, line, column and type, in both locales', () => {
    const literal = /"(\^[\s\S]*?[^\\])"\n/.exec(block('elisp'))![1]!;
    // An Elisp string holding an Emacs regexp, turned into a JavaScript RegExp.
    const emacs = literal.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const js = new RegExp(emacs.replace(/\\([()|{}])|([()|{}])/g, (_, escaped: string | undefined, bare: string | undefined) => escaped ?? `\\${bare}`));
    expect(block('elisp')).toContain('1 2 3 (5 . 6)');
    for (const locale of ['zh', 'en'] as const) {
      const { lines, messages } = findings(locale);
      lines.forEach((line, i) => {
        const g = js.exec(line);
        expect(g, line).not.toBeNull();
        expect([g![1], Number(g![2]), Number(g![3])]).toEqual(['draft.md', messages[i]!.line, messages[i]!.column]);
        const type = g![5] ? 'warning' : g![6] ? 'info' : 'error';
        expect(type).toBe(messages[i]!.severity);
      });
    }
  });

  const hasVim = spawnSync('vim', ['--version'], { encoding: 'utf8' }).status === 0;

  test.skipIf(!hasVim || process.platform === 'win32')('the Vim setup fills the quickfix list at the right characters, from :Wenfeng (unsaved buffer) and :make, in both locales', () => {
    const [plugin, chinese] = [...doc.matchAll(/```vim\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(chinese).toMatch(/wenfeng_efm/);
    const dir = tempDir();
    // `wenfeng` on PATH, as an installed package would put it.
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin/wenfeng'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(dir, 'bin/wenfeng'), 0o755);
    writeFileSync(join(dir, 'wenfeng.vim'), plugin!);
    writeFileSync(join(dir, '.wenfengrc.json'), '{}');
    const dump = (file: string): string =>
      `call writefile([json_encode(map(getqflist(), {_, v -> {'lnum': v.lnum, 'col': v.col, 'type': v.type, 'text': v.text, 'at': strpart(get(getbufline(v.bufnr, v.lnum), 0, ''), v.col - 1)}}))], '${file}')`;
    // The commands go in a script (Vim takes at most ten -c arguments); vimrc settings come first.
    const vim = (vimrc: string[], commands: string[]) => {
      writeFileSync(join(dir, 'run.vim'), [...vimrc, 'filetype on', 'edit draft.md', ...commands, 'qa!'].join('\n'));
      return spawnSync('vim', ['-Nu', 'NONE', '-i', 'NONE', '-es', '-S', 'wenfeng.vim', '-S', 'run.vim'], {
        cwd: dir,
        input: '',
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH}`, NO_COLOR: '1' },
      });
    };
    const draftLine = DRAFT.split('\n')[2]!;
    for (const locale of ['en', 'zh'] as const) {
      // The blanks are only in the buffer, not on disk: :Wenfeng must read the buffer; :make then the saved file.
      writeFileSync(join(dir, 'draft.md'), '# 关于做好检查的通知\n\n各单位按时报送。\n');
      const edit = `call setline(3, '${draftLine}')`;
      vim(locale === 'zh' ? chinese!.trim().split('\n') : [], [edit, 'Wenfeng', dump(`${locale}-buffer.json`), 'cclose', 'write', 'make', dump(`${locale}-make.json`)]);
      expect(existsSync(join(dir, `${locale}-make.json`)), 'vim did not write the quickfix list').toBe(true);
      const expected = JSON.parse(runCli(['draft.md', '--format', 'json', '--locale', locale], { cwd: dir }).stdout).files[0].messages as LintMessage[];
      expect(expected.length).toBeGreaterThanOrEqual(3);
      for (const file of [`${locale}-buffer.json`, `${locale}-make.json`]) {
        const list = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<{ lnum: number; col: number; type: string; text: string; at: string }>;
        expect(list.map((e) => e.lnum), file).toEqual(expected.map((m) => m.line));
        list.forEach((e, i) => {
          const m = expected[i]!;
          if (locale === 'en') expect(e.type).toBe(m.severity[0]);
          else expect(e.text.startsWith(`${{ error: '错误', warning: '警告', info: '提示' }[m.severity]} ${m.message}`), e.text).toBe(true);
          expect(e.text).toContain(m.message);
          // The byte column Vim jumps to is the finding's first character.
          if (m.text) expect(e.at.startsWith(m.text), `${e.at} / ${m.text}`).toBe(true);
        });
      }
    }
  });
});
