// Structural mutations of a .docx's document.xml for the fuzz suite: the two families that found loops
// in the page layout — table structure and section structure. Each returns a rebuilt .docx.
import { inflateRawSync } from 'node:zlib';
import { inputEntries, writeZip as makeZip } from '../../src/zip/write.js';

export type Random = () => number;

const pick = <T>(items: readonly T[], r: Random): T => items[Math.floor(r() * items.length)]!;

/** A value a damaged or hostile file might carry for a size, a count or a measure. */
function wildNumber(r: Random): string {
  return pick(['0', '-1', '-2147483648', '2147483647', '99999999999', '1', '3', '31680', '-31680', 'NaN', '1e308', '', 'abc', '0.5', '4294967296'], r);
}

/** Every match of an element (not nested in itself) in the XML text, as [start, end]. */
function spans(xml: string, tag: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function splice(xml: string, [start, end]: [number, number], text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/** Sets (or adds) an attribute-valued child property inside the first `<container>` of `fragment`. */
function setProperty(fragment: string, container: string, property: string, attrs: string): string {
  const withProp = new RegExp(`<${property}\\b[^>]*/>`);
  if (withProp.test(fragment)) return fragment.replace(withProp, `<${property} ${attrs}/>`);
  const open = new RegExp(`<${container}>|<${container}\\s[^>]*?>`);
  if (open.test(fragment)) return fragment.replace(open, (m) => `${m}<${property} ${attrs}/>`);
  return fragment;
}

/** Table structure: rows, cells, gridSpan, vMerge, tblHeader, cantSplit duplicated, removed, nested, wild. */
export function mutateTables(xml: string, r: Random): string {
  const rows = spans(xml, 'w:tr');
  const cells = spans(xml, 'w:tc');
  const tables = spans(xml, 'w:tbl');
  {
    const kind = Math.floor(r() * 10);
    const row = rows.length ? pick(rows, r) : undefined;
    const cell = cells.length ? pick(cells, r) : undefined;
    if (kind === 0 && row) xml = splice(xml, row, xml.slice(...row).repeat(1 + Math.floor(r() * 300)));
    else if (kind === 1 && row) xml = splice(xml, row, '');
    else if (kind === 2 && cell) xml = splice(xml, cell, '');
    else if (kind === 3 && cell) xml = splice(xml, cell, xml.slice(...cell).repeat(1 + Math.floor(r() * 60)));
    else if (kind === 4 && cell && tables.length) {
      // A table nested in a cell (a copy of a whole table, up to a few levels deep).
      const table = xml.slice(...pick(tables, r));
      const depth = 1 + Math.floor(r() * 4);
      xml = splice(xml, cell, `<w:tc><w:tcPr/>${table.replace(/<w:tc>/, `<w:tc>${'<w:tbl><w:tr><w:tc>'.repeat(depth)}`).replace(/<\/w:tc>/, `${'<w:p/></w:tc></w:tr></w:tbl>'.repeat(depth)}</w:tc>`)}<w:p/></w:tc>`);
    } else if (kind === 5 && cell) xml = splice(xml, cell, setProperty(xml.slice(...cell), 'w:tcPr', 'w:gridSpan', `w:val="${wildNumber(r)}"`));
    else if (kind === 6 && cell) xml = splice(xml, cell, setProperty(xml.slice(...cell), 'w:tcPr', 'w:vMerge', pick(['w:val="restart"', 'w:val="continue"', ''], r)));
    else if (kind === 7 && row) xml = splice(xml, row, setProperty(xml.slice(...row), 'w:trPr', pick(['w:tblHeader', 'w:cantSplit'], r), pick(['', 'w:val="1"', 'w:val="0"'], r)));
    else if (kind === 8 && row) xml = splice(xml, row, setProperty(xml.slice(...row), 'w:trPr', 'w:trHeight', `w:val="${wildNumber(r)}" w:hRule="${pick(['exact', 'atLeast', 'auto'], r)}"`));
    else if (kind === 9) xml = xml.replace(/<w:gridCol w:w="[^"]*"/g, (m) => (r() < 0.5 ? `<w:gridCol w:w="${wildNumber(r)}"` : m));
    // Every row a header, or every row unsplittable: the flow must still end.
    if (r() < 0.1) xml = xml.replace(/<w:trPr>|<w:trPr\/>/g, `<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`);
  }
  return xml;
}

/** Section structure: page size, margins, grid and columns zero, negative or huge; many sections. */
export function mutateSections(xml: string, r: Random): string {
  const sections = spans(xml, 'w:sectPr');
  if (!sections.length) return xml;
  const kind = Math.floor(r() * 6);
  const section = pick(sections, r);
  let sect = xml.slice(...section);
  if (kind === 0) sect = setProperty(sect, 'w:sectPr', 'w:pgSz', `w:w="${wildNumber(r)}" w:h="${wildNumber(r)}"${r() < 0.3 ? ' w:orient="landscape"' : ''}`);
  else if (kind === 1) sect = setProperty(sect, 'w:sectPr', 'w:pgMar', `w:top="${wildNumber(r)}" w:bottom="${wildNumber(r)}" w:left="${wildNumber(r)}" w:right="${wildNumber(r)}" w:header="${wildNumber(r)}" w:footer="${wildNumber(r)}" w:gutter="${wildNumber(r)}"`);
  else if (kind === 2) sect = setProperty(sect, 'w:sectPr', 'w:docGrid', `w:type="${pick(['lines', 'linesAndChars', 'snapToChars', 'default'], r)}" w:linePitch="${wildNumber(r)}" w:charSpace="${wildNumber(r)}"`);
  else if (kind === 3) sect = setProperty(sect, 'w:sectPr', 'w:cols', `w:num="${wildNumber(r)}" w:space="${wildNumber(r)}"${r() < 0.5 ? ' w:equalWidth="0"' : ''}`);
  else if (kind === 4) sect = setProperty(sect, 'w:sectPr', 'w:pgNumType', `w:start="${wildNumber(r)}"`);
  if (kind === 5) {
    // Many sections: a section break after many paragraphs, each with its own (possibly wild) sectPr.
    const wild = setProperty(setProperty(sect, 'w:sectPr', 'w:pgSz', `w:w="${wildNumber(r)}" w:h="${wildNumber(r)}"`), 'w:sectPr', 'w:type', `w:val="${pick(['nextPage', 'oddPage', 'evenPage', 'continuous', 'nextColumn'], r)}"`);
    const breaks = 1 + Math.floor(r() * 400);
    const para = `<w:p><w:pPr>${wild}</w:pPr><w:r><w:t>分节</w:t></w:r></w:p>`;
    const at = xml.indexOf('<w:body>') + '<w:body>'.length;
    return xml.slice(0, at) + para.repeat(breaks) + xml.slice(at);
  }
  return splice(xml, section, sect);
}

/** Rebuilds the .docx with its document.xml changed by `edit`; undefined when it is not a readable zip. */
export function editDocumentXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array | undefined {
  let parts;
  try {
    parts = inputEntries(bytes).map(({ entry, compressed }) => ({ name: entry.name, data: entry.method === 8 ? inflateRawSync(compressed) : Buffer.from(compressed) }));
  } catch {
    return undefined;
  }
  const doc = parts.find((p) => p.name === 'word/document.xml');
  if (!doc) return undefined;
  doc.data = Buffer.from(edit(doc.data.toString('utf8')), 'utf8');
  return makeZip(parts);
}
