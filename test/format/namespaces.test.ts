// `wenfeng format` and `wenfeng annotate` on one LibreOffice draft whose WordprocessingML parts bind Word's
// namespace as w: (as LibreOffice wrote it), as ns0: (Python's ElementTree) and as the default namespace with
// its attributes under a prefix declared on each element (LINQ to XML): see
// scripts/make-format-namespace-fixtures.mjs. Every copy must parse with a namespace-aware parser, every prefix
// bound; what was written must be in Word's namespace; our reader must read the corrected layout back (the
// format rules find nothing left to fix) and LibreOffice must convert the copy to PDF.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, test } from 'vitest';
import { annotate } from '../../src/annotate/annotate.js';
import { buildDocument } from '../../src/document/build.js';
import { LintSession } from '../../src/engine/session.js';
import { pdfPageCount } from '../../src/layout/pdf-page-count.js';
import { readDocumentBytes } from '../../src/readers/index.js';
import { ZipArchive } from '../../src/readers/docx/zip.js';
import { reformatDocx } from '../../src/reformat/reformat.js';
import { inputEntries, writeZip } from '../../src/zip/write.js';
import { formatTargets } from '../../rules/format-targets.js';
import { ROOT, tempDir } from '../helpers/run-cli.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const VARIANTS = ['w', 'ns0', 'default'] as const;
const pathOf = (v: string): string => `fixtures/format/namespaces/namespace-${v}.docx`;
const LIMIT = 64 << 20;

interface Names {
  /** "uri local" of every element, in document order. */
  elements: string[];
  /** "uri local" of every attribute but namespace declarations. */
  attributes: string[];
  /** "prefix uri" of every namespace declaration ('' for the default namespace). */
  declarations: string[];
}

/** An XML part read the way Word reads it: namespace-aware, an unbound prefix is an error. */
function namesOf(xml: string): Names {
  const out: Names = { elements: [], attributes: [], declarations: [] };
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    out.elements.push(`${tag.uri} ${tag.local}`);
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') out.declarations.push(`${a.prefix === 'xmlns' ? a.local : ''} ${a.value}`);
      else out.attributes.push(`${a.uri} ${a.local}`);
    }
  });
  parser.write(xml).close();
  return out;
}

/** The XML parts of a package by name (lower case), as text. */
function xmlParts(bytes: Uint8Array): Map<string, string> {
  const zip = new ZipArchive(bytes, LIMIT);
  const out = new Map<string, string>();
  for (const name of zip.names()) if (/\.(xml|rels)$/i.test(name)) out.set(name.toLowerCase(), new TextDecoder().decode(zip.read(name)!));
  return out;
}

/** How many times each name occurs. */
const counts = (names: string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
  return m;
};

/**
 * What the copy has more of than the draft, part by part, outside Word's namespace: [] when every element and
 * attribute written is Word's (an r:id in the relationships namespace and xml:space aside). A part the draft
 * did not have counts from nothing.
 */
function writtenOutsideWord(draft: Uint8Array, copy: Uint8Array): string[] {
  const before = xmlParts(draft);
  const problems: string[] = [];
  for (const [name, xml] of xmlParts(copy)) {
    if (!name.startsWith('word/') || name.endsWith('.rels')) continue;
    const now = namesOf(xml);
    const was = before.has(name) ? namesOf(before.get(name)!) : { elements: [], attributes: [], declarations: [] };
    for (const [kind, key] of [['element', 'elements'], ['attribute', 'attributes']] as const) {
      const old = counts(was[key]);
      for (const [n, c] of counts(now[key])) {
        const [uri] = n.split(' ');
        if (uri === W || (kind === 'attribute' && (n === `${R} id` || n === `${XML_NS} space`))) continue;
        if (c > (old.get(n) ?? 0)) problems.push(`${name}: ${kind} {${n.replace(' ', '}')} ×${c - (old.get(n) ?? 0)}`);
      }
    }
  }
  return problems;
}

/** Every XML part that does not parse namespace-aware, with the parser's reason. */
function unparsable(bytes: Uint8Array): string[] {
  const bad: string[] = [];
  for (const [name, xml] of xmlParts(bytes)) {
    try {
      namesOf(xml);
    } catch (error) {
      bad.push(`${name}: ${(error as Error).message}`);
    }
  }
  return bad;
}

