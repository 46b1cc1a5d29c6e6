// The markup of one Word review comment: its range markers and reference in document.xml, and its
// body in comments.xml.
import type { Qualify } from './document-edits.js';
import { escapeXmlText } from './xml-source.js';

export const AUTHOR = 'wenfeng';
export const INITIALS = 'WF';

export const rangeStart = (id: number) => (q: Qualify): string => `<${q.el('commentRangeStart')}${q.decl} ${q.el('id')}="${id}"/>`;

/** The range end and, right after it, the run holding the reference Word shows in the margin. */
export const rangeEnd = (id: number) => (q: Qualify): string =>
  `<${q.el('commentRangeEnd')}${q.decl} ${q.el('id')}="${id}"/><${q.el('r')}${q.decl}><${q.el('commentReference')} ${q.el('id')}="${id}"/></${q.el('r')}>`;

/** A comment on a place rather than on text: an empty range and its reference. */
export const pointComment = (id: number) => (q: Qualify): string => rangeStart(id)(q) + rangeEnd(id)(q);

/** The w:comment element: one paragraph per line of `lines`, the first opening with the annotation mark. */
export function commentElement(id: number, lines: string[], date: string, q: Qualify): string {
  const paragraphs = lines.map((line, i) => {
    const mark = i === 0 ? `<${q.el('r')}><${q.el('annotationRef')}/></${q.el('r')}>` : '';
    return `<${q.el('p')}>${mark}<${q.el('r')}><${q.el('t')} xml:space="preserve">${escapeXmlText(line)}</${q.el('t')}></${q.el('r')}></${q.el('p')}>`;
  });
  return `<${q.el('comment')}${q.decl} ${q.el('id')}="${id}" ${q.el('author')}="${AUTHOR}" ${q.el('date')}="${date}" ${q.el('initials')}="${INITIALS}">${paragraphs.join('')}</${q.el('comment')}>`;
}
