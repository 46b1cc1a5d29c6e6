// The text page estimate lays a plain-text draft out by the one case of the .docx layout it needs
// (layoutTextFacts); it must give what the whole .docx layout (layoutDocx, Word's profile) gives for the same
// facts — page count and last-page fill, to the last bit — on real drafts and on text made to hit the line
// breaker's corners (避头尾, hanging punctuation, Latin words, autospace, tabs, astral characters).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Paragraph } from '../../src/document/model.js';
import { layoutDocx, WORD } from '../../src/layout/docx/index.js';
import { GB9704_TEXT_PAGE, layoutTextFacts, textLayoutFacts, type TextPageModel } from '../../src/layout/text-pages.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function paragraphs(lines: string[]): Paragraph[] {
  let titled = false;
  return lines.map((text, index) => {
    const trimmed = text.trim();
    let kind: Paragraph['kind'] = 'body';
    if (trimmed && !titled) {
      kind = 'title';
      titled = true;
    } else if (/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(trimmed) && trimmed.length < 30) kind = 'heading';
    return { index, text, norm: text, kind };
  });
}

function same(ps: Paragraph[], model: TextPageModel = GB9704_TEXT_PAGE): void {
  const facts = textLayoutFacts(ps, model);
  if (!facts.blocks.length) return;
  const full = layoutDocx(facts, { profile: WORD });
  const text = layoutTextFacts(facts);
  expect({ pages: text.pages, fill: text.lastPageFill }).toEqual({ pages: full.pages, fill: full.lastPageFill });
}

/** A seeded PRNG, so a failure names the text it failed on. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理';
const PIECES = [
  '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '】', '”', '’', '…', '—', '·', '～',
  '（', '《', '「', '『', '【', '〔', '“', '‘', '(', '[', '{', '$', '￥',
  ',', '.', ';', ':', '?', '!', ')', ']', '%', '％', '．',
  'a', 'Z', 'x', 'GB', 'T', 'Word', 'https://example.org/a/b', 'ISO9001', '2024', '12', '3.5', '100%', '0', '9',
  ' ', ' ', '\u3000', '\t', '\u00a0', '\u200b', '\ufeff', '\u0001', '\u007f',
  '𠀀', '𡈼', 'é', 'ß', 'Ω', '①', '※', '℃', '№', 'Ⅰ', '■', '→', 'ア', '한', 'ｱ', '･',
];

describe('the text page estimate and the .docx layout agree', () => {
  test('on the drafts of fixtures/ (.txt and .md), whole and paragraph by paragraph', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(?:txt|md)$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(ROOT, 'fixtures'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      const ps = paragraphs(lines);
      same(ps);
      same(ps, { ...GB9704_TEXT_PAGE, charsPerLine: 27, linesPerPage: 30 });
      for (const p of ps) if (p.text.trim()) same([{ ...p, index: 0 }]);
    }
  });

  test('on made-up text with every kind of character the line breaker treats apart', () => {
    const next = random(9704);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
    const models: TextPageModel[] = [
      GB9704_TEXT_PAGE,
      { ...GB9704_TEXT_PAGE, charsPerLine: 29 },
      { ...GB9704_TEXT_PAGE, charsPerLine: 24, indentChars: 0 },
      { ...GB9704_TEXT_PAGE, charsPerLine: 33, indentChars: -1, linesPerPage: 5 },
      { ...GB9704_TEXT_PAGE, linesPerPage: 3, linesAfterTitle: 2 },
    ];
    for (let d = 0; d < 400; d++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(next() * 12);
      for (let l = 0; l < count; l++) {
        const r = next();
        if (r < 0.15) lines.push(`${pick(['一、', '二、', '（一）', '（三）'])}${COMMON.slice(0, Math.floor(next() * 40))}${pick(PIECES)}`);
        else if (r < 0.2) lines.push('');
        else {
          let text = '';
          const length = Math.floor(next() * 160);
          for (let k = 0; k < length; k++) text += next() < 0.6 ? COMMON[Math.floor(next() * COMMON.length)]! : pick(PIECES);
          lines.push(text);
        }
      }
      const ps = paragraphs(lines);
      for (const model of models) same(ps, model);
    }
  });
});
