// Mutated fixtures must never crash or hang the engine, nor be written to: every outcome is findings or
// one fatal message, never a time-out or a worker out of memory. Each input is a file checked the way
// the CLI checks it (the built bundle, every draft in a worker that can be stopped).
// WENFENG_FUZZ=<n> runs more inputs (CI runs the default).
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inputEntries, writeZip as makeZip } from '../../src/zip/write.js';
import { editDocumentXml, mutateSections, mutateTables } from '../helpers/docx-mutations.js';
import { inflateRawSync } from 'node:zlib';
import type { FileResult } from '../../src/engine/result.js';
import type { LintSession as Session, SessionOptions } from '../../src/engine/session.js';

const ROOT = join(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/index.js');
const ITERATIONS = Number(process.env.WENFENG_FUZZ ?? 300);
// A long run can be split: WENFENG_FUZZ_FROM=<i> generates (and skips) the inputs before #i, so the rest is
// the same sequence a single run would check.
const FROM = Number(process.env.WENFENG_FUZZ_FROM ?? 0);
const BATCH = 50;

const SOURCES = [
  'fixtures/seeds/002-city-report.docx',
  'fixtures/seeds/003-news.docx',
  'fixtures/good/good-notice.docx',
  'fixtures/seeds/003-news.pdf',
  'fixtures/good/good-report.pdf',
  'fixtures/seeds/001-province-measures-trad.txt',
  'fixtures/encodings/002-city-report.gb18030.txt',
  'fixtures/layout/table-spanning.docx',
  'fixtures/layout/table-cantsplit.docx',
  'fixtures/layout/table-long-cells.docx',
  'fixtures/layout/mixed-report.docx',
  'fixtures/layout/sections-sizes.docx',
  'fixtures/layout/sections-margins.docx',
].map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(join(ROOT, p))) }));

/** A small deterministic generator, so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

type Mutation = (bytes: Uint8Array, r: () => number) => Uint8Array;

const flipBytes: Mutation = (b, r) => {
  const out = b.slice();
  const n = 1 + Math.floor(r() * 16);
  for (let i = 0; i < n; i++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  return out;
};
const truncate: Mutation = (b, r) => b.slice(0, Math.floor(r() * b.length));
const dropRange: Mutation = (b, r) => {
  const start = Math.floor(r() * b.length);
  const end = Math.min(b.length, start + 1 + Math.floor(r() * 4096));
  return new Uint8Array([...b.subarray(0, start), ...b.subarray(end)]);
};

/** Rebuilds a zip with two entries' contents swapped, or one part's XML damaged. */
function zipMutation(kind: 'swap' | 'xml'): Mutation {
  return (b, r) => {
    let parts;
    try {
      parts = inputEntries(b).map(({ entry, compressed }) => ({ name: entry.name, data: entry.method === 8 ? inflateRawSync(compressed) : Buffer.from(compressed) }));
    } catch {
      return flipBytes(b, r);
    }
    if (kind === 'swap' && parts.length > 1) {
      const i = Math.floor(r() * parts.length);
      const j = Math.floor(r() * parts.length);
      [parts[i]!.data, parts[j]!.data] = [parts[j]!.data, parts[i]!.data];
    } else {
      const xml = parts.filter((p) => p.name.endsWith('.xml'));
      const target = xml[Math.floor(r() * xml.length)];
      if (target) {
        const text = target.data.toString('utf8');
        const at = Math.floor(r() * text.length);
        const damage = ['<', '>', '</w:p>', '<w:p>', '&', '"', '<!--', ']]>', '\u0000', '<w:r><w:t>'][Math.floor(r() * 10)]!;
        target.data = Buffer.from(text.slice(0, at) + damage + text.slice(at + Math.floor(r() * 20)));
      }
    }
    return makeZip(parts);
  };
}

const MUTATIONS: Array<[string, Mutation, (name: string) => boolean]> = [
  ['flip', flipBytes, () => true],
  ['truncate', truncate, () => true],
  ['drop', dropRange, () => true],
  ['zip-swap', zipMutation('swap'), (n) => n.endsWith('.docx')],
  ['xml-damage', zipMutation('xml'), (n) => n.endsWith('.docx')],
  ['table', (b, r) => editDocumentXml(b, (xml) => mutateTables(mutateTables(xml, r), r)) ?? flipBytes(b, r), (n) => /^(table|mixed)/.test(n)],
  ['section', (b, r) => editDocumentXml(b, (xml) => mutateSections(mutateSections(xml, r), r)) ?? flipBytes(b, r), (n) => /^(sections|mixed|002|good)/.test(n)],
];