const session = (): LintSession => new LintSession({ cwd: ROOT, useConfig: false });
const drafts = new Map<string, Uint8Array>();
const formatted = new Map<string, Uint8Array>();
const annotated = new Map<string, Uint8Array>();
/** Where each variant's comments went: [id, paragraph, placement, rule]. */
const placed = new Map<string, unknown[]>();
const dir = tempDir('wenfeng-namespaces-');

beforeAll(async () => {
  for (const v of VARIANTS) {
    const path = pathOf(v);
    const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
    drafts.set(v, bytes);
    const doc = await buildDocument(await readDocumentBytes(bytes, path, { maxInflatedBytes: LIMIT }), path);
    formatted.set(v, reformatDocx(bytes, doc, formatTargets(undefined)).bytes);
    const result = await session().lintBytes(bytes, path);
    const copy = annotate(bytes, result, 'zh', new Date('2025-05-21T08:00:00Z'));
    annotated.set(v, copy.bytes);
    placed.set(v, copy.comments.map((c) => [c.id, c.paragraph, c.placement, c.message?.ruleId]));
  }
}, 120_000);

describe('the drafts: the same document under three ways of naming Word\'s namespace', () => {
  test('each parses namespace-aware and our reader reads the same text and layout from each', async () => {
    const read = await Promise.all(VARIANTS.map(async (v) => buildDocument(await readDocumentBytes(drafts.get(v)!, pathOf(v), { maxInflatedBytes: LIMIT }), pathOf(v))));
    for (const v of VARIANTS) expect(unparsable(drafts.get(v)!), v).toEqual([]);
    expect(read[1]!.paragraphs.map((p) => p.text)).toEqual(read[0]!.paragraphs.map((p) => p.text));
    expect(read[2]!.paragraphs.map((p) => p.text)).toEqual(read[0]!.paragraphs.map((p) => p.text));
    expect(read[1]!.layout).toEqual(read[0]!.layout);
    expect(read[2]!.layout).toEqual(read[0]!.layout);
    // The draft has format faults to fix, so the copy's checks below mean something.
    const [lint] = await session().lintPaths([join(ROOT, pathOf('default'))]);
    expect(new Set(lint!.messages.map((m) => m.ruleId).filter((id) => id?.startsWith('format-')))).toEqual(new Set(['format-page', 'format-fonts', 'format-paragraph', 'format-page-number']));
  });
});

