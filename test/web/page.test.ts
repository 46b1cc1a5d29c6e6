// dist/web/wenfeng.html in a real browser (Debian's chromium through playwright-core), opened from
// file:// with every network request failing the test: the drafts of every format the page reads give
// the same JSON as the CLI's `--format json`, the Word-comments download is what `wenfeng annotate`
// writes, and bad inputs show the CLI's one-line causes.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipArchive } from '../../src/readers/docx/zip.js';
import { writeZip } from '../../src/zip/write.js';
import { ROOT, runCli, tempDir } from '../helpers/run-cli.js';

/** The browser globals the in-page callbacks use: the project compiles without the DOM library. */
declare const document: { body: { dataset: Record<string, string | undefined> }; querySelectorAll(s: string): { length: number }; querySelector(s: string): unknown };
declare const navigator: { clipboard: { readText(): Promise<string> } };
declare class DataTransfer {
  items: { add(file: unknown): void };
}

const CHROMIUM = '/usr/bin/chromium';
const PAGE = join(ROOT, 'dist', 'web', 'wenfeng.html');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const DRAFTS = [
  ...['000-moj-jianfu', '001-province-measures-trad', '002-city-report', '003-news', '004-regulation'].flatMap((s) => ['docx', 'pdf', 'txt'].map((e) => `fixtures/seeds/${s}.${e}`)),
  ...['good-notice', 'good-report'].flatMap((s) => ['docx', 'pdf', 'txt'].map((e) => `fixtures/good/${s}.${e}`)),
  'fixtures/ofd/000-moj-jianfu.ofd',
  'fixtures/ofd/one-page-notice.ofd',
  'fixtures/docx/reader-numbering.docx',
  'fixtures/rules/lists-and-table.pdf',
  // Word 97–2003 (word-extractor in the page too), a binary .wps, and a .wps that is really OOXML.
  'fixtures/legacy/002-city-report.doc',
  'fixtures/legacy/000-moj-jianfu.doc',
  'fixtures/legacy/002-city-report.wps',
  'fixtures/legacy/000-moj-jianfu-ooxml.wps',
];
const BAD = ['encrypted.doc', 'empty.txt', 'encrypted.pdf', 'encrypted.docx', 'truncated.docx', 'truncated.pdf', 'corrupt.docx', 'program.docx', 'really-docx.pdf'].map((f) => `fixtures/bad/${f}`);

/** Blob, data and file URLs are the page itself; anything else is a network request. */
const LOCAL = /^(file|blob|data|about):/;

