// The launcher runs the CLI from one script compiled with V8's code cache (bin/cli-script.js) where the
// build made a cache for this Node, and from the ES module build otherwise. Both must say exactly the
// same thing; the cache must be one V8 accepts, or every run pays a full compile instead of saving one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers/run-cli.js';

const loader = createRequire(import.meta.url)('../bin/cli-script.js') as {
  cacheFile(): string;
  readCache(file: string, script?: Buffer): Buffer | null;
  SCRIPT: string;
  ONE_SHOT_FLAGS: string;
  ORIGINAL_FLAGS: string;
  compileCli(data: Buffer | undefined): { cli: { main(argv: string[]): Promise<number> }; script: { cachedDataRejected?: boolean } };
};

const OFF = { WENFENG_CODE_CACHE: 'off' };

/** The cache with its second quarter's bits flipped, length and header intact: what V8 crashes on. */
const damage = (cache: Buffer): Buffer => {
  const copy = Buffer.from(cache);
  for (let i = copy.length >> 2; i < copy.length >> 1; i++) copy[i] = copy[i]! ^ 0xff;
  return copy;
};

describe('the CLI from the code cache', () => {
  it('has a cache for the Node that built it, and V8 accepts it', () => {
    expect(existsSync(loader.cacheFile())).toBe(true);
    const { cli, script } = loader.compileCli(loader.readCache(loader.cacheFile()) ?? undefined);
    expect(script.cachedDataRejected).toBe(false);
    expect(typeof cli.main).toBe('function');
  });

  it('still runs when V8 rejects the cache (another Node, a damaged file)', () => {
    const { cli, script } = loader.compileCli(Buffer.from('not a code cache'));
    expect(script.cachedDataRejected).toBe(true);
    expect(typeof cli.main).toBe('function');
  });

  it('a damaged cache is never handed to V8, which checks its length but not its bytes and would crash on them', () => {
    const dir = tempDir();
    const good = readFileSync(loader.cacheFile());
    writeFileSync(join(dir, 'flipped.bin'), damage(good));
    writeFileSync(join(dir, 'truncated.bin'), good.subarray(0, 1000));
    writeFileSync(join(dir, 'empty.bin'), '');
    for (const name of ['flipped.bin', 'truncated.bin', 'empty.bin', 'absent.bin']) expect(loader.readCache(join(dir, name))).toBeNull();
  });

  it('a cache is not used for a script edited in place, which V8 would take for its own if the length holds', () => {
    const script = readFileSync(loader.SCRIPT);
    expect(loader.readCache(loader.cacheFile(), script)).not.toBeNull();
    // One message changed as a patched install would change it: 个问题 → 个错题, the same length.
    const edited = Buffer.from(script.toString('latin1').replaceAll('\\u4E2A\\u95EE\\u9898', '\\u4E2A\\u9519\\u9898'), 'latin1');
    expect(edited.length).toBe(script.length);
    expect(edited.equals(script)).toBe(false);
    expect(loader.readCache(loader.cacheFile(), edited)).toBeNull();
  });

  it('the launcher falls back to the module build when its cache is damaged', () => {
    // The package as installed, its cache damaged: bin/ copied, dist/ linked file by file but code-cache/.
    const pkg = tempDir();
    mkdirSync(join(pkg, 'bin'));
    for (const name of readdirSync(join(ROOT, 'bin'))) copyFileSync(join(ROOT, 'bin', name), join(pkg, 'bin', name));
    mkdirSync(join(pkg, 'dist/code-cache'), { recursive: true });
    for (const name of readdirSync(join(ROOT, 'dist'))) if (name !== 'code-cache') symlinkSync(join(ROOT, 'dist', name), join(pkg, 'dist', name));
    const damaged = damage(readFileSync(loader.cacheFile()));
    writeFileSync(join(pkg, 'dist/code-cache', loader.cacheFile().split(/[\\/]/).pop()!), damaged);
    const args = [join(ROOT, 'fixtures/seeds/002-city-report.txt'), '--no-config'];
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '' };
    delete env.FORCE_COLOR;
    delete env.WENFENG_CODE_CACHE;
    const run = spawnSync(process.execPath, [join(pkg, 'bin/wenfeng.js'), ...args], { cwd: ROOT, encoding: 'utf8', env });
    expect(run.signal).toBeNull();
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual(runCli(args, { env: OFF }));
  });

  it('is not used where the process runs with V8 options (V8 would reject it), and is with Node-only ones', () => {
    const probe = (execArgv: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [...execArgv, '-e', "process.stdout.write(String(require('./bin/cli-script.js').cachedCli() !== null))"], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', WENFENG_CODE_CACHE: '', ...env } }).stdout;
    expect(probe([])).toBe('true');
    expect(probe(['--enable-source-maps', '-r', './bench/rusage.cjs'])).toBe('true');
    expect(probe([], { NODE_OPTIONS: '--max-old-space-size=4096' })).toBe('false');
    expect(probe(['--stack-size=2000'])).toBe('false');
    expect(probe([], { WENFENG_CODE_CACHE: 'off' })).toBe('false');
  });

  it('the dist script holds only ASCII, so the launcher can read it as Latin-1', () => {
    const bytes = readFileSync(join(ROOT, 'dist/cli-script.js'));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
  });

  const cases: [string, string[]][] = [
    ['a draft with findings, default report', ['fixtures/seeds/002-city-report.txt', '--no-config']],
    ['a .docx, JSON', ['fixtures/seeds/002-city-report.docx', '--format', 'json', '--no-config']],
    ['a .pdf and a clean text, SARIF', ['fixtures/good/good-notice.pdf', 'fixtures/good/good-report.txt', '--format', 'sarif', '--no-config']],
    ['a traditional-script draft (patterns with escaped non-ASCII characters)', ['fixtures/seeds/001-province-measures-trad.txt', '--format', 'json', '--no-config']],
    ['usage error wording', ['--format', 'nonesuch', 'fixtures/good/good-notice.txt']],
  ];
  for (const [name, args] of cases) {
    it(`says what the module build says: ${name}`, () => {
      const cached = runCli(args);
      const modules = runCli(args, { env: OFF });
      expect(cached.stdout.length + cached.stderr.length).toBeGreaterThan(0);
      expect(cached).toEqual(modules);
    });
  }

  describe('loads code from outside the bundle as the module build does', () => {
    // A project of the user's: a config file naming an ES module plugin and a CommonJS one, a formatter file.
    const project = tempDir();
    const rule = (id: string, word: string) =>
      `{ meta: { id: '${id}', description: { zh: '${word}', en: '${id}' }, defaultSeverity: 'warning', messages: { found: { zh: '出现"${word}"', en: 'found ${id}' } } },
        check(doc, ctx) { for (const p of doc.paragraphs) { const i = p.norm.indexOf('${word}'); if (i >= 0) ctx.report({ paragraph: p, start: i, end: i + ${word.length}, messageId: 'found' }); } } }`;
    writeFileSync(join(project, 'esm-rules.mjs'), `export default { rules: { 'no-jinyibu': ${rule('no-jinyibu', '进一步')} } };\n`);
    writeFileSync(join(project, 'cjs-rules.cjs'), `module.exports = { rules: { 'no-zhashi': ${rule('no-zhashi', '扎实')} } };\n`);
    writeFileSync(join(project, 'count.mjs'), "export default (results) => results.map((r) => `${r.messages.length} 条\\n`).join('');\n");
    writeFileSync(join(project, 'nested.mjs'), "import './not-here.mjs';\nexport default { rules: {} };\n");
    copyFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), join(project, 'draft.txt'));
    const config = (plugins: string[]) => writeFileSync(join(project, 'wenfeng.config.mjs'), `export default { plugins: ${JSON.stringify(plugins)} };\n`);
    const both = (args: string[]) => {
      const cached = runCli(args, { cwd: project });
      expect(cached).toEqual(runCli(args, { cwd: project, env: OFF }));
      return cached;
    };

    it('plugins from a config file, ES module and CommonJS, and a formatter file', () => {
      config(['./esm-rules.mjs', './cjs-rules.cjs']);
      const run = both(['draft.txt']);
      expect(run.stdout).toContain('esm-rules/no-jinyibu');
      expect(run.stdout).toContain('cjs-rules/no-zhashi');
      expect(both(['draft.txt', '--format', './count.mjs']).stdout).toMatch(/^\d+ 条\n$/);
    });

    it('a missing plugin or formatter file: the same words, naming no file of wenfeng', () => {
      config(['./absent.mjs']);
      const plugin = both(['draft.txt']);
      expect(plugin.code).toBe(2);
      expect(plugin.stderr).toContain(`Cannot find module '${join(project, 'absent.mjs')}'`);
      const formatter = both(['draft.txt', '--no-config', '--format', './absent-formatter.mjs']);
      expect(formatter.code).toBe(2);
      for (const run of [plugin, formatter]) expect(run.stderr).not.toContain('imported from');
    });

    it('a module missing inside a plugin still names the plugin that imports it', () => {
      config(['./nested.mjs']);
      expect(both(['draft.txt']).stderr).toContain(`'${join(project, 'not-here.mjs')}' imported from ${join(project, 'nested.mjs')}`);
    });
  });

  describe("the one-shot runs' V8 inlining budget (bin/cli-script.js tuneForOneShot)", () => {
    // A preloaded spy (-r leaves the cache usable) reports every V8 flag the launcher sets.
    const spyDir = tempDir();
    const spy = join(spyDir, 'spy.cjs');
    writeFileSync(spy, "const v8 = require('node:v8'); const set = v8.setFlagsFromString; v8.setFlagsFromString = (f) => { process.stderr.write('V8 FLAGS ' + f + '\\n'); set(f); };\n");
    const flagsSet = (args: string[], env: Record<string, string> = {}): string[] => {
      const r = spawnSync(process.execPath, ['-r', spy, join(ROOT, 'bin/wenfeng.js'), ...args], { cwd: ROOT, input: '', encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
      return [...r.stderr.matchAll(/^V8 FLAGS (.*)$/gm)].map((m) => m[1]!);
    };

    it('is set for a check from the cache, not for the language server, nor on the module build or when switched off', () => {
      expect(flagsSet(['fixtures/good/good-notice.txt', '--no-config'])).toEqual([loader.ONE_SHOT_FLAGS]);
      expect(flagsSet(['lsp'])).toEqual([]);
      expect(flagsSet(['fixtures/good/good-notice.txt', '--no-config'], OFF)).toEqual([]);
      expect(flagsSet(['fixtures/good/good-notice.txt', '--no-config'], { WENFENG_ONE_SHOT_FLAGS: 'off' })).toEqual([]);
    });

    it("a worker starts under V8's original flags (so Node's code cache of its built-ins is used), and the budget comes back once it runs", () => {
      // A PDF is always read in a worker; with two, two workers may start together: the flags come back after both.
      expect(flagsSet(['fixtures/good/good-notice.pdf', '--no-config'])).toEqual([loader.ONE_SHOT_FLAGS, loader.ORIGINAL_FLAGS, loader.ONE_SHOT_FLAGS]);
      const many = flagsSet(['fixtures/good/good-notice.pdf', 'fixtures/good/good-report.pdf', 'fixtures/seeds/002-city-report.docx', '--no-config', '--concurrency', '3']);
      expect(many[0]).toBe(loader.ONE_SHOT_FLAGS);
      expect(many.at(-1)).toBe(loader.ONE_SHOT_FLAGS);
      // Alternating: never the original set twice in a row (one switch for workers that start together).
      for (let i = 1; i < many.length; i++) expect(many[i]).not.toBe(many[i - 1]);
    });

    it('changes nothing a check reports', () => {
      const args = ['fixtures/seeds/002-city-report.docx', 'fixtures/seeds/001-province-measures-trad.txt', 'fixtures/good/good-notice.pdf', '--format', 'json', '--no-config', '--concurrency', 'off'];
      const tuned = runCli(args);
      expect(JSON.parse(tuned.stdout).files).toHaveLength(3);
      expect(tuned).toEqual(runCli(args, { env: { WENFENG_ONE_SHOT_FLAGS: 'off' } }));
    });
  });

  it('reads stdin the same way', () => {
    const input = readFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), 'utf8');
    const args = ['--stdin', '--stdin-filename', 'draft.txt', '--format', 'json', '--no-config'];
    const cached = runCli(args, { input });
    expect(JSON.parse(cached.stdout).files[0].messages.length).toBeGreaterThan(0);
    expect(cached).toEqual(runCli(args, { input, env: OFF }));
  });
});