describe('wenfeng format', () => {
  for (const v of VARIANTS) {
    test(`${v}: every part parses namespace-aware, everything written is in Word's namespace`, () => {
      const copy = formatted.get(v)!;
      expect(unparsable(copy)).toEqual([]);
      expect(writtenOutsideWord(drafts.get(v)!, copy)).toEqual([]);
      // The footers are new parts; the settings got w:evenAndOddHeaders (odd pages right, even left); the
      // Normal style the body font.
      const parts = xmlParts(copy);
      expect(parts.get('word/styles.xml')).not.toBe(xmlParts(drafts.get(v)!).get('word/styles.xml'));
      const footers = [...parts.keys()].filter((n) => /^word\/footer\d+\.xml$/.test(n));
      expect(footers.length).toBe(2);
      expect(namesOf(parts.get('word/settings.xml')!).elements).toContain(`${W} evenAndOddHeaders`);
      for (const f of footers) expect(namesOf(parts.get(f)!).elements[0]).toBe(`${W} ftr`);
      // Written with the prefix each part binds on its root (w:, ns0:; r:id as ns1:id); where the root binds
      // none (the default namespace), one declaration of w: on the root.
      const draftParts = xmlParts(drafts.get(v)!);
      for (const part of ['word/document.xml', 'word/styles.xml', 'word/settings.xml']) {
        const was = counts(namesOf(draftParts.get(part)!).declarations);
        const added = [...counts(namesOf(parts.get(part)!).declarations)].filter(([d, c]) => c > (was.get(d) ?? 0)).map(([d]) => d);
        expect(added, part).toEqual(v === 'default' ? [`w ${W}`] : []);
        if (v === 'default') expect(parts.get(part)!.match(/<[^?!][^>]*>/)![0]).toContain(` xmlns:w="${W}"`);
      }
    });

    test(`${v}: our reader reads the corrected layout back; the format rules find nothing left to fix`, async () => {
      const out = join(dir, `namespace-${v}.formatted.docx`);
      writeFileSync(out, formatted.get(v)!);
      const [lint] = await session().lintPaths([out]);
      expect(lint!.messages.filter((m) => m.ruleId?.startsWith('format-')).map((m) => `${m.ruleId} ${m.line} ${m.message}`)).toEqual([]);
      const texts = (b: Uint8Array) => readDocumentBytes(b, out, { maxInflatedBytes: LIMIT }).then((r) => buildDocument(r, out)).then((d) => d.paragraphs.map((p) => p.text).filter((t) => t.trim() !== ''));
      expect(await texts(formatted.get(v)!)).toEqual(await texts(drafts.get(v)!));
    });
  }

  test('the three copies read the same: the same text and layout as the copy of LibreOffice\'s own file', async () => {
    const read = await Promise.all(VARIANTS.map(async (v) => buildDocument(await readDocumentBytes(formatted.get(v)!, `${v}.docx`, { maxInflatedBytes: LIMIT }), `${v}.docx`)));
    for (const d of read.slice(1)) {
      expect(d.paragraphs.map((p) => p.text)).toEqual(read[0]!.paragraphs.map((p) => p.text));
      expect(d.layout).toEqual(read[0]!.layout);
    }
  });
});

test('format: a package whose relationships and content types take a prefix gets its new entries in their namespaces', async () => {
  // LibreOffice does not open such a package, so this one is made here from the LibreOffice draft.
  const draft = drafts.get('w')!;
  const prefixed = writeZip(
    inputEntries(draft).map(({ entry, compressed }) => {
      const raw = entry.method === 0 ? compressed : inflateRawSync(compressed);
      if (!entry.name.endsWith('.rels') && entry.name !== '[Content_Types].xml') return { name: entry.name, data: raw };
      return { name: entry.name, data: new TextDecoder().decode(raw).replace(/<(\/?)(\w+)/g, '<$1ns0:$2').replace(' xmlns=', ' xmlns:ns0=') };
    }),
  );
  const doc = await buildDocument(await readDocumentBytes(prefixed, 'prefixed.docx', { maxInflatedBytes: LIMIT }), 'prefixed.docx');
  const parts = xmlParts(reformatDocx(prefixed, doc, formatTargets(undefined)).bytes);
  const types = namesOf(parts.get('[content_types].xml')!).elements;
  const rels = namesOf(parts.get('word/_rels/document.xml.rels')!).elements;
  expect(new Set(types)).toEqual(new Set([`${CT} Types`, `${CT} Default`, `${CT} Override`]));
  expect(new Set(rels)).toEqual(new Set([`${PR} Relationships`, `${PR} Relationship`]));
  expect(parts.get('[content_types].xml')!.match(/footer\d\.xml/g)).toHaveLength(2);
  expect(parts.get('word/_rels/document.xml.rels')!.match(/footer\d\.xml/g)).toHaveLength(2);
});

describe('wenfeng annotate', () => {
  for (const v of VARIANTS) {
    test(`${v}: every part parses namespace-aware, the comment marks are Word's, one per comment`, () => {
      const copy = annotated.get(v)!;
      expect(unparsable(copy)).toEqual([]);
      expect(writtenOutsideWord(drafts.get(v)!, copy)).toEqual([]);
      const parts = xmlParts(copy);
      const comments = namesOf(parts.get('word/comments.xml')!).elements.filter((e) => e === `${W} comment`).length;
      // The summary and the typo (按排) at least.
      expect(comments).toBeGreaterThanOrEqual(2);
      const doc = namesOf(parts.get('word/document.xml')!).elements;
      for (const mark of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) expect(doc.filter((e) => e === `${W} ${mark}`).length, mark).toBe(comments);
    });
  }
});

