// --render: lay the draft out with LibreOffice and count the pages of the PDF it writes. Sealed: a
// copy of the file, stripped of external links (seal-docx.ts), is converted in a private temporary
// directory with a private LibreOffice profile that blocks links and external content and points
// every proxy at a closed port; LibreOffice's own temporary files go into that directory too. It
// runs in a process group of its own, killed whole when the file's time is up, and the directory
// and LibreOffice's IPC pipe are removed on every path — also when wenfeng exits while a render is
// still running. LibreOffice is an independent renderer, not Word: on the GB/T 9704 character grid
// (w:docGrid linesAndChars) it sets each character over two cells and overcounts.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, lstatSync, rmSync, unlinkSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sealDocx } from './seal-docx.js';
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

/** Renders under way: their process groups, directories and pipes, for the exit hook. */
interface ActiveRender {
  child?: ChildProcess;
  dir: string;
  pipes: string[];
}
const active = new Set<ActiveRender>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // already gone
  }
}

function removePipes(pipes: string[]): void {
  for (const pipe of pipes) {
    try {
      if (lstatSync(pipe).isSocket()) unlinkSync(pipe);
    } catch {
      // not there
    }
  }
}

/** wenfeng is exiting (a file's time ran out, or the run ended): nothing of LibreOffice's stays. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const render of active) {
      killGroup(render.child);
      rmSync(render.dir, { recursive: true, force: true });
      removePipes(render.pipes);
    }
  });
}

/**
 * LibreOffice's single-instance pipe for a profile: /tmp/OSL_PIPE_<uid>_SingleOfficeIPC_<md5 of the
 * profile URL in UTF-16, each byte in hex without leading zero> (sal's fixed pipe directory, not
 * TMPDIR). Left behind when LibreOffice is killed.
 */
function ipcPipes(profileUrl: string): string[] {
  const digest = createHash('md5').update(Buffer.from(profileUrl, 'utf16le')).digest();
  const name = `OSL_PIPE_${process.getuid?.() ?? 0}_SingleOfficeIPC_${[...digest].map((b) => b.toString(16)).join('')}`;
  return ['/tmp', '/var/tmp'].map((dir) => join(dir, name));
}

/** Runs a command; resolves with its exit code, rejects on timeout (after killing its process group). */
function run(cmd: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv, render: ActiveRender): Promise<number> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so the timeout ends soffice.bin as well as the soffice launcher.
    const child = spawn(cmd, args, { stdio: 'ignore', detached: process.platform !== 'win32', env });
    render.child = child;
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new RenderError(`LibreOffice did not finish within ${Math.max(1, Math.round(timeoutMs / 1000))} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new RenderError(`cannot run ${cmd}: ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      // The launcher is gone; anything it left in its group goes too.
      killGroup({ pid: child.pid, exitCode: null, signalCode: null } as ChildProcess);
      resolve(code ?? 1);
    });
  });
}

/** A private profile that fetches nothing: links never updated, external content blocked, proxies closed. */
const SEALED_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableActiveContent" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Field" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
</oor:items>
`;

let deadline: number | undefined;

/**
 * The time by which the draft being checked must be done (epoch ms), set by the engine before each
 * draft: LibreOffice is killed by then rather than outliving the file's time limit.
 */
export function setRenderDeadline(at: number | undefined): void {
  deadline = at;
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
  const left = deadline === undefined ? Infinity : deadline - Date.now();
  const timeoutMs = Math.min(options.timeoutMs ?? 60_000, left);
  if (timeoutMs < 1000) throw new RenderError('no time left for LibreOffice within the file\'s time limit');
  installExitHook();
  const dir = await mkdtemp(join(tmpdir(), 'wenfeng-render-'));
  const profileDir = join(dir, 'profile');
  const profile = pathToFileURL(profileDir).href;
  const render: ActiveRender = { dir, pipes: ipcPipes(profile) };
  active.add(render);
  try {
    const ext = extname(absPath).toLowerCase();
    const input = join(dir, `draft${ext}`);
    if (ext === '.docx') await writeFile(input, sealDocx(new Uint8Array(await readFile(absPath))).bytes);
    else await copyFile(absPath, input);
    await mkdir(join(profileDir, 'user'), { recursive: true });
    await writeFile(join(profileDir, 'user', 'registrymodifications.xcu'), SEALED_PROFILE);
    const temp = join(dir, 'tmp');
    await mkdir(temp);
    const out = join(dir, 'out');
    const env = { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp };
    const code = await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', out, input], timeoutMs, env, render);
    const pdf = (await readdir(out).catch(() => [] as string[])).find((f) => f.toLowerCase().endsWith('.pdf'));
    if (!pdf) throw new RenderError(`LibreOffice wrote no PDF (exit code ${code})`);
    const count: PageCount = { count: await countPages(join(out, pdf), Math.max(1000, timeoutMs)), method: 'render', exact: false };
    if (hasCharGrid) count.note = RENDER_GRID_NOTE.en;
    return count;
  } finally {
    killGroup(render.child);
    await rm(dir, { recursive: true, force: true });
    removePipes(render.pipes);
    active.delete(render);
  }
}

export { noteRenderFallback, takeRenderNotice } from './render-notice.js';
