// The platform seam: the engine's core (readers, document model, layout estimate, classification,
// rules, the page's formatters) imports no Node module; Node's things live in the edge modules listed
// here and in README's architecture section. Checked on the sources and on the page's bundle graph.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

/** The Node edges: files, worker threads, processes, config discovery, plugins, the cache, CI output. */
export const NODE_EDGES = [
  'src/platform/node.ts',
  'src/platform/node-pdf.ts',
  'src/platform/one-shot-flags.ts',
  'src/platform/import-failure.ts',
  'src/cli.ts',
  'src/cli-check.ts',
  'src/index.ts',
  'src/annotate/command.ts',
  'src/config/load.ts',
  'src/config/parse.ts',
  'src/engine/cache.ts',
  'src/engine/fix.ts',
  'src/engine/lint-file.ts',
  'src/engine/pool.ts',
  'src/engine/references.ts',
  'src/engine/registry.ts',
  'src/engine/session.ts',
  'src/engine/worker.ts',
  'src/files/collect.ts',
  'src/files/regular-file.ts',
  'src/formatters/ci-shared.ts',
  'src/formatters/github.ts',
  'src/formatters/index.ts',
  'src/formatters/progress.ts',
  'src/formatters/sarif.ts',
  'src/formatters/package-root.ts',
  'src/layout/render.ts',
  'src/layout/render-pages.ts',
  'src/layout/seal-docx.ts',
  'src/lsp/server.ts',
  'src/lsp/checker.ts',
  'src/lsp/rule-docs.ts',
  'src/reformat/command.ts',
];

/** What must run on bytes and plain objects: no edge may sit in these folders. */
const CORE = ['src/readers/', 'src/document/', 'src/layout/', 'src/classify/', 'src/text/', 'rules/', 'src/formatters/html.ts', 'src/formatters/json.ts', 'src/formatters/labels.ts', 'src/annotate/', 'src/zip/', 'src/web/', 'src/platform/web.ts', 'src/engine/lint-bytes.ts', 'src/engine/run-rules.ts', 'src/config/resolve.ts', 'src/config/validate.ts'];
const CORE_EXCEPTIONS = new Set(['src/layout/render.ts', 'src/layout/render-pages.ts', 'src/layout/seal-docx.ts', 'src/annotate/command.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

const NODE_IMPORT = /(?:from\s*['"]|import\s*\(\s*['"]|require\s*\(\s*['"])node:/;
const NODE_GLOBAL = /\bprocess\.|(?<![A-Za-z])Buffer\.|require\(/;

describe('platform seam', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'rules'))];

  it('only the named edge modules import node:* modules', () => {
    const importing = files.filter((f) => NODE_IMPORT.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(importing.filter((f) => !NODE_EDGES.includes(f))).toEqual([]);
    // The list stays honest: every edge named still is one — it imports Node, uses its globals or
    // imports another edge (or it is gone from the tree).
    const importsEdge = (f: string): boolean =>
      [...readFileSync(join(ROOT, f), 'utf8').matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)].some((m) => NODE_EDGES.includes(relative(ROOT, join(ROOT, f, '..', `${m[1]}.ts`)).split('\\').join('/')));
    expect(NODE_EDGES.filter((f) => existsSync(join(ROOT, f)) && !importing.includes(f) && !NODE_GLOBAL.test(readFileSync(join(ROOT, f), 'utf8')) && !importsEdge(f))).toEqual([]);
  });

  it('no core module is an edge or uses Node globals (process, Buffer, require)', () => {
    const core = files.filter((f) => CORE.some((c) => f.startsWith(c)) && !CORE_EXCEPTIONS.has(f));
    expect(core.length).toBeGreaterThan(80);
    expect(core.filter((f) => NODE_EDGES.includes(f))).toEqual([]);
    const offenders = core.filter((f) => NODE_GLOBAL.test(readFileSync(join(ROOT, f), 'utf8').replace(/^\s*\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  const meta = join(ROOT, 'dist', 'web', 'meta.json');
  it.skipIf(!existsSync(meta))('the page bundle graph holds no Node module and no edge (dist/web/meta.json from npm run build)', () => {
    const graphs = JSON.parse(readFileSync(meta, 'utf8')) as Record<string, { inputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }> }>;
    for (const graph of Object.values(graphs)) {
      const inputs = Object.keys(graph.inputs);
      expect(inputs.length).toBeGreaterThan(0);
      expect(inputs.filter((i) => i.startsWith('node:') || NODE_EDGES.includes(i))).toEqual([]);
      const imports = Object.values(graph.inputs).flatMap((i) => i.imports);
      // (esbuild lists the injected Buffer shim's import as external: a file of ours, bundled.)
      expect(imports.filter((i) => i.path.startsWith('node:') || (i.external && !i.path.startsWith(ROOT)))).toEqual([]);
    }
    // The engine bundle is built from the core: the readers and the rules are in it, Node's platform is not.
    const engine = Object.keys(graphs.engine!.inputs);
    expect(engine).toContain('src/platform/web.ts');
    expect(engine).toContain('src/readers/docx/zip.ts');
    expect(engine).toContain('rules/typo.ts');
    expect(engine).not.toContain('src/platform/node.ts');
    // word-extractor runs on the page's shims, not on Node's modules.
    expect(engine).toContain('src/platform/web-shims/stream.js');
  });
});
