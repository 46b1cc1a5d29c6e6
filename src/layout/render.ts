// --render: lay the draft out with LibreOffice and count the pages of the PDF it writes. A copy of
// the file is converted in a private temporary directory with a private LibreOffice profile (so a
// running LibreOffice of the user's is neither used nor disturbed), under a timeout, and the
// directory is always removed. LibreOffice is an independent renderer, not Word: on the GB/T 9704
// character grid (w:docGrid linesAndChars) it sets each character over two cells and overcounts.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageCount } from '../document/model.js';
import { pdfPageCount } from './pdf-page-count.js';

export interface RenderOptions {
  /** Kill LibreOffice after this long, ms (default 60 s). */
  timeoutMs?: number;
  /** The LibreOffice binary; found on PATH (soffice, libreoffice) when not given. */
  soffice?: string;
}

export class RenderError extends Error {
  override name = 'RenderError';
}

let found: string | null | undefined;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The LibreOffice binary on PATH, or undefined (looked up once per process). */
export function findSoffice(): string | undefined {
  if (found === undefined) found = onPath('soffice') ?? onPath('libreoffice') ?? null;
  return found ?? undefined;
}

/** Runs a command; resolves with its exit code, rejects on timeout (after killing its process group). */
function run(cmd: string, args: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so the timeout ends soffice.bin as well as the soffice launcher.
    const child = spawn(cmd, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      reject(new RenderError(`LibreOffice did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new RenderError(`cannot run ${cmd}: ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

/** Pages of the PDF: the tiny trailer parser, else pdfinfo when it is installed. */
async function countPages(pdf: string, timeoutMs: number): Promise<number> {
  const pages = pdfPageCount(await readFile(pdf));
  if (pages !== undefined) return pages;
  const pdfinfo = onPath('pdfinfo');
  if (pdfinfo) {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(pdfinfo, [pdf], { stdio: ['ignore', 'pipe', 'ignore'] });
      let text = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', () => {
        clearTimeout(timer);
        resolve(text);
      });
    });
    const m = /^Pages:\s+(\d+)/m.exec(out);
    if (m) return Number(m[1]);
  }
  throw new RenderError('cannot read the page count of the PDF LibreOffice wrote');
}

/** The note shown with a rendered count. */
export const RENDER_GRID_NOTE = {
  zh: 'LibreOffice 对 28 字/行 的文档网格（linesAndChars）排版与 Word 不同，渲染页数可能多于 Word',
  en: "LibreOffice lays out the 28-character grid (linesAndChars) differently from Word: this count may exceed Word's",
};

/** Renders the file with LibreOffice and counts the pages. `hasCharGrid`: the file has a linesAndChars grid. */
export async function renderPages(absPath: string, hasCharGrid: boolean, options: RenderOptions = {}): Promise<PageCount> {
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) throw new RenderError('LibreOffice (soffice) is not installed');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dir = await mkdtemp(join(tmpdir(), 'wenfeng-render-'));
  try {
    const input = join(dir, `draft${extname(absPath).toLowerCase()}`);
    await copyFile(absPath, input);
    const out = join(dir, 'out');
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const code = await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', out, input], timeoutMs);
    const pdf = (await readdir(out).catch(() => [] as string[])).find((f) => f.toLowerCase().endsWith('.pdf'));
    if (!pdf) throw new RenderError(`LibreOffice wrote no PDF (exit code ${code})`);
    const count: PageCount = { count: await countPages(join(out, pdf), timeoutMs), method: 'render', exact: false };
    if (hasCharGrid) count.note = RENDER_GRID_NOTE.en;
    return count;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let fallbackNotice: { zh: string; en: string } | undefined;
let noticeTaken = false;

/** Records that --render fell back to the layout estimate (why), for the once-per-run notice. */
export function noteRenderFallback(why: string): void {
  if (fallbackNotice) return;
  fallbackNotice = {
    zh: `--render 未能使用 LibreOffice（${why}），页数为版面估算`,
    en: `--render could not use LibreOffice (${why}); page counts are layout estimates`,
  };
}

/**
 * The notice that --render fell back to the layout estimate, the first time it is asked for in a
 * run (undefined afterwards, and when nothing fell back). For the CLI to print once.
 */
export function takeRenderNotice(): { zh: string; en: string } | undefined {
  if (!fallbackNotice || noticeTaken) return undefined;
  noticeTaken = true;
  return fallbackNotice;
}
