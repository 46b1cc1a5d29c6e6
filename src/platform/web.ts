// The engine's platform in a browser page (dist/web/wenfeng.html): fflate for raw deflate, with the
// zip-bomb cap checked as the output grows; rules' data and pdf.js carried inside the page; no files,
// no network. Paths are the names of dropped files.
import { Inflate, deflateSync } from 'fflate';
import { tableCrc32 } from './crc32-table.js';
import { DATA_FILES, PDFJS_CMAPS, PDFJS_SOURCE, PDFJS_WORKER_SOURCE } from './web-data.js';
import { dataKey, InflateCapError, type PdfDocumentProxy, type PdfEngine, type Platform, type WordText } from './types.js';

/** Compressed input is fed in slices this long, so a bomb overshoots the cap by at most ~1,000× a slice. */
const SLICE = 4096;

function inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxOutput) throw new InflateCapError(maxOutput);
    chunks.push(chunk);
  });
  for (let p = 0; p < data.length; p += SLICE) inflater.push(data.subarray(p, Math.min(data.length, p + SLICE)), p + SLICE >= data.length);
  if (data.length === 0) inflater.push(data, true);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const decoded = new Map<string, Uint8Array>();

function readData(url: URL): Uint8Array {
  const key = dataKey(url);
  let bytes = decoded.get(key);
  if (!bytes) {
    const file = DATA_FILES[key];
    if (!file) throw new Error(`no data file ${key} in the page`);
    bytes = file.base64 !== undefined ? base64Bytes(file.base64) : new TextEncoder().encode(file.text ?? '');
    decoded.set(key, bytes);
  }
  return bytes;
}

interface PdfJsModule {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocumentProxy & { destroy(): Promise<void> }> };
  VerbosityLevel: { ERRORS: number };
}

let pdfjs: Promise<PdfJsModule> | undefined;

/** pdf.js's two modules, compiled from the page's copy only now, through blob URLs (the page's CSP allows blob: scripts and nothing from a network). */
function loadPdfJs(): Promise<PdfJsModule> {
  pdfjs ??= (async () => {
    if (!PDFJS_SOURCE) throw new Error('this page was built without pdf.js');
    const scope = globalThis as unknown as { importScripts(url: string): void; __wenfengPdfjs?: PdfJsModule; __wenfengPdfjsWorker?: unknown; pdfjsWorker?: unknown };
    const run = (source: string): void => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      try {
        scope.importScripts(url);
      } finally {
        URL.revokeObjectURL(url);
      }
    };
    // pdf.js runs its worker's code in this thread (already a worker of the page), as it does in Node.
    run(PDFJS_WORKER_SOURCE);
    scope.pdfjsWorker = scope.__wenfengPdfjsWorker;
    run(PDFJS_SOURCE);
    return scope.__wenfengPdfjs!;
  })();
  pdfjs.catch(() => (pdfjs = undefined));
  return pdfjs;
}

/** pdf.js asks for cMaps by name; they come from the page, never from a URL. */
class PageCMapReader {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const packed = PDFJS_CMAPS[name];
    if (packed === undefined) throw new Error(`no cMap ${name} in the page`);
    return { cMapData: base64Bytes(packed), isCompressed: true };
  }
}

async function webPdfEngine(): Promise<PdfEngine> {
  const lib = await loadPdfJs();
  return {
    async open(bytes) {
      const task = lib.getDocument({
        data: new Uint8Array(bytes),
        isEvalSupported: false,
        CMapReaderFactory: PageCMapReader,
        useWorkerFetch: false,
        useSystemFonts: false,
        disableFontFace: true,
        stopAtErrors: false,
        verbosity: lib.VerbosityLevel.ERRORS,
      });
      const doc = await task.promise;
      return { doc, total: doc.numPages, plainPages: async () => [], destroy: () => doc.destroy() };
    },
  };
}

export const platform: Platform = {
  name: 'web',
  inflateRaw,
  deflateRaw: (data, level) => deflateSync(data, { level: (level ?? 6) as 6 }),
  crc32: tableCrc32,
  readData,
  shownPath: (path) => path,
  relativePath: (from, to) => {
    const dir = from.endsWith('/') ? from : `${from}/`;
    return to.startsWith(dir) ? to.slice(dir.length) : to.replace(/^\/+/, '');
  },
  resolvePath: (dir, path) => (path.startsWith('/') ? path : `${dir.replace(/\/+$/, '')}/${path.replace(/^\.\//, '')}`),
  samePath: (a, b) => a === b,
  pdf: webPdfEngine,
  // word-extractor, with the buffer package's Buffer and a small Readable (web-shims/), loaded on the first .doc.
  async wordText(bytes): Promise<WordText> {
    type Extractor = new () => { extract(source: unknown): Promise<{ getBody(o?: object): string; getTextboxes(o?: object): string }> };
    let WordExtractor: Extractor;
    let BufferClass: { from(b: ArrayBuffer, offset: number, length: number): unknown };
    try {
      // @ts-ignore -- word-extractor ships no types; the slice used here is typed above.
      const mod = (await import('word-extractor')) as { default?: Extractor };
      WordExtractor = mod.default ?? (mod as unknown as Extractor);
      BufferClass = ((await import('buffer')) as unknown as { Buffer: typeof BufferClass }).Buffer;
    } catch (error) {
      throw Object.assign(error as Error, { wenfengUnavailable: true });
    }
    const extracted = await new WordExtractor().extract(BufferClass.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength));
    return { body: extracted.getBody({ filterUnicode: false }), textboxes: extracted.getTextboxes({ filterUnicode: false, includeHeadersAndFooters: false }) };
  },
};
