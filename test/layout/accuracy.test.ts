// The page-limit check is only as good as the page estimate. The bar:
//   - generated corpus (fixtures/layout, LibreOffice's counts): exact on ≥ 95 %, never more than one off;
//   - the page-limit fixtures report-9-pages / report-7-pages: exact;
//   - the eight real Word/WPS files (../shared/calibration, Word's counts): all within one page,
//     at least six exact;
//   - the four real files dominated by tables and pictures (../shared/calibration-tables, the saving
//     program's counts): all within one page, at least three exact.
// `npm run calibrate` prints the same comparison as tables.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusRows, formatTable, REAL_DIR, realRows, summarize, TABLES_DIR, type Row } from './calibration.js';

let corpus: Promise<Row[]> | undefined;
const corpusOnce = (): Promise<Row[]> => (corpus ??= corpusRows());

describe('page estimate accuracy', () => {
  it('matches LibreOffice on the generated corpus', async () => {
    const rows = (await corpusOnce()).filter((r) => r.set === 'corpus');
    const s = summarize(rows);
    const misses = rows.filter((r) => r.diff !== 0);
    if (misses.length) console.log(`corpus misses:\n${formatTable(misses, 'LibreOffice')}`);
    console.log(`corpus: ${s.exact}/${s.files} exact (${(s.exactRate * 100).toFixed(1)} %), largest error ${s.maxError}`);
    expect(s.files).toBeGreaterThanOrEqual(30);
    expect(s.maxError).toBeLessThanOrEqual(1);
    expect(s.exactRate).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees with LibreOffice on the page-limit fixtures (9 and 7 pages)', async () => {
    const rows = (await corpusOnce()).filter((r) => r.set === 'report');
    expect(rows.map((r) => [r.file, r.truth])).toEqual([
      ['report-7-pages.docx', 7],
      ['report-9-pages.docx', 9],
    ]);
    for (const r of rows) expect(r.estimate, r.file).toBe(r.truth);
  });

  it("is within a page of Word's count on the real Word/WPS files", async (ctx) => {
    const rows = await realRows();
    if (!rows) {
      console.log(`skipped: no calibration files at ${REAL_DIR} (set WENFENG_CALIBRATION to their folder)`);
      ctx.skip();
      return;
    }
    const s = summarize(rows);
    console.log(`${formatTable(rows, 'Word')}\nreal files: ${s.exact}/${s.files} exact, largest error ${s.maxError}`);
    expect(s.files).toBe(8);
    expect(s.maxError).toBeLessThanOrEqual(1);
    expect(s.exact).toBeGreaterThanOrEqual(6);
  });
});

const hasTables = existsSync(path.join(TABLES_DIR, 'pages.json'));
if (!hasTables) console.log(`skipped: no table-heavy calibration files at ${TABLES_DIR} (set WENFENG_CALIBRATION_TABLES)`);

describe.skipIf(!hasTables)('page estimate accuracy on documents dominated by tables and pictures', () => {
  it("is within a page of the saving program's count, and exact on at least three of four", async () => {
    const rows = (await realRows(TABLES_DIR))!;
    const s = summarize(rows);
    console.log(`${formatTable(rows, 'Word/WPS')}\ntables and pictures: ${s.exact}/${s.files} exact, largest error ${s.maxError}`);
    expect(s.files).toBe(4);
    expect(rows.every((r) => r.set === 'tables')).toBe(true);
    expect(s.maxError).toBeLessThanOrEqual(1);
    expect(s.exact).toBeGreaterThanOrEqual(3);
  });
});
