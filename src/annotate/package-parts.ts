// The package around the comments: which part holds them (an existing one is extended), the
// document's relationship to it, its content type, and comment ids no annotation already uses.
import { elementChildren, escapeXmlText, parseSource, type SourceElement } from './xml-source.js';

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const STRICT_REL_TYPE = 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments';
export const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') segments.pop();
    else if (seg !== '.' && seg !== '') segments.push(seg);
  }
  return segments.join('/');
}

/** Inserts `xml` as the last child of `root` (opening a self-closing root). */
export function appendToRoot(source: string, root: SourceElement, xml: string): string {
  if (root.selfClosing) {
    const open = source.slice(root.start, root.openEnd).replace(/\s*\/>$/, '>');
    return `${source.slice(0, root.start)}${open}${xml}</${root.name}>${source.slice(root.end)}`;
  }
  return source.slice(0, root.close) + xml + source.slice(root.close);
}

export interface CommentsTarget {
  /** The comments part, without a leading slash. */
  part: string;
  /** Its current text, when it exists and is linked. */
  existing?: string;
  /** The relationships part text to write, when it changes. */
  rels?: string;
}

/** Finds the document's comments part, or picks a name for a new one and links it. */
export function commentsTarget(documentPart: string, relsText: string | undefined, exists: (part: string) => boolean, read: (part: string) => string | undefined, strict: boolean): CommentsTarget {
  const relsPart = relsPathOf(documentPart);
  const relsSource = relsText ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const root = parseSource(relsSource);
  const rels = elementChildren(root).filter((e) => e.name.endsWith('Relationship'));
  const linked = rels.find((r) => (r.attrs['Type'] === REL_TYPE || r.attrs['Type'] === STRICT_REL_TYPE) && r.attrs['TargetMode'] !== 'External');
  if (linked?.attrs['Target']) {
    const part = resolveTarget(documentPart, linked.attrs['Target']);
    const existing = read(part);
    // Linked but missing (a damaged file): write the part where the link points.
    return existing !== undefined ? { part, existing } : { part };
  }
  const dir = documentPart.slice(0, documentPart.lastIndexOf('/') + 1);
  let name = 'comments.xml';
  for (let n = 1; exists(`${dir}${name}`); n++) name = `comments${n}.xml`;
  const ids = new Set(rels.map((r) => r.attrs['Id']));
  let n = rels.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const prefix = root.name.includes(':') ? `${root.name.slice(0, root.name.indexOf(':'))}:` : '';
  const rel = `<${prefix}Relationship Id="rId${n}" Type="${strict ? STRICT_REL_TYPE : REL_TYPE}" Target="${escapeXmlText(name)}"/>`;
  return { part: `${dir}${name}`, rels: appendToRoot(relsSource, root, rel) };
}

/** [Content_Types].xml with an override for the comments part, unless it has one. */
export function withCommentsContentType(source: string, part: string): string | undefined {
  const root = parseSource(source);
  const name = `/${part}`.toLowerCase();
  const overrides = elementChildren(root).filter((e) => e.name.endsWith('Override'));
  if (overrides.some((o) => (o.attrs['PartName'] ?? '').toLowerCase() === name)) return undefined;
  const prefix = root.name.includes(':') ? `${root.name.slice(0, root.name.indexOf(':'))}:` : '';
  return appendToRoot(source, root, `<${prefix}Override PartName="/${escapeXmlText(part)}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`);
}

/** The largest numeric w:id in a part: annotations (comments, bookmarks, revisions) share the number space in practice. */
export function maxAnnotationId(root: SourceElement): number {
  let max = -1;
  const todo: SourceElement[] = [root];
  while (todo.length > 0) {
    const el = todo.pop()!;
    const id = el.attrs['w:id'];
    if (id !== undefined && /^-?\d+$/.test(id)) max = Math.max(max, Number(id));
    for (const c of el.children) if (c.kind === 'element') todo.push(c);
  }
  return max;
}
