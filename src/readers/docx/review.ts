// What a drafter leaves behind for reviewers: review comments (word/comments.xml) and the personal
// document properties (docProps/core.xml, docProps/app.xml). Optional parts: damaged ones are left out.
import type { DocumentProperties, TextMark } from '../../document/model.js';
import { child, childrenNamed, parseXml, textOf, type XmlElement } from './xml.js';
import type { ZipArchive } from './zip.js';

function tryParse(zip: ZipArchive, path: string, keepTextIn?: (name: string) => boolean): XmlElement | undefined {
  const bytes = zip.read(path);
  if (!bytes) return undefined;
  try {
    return parseXml(bytes, path, keepTextIn ? { keepTextIn } : {});
  } catch {
    return undefined;
  }
}

export interface ReviewComment {
  author?: string;
  date?: string;
  text: string;
}

/** Comments by w:id, with their author, date and text (paragraphs joined by a space). */
export function readComments(zip: ZipArchive, path: string): Map<string, ReviewComment> {
  const out = new Map<string, ReviewComment>();
  const root = tryParse(zip, path, (name) => name === 'w:t');
  for (const c of childrenNamed(root, 'w:comment')) {
    const id = c.attrs['w:id'];
    if (id === undefined) continue;
    const text = childrenNamed(c, 'w:p').map((p) => textOf(p).trim()).filter(Boolean).join(' ');
    const comment: ReviewComment = { text };
    if (c.attrs['w:author']) comment.author = c.attrs['w:author'];
    if (c.attrs['w:date']) comment.date = c.attrs['w:date'];
    out.set(id, comment);
  }
  return out;
}

/** Fills comment marks (found in the body by id) with what comments.xml says about them. */
export function fillComments(marks: Map<string, TextMark>, comments: Map<string, ReviewComment>): void {
  for (const [id, mark] of marks) {
    const comment = comments.get(id);
    if (!comment) continue;
    if (comment.author !== undefined) mark.author = comment.author;
    if (comment.date !== undefined) mark.date = comment.date;
    mark.text = comment.text;
  }
}

/** Who wrote and last saved the file, and for whom: only the fields that have a value. */
export function readPersonalProperties(zip: ZipArchive, corePath: string, appPath: string): DocumentProperties | undefined {
  const core = tryParse(zip, corePath);
  const app = tryParse(zip, appPath);
  const props: DocumentProperties = {};
  const set = (key: keyof DocumentProperties, el: XmlElement | undefined): void => {
    const value = textOf(el).trim();
    if (value) props[key] = value;
  };
  set('creator', child(core, 'dc:creator'));
  set('lastModifiedBy', child(core, 'cp:lastModifiedBy'));
  set('company', child(app, 'ep:Company'));
  set('manager', child(app, 'ep:Manager'));
  return Object.keys(props).length > 0 ? props : undefined;
}
