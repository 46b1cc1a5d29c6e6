// The Word-like layout model, piece by piece, on hand-built DocxLayoutFacts.
import { describe, expect, it } from 'vitest';
import { charsPerLine, sectionGrid, snappedLineHeight } from '../../src/layout/docx/grid.js';
import { estimateDocxPages, layoutDocx, LIBREOFFICE, profileFor, WORD, WPS, type TraceEvent } from '../../src/layout/docx/index.js';
import type { BlockFacts, DrawingFacts } from '../../src/readers/docx/layout-facts.js';
import { facts, gbSection, han, para, run, table } from './facts.js';

const pages = (f: Parameters<typeof layoutDocx>[0], profile = WORD): number => layoutDocx(f, { profile }).pages;
function trace(f: Parameters<typeof layoutDocx>[0], profile = WORD): TraceEvent[] {
  const events: TraceEvent[] = [];
  layoutDocx(f, { profile, trace: (e) => events.push(e) });
  return events;
}

describe('document grid', () => {
  it('gives GB/T 9704 its 28 characters per line: pitch = Normal size + charSpace/4096', () => {
    // A4 with 28 + 26 mm margins: 8845 twips = 442.25 pt of text.
    const hsz = sectionGrid(gbSection(), 16);
    expect(hsz.charPitch).toBeCloseTo(16 - 842 / 4096, 6);
    expect(charsPerLine(442.25, hsz)).toBe(28);
    // The Word template's own numbers (8844 twips, charSpace −849) give 28 too.
    const gwa = sectionGrid(gbSection({ docGrid: { type: 'linesAndChars', linePitch: 595, charSpace: -849 } }), 16);
    expect(charsPerLine(442.2, gwa)).toBe(28);
    // Without the grid adjustment, 16 pt characters would fit only 27.
    expect(Math.floor(442.25 / 16)).toBe(27);
    expect(sectionGrid(gbSection({ docGrid: { type: 'lines', linePitch: 579 } }), 16).charPitch).toBeUndefined();
    expect(sectionGrid(gbSection({ docGrid: { type: 'default', linePitch: 579 } }), 16).linePitch).toBeUndefined();
  });

  it('snaps auto-spaced lines to whole rows (Word: multiple × pitch, at least the rows; WPS: rows after the multiple)', () => {
    // 3号 仿宋 single line: 1.3 × 16 = 20.8 pt → two 15.6 pt rows.
    expect(snappedLineHeight(20.8, 1, 15.6, WORD)).toBeCloseTo(31.2);
    expect(snappedLineHeight(13.65, 1.5, 15.6, WORD)).toBeCloseTo(23.4); // 五号: Word's well-known 23.4 pt
    // Where Word broke the pages of a saved file (its w:lastRenderedPageBreak marks): 11 pt text at
    // 1.25 takes 19.5 pt, 16 pt text at 1.16 stays on its two rows.
    expect(snappedLineHeight(14.3, 1.25, 15.6, WORD)).toBeCloseTo(19.5);
    expect(snappedLineHeight(20.8, 278 / 240, 15.6, WORD)).toBeCloseTo(31.2);
    expect(snappedLineHeight(20.8, 278 / 240, 15.6, WPS)).toBeCloseTo(31.2);
  });

  it('lays 28 characters a line and 22 lines a page on the GB/T 9704 grid', () => {
    // First line: 2 characters of indent + 26; then 28 a line.
    const lines = (n: number): number => trace(facts([para(han(n))]))[0]!.lines;
    expect(lines(26)).toBe(1);
    expect(lines(27)).toBe(2);
    expect(lines(26 + 28)).toBe(2);
    expect(lines(26 + 28 + 1)).toBe(3);
    const oneLiners = (n: number) => facts(Array.from({ length: n }, () => para(han(10))));
    expect(pages(oneLiners(22))).toBe(1);
    expect(pages(oneLiners(23))).toBe(2);
    expect(layoutDocx(oneLiners(11)).lastPageFill).toBeCloseTo(0.5, 1);
  });
});

