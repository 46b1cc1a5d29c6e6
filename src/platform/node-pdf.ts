// pdf.js in Node, through pdf-parse 2: loaded on the first PDF only, and only once; its cMaps, standard
// fonts and wasm decoders read from pdfjs-dist's folder.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from './import-module.js';
import type { PdfDocumentProxy, PdfEngine } from './types.js';

type PdfParseModule = typeof import('pdf-parse');

let modulePromise: Promise<PdfParseModule> | undefined;
let moduleLoads = 0;

/** pdf-parse, imported on first use and kept: a second pdf.js copy in one process is refused by its worker. */
function loadPdfParse(): Promise<PdfParseModule> {
  if (!modulePromise) {
    moduleLoads++;
    const loading = importPdfParse();
    modulePromise = loading;
    // A failed import is not kept, so a later file can try again.
    loading.catch(() => {
      if (modulePromise === loading) modulePromise = undefined;
    });
  }
  return modulePromise;
}

/**
 * pdf.js's legacy build bundles core-js, which replaces Array.prototype.push for the whole process with a
 * slow polyfill — once when pdf.mjs loads and again when its worker code loads on the first document.
 * Loading the worker module up front (pdf.js then runs it in this thread, as it would anyway in Node)
 * lets both happen here, and the native push is put back after them: measured, about a quarter off the
 * time to read a corpus of PDFs. pdf.js does not depend on the polyfill's behaviour.
 */
async function importPdfParse(): Promise<PdfParseModule> {
  const nativePush = Array.prototype.push;
  try {
    const pdfParseEntry = createRequire(import.meta.url).resolve('pdf-parse');
    const workerPath = createRequire(pdfParseEntry).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await importModule(pathToFileURL(workerPath).href);
    return (await importModule('pdf-parse')) as PdfParseModule;
  } finally {
    Array.prototype.push = nativePush;
  }
}

/** How many times this process has imported pdf-parse (for tests: must stay at 1). */
export function pdfParseLoadCount(): number {
  return moduleLoads;
}

interface AssetDirs {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
}
let assetDirs: AssetDirs | undefined;

/**
 * pdf.js's cMaps, standard fonts and wasm decoders, as filesystem paths (pdf.js reads them with
 * fs in Node; the trailing slash is required). Resolved through the packages, from the pdfjs-dist
 * that pdf-parse itself depends on, so this works from src/ and from a bundled dist/ alike.
 */
export function pdfjsAssetDirs(): AssetDirs {
  if (!assetDirs) {
    const fromHere = createRequire(import.meta.url);
    const pdfParseEntry = fromHere.resolve('pdf-parse');
    const pdfjsRoot = dirname(createRequire(pdfParseEntry).resolve('pdfjs-dist/package.json'));
    assetDirs = {
      cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
      standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
      wasmUrl: `${join(pdfjsRoot, 'wasm')}/`,
    };
  }
  return assetDirs;
}

export async function nodePdfEngine(): Promise<PdfEngine> {
  const pdfParse = await loadPdfParse();
  const assets = pdfjsAssetDirs();
  return {
    async open(bytes) {
      const parser = new pdfParse.PDFParse({
        // A copy: pdf.js transfers (detaches) the buffer it is given, and the caller still owns `bytes`.
        data: new Uint8Array(bytes),
        // Nothing from a document is ever compiled or run.
        isEvalSupported: false,
        // Without cMaps, text in CJK fonts that are not embedded (e.g. STSong-Light with
        // UniGB-UCS2-H) silently comes out empty.
        cMapUrl: assets.cMapUrl,
        cMapPacked: true,
        standardFontDataUrl: assets.standardFontDataUrl,
        wasmUrl: assets.wasmUrl,
        useSystemFonts: false,
        verbosity: pdfParse.VerbosityLevel.ERRORS,
      });
      try {
        // getInfo() opens the document (and throws for a password or a damaged file).
        const info = await parser.getInfo();
        // pdf-parse's getText() gives strings only; the positions re-joining needs come from the
        // pdf.js document it holds. If that field ever goes, the reader falls back to its plain text.
        const doc = (parser as unknown as { doc?: PdfDocumentProxy }).doc;
        return {
          doc,
          total: info.total,
          plainPages: async () => (await parser.getText({ pageJoiner: '' })).pages.map((page) => page.text),
          // Frees the document and its (fake) worker, so the CLI exits promptly.
          destroy: () => parser.destroy().catch(() => undefined),
        };
      } catch (error) {
        await parser.destroy().catch(() => undefined);
        throw error;
      }
    },
  };
}