/** The families that found loops in the layout get most of the inputs made from their fixtures. */
function chooseMutation(name: string, r: () => number): [string, Mutation] {
  const applicable = MUTATIONS.filter(([, , fits]) => fits(name));
  const structural = applicable.filter(([kind]) => kind === 'table' || kind === 'section');
  const pool = structural.length && r() < 0.6 ? structural : applicable;
  const [kind, mutate] = pool[Math.floor(r() * pool.length)]!;
  return [kind, mutate];
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!existsSync(DIST))('fuzz (needs the built bundle: npm run build)', () => {
  test(`fuzz: ${ITERATIONS} mutated inputs, no crash, no hang, nothing written, findings or one fatal message`, async () => {
    const { LintSession } = (await import(DIST)) as { LintSession: new (o: SessionOptions) => Session };
    const dir = mkdtempSync(join(tmpdir(), 'wenfeng-fuzz-'));
    // The default per-file time limit: an input stopped at it is a hang of ours (pdf.js aside, below).
    const session = new LintSession({ cwd: dir, useConfig: false, concurrency: 2, isolation: 'always' });
    const r = rng(20261123);
    const outcomes: Record<string, number> = { fatal: 0, findings: 0, 'pdf.js stopped at the limit': 0 };
    const kinds: Record<string, number> = {};
    const started = performance.now();
    let passed = false;
    try {
      for (let first = 0; first < ITERATIONS; first += BATCH) {
        const batch: Array<{ file: string; label: string; hash: string }> = [];
        for (let i = first; i < Math.min(ITERATIONS, first + BATCH); i++) {
          const source = SOURCES[i % SOURCES.length]!;
          const [kind, mutate] = chooseMutation(source.name, r);
          const input = mutate(source.bytes, r);
          if (i < FROM) continue;
          const file = `${i}-${kind}-${source.name}`;
          writeFileSync(join(dir, file), input);
          batch.push({ file, label: `#${i} ${kind} of ${source.name}`, hash: sha(input) });
          kinds[kind] = (kinds[kind] ?? 0) + 1;
        }
        if (!batch.length) continue;
        const results: FileResult[] = await session.lintPaths(batch.map((b) => b.file));
        expect(results.map((x) => x.path)).toEqual(batch.map((b) => b.file));
        results.forEach((result, k) => {
          const { label, file, hash } = batch[k]!;
          if (result.fatal) {
            expect(result.messages, label).toHaveLength(1);
            expect(result.messages[0]!.ruleId, label).toBeNull();
            expect(result.messages[0]!.message, label).not.toMatch(/\n/);
            // Over the time limit, out of memory or a dead worker is a bug of ours, never a verdict on the file —
            // except inside pdf.js, which loops on some damaged PDFs: its worker is stopped at the limit (counted).
            const stopped = /处理超时|超出内存限制|线程意外退出/.test(result.messages[0]!.message);
            if (stopped && file.endsWith('.pdf') && /处理超时/.test(result.messages[0]!.message)) outcomes['pdf.js stopped at the limit']!++;
            else expect(result.messages[0]!.message, `${label}: ${file} kept for replay in ${dir}`).not.toMatch(/处理超时|超出内存限制|线程意外退出/);
            outcomes.fatal!++;
          } else {
            expect(result.crashed, `${label}: a rule crashed: ${result.messages.filter((m) => /运行出错/.test(m.message)).map((m) => m.message).join('; ')}`).toBeFalsy();
            outcomes.findings!++;
          }
          expect(sha(readFileSync(join(dir, file))), `${label}: the input changed`).toBe(hash);
          rmSync(join(dir, file));
        });
        // Long runs (WENFENG_FUZZ=10000) can be followed from another terminal.
        if (process.env.WENFENG_FUZZ_PROGRESS) appendFileSync(process.env.WENFENG_FUZZ_PROGRESS, `${new Date().toISOString()} ${first + batch.length} done ${JSON.stringify(outcomes)}\n`);
      }
      passed = true;
    } finally {
      // A failing input stays behind for replay (its path is in the failure).
      if (passed) rmSync(dir, { recursive: true, force: true });
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`fuzz: inputs #${FROM}–#${ITERATIONS - 1} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}) in ${seconds} s — ${outcomes.findings} read with findings, ${outcomes.fatal} refused with one message (${outcomes['pdf.js stopped at the limit']} of them PDFs stopped in pdf.js at the time limit), every input unchanged`);
    // Seconds per input on a loaded 2-core machine, generously: the limit is for a stuck run, not a slow one.
  }, Math.max(600_000, ITERATIONS * 3_000));
});