describe('line breaking', () => {
  it('keeps closing punctuation off a line start: hanging it in Word, moving a character down without hanging', () => {
    // 26 ideographs fill the first line; the comma after them hangs (Word's overflowPunct default).
    const text = `${han(26)}，${han(10)}`;
    expect(trace(facts([para(text)]))[0]!.lines).toBe(2);
    const [first] = trace(facts([para(text)]))[0]!.lineTexts!;
    expect(first!.endsWith('，')).toBe(true);
    // LibreOffice (which hangs only where overflowPunct is off) carries the last ideograph down with it.
    const lo = trace(facts([para(text, { firstLineChars: undefined })], 'LibreOffice/7.4'), LIBREOFFICE)[0]!.lineTexts!;
    expect(lo[1]!.startsWith('，')).toBe(false);
  });

  it('counts half-width digits as about half a cell and keeps a number whole (Word)', () => {
    // 26 cells on the first line: 23 ideographs + "2024" (2 cells and autospace) fit.
    const e = trace(facts([para(`${han(23)}2024${han(10)}`)]))[0]!;
    expect(e.lineTexts![0]).toContain('2024');
    const f = trace(facts([para(`${han(25)}12345${han(10)}`)]))[0]!;
    // The whole number moves to the next line rather than break inside it.
    expect(f.lineTexts![1]!.startsWith('12345')).toBe(true);
  });

  it('breaks at forced line breaks and splits at page breaks', () => {
    const p = para([run(`${han(5)}${han(5)}`)], {}, { breaks: [{ type: 'line', offset: 5 }] });
    expect(trace(facts([p]))[0]!.lines).toBe(2);
    const pb = para([run(`${han(5)}${han(5)}`)], {}, { breaks: [{ type: 'page', offset: 5 }] });
    expect(pages(facts([pb]))).toBe(2);
    // A page break that ends the paragraph takes nothing of it to the next page.
    const end = para([run(han(5))], {}, { breaks: [{ type: 'page', offset: 5 }] });
    const after = facts([end, para(han(5))]);
    expect(trace(after)[1]!.page).toBe(2);
    expect(pages(facts([end]))).toBe(2);
  });

  it('takes a page break that opens a paragraph at a full page foot there, without a blank page', () => {
    // 22 lines fill the page; the next paragraph opens with a page break, then has its text.
    const full = Array.from({ length: 22 }, () => para(han(10)));
    const opening = para([run(han(5))], {}, { breaks: [{ type: 'page', offset: 0 }] });
    const t = trace(facts([...full, opening]));
    expect(t[22]!.endPage).toBe(2);
    // With room for the break's line, it stays on page 1 and the text starts page 2.
    const roomy = trace(facts([...full.slice(1), opening]));
    expect(roomy[21]!.page).toBe(1);
    expect(roomy[21]!.endPage).toBe(2);
  });
});