test('annotate: a copy whose comments part is in the default namespace gets its new comments there, each declaring w:', async () => {
  // The default-namespace copy's comments.xml rewritten as LINQ to XML writes it, then annotated again.
  const first = annotated.get('default')!;
  const toDefault = (xml: string): string =>
    xml.replace(/<[^?!][^>]*>/g, (tag) => {
      let t = tag.replace(/^(<\/?)w:/, '$1').replace(` xmlns:w="${W}"`, ` xmlns="${W}"`);
      if (/\sw:[\w.-]+=/.test(t)) t = t.replace(/\sw:([\w.-]+=)/g, ' p1:$1').replace(/^(<[^\s/>]+)/, `$1 xmlns:p1="${W}"`);
      return t;
    });
  const bytes = writeZip(
    inputEntries(first).map(({ entry, compressed }) => {
      const raw = entry.method === 0 ? compressed : inflateRawSync(compressed);
      return { name: entry.name, data: entry.name === 'word/comments.xml' ? toDefault(new TextDecoder().decode(raw)) : raw };
    }),
  );
  const before = xmlParts(bytes).get('word/comments.xml')!;
  expect(before).toMatch(/^<\?xml[^>]*\?>\s*<comments xmlns="/);
  const result = await session().lintBytes(bytes, 'again.docx');
  const again = annotate(bytes, result, 'zh', new Date('2025-05-22T08:00:00Z'));
  expect(unparsable(again.bytes)).toEqual([]);
  expect(writtenOutsideWord(bytes, again.bytes)).toEqual([]);
  const comments = namesOf(xmlParts(again.bytes).get('word/comments.xml')!).elements.filter((e) => e === `${W} comment`).length;
  expect(comments).toBe(placed.get('default')!.length + again.comments.length);
});

test('annotate: the three copies carry the same comments at the same places, the typo\'s on its text', () => {
  expect(placed.get('ns0')).toEqual(placed.get('w'));
  expect(placed.get('default')).toEqual(placed.get('w'));
  expect(placed.get('w')).toContainEqual([expect.any(Number), expect.any(Number), 'exact', 'typo']);
});

describe.skipIf(!SOFFICE)('LibreOffice opens every copy', () => {
  test('converts each to PDF, and reads the ns0: and default-namespace copies exactly as the w: one', () => {
    const files: string[] = [];
    for (const v of VARIANTS) {
      for (const [kind, bytes] of [['formatted', formatted.get(v)!], ['annotated', annotated.get(v)!]] as const) {
        const file = join(dir, `namespace-${v}.${kind}.docx`);
        writeFileSync(file, bytes);
        files.push(file);
      }
    }
    for (const to of ['pdf', 'fodt']) {
      const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', to, '--outdir', join(dir, to), ...files], { encoding: 'utf8', timeout: 300_000 });
      expect(r.status, r.stderr).toBe(0);
    }
    const converted = (v: string, kind: string, to: string): string => join(dir, to, `namespace-${v}.${kind}.${to}`);
    for (const f of files) expect(pdfPageCount(new Uint8Array(readFileSync(f.replace(dir, join(dir, 'pdf')).replace(/\.docx$/, '.pdf'))))).toBeGreaterThan(0);
    // LibreOffice's own reading, written as flat ODF from the fonts and styles on (its meta data has the file's name and
    // time): the same for every prefix, comment names aside (LibreOffice numbers them afresh).
    const reading = (v: string, kind: string): string => {
      const flat = readFileSync(converted(v, kind, 'fodt'), 'utf8');
      expect(flat).toMatch(/<office:font-face-decls>[\s\S]*<office:styles>[\s\S]*<office:body>/);
      return flat.slice(flat.indexOf('<office:font-face-decls>')).replace(/__Annotation__\d+_\d+/g, '__Annotation__');
    };
    for (const kind of ['formatted', 'annotated']) {
      for (const v of ['ns0', 'default']) expect(reading(v, kind) === reading('w', kind), `${v} ${kind}`).toBe(true);
    }
    // Every comment written is one LibreOffice imports.
    expect((reading('default', 'annotated').match(/<office:annotation[ >]/g) ?? []).length).toBe(placed.get('default')!.length);
  }, 300_000);
});
