// The OFD package (GB/T 33190-2016 7.4–7.5): OFD.xml → DocBody/DocRoot → Document.xml →
// Pages/Page@BaseLoc → each page's Content.xml, with the page templates it draws on.
import type { ZipArchive } from '../docx/zip.js';
import { ofdErrors } from './errors.js';
import { childOf, childrenOf, childText, dirOf, localName, numbers, readPart, resolveLoc, type XmlElement } from './xml.js';

export interface OfdPageRef {
  /** The page's Content.xml, as a path in the package. */
  content: string;
}

export interface OfdDocument {
  /** ofd:DocInfo/ofd:Title, when the producer wrote one. */
  title?: string;
  /** Document.xml's path in the package. */
  root: string;
  pages: OfdPageRef[];
  /** Template pages by ID (CommonData/TemplatePage), resolved to their Content.xml. */
  templates: Map<string, string>;
  /** The default page box (CommonData/PageArea/PhysicalBox) in mm: x y w h. */
  pageBox?: number[];
}

function expectRoot(el: XmlElement, name: string, part: string): void {
  if (localName(el.name) !== name) {
    throw ofdErrors.invalid({ zh: `${part} 的根元素不是 ${name}`, en: `the root element of ${part} is not ${name}` });
  }
}

export function readOfdDocument(zip: ZipArchive): OfdDocument {
  const entry = readPart(zip, 'OFD.xml', 'OFD.xml');
  expectRoot(entry, 'OFD', 'OFD.xml');
  // A package may hold several documents; the first is the one a reader opens.
  const body = childOf(entry, 'DocBody');
  const rootLoc = childText(body, 'DocRoot');
  if (!rootLoc) throw ofdErrors.invalid({ zh: 'OFD.xml 中没有 DocBody/DocRoot', en: 'OFD.xml has no DocBody/DocRoot' });
  const root = resolveLoc('', rootLoc);
  const document = readPart(zip, root, 'OFD.xml');
  expectRoot(document, 'Document', root);

  const common = childOf(document, 'CommonData');
  const dir = dirOf(root);
  const templates = new Map<string, string>();
  for (const tpl of childrenOf(common, 'TemplatePage')) {
    const id = tpl.attrs['ID'];
    const loc = tpl.attrs['BaseLoc'];
    if (id !== undefined && loc !== undefined) templates.set(id, resolveLoc(dir, loc));
  }

  const pages: OfdPageRef[] = [];
  for (const page of childrenOf(childOf(document, 'Pages'), 'Page')) {
    const loc = page.attrs['BaseLoc'];
    if (!loc) throw ofdErrors.invalid({ zh: `${root} 中有页面没有 BaseLoc`, en: `a page in ${root} has no BaseLoc` });
    pages.push({ content: resolveLoc(dir, loc) });
  }
  if (pages.length === 0) throw ofdErrors.invalid({ zh: `${root} 中没有页面`, en: `${root} lists no pages` });

  const result: OfdDocument = { root, pages, templates };
  const title = childText(childOf(body, 'DocInfo'), 'Title');
  if (title !== undefined) result.title = title;
  const box = numbers(childText(childOf(common, 'PageArea'), 'PhysicalBox'), 4);
  if (box) result.pageBox = box;
  return result;
}