describe('line heights and spacing', () => {
  it('uses exact heights as given, at-least as a floor, auto from the font (1.3 × size for Chinese fonts in Word)', () => {
    const h = (over: Parameters<typeof para>[1], section = gbSection({ docGrid: { type: 'default' } })) =>
      trace(facts([[section, [para(han(5), over)]]]))[0]!.heights[0]!;
    expect(h({ lineRule: 'exact', line: 560 })).toBe(28);
    expect(h({ lineRule: 'atLeast', line: 300 })).toBeCloseTo(20.8);
    expect(h({ lineRule: 'atLeast', line: 600 })).toBe(30);
    expect(h({ lineRule: 'auto', line: 240 })).toBeCloseTo(20.8);
    expect(h({ lineRule: 'auto', line: 360 })).toBeCloseTo(31.2);
    // On a line grid an auto line takes whole rows; exact lines are not snapped.
    const grid = gbSection({ docGrid: { type: 'lines', linePitch: 312 } });
    expect(h({ lineRule: 'auto', line: 240 }, grid)).toBeCloseTo(31.2);
    expect(h({ lineRule: 'exact', line: 400 }, grid)).toBe(20);
    expect(h({ lineRule: 'auto', line: 240, snapToGrid: false }, grid)).toBeCloseTo(20.8);
  });

  it('adds space before and after, drops space before at the top of a naturally broken page', () => {
    const body = Array.from({ length: 21 }, () => para(han(10)));
    // 21 lines + a heading with 29 pt before: 22 × 28.95 + 29 > 637.8, so the heading starts page 2.
    const f = facts([...body, para(han(4), { spacingBefore: 580 })]);
    const t = trace(f);
    expect(t[21]!.page).toBe(2);
    // Its space before is dropped there: the page holds 21 more lines after it.
    const g = facts([...body, para(han(4), { spacingBefore: 580 }), ...Array.from({ length: 21 }, () => para(han(10)))]);
    expect(pages(g)).toBe(2);
  });

  it("fits LibreOffice's pages to whole grid rows", () => {
    // A 28 pt grid in a 637.8 pt text area: 22 rows (616 pt). 21 lines and a 5 pt space after fit
    // in Word (593 pt); in LibreOffice too, but a 22nd line no longer does (621 > 616).
    const grid = gbSection({ docGrid: { type: 'lines', linePitch: 560 } });
    const lines = (n: number) => Array.from({ length: n }, () => para(han(10), { line: 560 }));
    const f = (n: number) => facts([[grid, [para(han(10), { line: 560, spacingAfter: 100 }), ...lines(n)]]], 'LibreOffice');
    expect(pages(f(20), LIBREOFFICE)).toBe(1);
    expect(pages(f(21), LIBREOFFICE)).toBe(2);
    expect(pages(f(21), WORD)).toBe(1);
  });

  it('ignores spacing between paragraphs of one style with contextual spacing', () => {
    const list = (contextual: boolean) => facts(Array.from({ length: 20 }, () => para(han(10), { spacingAfter: 200, contextualSpacing: contextual }, { styleId: 'List' })));
    expect(pages(list(false))).toBe(2);
    expect(pages(list(true))).toBe(1);
  });

  it('counts lines-unit spacing as 12 pt a line without a line grid (a docGrid linePitch alone is no grid)', () => {
    // WPS writes beforeLines="20" as 48 twips on such a page: 0.2 × 12 pt.
    const noGrid = gbSection({ docGrid: { type: 'default', linePitch: 360 } });
    const f = facts([[noGrid, [para(han(4)), para(han(4), { beforeLines: 20, spacingBefore: 48, afterLines: 50, spacingAfter: 120 }), para(han(4))]]]);
    const t = trace(f);
    const exact = 28.95;
    expect(t[1]!.y - t[0]!.y).toBeCloseTo(2.4 + exact);
    expect(t[2]!.y - t[1]!.y).toBeCloseTo(6 + exact);
  });

  it('counts lines-unit spacing in grid pitches and empty paragraphs by their mark', () => {
    const f = facts([para(han(4), { beforeLines: 100, spacingBefore: 579 }), para(han(4)), para('', {}, { markSize: 44 })]);
    const t = trace(f);
    expect(t[2]!.heights[0]).toBeCloseTo(28.95);
    const auto = facts([[gbSection({ docGrid: { type: 'default' } }), [para('', { lineRule: 'auto', line: 240 }, { markSize: 44 })]]]);
    expect(trace(auto)[0]!.heights[0]).toBeCloseTo(22 * 1.3);
  });
});

