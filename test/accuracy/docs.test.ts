// The accuracy block of the rule pages: `run.mjs --write-docs` writes each group's measured figures at the end of
// docs/rules/<id>.md and touches nothing else there; `--check` finds a page whose block is not the figures now.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script of the harness, without types
import { staleDocs, writeDocs } from '../../scripts/accuracy/docs.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = ['boilerplate', 'preamble', 'closing-slogan', 'typo', 'placeholder', 'heading-sequence', 'heading-format'];

describe('rule pages quote the measured figures', () => {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/accuracy/run.mjs'), '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const report = JSON.parse(out);
  const tmp = mkdtempSync(path.join(tmpdir(), 'wenfeng-docs-'));
  mkdirSync(path.join(tmp, 'docs/rules'), { recursive: true });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  // The pages as their authors wrote them, without the block.
  const bare = new Map<string, string>();
  for (const id of PAGES) {
    const text = readFileSync(path.join(ROOT, 'docs/rules', `${id}.md`), 'utf8').replace(/\n*<!-- accuracy:begin -->[\s\S]*?<!-- accuracy:end -->\n*/, '\n');
    bare.set(id, text);
    writeFileSync(path.join(tmp, 'docs/rules', `${id}.md`), text);
  }

  it('a page without a block is stale; writing appends the block and keeps the page before it byte for byte', () => {
    expect(staleDocs(tmp, report)).toHaveLength(PAGES.length);
    expect(writeDocs(tmp, report)).toHaveLength(PAGES.length);
    for (const id of PAGES) {
      const text = readFileSync(path.join(tmp, 'docs/rules', `${id}.md`), 'utf8');
      expect(text.startsWith(bare.get(id)!), id).toBe(true);
      expect(text.trimEnd().endsWith('<!-- accuracy:end -->'), id).toBe(true);
    }
    expect(staleDocs(tmp, report)).toEqual([]);
    expect(writeDocs(tmp, report)).toEqual([]);
  });

  it('each page carries its group’s recall and precision on held-out, once-only and dev, and its own false alarms', () => {
    const page = readFileSync(path.join(tmp, 'docs/rules/placeholder.md'), 'utf8');
    const blank = report.sets.heldout.groups.blank;
    expect(page).toContain(`| held-out | ${report.sets.heldout.drafts} | ${report.sets.heldout.chars.toLocaleString('en-US')} | ${blank.truth} | ${blank.found} | ${blank.recall.toFixed(2)} |`);
    expect(page).toMatch(/\| once-only \|[^\n]*\n\| development \|/);
    // 套话 is one group of three rules: each of their pages says so.
    for (const id of ['boilerplate', 'preamble', 'closing-slogan']) {
      expect(readFileSync(path.join(tmp, 'docs/rules', `${id}.md`), 'utf8')).toContain('`boilerplate`, `preamble` and `closing-slogan` are scored together');
    }
  });

  it('a block whose figures differ from the measurement is reported, and rewriting replaces only the block', () => {
    const file = path.join(tmp, 'docs/rules/typo.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/\| held-out \| (\d+) /, (_, d) => `| held-out | ${Number(d) + 1} `));
    expect(staleDocs(tmp, report)).toEqual(['docs/rules/typo.md: its accuracy block differs from the figures now']);
    expect(writeDocs(tmp, report)).toEqual(['docs/rules/typo.md']);
    expect(readFileSync(file, 'utf8')).toBe(good);
  });
});
