// Mutated fixtures must never crash or hang the engine: every outcome is findings or one fatal message.
// WENFENG_FUZZ=<n> runs more inputs (CI runs the default).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LintSession } from '../../src/engine/session.js';
import { inputEntries } from '../../src/zip/write.js';
import { writeZip as makeZip } from '../../src/zip/write.js';
import { inflateRawSync } from 'node:zlib';
import { DEFAULT_TIME_LIMIT, timeLimitMs } from '../../src/engine/timeout.js';

const ROOT = join(import.meta.dirname, '../..');
const ITERATIONS = Number(process.env.WENFENG_FUZZ ?? 2000);
/** The engine abandons a draft at its time limit; the test allows a little scheduling slack beyond it. */
const limitFor = (bytes: Uint8Array, name: string): number => timeLimitMs(DEFAULT_TIME_LIMIT, bytes.length, name) + 3000;

const SOURCES = [
  'fixtures/seeds/002-city-report.docx',
  'fixtures/seeds/003-news.docx',
  'fixtures/good/good-notice.docx',
  'fixtures/seeds/003-news.pdf',
  'fixtures/good/good-report.pdf',
  'fixtures/seeds/001-province-measures-trad.txt',
  'fixtures/encodings/002-city-report.gb18030.txt',
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
];

test(`fuzz: ${ITERATIONS} mutated inputs, no crash, no hang, findings or one fatal message`, async () => {
  const session = new LintSession({ cwd: ROOT, useConfig: false });
  const r = rng(20261123);
  const outcomes = { fatal: 0, findings: 0 };
  for (let i = 0; i < ITERATIONS; i++) {
    const source = SOURCES[i % SOURCES.length]!;
    const applicable = MUTATIONS.filter(([, , fits]) => fits(source.name));
    const [kind, mutate] = applicable[Math.floor(r() * applicable.length)]!;
    const input = mutate(source.bytes, r);
    const label = `#${i} ${kind} of ${source.name}`;
    const started = performance.now();
    let result;
    try {
      result = await session.lintBytes(input, source.name);
    } catch (error) {
      throw new Error(`${label}: uncaught ${String((error as Error)?.stack ?? error)}`);
    }
    const ms = performance.now() - started;
    expect(ms, `${label} took ${ms.toFixed(0)} ms`).toBeLessThan(limitFor(input, source.name));
    if (result.fatal) {
      expect(result.messages, label).toHaveLength(1);
      expect(result.messages[0]!.ruleId, label).toBeNull();
      expect(result.messages[0]!.message, label).not.toMatch(/\n/);
      outcomes.fatal++;
    } else {
      expect(result.crashed, `${label}: a rule crashed: ${result.messages.filter((m) => /运行出错/.test(m.message)).map((m) => m.message).join('; ')}`).toBeFalsy();
      outcomes.findings++;
    }
  }
  console.log(`fuzz: ${ITERATIONS} inputs — ${outcomes.findings} read with findings, ${outcomes.fatal} refused with one message`);
}, 900_000);