describe('pagination rules', () => {
  const lines = (n: number, over = {}) => para(han(26 + 28 * (n - 1)), over);

  it('moves a keep-with-next heading to the page of what follows', () => {
    // The 3-line paragraph under widow control cannot split, so the heading goes with it.
    const f = facts([lines(20), para(han(6), { keepNext: true }), lines(3, { widowControl: true })]);
    const t = trace(f);
    expect(t[1]!.page).toBe(2);
    expect(t[2]!.page).toBe(2);
    // Without keepNext the heading stays at the foot of page 1.
    expect(trace(facts([lines(20), para(han(6)), lines(3, { widowControl: true })]))[1]!.page).toBe(1);
  });

  it('applies widow and orphan control and keepLines', () => {
    // 21 lines, then a 3-line paragraph: with widow control it cannot split 1/2, so it all moves.
    expect(trace(facts([lines(21), lines(3, { widowControl: true })]))[1]!.page).toBe(2);
    expect(trace(facts([lines(21), lines(3)]))[1]!.page).toBe(1);
    expect(trace(facts([lines(20), lines(4, { keepLines: true })]))[1]!.page).toBe(2);
    expect(trace(facts([lines(20), lines(4)]))[1]!.page).toBe(1);
  });

  it('starts a page at pageBreakBefore, once', () => {
    expect(pages(facts([para(han(5)), para(han(5), { pageBreakBefore: true })]))).toBe(2);
    expect(pages(facts([para(han(5), { pageBreakBefore: true })]))).toBe(1);
  });

  it('handles section breaks: next page, continuous, odd page inserting a blank page', () => {
    const s = (over = {}) => gbSection(over);
    expect(pages(facts([[s(), [para(han(5))]], [s(), [para(han(5))]]]))).toBe(2);
    expect(pages(facts([[s(), [para(han(5))]], [s({ start: 'continuous' }), [para(han(5))]]]))).toBe(1);
    // Continuous onto a different page size still starts a page.
    expect(pages(facts([[s(), [para(han(5))]], [s({ start: 'continuous', pageWidth: 16838, pageHeight: 11906, orientation: 'landscape' }), [para(han(5))]]]))).toBe(2);
    // Page 1, then an odd-page section: page 2 is left blank, the section starts on page 3.
    expect(pages(facts([[s(), [para(han(5))]], [s({ start: 'oddPage' }), [para(han(5))]]]))).toBe(3);
    expect(pages(facts([[s(), [para(han(5))]], [s({ start: 'evenPage' }), [para(han(5))]]]))).toBe(2);
  });

  it('gives pictures their room: inline by extent, top-and-bottom anchored before the text, wrapNone and text boxes none', () => {
    const emu = (pt: number) => pt * 12700;
    const auto = { lineRule: 'auto' as const, line: 240 };
    const inline = para([], auto, { drawings: [{ placement: 'inline', cx: emu(200), cy: emu(400), offset: 0, source: 'drawingml' }] });
    const grid = gbSection({ docGrid: { type: 'default' } });
    expect(trace(facts([[grid, [inline]]]))[0]!.heights[0]).toBeCloseTo(400);
    const anchored = (wrap: string) => para(han(5), {}, { drawings: [{ placement: 'anchored', wrap, cx: emu(200), cy: emu(600), offset: 0, source: 'drawingml' }] });
    expect(pages(facts([para(han(5)), anchored('wrapTopAndBottom')]))).toBe(2);
    expect(pages(facts([para(han(5)), anchored('wrapNone')]))).toBe(1);
    const box = para(han(5), {}, { textBoxes: Array.from({ length: 40 }, () => para(han(20))) });
    expect(pages(facts([box]))).toBe(1);
  });

  it('pushes the text by a top-and-bottom picture, its distances and its offset down the paragraph', () => {
    const emu = (pt: number) => pt * 12700;
    const room = (extra: Partial<DrawingFacts> = {}) => {
      const p = para(han(60), {}, { drawings: [{ placement: 'anchored', wrap: 'wrapTopAndBottom', cx: emu(200), cy: emu(100), offset: 0, source: 'drawingml', ...extra }] });
      const t = trace(facts([p]))[0]!;
      return t.y - t.heights.reduce((a, b) => a + b, 0);
    };
    expect(room()).toBeCloseTo(100);
    expect(room({ distance: { top: emu(6), bottom: emu(9) } })).toBeCloseTo(115);
    // 40 pt down the paragraph: its first line (28.95 pt) stays above the picture, the rest go below.
    expect(room({ positionV: { relativeFrom: 'paragraph', offset: emu(40) } })).toBeCloseTo(100 + 40 - 28.95);
    // Measured from the page, the offset does not push this paragraph's text.
    expect(room({ positionV: { relativeFrom: 'page', offset: emu(300) } })).toBeCloseTo(100);
  });
});

describe('tables', () => {
  it('wraps cell text to the column width and stacks rows', () => {
    const t = table([[han(4), han(4)], [han(30), han(4)]], {}, {});
    const e = trace(facts([t]))[0]!;
    expect(e.kind).toBe('table');
    // A 221 pt column holds 13 characters (less 2 × 5.4 pt cell margins): 30 take 3 lines.
    expect(e.heights[1]).toBeCloseTo(3 * 28.95, 1);
  });

  it('splits rows across pages unless cantSplit, and repeats header rows', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [String(i), han(6)]);
    const plain = facts([table(rows)]);
    expect(pages(plain)).toBe(2);
    // 44 one-line rows fill two pages exactly; when the first is a header row it repeats on page 2
    // and pushes the last row to a third page.
    const body = Array.from({ length: 44 }, (_, i) => [String(i), han(6)]);
    const headed = (header: boolean) => {
      const t = table(body);
      t.rows[0] = { ...t.rows[0]!, header };
      return facts([t]);
    };
    expect(pages(headed(false))).toBe(2);
    expect(pages(headed(true))).toBe(3);
    // A tall row that may split fills the page foot; one that may not moves whole.
    const tall = (cantSplit: boolean) => facts([para(han(26 + 28 * 19)), table([[han(27 * 4)]], { grid: [8845] }, { cantSplit })]);
    const split = trace(tall(false));
    const whole = trace(tall(true));
    expect(split[1]!.page).toBe(1);
    expect(whole[1]!.page).toBe(2);
  });
});

