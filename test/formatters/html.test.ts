// --format html: the markup (escaping, overlapping findings) checked in Node, and the page itself in a
// real browser (Debian's chromium through playwright-core): highlights, tooltip, pinned panel,
// filters, no network, and a screenshot kept as an artifact.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Chalk } from 'chalk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Paragraph } from '../../src/document/model.js';
import type { FileResult, LintMessage } from '../../src/engine/result.js';
import { html } from '../../src/formatters/html.js';
import { ROOT, runCli, tempDir } from '../helpers/run-cli.js';

const SEED = 'fixtures/seeds/002-city-report.docx';
const GOOD = 'fixtures/good/good-report.docx';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The browser globals the in-page callbacks use: the project compiles without the DOM library. */
interface InPage {
  document: { querySelectorAll(selector: string): Iterable<{ dataset: Record<string, string | undefined>; textContent: string | null }> };
  getComputedStyle(el: unknown): { backgroundColor: string; display: string };
  scrollTo(x: number, y: number): void;
}

const ctx = { locale: 'zh' as const, color: new Chalk({ level: 0 }), cwd: ROOT };

function paragraph(index: number, text: string, extra: Partial<Paragraph> = {}): Paragraph {
  return { index, text, norm: text, kind: 'body', ...extra };
}

function message(line: number, column: number, endColumn: number, text: string, extra: Partial<LintMessage> = {}): LintMessage {
  return { ruleId: 'demo', severity: 'warning', message: `问题 ${column}`, line, column, endLine: line, endColumn, text, ...extra };
}

function result(paragraphs: Paragraph[], messages: LintMessage[]): FileResult {
  return {
    path: 'draft.docx',
    format: 'docx',
    fatal: false,
    docType: { id: 'special-report', label: '专项报告', source: 'title', reason: '标题以"情况的报告"结尾：专项报告', pageLimit: 5 },
    pages: { count: 7, method: 'layout', exact: false },
    stats: {},
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length,
    document: { path: 'draft.docx', format: 'docx', paragraphs, warnings: [], hasText: true },
  };
}

