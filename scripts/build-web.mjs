// Builds dist/web/wenfeng.html: the whole linter in one file for drafters without a terminal.
// Two esbuild bundles for the browser — the engine (run in a Web Worker) and the page's own script —
// are written into one HTML file with the rules' data and pdf.js inside. The engine's text sits in a
// non-executed <script type="text/plain"> block and becomes a worker through a blob URL; pdf.js and its
// worker are strings inside the engine, compiled only when a PDF is opened. The import of
// src/platform/node.js is resolved to web.js, and the import of web-data.js to the data generated here.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'rules', 'data');
const BINARY = /\.(u16|hash|matcher)$/;
/** The cMaps of Chinese (GB, CNS, HK) and Identity encodings: what a Chinese PDF that does not embed its fonts needs. */
const CMAP = /^(Adobe-(GB1|CNS1)|UniGB|UniCNS|GB|GBK|GBT|GBpc|B5|CNS|ETen|ETHK|HK|Identity)/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function pdfjsRoot() {
  const fromHere = createRequire(join(root, 'package.json'));
  return dirname(createRequire(fromHere.resolve('pdf-parse')).resolve('pdfjs-dist/package.json'));
}

/**
 * pdf.js ships ES modules; a page opened from file:// has an opaque origin, where module scripts from
 * blob URLs are refused but classic ones are not. Each module is rewritten as a classic script that
 * leaves its exports on a global, for importScripts() in the engine's worker.
 */
async function classicScript(file, globalName) {
  const out = await build({ entryPoints: [file], bundle: true, format: 'iife', globalName, platform: 'browser', target: ['chrome100'], minify: true, write: false, logLevel: 'error', legalComments: 'none' });
  return out.outputFiles[0].text;
}

let pdfjsScripts;

/** The generated src/platform/web-data.ts: rules/data, pdf.js and its cMaps as strings. */
async function webDataModule() {
  const data = {};
  for (const path of files(dataDir)) {
    const key = relative(dataDir, path).split('\\').join('/');
    if (!/\.(json|u16|hash)$/.test(key)) continue;
    data[key] = BINARY.test(key) ? { base64: readFileSync(path).toString('base64') } : { text: readFileSync(path, 'utf8') };
  }
  const pdfjs = pdfjsRoot();
  pdfjsScripts ??= {
    pdf: await classicScript(join(pdfjs, 'build', 'pdf.min.mjs'), '__wenfengPdfjs'),
    worker: await classicScript(join(pdfjs, 'build', 'pdf.worker.min.mjs'), '__wenfengPdfjsWorker'),
  };
  const cmaps = {};
  for (const name of readdirSync(join(pdfjs, 'cmaps'))) {
    if (name.endsWith('.bcmap') && CMAP.test(name)) cmaps[name.slice(0, -'.bcmap'.length)] = readFileSync(join(pdfjs, 'cmaps', name)).toString('base64');
  }
  return [
    `export const DATA_FILES = ${JSON.stringify(data)};`,
    `export const PDFJS_SOURCE = ${JSON.stringify(pdfjsScripts.pdf)};`,
    `export const PDFJS_WORKER_SOURCE = ${JSON.stringify(pdfjsScripts.worker)};`,
    `export const PDFJS_CMAPS = ${JSON.stringify(cmaps)};`,
  ].join('\n');
}

/** The platform seam: Node's modules swapped for the page's, and the page's data filled in. */
const webPlatform = {
  name: 'wenfeng-web-platform',
  setup(b) {
    b.onResolve({ filter: /^\.\/node\.js$/ }, (args) => (args.importer === join(root, 'src', 'platform', 'index.ts') ? { path: join(root, 'src', 'platform', 'web.ts') } : undefined));
    b.onResolve({ filter: /web-data\.js$/ }, () => ({ path: 'web-data', namespace: 'wenfeng-generated' }));
    b.onLoad({ filter: /.*/, namespace: 'wenfeng-generated' }, async () => ({ contents: await webDataModule(), loader: 'js' }));
    // word-extractor (.doc) in the page: Node's Readable as a small shim, Buffer from the buffer package;
    // the modules of its other paths (files by name, the zip extractor) load empty.
    const shims = join(root, 'src', 'platform', 'web-shims');
    b.onResolve({ filter: /^stream$/ }, () => ({ path: join(shims, 'stream.js') }));
    b.onResolve({ filter: /^(fs|path|yauzl)$/ }, () => ({ path: join(shims, 'empty.js') }));
    // LibreOffice (--render) is Node's alone.
    b.onResolve({ filter: /\/render-pages\.js$/ }, () => ({ path: 'render-pages', namespace: 'wenfeng-no-render' }));
    b.onLoad({ filter: /.*/, namespace: 'wenfeng-no-render' }, () => ({ contents: 'export async function tryRender() { return undefined; }', loader: 'js' }));
  },
};

const browser = {
  mainFields: ['browser', 'module', 'main'],
  bundle: true,
  // Classic scripts: a file:// page may start a worker from a blob URL only as a classic script.
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  write: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Rules name their data relative to their code (new URL('./data/x.json', import.meta.url)); in the
  // page every such URL lands in one folder, which web.ts looks up by the part after /data/.
  define: { 'import.meta.url': '"file:///wenfeng/bundle.js"' },
  plugins: [webPlatform],
};

/** Text safe inside a <script> element: no "</script" and no "<!--" (both are only ever inside strings or regexes here). */
const scriptSafe = (js) => js.replace(/<(?=\/script|!--)/gi, '\\x3C');

export async function buildWeb() {
  const [engine, page] = await Promise.all([
    build({ ...browser, entryPoints: [join(root, 'src', 'web', 'engine-worker.ts')], inject: [join(root, 'src', 'platform', 'web-shims', 'buffer-global.js')] }),
    build({ ...browser, entryPoints: [join(root, 'src', 'web', 'page.ts')] }),
  ]);
  const engineJs = scriptSafe(engine.outputFiles[0].text);
  const pageJs = scriptSafe(page.outputFiles[0].text);
  const template = readFileSync(join(root, 'src', 'web', 'page.html'), 'utf8');
  const html = template
    .replace('<!--ENGINE-->', () => `<script type="text/plain" id="wenfeng-engine">${engineJs}</script>`)
    .replace('<!--PAGE-->', () => `<script type="module">${pageJs}</script>`);
  const outDir = join(root, 'dist', 'web');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'wenfeng.html'), html);
  // The bundle graphs, for the test that no core module of the page imports a Node module.
  writeFileSync(join(outDir, 'meta.json'), JSON.stringify({ engine: engine.metafile, page: page.metafile }));
  return { html: html.length, engine: engineJs.length, page: pageJs.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildWeb());
