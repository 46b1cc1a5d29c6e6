// Bundles the CLI, the library entry and the worker with esbuild. Each entry is its own build, so the
// CLI's start-up path is a few files rather than chunks shared three ways; format readers, converters
// and rarely used formatters stay in chunks that load only when a draft needs them.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
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

await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli.ts' } }),
  build({ ...common, entryPoints: { index: 'src/index.ts' } }),
  build({ ...common, entryPoints: { worker: 'src/engine/worker.ts' } }),
  // The zip writer on its own, for the fixture scripts (plain Node, no TypeScript loader).
  build({ ...common, entryPoints: { 'zip-write': 'src/zip/write.ts' } }),
]);

// Rules read their data files lazily, next to the code that uses them: rules/data in the source tree,
// dist/data in the bundle. The typo detector's lexicon and the compiled formula dictionaries are
// generated into rules/data/generated first.
buildLexicon();
await buildMatchers();
cpSync(new URL('../rules/data', import.meta.url), new URL('../dist/data', import.meta.url), { recursive: true });
buildDataPack();

// The VS Code extension for `wenfeng lsp`, packed as a .vsix with the zip writer just built.
const { buildExtension } = await import('../editors/vscode/build.mjs');
await buildExtension();

// The page for drafters without a terminal: dist/web/wenfeng.html (scripts/build-web.mjs).
const { buildWeb } = await import('./build-web.mjs');
await buildWeb();
