// Compiles the formula dictionaries (rules/data/boilerplate.json, closing-slogan.json: families written in
// the grammar of rules/formula-pattern.ts) and the typo lists into ready matchers under
// rules/data/generated/, so a run reads one file per dictionary instead of expanding the grammar and
// building the automaton at first use.
// The compiling code is the rules' own (rules/compiled-matchers.ts), bundled here with esbuild; the
// output is remade whenever that code or any data file changes (a stamp of both is kept beside it).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = `${root}rules/data/`;
const outDir = `${dataDir}generated/`;
const stampFile = `${outDir}matchers.stamp`;

export async function buildMatchers({ force = false } = {}) {
  const bundle = await build({
    entryPoints: [`${root}rules/compiled-matchers.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    external: ['pdf-parse', 'typescript'],
    banner: { js: "import { createRequire as __wenfengCreateRequire } from 'node:module'; const require = __wenfengCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const code = bundle.outputFiles[0].text;
  const hash = createHash('sha256').update(code);
  for (const f of readdirSync(dataDir, { recursive: true }).filter((x) => x.endsWith('.json')).sort()) hash.update(f).update(readFileSync(dataDir + f));
  const stamp = hash.digest('hex');
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { rebuilt: false };
  // Run from a file inside the project, so the bundle's packages resolve from node_modules.
  const tmp = `${root}node_modules/.cache/wenfeng-build/`;
  mkdirSync(tmp, { recursive: true });
  const entry = `${tmp}compiled-matchers-${process.pid}.mjs`;
  writeFileSync(entry, code);
  try {
    const { generateCompiledMatchers } = await import(pathToFileURL(entry).href);
    mkdirSync(outDir, { recursive: true });
    const files = generateCompiledMatchers((name) => readFileSync(dataDir + name, 'utf8'));
    for (const { file, bytes } of files) writeFileSync(outDir + file, bytes);
    writeFileSync(stampFile, stamp);
    return { rebuilt: true, files: files.map((f) => `${f.file} ${(f.bytes.length / 1024).toFixed(0)} KB`) };
  } finally {
    rmSync(entry, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = performance.now();
  const r = await buildMatchers({ force: process.argv.includes('--force') });
  console.log(r.rebuilt ? `rules/data/generated: ${r.files.join(', ')} in ${Math.round(performance.now() - t)} ms` : 'rules/data/generated: matchers up to date');
}
