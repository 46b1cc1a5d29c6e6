import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../src/readers/decode-text.js';
import { readMd, readTxt } from '../../src/readers/text.js';
import { ReadError } from '../../src/readers/types.js';

const FIX = join(import.meta.dirname, '../../fixtures');
const utf8 = (name: string): string => readFileSync(join(FIX, 'seeds', name), 'utf8');
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIX, path)));
const opts = { maxInflatedBytes: 1e8 };

describe('encodings', () => {
  test('GB18030 decodes to the UTF-8 seed', async () => {
    const d = await decodeText(bytes('encodings/002-city-report.gb18030.txt'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(utf8('002-city-report.txt'));
  });

  test('UTF-16LE without BOM decodes to the UTF-8 seed', async () => {
    const d = await decodeText(bytes('encodings/000-moj-jianfu.utf16le.txt'));
    expect(d.encoding).toBe('utf-16');
    expect(d.text).toBe(utf8('000-moj-jianfu.txt'));
  });

  test('UTF-8 with BOM drops the BOM', async () => {
    const d = await decodeText(bytes('encodings/003-news.utf8bom.txt'));
    expect(d.text).toBe(utf8('003-news.txt'));
  });

  test('Big5 decodes to the traditional seed (less the pinyin letters Big5 cannot hold)', async () => {
    const d = await decodeText(bytes('encodings/001-province-measures-trad.big5.txt'));
    expect(d.encoding).toBe('big5');
    const dropPinyin = (s: string): string => s.replace(/[ùàǒèǎāéīáòíōū]/g, '');
    expect(dropPinyin(d.text)).toBe(dropPinyin(utf8('001-province-measures-trad.txt')));
  });

  test('a UTF-8 text cut in the middle of a character is still UTF-8', async () => {
    const full = bytes('seeds/002-city-report.txt');
    const d = await decodeText(full.subarray(0, 6000));
    expect(d.encoding).toBe('utf-8');
    expect(utf8('002-city-report.txt').startsWith(d.text)).toBe(true);
  });

  test('bytes in no detectable encoding are refused with a clear error', async () => {
    let seed = 7;
    const noise = new Uint8Array(4000).map(() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), 0x80 + (seed % 0x7f)));
    await expect(decodeText(noise)).rejects.toThrow(ReadError);
    await expect(decodeText(noise)).rejects.toMatchObject({ code: 'encoding-unknown' });
  });
});

describe('paragraph kinds', () => {
  test('txt: the title line, headings, body; one paragraph per line', async () => {
    const r = await readTxt(bytes('seeds/002-city-report.txt'), 'x.txt', opts);
    expect(r.title).toBe('关于2023年整治形式主义为基层减负工作情况的报告');
    expect(r.paragraphs.length).toBe(utf8('002-city-report.txt').trimEnd().split('\n').length);
    expect(r.paragraphs.find((p) => p.text.startsWith('一、'))).toMatchObject({ kind: 'heading', level: 1 });
    expect(r.paragraphs.every((p, i) => p.sourceLine === i + 1)).toBe(true);
  });

  test('md: headings, lists and markup offsets', async () => {
    const md = '# 关于做好检查的通知\n\n## 一、总体要求\n\n- 每月检查一次\n1. 报送材料\n\n> 引用的正文\n\n```\n代码块不检查\n```\n';
    const r = await readMd(new TextEncoder().encode(md), 'x.md', opts);
    expect(r.title).toBe('关于做好检查的通知');
    const by = (t: string) => r.paragraphs.find((p) => p.text === t);
    expect(by('一、总体要求')).toMatchObject({ kind: 'heading', level: 2, sourceLine: 3, sourceOffset: 3 });
    expect(by('每月检查一次')).toMatchObject({ kind: 'list-item', sourceOffset: 2 });
    expect(by('报送材料')).toMatchObject({ kind: 'list-item', sourceOffset: 3 });
    expect(by('引用的正文')).toMatchObject({ sourceOffset: 2 });
    expect(r.paragraphs.some((p) => p.text.includes('代码块'))).toBe(false);
  });
});