interface JsonFile {
  path: string;
  [key: string]: unknown;
}

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(PAGE))('the offline page (dist/web/wenfeng.html) in chromium', () => {
  let browser: Browser;
  let page: Page;
  const network: string[] = [];
  const errors: string[] = [];
  const dir = tempDir('wenfeng-web-');
  let names: string[] = [];

  beforeAll(async () => {
    // Flat copies with unique names: the CLI then prints the same path the page shows.
    names = [...DRAFTS, ...BAD].map((f) => {
      const name = basename(f);
      copyFileSync(join(ROOT, f), join(dir, name));
      return name;
    });
    // A Markdown draft (the seed's text with Markdown headings and a silenced line).
    const txt = readFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), 'utf8').split('\n');
    writeFileSync(join(dir, '002-city-report.md'), [`# ${txt[0]}`, ...txt.slice(1).map((l) => (/^[一二三四五六七八九十]+、/.test(l) ? `## ${l}` : l)), '<!-- wenfeng-disable-next-line -->', '会议要求不超过次。', ''].join('\n'));
    // A zip bomb that lies about its size: document.xml declares 1 KB and inflates past the 256 MB cap.
    const big = new Uint8Array(260 * 1024 * 1024).fill(0x20);
    writeFileSync(join(dir, 'bomb.docx'), writeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: big, declaredSize: 1000 }]));
    names.push('002-city-report.md', 'bomb.docx');

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ acceptDownloads: true });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (LOCAL.test(url)) return route.continue();
      network.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('request', (r) => {
      if (!LOCAL.test(r.url())) network.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(PAGE).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function downloadOf(name: string, button: string): Promise<Buffer> {
    const item = page.locator(`#files li[data-name="${name}"]`);
    // One retry: on a loaded machine a click can land while the list is being redrawn.
    for (let attempt = 1; ; attempt++) {
      try {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), item.locator(`button.${button}`).click()]);
        return readFileSync((await download.path())!);
      } catch (error) {
        if (attempt === 2) throw new Error(`${name}: no ${button} download (${String(error).split('\n')[0]})`);
      }
    }
  }

  it('says it works offline and forbids the network in its CSP', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/connect-src/);
    expect(await page.locator('#offline').textContent()).toContain('禁止一切网络连接');
    // A fetch from the page is refused by the policy before any request is made.
    const fetched = await page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'fetched', () => 'refused'));
    expect(fetched).toBe('refused');
  });

  it('checks every draft as the CLI does: the same JSON, findings, pages and causes', async () => {
    await page.setInputFiles('#pick', names.map((n) => join(dir, n)));
    await page.waitForFunction((n) => document.body.dataset.idle === 'true' && document.querySelectorAll('#files li[data-state="done"],#files li[data-state="fatal"]').length === n, names.length, { timeout: 300_000 });
    const cli = runCli(['--format', 'json', '--no-config', '--concurrency', 'off', ...names], { cwd: dir });
    expect(cli.stderr).toBe('');
    const expected = new Map((JSON.parse(cli.stdout) as { files: JsonFile[] }).files.map((f) => [f.path, f]));
    expect(expected.size).toBe(names.length);
    for (const name of names) {
      const got = (JSON.parse((await downloadOf(name, 'json')).toString('utf8')) as { files: JsonFile[] }).files[0]!;
      expect(got, name).toEqual(expected.get(name));
    }
    // The list shows a bad file's cause as the CLI's one line says it.
    for (const name of [...BAD.map((b) => basename(b)), 'bomb.docx']) {
      const cause = (expected.get(name)!.messages as Array<{ message: string }>)[0]!.message;
      expect(await page.locator(`#files li[data-name="${name}"] .cause`).textContent(), name).toBe(`错误  ${cause}`);
    }
    expect(await page.locator('#files li[data-name="bomb.docx"] .cause').textContent()).toContain('解压');
    // The list's page figure says 约 for an estimate (.docx, text) and nothing for a PDF's own count, as the CLI does.
    let estimates = 0;
    for (const name of names) {
      const pages = expected.get(name)!.pages as { count: number; exact: boolean } | undefined;
      if (!pages) continue;
      if (!pages.exact) estimates++;
      const shown = await page.locator(`#files li[data-name="${name}"] .cause`).textContent();
      expect(shown?.startsWith(`${pages.exact ? '' : '约 '}${pages.count} 页`), `${name}: ${shown}`).toBe(true);
    }
    expect(estimates).toBeGreaterThan(10);
  }, 400_000);

  it('shows the report of --format html for a draft', async () => {
    await page.locator('#files li[data-name="002-city-report.docx"] button.name').click();
    const frame = page.frameLocator('#report');
    await expect.poll(() => frame.locator('section.file h2').first().textContent()).toContain('002-city-report.docx');
    const rules = await frame.locator('.findings li[data-rule]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rule')));
    expect(rules).toContain('placeholder');
    expect(rules).toContain('typo');
  });

  it('downloads the draft with Word comments as wenfeng annotate writes it', async () => {
    const name = '002-city-report.docx';
    const fromPage = new Uint8Array(await downloadOf(name, 'annotate'));
    const out = join(dir, 'cli.reviewed.docx');
    const run = runCli(['annotate', name, '-o', out, '--no-config'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(await page.locator(`#files li[data-name="${name}"] .note`).textContent()).toBe(`wenfeng annotate: ${run.stdout.trim().replace(/^wenfeng annotate: /, '').replace('cli.reviewed.docx', '002-city-report.reviewed.docx')}`);
    const a = new ZipArchive(fromPage, 1e9);
    const b = new ZipArchive(new Uint8Array(readFileSync(out)), 1e9);
    expect(a.names()).toEqual(b.names());
    // Comment dates are the moment of writing; everything else is the same, byte for byte once decoded.
    const text = (zip: ZipArchive, part: string): string => new TextDecoder().decode(zip.read(part)).replace(/w:date="[^"]*"/g, 'w:date=""');
    for (const part of a.names()) expect(text(a, part), part).toBe(text(b, part));
    expect(text(a, 'word/comments.xml')).toContain('官僚主义');
  });

  it('copies the fixed text of a text draft (the safe fixes --fix applies)', async () => {
    const name = '002-city-report.txt';
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
    const item = page.locator(`#files li[data-name="${name}"]`);
    await item.locator('button.fixed').click();
    await expect.poll(() => item.locator('.note').textContent()).toBeTruthy();
    const note = await item.locator('.note').textContent();
    const fixedByCli = join(dir, 'fixed.txt');
    copyFileSync(join(dir, name), fixedByCli);
    runCli(['--fix', '--no-config', 'fixed.txt'], { cwd: dir });
    const expected = readFileSync(fixedByCli, 'utf8');
    expect(expected).not.toBe(readFileSync(join(dir, name), 'utf8'));
    const copied = note === '已复制修正后的文本' ? await page.evaluate(() => navigator.clipboard.readText()) : undefined;
    if (copied !== undefined) expect(copied).toBe(expected);
    else expect(note).toBe('浏览器不允许写剪贴板，已下载修正后的文本');
  });

  it('checks a draft dropped on the page', async () => {
    const text = '关于开展安全检查的通知\n各单位：\n请于2024年×月×日前报送检查情况。\n';
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped.txt', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(() => document.querySelector('#files li[data-name="dropped.txt"][data-state="done"]'), null, { timeout: 60_000 });
    const got = (JSON.parse((await downloadOf('dropped.txt', 'json')).toString('utf8')) as { files: JsonFile[] }).files[0]!;
    writeFileSync(join(dir, 'dropped.txt'), text);
    expect(got).toEqual((JSON.parse(runCli(['--format', 'json', '--no-config', 'dropped.txt'], { cwd: dir }).stdout) as { files: JsonFile[] }).files[0]);
    expect((got.messages as Array<{ ruleId: string }>).some((m) => m.ruleId === 'placeholder')).toBe(true);
  });

  it('keeps its settings in the browser and exports a .wenfengrc.json the CLI reads unchanged', async () => {
    const name = '002-city-report.txt';
    await page.locator('#settings summary').click();
    await page.selectOption('#doc-type', 'comprehensive-report');
    await page.selectOption('#rules select[name="sentence-length"]', 'off');
    await page.selectOption('#rules select[name="punctuation"]', 'error');
    await page.fill('#phrases', '进一步强化\n/进一步.{0,2}精简/');
    await page.locator('#phrases').dispatchEvent('change');
    await page.selectOption('#phrase-severity', 'error');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const configDir = tempDir('wenfeng-web-config-');
    copyFileSync((await download.path())!, join(configDir, '.wenfengrc.json'));
    copyFileSync(join(dir, name), join(configDir, name));
    expect(JSON.parse(readFileSync(join(configDir, '.wenfengrc.json'), 'utf8'))).toMatchObject({ rules: { 'sentence-length': 'off', punctuation: 'error' }, overrides: [{ files: ['*'], type: 'comprehensive-report' }] });

    // The settings survive a reload, and the page checks with them what the CLI checks with the file.
    await page.reload();
    await page.locator('#settings summary').click();
    await expect.poll(() => page.locator('#rules select[name="sentence-length"]').inputValue()).toBe('off');
    expect(await page.locator('#doc-type').inputValue()).toBe('comprehensive-report');
    await page.setInputFiles('#pick', join(configDir, name));
    await page.waitForFunction(() => document.body.dataset.idle === 'true' && document.querySelector('#files li[data-state="done"]'), null, { timeout: 60_000 });
    const got = (JSON.parse((await downloadOf(name, 'json')).toString('utf8')) as { files: JsonFile[] }).files[0]!;
    const cli = JSON.parse(runCli(['--format', 'json', name], { cwd: configDir }).stdout) as { files: JsonFile[] };
    expect(got).toEqual(cli.files[0]);
    const messages = got.messages as Array<{ ruleId: string; severity: string }>;
    expect((got.docType as { id: string }).id).toBe('comprehensive-report');
    expect(messages.some((m) => m.ruleId === 'sentence-length')).toBe(false);
    expect(messages.some((m) => m.ruleId === 'custom-phrases' && m.severity === 'error')).toBe(true);
    expect(messages.filter((m) => m.ruleId === 'punctuation').every((m) => m.severity === 'error')).toBe(true);
  });

  it('switches to English, the reports and the causes too', async () => {
    await page.click('#locale');
    expect(await page.locator('header h1').textContent()).toBe('wenfeng · check official documents');
    await page.waitForFunction(() => document.body.dataset.idle === 'true' && document.querySelector('#files li[data-state="done"]'), null, { timeout: 60_000 });
    await page.locator('#files li button.name').first().click();
    await expect.poll(() => page.frameLocator('#report').locator('h1').textContent()).toBe('wenfeng report');
    await page.click('#locale');
    expect(await page.locator('header h1').textContent()).toBe('文风 · 公文检查');
  });

  it('made no network request and threw no error', () => {
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
  });
});
