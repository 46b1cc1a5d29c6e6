// The .docx reader's leftover facts: tracked changes, comments, highlight, hidden text and content-control
// placeholders as marks on paragraphs (offsets in the paragraph's text), and personal properties.
import { describe, expect, it } from 'vitest';
import type { TextMark } from '../../src/document/model.js';
import { readDocx } from '../../src/readers/docx/index.js';
import type { ReadResult } from '../../src/readers/types.js';
import { makeDocx } from '../helpers/minimal-docx.js';
import type { ZipPart as ZipInput } from '../../src/zip/write.js';

const OPTIONS = { maxInflatedBytes: 64 * 1024 * 1024 };
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const para = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const run = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const by = (who: string, when = '2024-05-06T09:30:00Z'): string => `w:id="9" w:author="${who}" w:date="${when}"`;

const read = (body: string, extra: ZipInput[] = []): Promise<ReadResult> => readDocx(makeDocx(body, extra), 'x.docx', OPTIONS);
/** Each mark with the text it covers, for readable expectations. */
const marksOf = (r: ReadResult, i: number) =>
  (r.paragraphs[i]!.marks ?? []).map((m: TextMark) => ({ ...m, covers: r.paragraphs[i]!.text.slice(m.start, m.end) }));

describe('docx reader: tracked changes as marks', () => {
  it('an insertion covers its text, a deletion stands where its text was and quotes it', async () => {
    const r = await read(
      para(`${run('决定于')}<w:ins ${by('王科长')}>${run('5月')}${run('下旬')}</w:ins>${run('开展检查。')}<w:del ${by('王科长')}><w:r><w:delText>请高度重视。</w:delText></w:r></w:del>`),
    );
    expect(r.paragraphs[0]!.text).toBe('决定于5月下旬开展检查。');
    expect(marksOf(r, 0)).toEqual([
      { type: 'insertion', start: 3, end: 7, author: '王科长', date: '2024-05-06T09:30:00Z', covers: '5月下旬' },
      { type: 'deletion', start: 12, end: 12, author: '王科长', date: '2024-05-06T09:30:00Z', text: '请高度重视。', covers: '' },
    ]);
  });

  it('changes by different people stay apart; moves and formatting changes are marked too', async () => {
    const r = await read(
      para(`<w:ins ${by('甲')}>${run('一')}</w:ins><w:ins ${by('乙')}>${run('二')}</w:ins>`) +
        para(`<w:moveFrom ${by('甲')}>${run('旧处')}</w:moveFrom>${run('正文')}<w:moveTo ${by('甲')}>${run('新处')}</w:moveTo>`) +
        para(run('加粗了', `<w:b/><w:rPrChange ${by('乙')}><w:rPr/></w:rPrChange>`), `<w:pPrChange ${by('丙')}><w:pPr/></w:pPrChange>`),
    );
    expect(marksOf(r, 0).map((m) => [m.type, m.author, m.covers])).toEqual([
      ['insertion', '甲', '一'],
      ['insertion', '乙', '二'],
    ]);
    expect(marksOf(r, 1).map((m) => [m.type, m.start, m.text ?? m.covers])).toEqual([
      ['move-from', 0, '旧处'],
      ['move-to', 2, '新处'],
    ]);
    expect(marksOf(r, 2).map((m) => [m.type, m.author, m.covers])).toEqual([
      ['format-change', '乙', '加粗了'],
      ['format-change', '丙', '加粗了'],
    ]);
  });

  it('a deleted paragraph mark is a deletion where the two paragraphs join', async () => {
    const r = await read(para(run('上半'), `<w:rPr><w:del ${by('甲')}/></w:rPr>`) + para(run('下半')));
    expect(r.paragraphs.map((p) => p.text)).toEqual(['上半下半']);
    expect(marksOf(r, 0).map((m) => [m.type, m.start, m.text])).toEqual([['deletion', 2, '']]);
  });

  it('offsets count the generated list number in front of the text', async () => {
    const numbering: ZipInput = {
      name: 'word/numbering.xml',
      data: `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    };
    const r = await read(para(`${run('总体')}<w:ins ${by('甲')}>${run('要求')}</w:ins>`, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'), [numbering]);
    expect(r.paragraphs[0]!.text).toBe('一、总体要求');
    expect(marksOf(r, 0).map((m) => m.covers)).toEqual(['要求']);
  });

  it('a whole paragraph inserted at block level is marked', async () => {
    const r = await read(`<w:ins ${by('甲')}>${para(run('新增一段。'))}</w:ins>` + para(run('原有一段。')));
    expect(marksOf(r, 0).map((m) => [m.type, m.covers])).toEqual([['insertion', '新增一段。']]);
    expect(r.paragraphs[1]!.marks).toBeUndefined();
  });
});

describe('docx reader: comments as marks', () => {
  const comments = (xml: string): ZipInput => ({ name: 'word/comments.xml', data: `<w:comments xmlns:w="${W}">${xml}</w:comments>` });

  it('a comment covers its range and carries its author, date and text from comments.xml', async () => {
    const r = await read(
      para(`${run('办公楼、')}<w:commentRangeStart w:id="0"/>${run('档案室')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${run('、食堂。')}`),
      [comments(`<w:comment w:id="0" w:author="李处长" w:date="2024-05-07T10:00:00Z"><w:p>${run('是否保留？')}</w:p><w:p>${run('请核实')}</w:p></w:comment>`)],
    );
    expect(marksOf(r, 0)).toEqual([{ type: 'comment', start: 4, end: 7, author: '李处长', date: '2024-05-07T10:00:00Z', text: '是否保留？ 请核实', covers: '档案室' }]);
  });

  it('a comment running into the next paragraph is marked to the end of its first; one with no range at its reference', async () => {
    const r = await read(
      para(`${run('甲段')}<w:commentRangeStart w:id="1"/>${run('开始')}`) +
        para(`${run('乙段')}<w:commentRangeEnd w:id="1"/>`) +
        para(`${run('丙段')}<w:r><w:commentReference w:id="2"/></w:r>${run('后文')}`),
      [comments(`<w:comment w:id="1" w:author="甲"><w:p>${run('长批注')}</w:p></w:comment><w:comment w:id="2" w:author="乙"><w:p>${run('点批注')}</w:p></w:comment>`)],
    );
    expect(marksOf(r, 0).map((m) => [m.covers, m.text])).toEqual([['开始', '长批注']]);
    expect(r.paragraphs[1]!.marks).toBeUndefined();
    expect(marksOf(r, 2).map((m) => [m.start, m.end, m.author])).toEqual([[2, 2, '乙']]);
  });
});

describe('docx reader: highlight, hidden text, control placeholders', () => {
  it('highlight and coloured shading are marked; none, auto and white shading are not', async () => {
    const r = await read(
      para(
        run('黄', '<w:highlight w:val="yellow"/>') +
          run('无', '<w:highlight w:val="none"/>') +
          run('底纹', '<w:shd w:val="clear" w:color="auto" w:fill="B9D7EA"/>') +
          run('白', '<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/>') +
          run('自动', '<w:shd w:val="clear" w:color="auto" w:fill="auto"/>'),
      ),
    );
    expect(marksOf(r, 0).map((m) => [m.color, m.covers])).toEqual([
      ['yellow', '黄'],
      ['B9D7EA', '底纹'],
    ]);
  });

  it('hidden text (w:vanish, w:specVanish, or from a character style) is marked; visible text is not', async () => {
    const styles: ZipInput = {
      name: 'word/styles.xml',
      data: `<w:styles xmlns:w="${W}"><w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>`,
    };
    const r = await read(para(run('看得见') + run('藏一', '<w:vanish/>') + run('藏二', '<w:specVanish/>') + run('又见') + run('藏三', '<w:rStyle w:val="Secret"/>') + run('关', '<w:vanish w:val="0"/>')), [styles]);
    expect(marksOf(r, 0).map((m) => [m.type, m.covers])).toEqual([
      ['hidden', '藏一藏二'],
      ['hidden', '藏三'],
    ]);
  });

  it("a content control showing its placeholder is marked, inline and at block level", async () => {
    const sdt = (inner: string, showing: boolean) => `<w:sdt><w:sdtPr>${showing ? '<w:showingPlcHdr/>' : ''}</w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const r = await read(para(run('联系人：') + sdt(run('单击或点击此处输入文字。'), true)) + sdt(para(run('输入日期。')), true) + para(run('电话：') + sdt(run('12345'), false)));
    expect(marksOf(r, 0).map((m) => [m.type, m.covers])).toEqual([['control-placeholder', '单击或点击此处输入文字。']]);
    expect(marksOf(r, 1).map((m) => [m.type, m.covers])).toEqual([['control-placeholder', '输入日期。']]);
    expect(r.paragraphs[2]!.marks).toBeUndefined();
  });
});

describe('docx reader: personal properties', () => {
  it('reads creator, last saver, company and manager; leaves out empty ones', async () => {
    const core: ZipInput = {
      name: 'docProps/core.xml',
      data: '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>王小明</dc:creator><cp:lastModifiedBy> </cp:lastModifiedBy></cp:coreProperties>',
    };
    const app: ZipInput = {
      name: 'docProps/app.xml',
      data: '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>某某局</Company><Manager></Manager></Properties>',
    };
    expect((await read(para(run('正文')), [core, app])).properties).toEqual({ creator: '王小明', company: '某某局' });
    expect((await read(para(run('正文')))).properties).toBeUndefined();
  });
});
