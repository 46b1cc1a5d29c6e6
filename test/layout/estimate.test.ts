// estimatePages: the dispatch (PDF exact, .docx layout, text page model, --render), the text page
// model, the PDF page counter and the LibreOffice render.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document, Paragraph } from '../../src/document/model.js';
import { estimatePages } from '../../src/layout/estimate.js';
import { pdfPageCount } from '../../src/layout/pdf-page-count.js';
import { findSoffice, renderPages, takeRenderNotice } from '../../src/layout/render.js';
import { estimateTextPages, GB9704_TEXT_PAGE } from '../../src/layout/text-pages.js';
import { facts, han, para } from './facts.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const LAYOUT = path.join(ROOT, 'fixtures', 'layout');

function doc(paragraphs: Partial<Paragraph>[], extra: Partial<Document> = {}): Document {
  return {
    path: 'draft.txt',
    format: 'txt',
    paragraphs: paragraphs.map((p, index) => ({ index, text: '', norm: p.text ?? '', kind: 'body', ...p })),
    warnings: [],
    hasText: true,
    ...extra,
  };
}

describe('text page model (GB/T 9704: 22 lines × 28 characters)', () => {
  it('lays a body paragraph 28 characters a line after a 2-character indent', () => {
    const count = (n: number, lines: number) => estimateTextPages(doc(Array.from({ length: lines }, () => ({ text: han(n) }))));
    expect(count(26, 22).count).toBe(1); // 22 one-line paragraphs fill the page
    expect(count(26, 23).count).toBe(2);
    expect(count(27, 11).count).toBe(1); // 27 characters take two lines: 22 lines
    expect(count(27, 12).count).toBe(2);
  });

  it('sets the title in 2号 (20 characters a line) with a blank line after it, and skips blank lines', () => {
    const title = { text: han(30), kind: 'title' as const };
    const body = Array.from({ length: 19 }, () => ({ text: han(20) }));
    // Title 2 lines + 1 blank + 19 = 22 lines: one page; blank source lines take no room.
    expect(estimateTextPages(doc([title, { text: '' }, ...body, { text: '   ' }])).count).toBe(1);
    expect(estimateTextPages(doc([title, ...body, { text: han(5) }])).count).toBe(2);
  });

  it('is configurable', () => {
    const paragraphs = Array.from({ length: 30 }, () => ({ text: han(10) }));
    expect(estimateTextPages(doc(paragraphs)).count).toBe(2);
    expect(estimateTextPages(doc(paragraphs), { ...GB9704_TEXT_PAGE, linesPerPage: 30 }).count).toBe(1);
    const r = estimateTextPages(doc(paragraphs));
    expect(r).toMatchObject({ method: 'text', exact: false });
    expect(r.lastPageFill).toBeCloseTo(8 / 22, 1);
  });
});

describe('estimatePages', () => {
  it('returns the pages a PDF has', async () => {
    const pages = { count: 3, method: 'pdf' as const, exact: true };
    expect(await estimatePages(doc([], { format: 'pdf', pages }))).toBe(pages);
  });

  it('lays out a .docx from its facts, with the saved count beside it', async () => {
    const layout = { ...facts(Array.from({ length: 30 }, () => para(han(10)))), savedByProgram: 9 };
    const r = await estimatePages(doc([], { format: 'docx', layout }));
    expect(r).toMatchObject({ count: 2, method: 'layout', exact: false, savedByProgram: 9 });
  });

  it('falls back to the layout estimate when --render cannot run LibreOffice, and says so once', async () => {
    const layout = facts([para(han(10))]);
    takeRenderNotice(); // clear what an earlier test may have left
    const d = doc([], { format: 'docx', layout });
    const r = await estimatePages(d, { render: true, absPath: '/nonexistent/draft.docx', renderOptions: { soffice: '/nonexistent/soffice' } });
    expect(r.method).toBe('layout');
    const again = await estimatePages(d, { render: true, absPath: '/nonexistent/draft.docx', renderOptions: { soffice: '/nonexistent/soffice' } });
    expect(again.method).toBe('layout');
    const notice = takeRenderNotice();
    expect(notice?.en).toMatch(/--render could not use LibreOffice/);
    expect(takeRenderNotice()).toBeUndefined();
  });
});

describe('PDF page count', () => {
  it('reads /Count of the trailer root’s page tree', () => {
    for (const [file, pages] of [['report-9-pages.pdf', 9], ['report-7-pages.pdf', 7]] as const) {
      expect(pdfPageCount(readFileSync(path.join(LAYOUT, file)))).toBe(pages);
    }
    const tiny = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\nendobj\ntrailer\n<< /Size 5 /Root 1 0 R >>\n%%EOF\n';
    expect(pdfPageCount(new TextEncoder().encode(tiny))).toBe(2);
    expect(pdfPageCount(new TextEncoder().encode('not a pdf'))).toBeUndefined();
  });
});

const soffice = findSoffice();
describe.skipIf(!soffice)('--render with LibreOffice', () => {
  it('converts a copy in a private temporary directory and counts the pages', async () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('wenfeng-render-')).length;
    const file = path.join(LAYOUT, 'report-7-pages.docx');
    expect(existsSync(file)).toBe(true);
    const r = await renderPages(file, false);
    expect(r).toMatchObject({ count: 7, method: 'render', exact: false });
    expect(r.note).toBeUndefined();
    const grid = await renderPages(file, true);
    expect(grid.note).toMatch(/28-character grid/);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('wenfeng-render-')).length).toBe(before);
  }, 120_000);
});
