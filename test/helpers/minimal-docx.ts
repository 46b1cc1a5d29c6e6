// A minimal .docx for reader tests, zipped by wenfeng's own writer (src/zip/write.ts).
import { writeZip, type ZipPart } from '../../src/zip/write.js';

/** A minimal .docx around a body (the inside of <w:body>), with optional extra parts. */
export function makeDocx(bodyXml: string, extra: ZipPart[] = []): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>` },
    ...extra,
  ]);
}