describe('tables: nested, wide, taller than a page', () => {
  const cell = (blocks: BlockFacts[]) => ({ gridSpan: 1, blocks });

  it('splits an outer row inside a nested table, between the nested rows and their lines', () => {
    // One outer row holding a heading and a 30-row nested table: taller than a page.
    const inner = table(Array.from({ length: 30 }, (_, i) => [String(i), han(6)]));
    const outer = table([['']], { grid: [8845] });
    outer.rows[0]!.cells[0] = cell([para(han(4)), inner]);
    const f = facts([para(han(10)), outer]);
    const t = trace(f);
    // 1 + 1 + 30 lines of 28.95 pt: page 1 holds 22, the rest go on page 2.
    expect(t[1]!.page).toBe(1);
    expect(pages(f)).toBe(2);
    // Before nested rows could split, the row moved whole to page 2 and ran over to page 3.
    const cant = table(Array.from({ length: 30 }, (_, i) => [String(i), han(6)]), {}, { cantSplit: true });
    const rigid = table([['']], { grid: [8845] }, { cantSplit: true });
    rigid.rows[0]!.cells[0] = cell([para(han(4)), cant]);
    expect(pages(facts([para(han(10)), rigid]))).toBe(3);
  });

  it('splits a row taller than a page between its lines from the top of the next page', () => {
    // 50 one-line paragraphs in one cell after a full page of text: 22 + 22 + 6 lines.
    const long = table([['']], { grid: [8845] });
    long.rows[0]!.cells[0] = cell(Array.from({ length: 50 }, () => para(han(10), { indentFirstLine: 0, firstLineChars: undefined })));
    const text = Array.from({ length: 22 }, () => para(han(10)));
    const t = trace(facts([...text, long]));
    expect(t[22]!.page).toBe(2);
    expect(t[22]!.endPage).toBe(4);
    expect(t[22]!.y).toBeCloseTo(6 * 28.95);
  });

  it('ends on a header row taller than the page (no room left under it on any page)', () => {
    const t = table(Array.from({ length: 6 }, () => [han(4)]), { grid: [8845] });
    t.rows[0] = { ...t.rows[0]!, header: true, height: 14000, heightRule: 'exact' };
    t.rows[1]!.cells[0] = { gridSpan: 1, blocks: Array.from({ length: 3 }, () => para(han(10), { indentFirstLine: 0, firstLineChars: undefined })) };
    const n = pages(facts([para(han(10)), t]));
    expect(n).toBeGreaterThan(2);
    expect(n).toBeLessThan(20);
  });

  it('keeps the widths of a table wider than the text block: its cells wrap at them', () => {
    // Two columns of 5000 twips (250 pt) on a 442 pt text block: 250 − 10.8 pt holds 14 characters.
    const wide = table([[han(28), han(4)]], { grid: [5000, 5000], layout: 'autofit' });
    expect(trace(facts([wide]))[0]!.heights[0]).toBeCloseTo(2 * 28.95);
  });
});

describe('profiles and the saved count', () => {
  it('picks the profile from the saving program', () => {
    expect(profileFor('Microsoft Office Word').name).toBe('word');
    expect(profileFor('WPS Office_12.1.0.24034').name).toBe('wps');
    expect(profileFor('LibreOffice/7.4.7.2$Linux_X86_64').name).toBe('libreoffice');
    expect(profileFor(undefined).name).toBe('word');
  });

  it('shows savedByProgram beside the estimate, never as it', () => {
    const f = { ...facts([para(han(10))]), savedByProgram: 37 };
    const count = estimateDocxPages(f);
    expect(count).toMatchObject({ count: 1, method: 'layout', exact: false, savedByProgram: 37 });
    expect(count.lastPageFill).toBeGreaterThan(0);
    expect(count.lastPageFill).toBeLessThan(0.1);
  });
});
