// Bundles the CLI, the library entry and the worker with esbuild. Each entry is its own build, so the
// CLI's start-up path is a few files rather than chunks shared three ways; format readers, converters
// and rarely used formatters stay in chunks that load only when a draft needs them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLexicon } from './build-lexicon.mjs';
import { buildMatchers } from './build-matchers.mjs';
import { buildDataPack } from './build-data-pack.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const common = {
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // pdf-parse resolves pdf.js workers and cMaps from its own package folder; typescript is what
  // a TypeScript loader would drag in (10 MB) — neither belongs in the bundle.
  external: ['pdf-parse', 'typescript'],
  // Bundled CommonJS dependencies call require(); give the ESM output one.
  banner: { js: "import { createRequire as __wenfengCreateRequire } from 'node:module'; const require = __wenfengCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

/** In the CLI script, src/platform/import-module.ts asks the launcher to import (bin/cli-script.js). */
const launcherImports = {
  name: 'launcher-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]platform[\\/]import-module\.ts$/ }, (args) => ({
      contents: [
        "import { withoutOwnImporter } from './import-failure.js';",
        'declare const __wenfengImport: (specifier: string) => Promise<any>;',
        'export const importModule = (specifier: string): Promise<any> => __wenfengImport(specifier).catch((error: unknown) => withoutOwnImporter(specifier, error));',
      ].join('\n'),
      resolveDir: path.dirname(args.path),
      loader: 'ts',
    }));
  },
};

/** Escapes what esbuild leaves non-ASCII (regular expression literals): the launcher then reads the
 * script as Latin-1, a one-byte string, 10–20 ms sooner than decoding UTF-8 into a two-byte one. A
 * character escaped by a backslash as written (\（ in a pattern) loses that backslash: \uFF08 says it. */
function asciiOnly(url) {
  const text = readFileSync(url, 'utf8');
  const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  writeFileSync(url, escaped);
}

await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli.ts' } }),
  build({ ...common, entryPoints: { index: 'src/index.ts' } }),
  build({ ...common, entryPoints: { worker: 'src/engine/worker.ts' } }),
  // The zip writer on its own, for the fixture scripts (plain Node, no TypeScript loader).
  build({ ...common, entryPoints: { 'zip-write': 'src/zip/write.ts' } }),
  // The CLI again as one classic script, for V8's code cache (bin/cli-script.js): wrapped in a function
  // the launcher calls with what a CommonJS module gets.
  build({
    ...common,
    entryPoints: { 'cli-script': 'src/cli.ts' },
    splitting: false,
    format: 'cjs',
    define: { 'import.meta.url': '__wenfengUrl' },
    // No import() may stay in the script (src/platform/import-module.ts): Node built-ins become require(),
    // modules outside the bundle are imported by the launcher's function.
    supported: { 'dynamic-import': false },
    plugins: [launcherImports],
    banner: { js: "globalThis.__wenfengCli = function (exports, require, module, __filename, __dirname, __wenfengImport) {\nvar __wenfengUrl = require('node:url').pathToFileURL(__filename).href;" },
    footer: { js: '};' },
    // Not minified: reading 0.8 MB less saves under a millisecond, and profiles keep their lines. The
    // ASCII pass below keeps lines but lengthens the lines it escapes, so the map's columns drift there.
  }),
]);
asciiOnly(new URL('../dist/cli-script.js', import.meta.url));

// Rules read their data files lazily, next to the code that uses them: rules/data in the source tree,
// dist/data in the bundle. The typo detector's lexicon and the compiled formula dictionaries are
// generated into rules/data/generated first.
buildLexicon();
await buildMatchers();
cpSync(new URL('../rules/data', import.meta.url), new URL('../dist/data', import.meta.url), { recursive: true });
buildDataPack();

// V8's code cache of the CLI script for the Node that builds, made by linting sample drafts with it.
execFileSync(process.execPath, [fileURLToPath(new URL('./build-code-cache.mjs', import.meta.url))], { stdio: 'inherit' });

// The VS Code extension for `wenfeng lsp`, packed as a .vsix with the zip writer just built.
const { buildExtension } = await import('../editors/vscode/build.mjs');
await buildExtension();

// The page for drafters without a terminal: dist/web/wenfeng.html (scripts/build-web.mjs).
const { buildWeb } = await import('./build-web.mjs');
await buildWeb();
