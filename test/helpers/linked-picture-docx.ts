// A real .docx (LibreOffice's own, from fixtures/good) with one picture linked, not embedded: the
// picture lives at `url` and a renderer that follows links would request it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { inputEntries, writeZip, type ZipPart } from '../../src/zip/write.js';
import { ROOT } from './run-cli.js';

const NS = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const drawing = (relId: string): string =>
  `<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="952500" cy="952500"/><wp:docPr id="901" name="Linked picture"/>` +
  `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
  `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="901" name="linked.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
  `<pic:blipFill><a:blip r:link="${relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
  `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
  `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

export function linkedPictureDocx(url: string): Uint8Array {
  const source = new Uint8Array(readFileSync(join(ROOT, 'fixtures/good/good-notice.docx')));
  const parts: ZipPart[] = inputEntries(source).map((item) => {
    const { entry } = item;
    if (entry.name !== 'word/document.xml' && entry.name !== 'word/_rels/document.xml.rels') return { name: entry.name, copy: item };
    let xml = Buffer.from(entry.method === 0 ? item.compressed : inflateRawSync(item.compressed)).toString('utf8');
    if (entry.name === 'word/document.xml') {
      // Declare the two namespaces the drawing needs, whether or not the root has them.
      xml = xml.replace(/<w:document\b([^>]*)>/, (m, attrs: string) => `<w:document${attrs}${attrs.includes('xmlns:wp=') ? '' : ` ${NS.split(' ')[0]}`}${attrs.includes('xmlns:r=') ? '' : ` ${NS.split(' ')[1]}`}>`);
      xml = xml.replace(/<w:sectPr\b/, `${drawing('rIdLinked901')}<w:sectPr`);
    } else {
      xml = xml.replace('</Relationships>', `<Relationship Id="rIdLinked901" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${url}" TargetMode="External"/></Relationships>`);
    }
    return { name: entry.name, data: new Uint8Array(Buffer.from(xml, 'utf8')) };
  });
  return writeZip(parts);
}