/** The text inside each finding's marks (all its pieces, in order), read off the markup with a tag stack. */
function markedText(page: string): { texts: Map<string, string>; balanced: boolean; plain: string } {
  const texts = new Map<string, string>();
  const open: (string | null)[] = [];
  let balanced = true;
  let plain = '';
  const article = /<article class="doc"[^>]*>([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '';
  const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const token of article.split(/(<[^>]+>)/)) {
    if (token.startsWith('<mark')) open.push(/data-m="(\d+)"/.exec(token)?.[1] ?? null);
    else if (token === '</mark>') balanced = open.pop() !== undefined && balanced;
    else if (!token.startsWith('<')) {
      const t = decode(token);
      plain += t;
      for (const id of open) if (id !== null) texts.set(id, (texts.get(id) ?? '') + t);
    }
  }
  return { texts, balanced: balanced && open.length === 0, plain };
}

describe('html formatter (markup)', () => {
  test('overlapping and crossing findings stay well formed, each covering exactly its text', () => {
    const text = '我们要进一步加大力度全力以赴确保完成任务。';
    const cp = (s: string): number => [...text.slice(0, text.indexOf(s))].length + 1;
    const span = (s: string, extra: Partial<LintMessage> = {}): LintMessage => message(1, cp(s), cp(s) + [...s].length - 1, s, extra);
    const messages = [
      span('进一步加大力度'), // outer
      span('加大力度'), // nested, same end
      span('力度全力以赴'), // crosses the first
      span('全力以赴确保', { severity: 'error' }), // crosses the third
      span('我'), // single character at the start
      span('。'), // at the end
    ];
    const page = html([result([paragraph(0, text)], messages)], ctx);
    const { texts, balanced, plain } = markedText(page);
    expect(balanced).toBe(true);
    expect(plain).toBe(text);
    messages.forEach((m, i) => expect(texts.get(String(i))).toBe(m.text));
    // One highlight per finding carries the id; the rest of a split finding are continuation pieces.
    expect(page.match(/<mark id=/g)).toHaveLength(messages.length);
  });

  test('escapes text, messages, suggestions, rule ids and paths', () => {
    const text = '<script>alert("x")</script> & 其他';
    const m = message(1, 1, 8, '<script>', { ruleId: 'x"><img src=x>', message: '<b>坏</b>', suggestion: '"&\'<' });
    const r = result([paragraph(0, text)], [m]);
    r.path = '<evil>.docx';
    const page = html([r], ctx);
    expect(page).not.toMatch(/<script>alert|<b>坏|<img src=x|<evil>/);
    expect(page).toContain('&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt; &amp; 其他');
    expect(page).toContain('&quot;&amp;&#39;&lt;');
    expect((page.match(/<script>/g) ?? []).length).toBe(1); // only the page's own script
  });

  test('numbering prefix, reader warnings, fatal files and no findings', () => {
    const fatal: FileResult = { ...result([], []), path: 'broken.docx', fatal: true, docType: null, pages: null, messages: [message(1, 1, 1, '', { ruleId: null, message: '文件已损坏', text: undefined })] };
    delete fatal.document;
    const numbered = result(
      [paragraph(0, '一、总体要求', { numberingLength: 2, kind: 'heading' })],
      [message(1, 3, 4, '总体'), message(1, 1, 1, '', { ruleId: null, message: '文档含有未处理的修订', text: undefined })],
    );
    const clean = result([paragraph(0, '一切正常。')], []);
    const page = html([fatal, numbered, clean], ctx);
    expect(page).toContain('<strong>无法读取</strong>：文件已损坏');
    expect(page).toContain('<span class="num">一、</span>');
    expect(page.match(/<mark id=/g)).toHaveLength(1); // the reader warning is listed, not highlighted
    expect(page).toContain('<span class="pos">全文</span>');
    expect(page).toContain('没有发现问题');
    expect(page).toContain('约 7 页 / 上限 5 页');
  });

  test('paragraph-level findings are margin markers, word findings highlights', () => {
    const text = '三年来,市政府办勇于担当,主动作为,坚持统筹协调推进,强化督办检查落实,持续解决困扰基层的形式主义问题,切实为基层松绑减负,让广大基层干部腾出更多的时间和精力投身到抓好工作落实上。';
    const length = [...text].length;
    const messages = [
      message(1, 1, length, text, { ruleId: 'paragraph-length', severity: 'info', message: '段落过长' }),
      message(1, 4, 83, [...text].slice(3, 83).join(''), { ruleId: 'punctuation', fixable: true, message: '本段有 7 处半角标点（,）应为全角' }),
      message(1, 1, length - 1, [...text].slice(0, length - 1).join(''), { ruleId: 'sentence-length', severity: 'info', message: '句子过长' }),
      message(1, 4, 4, ',', { ruleId: 'punctuation', fixable: true, message: '半角“,”应为全角“，”' }),
      message(1, 9, 12, '勇于担当', { ruleId: 'typo', severity: 'error' }),
    ];
    const page = html([result([paragraph(0, text)], messages)], ctx);
    const { texts, balanced, plain } = markedText(page);
    expect(balanced).toBe(true);
    expect(plain).toBe(text);
    // The three that cover the paragraph (or its marks as a group) are markers with no text…
    for (const i of [0, 1, 2]) {
      expect(page).toContain(`<mark class="para" id="f0-m${i}" data-m="${i}" data-rule="${messages[i]!.ruleId}" data-severity="${messages[i]!.severity}"`);
      expect(texts.get(String(i)) ?? '').toBe('');
    }
    expect(page).toMatch(/<p class="k-body has-margin" data-line="1"><span class="margin">(<mark class="para"[^>]*><\/mark>){3}<\/span>/);
    // …the single mark and the typo are highlighted on their words.
    expect(texts.get('3')).toBe(',');
    expect(texts.get('4')).toBe('勇于担当');
  });

  test('an unreadable file is counted once, in the header and in the filters alike', () => {
    const fatal: FileResult = { ...result([], []), path: 'broken.docx', fatal: true, docType: null, pages: null, messages: [message(1, 1, 1, '', { ruleId: null, severity: 'error', message: '文件已损坏', text: undefined })], errorCount: 1, warningCount: 0 };
    delete fatal.document;
    const readable = result([paragraph(0, '每年不超过次。')], [message(1, 3, 6, '不超过次', { severity: 'error', ruleId: 'placeholder' }), message(1, 1, 2, '每年')]);
    const page = html([readable, fatal], ctx);
    expect(page).toContain('2 个文件，3 个问题（2 个错误，1 个警告，0 个提示）');
    const filterCount = (kind: string, value: string): number => Number(new RegExp(`data-filter="${kind}" value="${value}" checked>.*?<span class="c">(\\d+)</span>`).exec(page)?.[1]);
    expect(filterCount('severity', 'error')).toBe(2);
    expect(filterCount('severity', 'warning')).toBe(1);
    expect(filterCount('rule', '')).toBe(1);
    expect(page).toMatch(/<li id="f1-m0-li" data-m="0" data-rule="" data-severity="error">/);
  });

  test('english labels with --locale en, the page still lang zh-CN', () => {
    const page = html([result([paragraph(0, '正文。')], [message(1, 1, 2, '正文')])], { ...ctx, locale: 'en' });
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('~7 pages / limit 5');
    expect(page).toContain('Findings');
  });
});

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html report browser test skipped: ${CHROMIUM} not found (Debian: apt-get install chromium)`);

describe.skipIf(!hasChromium)(`html report in a browser (${CHROMIUM})`, () => {
  let dir: string;
  let reportPath: string;
  let counts: { path: string; messages: LintMessage[] }[];
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    dir = tempDir('wenfeng-html-');
    reportPath = join(dir, 'report.html');
    const run = runCli(['--format', 'html', '--output-file', reportPath, SEED, GOOD, '--no-config']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    counts = JSON.parse(runCli(['--format', 'json', SEED, GOOD, '--no-config']).stdout).files;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the same page on stdout as in --output-file, well under 1 MB', () => {
    const onStdout = runCli(['--format', 'html', SEED, GOOD, '--no-config']).stdout;
    expect(onStdout).toBe(readFileSync(reportPath, 'utf8'));
    expect(statSync(reportPath).size).toBeLessThan(1024 * 1024);
    expect(onStdout).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
  });

  test('highlights, tooltip, pinned panel, filters; nothing leaves the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(reportPath).href);

    // One highlight per finding, in each file; every finding's highlighted text is its text.
    const seed = counts.find((f) => f.path === SEED)!;
    const good = counts.find((f) => f.path === GOOD)!;
    expect(seed.messages.length).toBeGreaterThan(0);
    expect(await page.locator('#f0 mark[id]').count()).toBe(seed.messages.length);
    expect(await page.locator('#f1 mark[id]').count()).toBe(good.messages.length);
    expect(await page.locator('mark[id]').count()).toBe(seed.messages.length + good.messages.length);
    const highlighted = await page.evaluate(() => {
      const out: Record<string, string> = {};
      for (const m of (globalThis as unknown as InPage).document.querySelectorAll('#f0 mark')) {
        // A finding split into pieces (it crosses another) is the pieces' text in order.
        out[m.dataset.m!] = (out[m.dataset.m!] ?? '') + m.textContent;
      }
      return out;
    });
    const markers = await page.locator('#f0 mark.para').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: Record<string, string> }).dataset.m!));
    // Paragraph-level findings are in the margin: paragraph-length and the half-width groups all are.
    seed.messages.forEach((m, i) => {
      if (m.ruleId === 'paragraph-length' || /^本段有 \d+ 处半角标点/.test(m.message)) expect(markers, m.message).toContain(String(i));
      if (markers.includes(String(i))) expect(highlighted[String(i)]).toBe('');
      else expect(highlighted[String(i)]).toBe(m.text);
    });
    expect(markers.length).toBeGreaterThan(10);
    expect(markers.length).toBeLessThan(seed.messages.length - 20);
    // A marker stands right of its paragraph's text, not over it.
    const geometry = await page.locator('#f0 mark.para').first().evaluate((el) => {
      const e = el as unknown as { getBoundingClientRect(): { left: number; right: number }; closest(s: string): { getBoundingClientRect(): { right: number }; firstChild: unknown } | null };
      const p = e.closest('p')!;
      const range = (globalThis as unknown as { document: { createRange(): { selectNodeContents(n: unknown): void; getBoundingClientRect(): { right: number } } } }).document.createRange();
      const text = (p as unknown as { childNodes: unknown[] }).childNodes;
      range.selectNodeContents(text[text.length - 1]);
      return { marker: e.getBoundingClientRect().left, textRight: range.getBoundingClientRect().right, paragraphRight: p.getBoundingClientRect().right };
    });
    expect(geometry.marker).toBeGreaterThanOrEqual(geometry.textRight - 1);
    expect(geometry.marker).toBeLessThan(geometry.paragraphRight);

    // Hover shows the message; click pins the panel with the message and the suggestion.
    const typo = seed.messages.findIndex((m) => m.ruleId === 'typo' && m.suggestion);
    expect(typo).toBeGreaterThanOrEqual(0);
    const mark = page.locator(`#f0-m${typo}`);
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
    expect(await page.locator('#tip').textContent()).toContain(seed.messages[typo]!.message);
    await mark.click();
    expect(await page.locator('#panel').isVisible()).toBe(true);
    const panel = (await page.locator('#panel').textContent()) ?? '';
    expect(panel).toContain(seed.messages[typo]!.message);
    expect(panel).toContain(seed.messages[typo]!.suggestion!);

    const background = (selector: string): Promise<string[]> =>
      page.locator(selector).evaluateAll((els) => els.map((e) => (globalThis as unknown as InPage).getComputedStyle(e).backgroundColor));
    const transparent = 'rgba(0, 0, 0, 0)';

    // Highlights and markers take their severity's colour: three colours, one each.
    for (const kind of ['mark[id]:not(.para)', 'mark.para']) {
      const colours = await Promise.all(['error', 'warning', 'info'].map(async (sev) => new Set(await background(`#f0 ${kind}[data-severity="${sev}"]`))));
      for (const c of colours) expect(c.size).toBeLessThanOrEqual(1);
      expect(new Set(colours.flatMap((c) => [...c])).size).toBe(colours.filter((c) => c.size).length);
    }

    // Unticking a rule hides its highlights and its list entries, and nothing else.
    const ruleBox = page.locator('input[data-filter="rule"][value="typo"]');
    await ruleBox.uncheck();
    expect(new Set(await background('mark[data-rule="typo"]'))).toEqual(new Set([transparent]));
    expect(await page.locator('.findings li[data-rule="typo"]').evaluateAll((els) => els.map((e) => (globalThis as unknown as InPage).getComputedStyle(e).display))).not.toContain('list-item');
    expect(await background('mark[data-rule="placeholder"]')).not.toContain(transparent);
    await ruleBox.check();
    expect(await background('mark[data-rule="typo"]')).not.toContain(transparent);

    // Unticking a severity too.
    await page.locator('input[data-filter="severity"][value="warning"]').uncheck();
    expect(new Set(await background('mark[data-severity="warning"]'))).toEqual(new Set([transparent]));
    expect(await background('mark[data-severity="error"]')).not.toContain(transparent);
    expect(await page.locator('.findings li[data-severity="warning"]:visible').count()).toBe(0);
    await page.locator('input[data-filter="severity"][value="warning"]').check();

    // The list links to the highlights.
    const item = page.locator(`#f0-m${typo}-li a.pos`);
    expect(await item.getAttribute('href')).toBe(`#f0-m${typo}`);

    // A screenshot for people (and the README): the top of the report, a typo's panel pinned.
    await page.evaluate(() => (globalThis as unknown as InPage).scrollTo(0, 0));
    await page.mouse.move(0, 0);
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    const png = await page.screenshot({ path: join(ROOT, 'test-artifacts/html-report.png') });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
      writeFileSync(join(ROOT, 'docs/images/html-report.png'), png);
    }

    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  test('with an unreadable file, the header, the filters and the lists count the same', async () => {
    const path = join(dir, 'with-bad.html');
    const run = runCli(['--format', 'html', '--output-file', path, SEED, 'fixtures/bad/corrupt.docx', '--no-config']);
    expect(run.code).toBe(2);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(path).href);
    const summary = (await page.locator('.summary').textContent()) ?? '';
    const [, total, errors, warnings, infos] = /(\d+) 个问题（(\d+) 个错误，(\d+) 个警告，(\d+) 个提示）/.exec(summary)!.map(Number);
    const count = async (selector: string): Promise<number> => Number(await page.locator(selector).textContent());
    expect(await count('input[data-filter="severity"][value="error"] ~ .c')).toBe(errors);
    expect(await count('input[data-filter="severity"][value="warning"] ~ .c')).toBe(warnings);
    expect(await count('input[data-filter="severity"][value="info"] ~ .c')).toBe(infos);
    const ruleCounts = await page.locator('input[data-filter="rule"] ~ .c').allTextContents();
    expect(ruleCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(total);
    expect(await page.locator('.findings li').count()).toBe(total);
    // The unreadable file's line is filtered like any finding.
    await page.locator('input[data-filter="rule"][value=""]').uncheck();
    expect(await page.locator('#f1 .findings li:visible').count()).toBe(0);
    await page.close();
  });
});
