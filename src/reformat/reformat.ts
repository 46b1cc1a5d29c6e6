// `wenfeng format`: a copy of a .docx in the format of a GB/T 9704 preset. It rewrites properties only —
// page size, margins and grid of every section, the fonts and sizes of each element's runs, the indent,
// alignment and line spacing of the text's paragraphs, the page-number footers — and deletes the empty
// paragraphs that space body paragraphs apart. No character of the text is added, removed or moved; parts
// it does not need are copied byte for byte.
import type { Document, ElementKind, Paragraph } from '../document/model.js';
import { relationshipTargets } from '../readers/docx/package.js';
import type { DocxLayoutFacts, ParagraphBlock } from '../readers/docx/layout-facts.js';
import { decodeXml } from '../readers/docx/xml.js';
import { relsPathOf, appendToRoot } from '../annotate/package-parts.js';
import { encodeLike, openDocumentPart, rewritePackage } from '../annotate/document-part.js';
import { childElement, elementChildren, parseSource, type SourceElement } from '../annotate/xml-source.js';
import type { FormatTargets } from '../../rules/format-targets.js';
import { banjiOwnSection } from '../../rules/format-banji-section.js';
import { applySplices, attrsWith, el, PPR_ORDER, rewriteChildren, RPR_ORDER, SECTPR_ORDER, withChildren, wordNaming, type Splice } from './ooxml.js';

/** What was changed, counted for the command's report. */
export interface FormatChanges {
  sections: number;
  /** Paragraphs whose runs got the element's font and size. */
  fonts: number;
  /** Paragraphs whose indent, alignment or line spacing was set. */
  paragraphs: number;
  /** Empty paragraphs deleted from between body paragraphs. */
  blanksRemoved: number;
  /** Page-number footers written (odd/even or one centred). */
  footers: number;
  /** Paragraphs left as they were because the file's paragraphs could not be matched to the text read. */
  unmatched: boolean;
}

export interface FormattedDocument {
  bytes: Uint8Array;
  changes: FormatChanges;
}

const TWIPS_PER_MM = 1440 / 25.4;
const twipsOf = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
/** The footer sits 7 mm below the text block (GB/T 9704 7.5.1), its line about 6 mm high. */
const FOOTER_GAP_MM = 13;
const HEADER_MM = 15;
const FOOTER_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml';
const FOOTER_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer';
const STRICT_FOOTER_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/footer';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_RELATIONSHIPS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** "pfx:" of a root element's name ('' when it is unprefixed): what a child in its namespace is written with. */
const prefixOf = (root: SourceElement): string => (root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '');

const BODY: ReadonlySet<ElementKind | undefined> = new Set(['body', 'heading-1', 'heading-2', 'heading-3', 'heading-4', 'note']);
/** Elements whose indent and alignment the preset sets; the others (署名, 成文日期, 版记 …) keep theirs. */
const ALIGNED: ReadonlySet<ElementKind | undefined> = new Set([...BODY, 'title', 'addressee', 'attachment-note']);
/** Elements whose line spacing is the page's line. */
const SPACED: ReadonlySet<ElementKind | undefined> = new Set([...ALIGNED, 'signature', 'date', 'doc-number', 'blank']);
/** A run-in heading's own text ends at its first full stop (（一）以学为本。…), within this many characters. */
const RUN_IN_MAX = 40;

/** Where a heading's own text ends in a paragraph's text (the rest is body text). */
function headingEnd(text: string): number {
  const stop = text.search(/[。！？：:]/);
  return stop >= 0 && stop + 1 <= RUN_IN_MAX && stop < text.trimEnd().length - 1 ? stop + 1 : text.length;
}

/**
 * A run's properties with the font and size set (theme fonts and scaling dropped), and the character spacing
 * that puts 28 body characters on a line (`charSpacing`, twips; 0 for none).
 */
function runProps(source: string, rPr: SourceElement | undefined, q: string, font: string, sizePt: number, charSpacing = 0): string {
  const set = {
    rFonts: el(q, 'rFonts', { ascii: font, hAnsi: font, eastAsia: font, cs: font }),
    sz: el(q, 'sz', { val: Math.round(sizePt * 2) }),
    szCs: el(q, 'szCs', { val: Math.round(sizePt * 2) }),
    spacing: charSpacing ? el(q, 'spacing', { val: charSpacing }) : '',
    w: '',
  };
  return rPr ? rewriteChildren(source, rPr, set, RPR_ORDER) : Object.values(set).join('');
}

/** Runs of a paragraph (through hyperlinks, fields, tracked insertions, controls), not those of text boxes inside. */
function runsOf(p: SourceElement, out: SourceElement[] = []): SourceElement[] {
  for (const c of p.children) {
    if (c.kind !== 'element' || c.canon === 'w:pPr') continue;
    if (c.canon === 'w:r') out.push(c);
    else if (!c.canon.startsWith('w:') || ['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:ins', 'w:del', 'w:moveTo', 'w:moveFrom', 'w:sdt', 'w:sdtContent', 'w:dir', 'w:bdo'].includes(c.canon)) {
      if (c.canon === 'mc:Fallback' || c.canon === 'mc:Choice' || c.canon === 'mc:AlternateContent' || c.canon.startsWith('w:')) runsOf(c, out);
    }
  }
  return out;
}

/** An empty paragraph that can go without losing anything: no text, no break, bookmark, drawing or section end. */
function removable(p: SourceElement): boolean {
  for (const c of elementChildren(p)) {
    if (c.canon === 'w:pPr') {
      if (childElement(c, 'w:sectPr')) return false;
      continue;
    }
    if (c.canon !== 'w:r') return false;
    if (elementChildren(c).some((k) => k.canon !== 'w:rPr')) return false;
  }
  return true;
}

export function reformatDocx(bytes: Uint8Array, doc: Document, targets: FormatTargets): FormattedDocument {
  const facts = doc.layout as DocxLayoutFacts | undefined;
  if (!facts || facts.format !== 'docx-layout') throw new Error('not a .docx read with its layout facts');
  const { zip, parts, bytes: docBytes, source, root, body, namespace, strict, paragraphs: mapped } = openDocumentPart(bytes);
  // Everything written into the part takes the prefix it binds to Word's namespace, declared on its root when none is.
  const naming = wordNaming(root, namespace);
  const q = naming.prefix;
  const changes: FormatChanges = { sections: 0, fonts: 0, paragraphs: 0, blanksRemoved: 0, footers: 0, unmatched: false };
  const splices: Splice[] = naming.declare ? [naming.declare] : [];
  const changed = new Map<string, Uint8Array>();

  // Paragraph i of the reader is paragraph i here when the texts agree (as for annotate).
  const topLevel = new Map<number, ParagraphBlock>();
  for (const b of facts.blocks) if (b.type === 'paragraph') topLevel.set(b.index, b);
  const matched = mapped.length === doc.paragraphs.length && doc.paragraphs.every((p, i) => mapped[i]!.text === p.text.slice(p.numberingLength ?? 0));
  changes.unmatched = !matched;

  const bodyFont = targets.fonts.body ?? { font: '仿宋', sizePt: 16 };
  const indentChars = 2;
  // 28 characters of 16 pt do not fit 156 mm (448 > 442 pt): each gives up a little room, as the standard's
  // templates do (−0.25 pt). A line grid rather than a character grid: LibreOffice spreads every character of
  // an imported character grid over two cells.
  const widthTw = twipsOf(targets.paperMm.width - targets.marginsMm.left - targets.marginsMm.right);
  const bodySpacing = Math.min(0, Math.floor((widthTw / targets.charsPerLine - bodyFont.sizePt * 20)));
  const pitch = Math.floor(twipsOf(targets.paperMm.height - targets.marginsMm.top - targets.marginsMm.bottom) / targets.linesPerPage);
  const spacingFor = (sizePt: number): number => (sizePt === bodyFont.sizePt ? bodySpacing : 0);
  function formatParagraph(p: Paragraph, block: ParagraphBlock, w: SourceElement, segments: { from: number; run: SourceElement }[]): void {
    const element = p.element;
    const want = element ? targets.fonts[element] : undefined;
    const pPr = childElement(w, 'w:pPr');
    const set: Record<string, string> = {};
    if (SPACED.has(element)) {
      const spacing = childElement(pPr, 'w:spacing');
      // Exactly one line of the page's 22: a 22 pt title line too (on the grid alone LibreOffice gives it two).
      set.spacing = el(q, 'spacing', attrsWith(spacing, q, { line: pitch, lineRule: 'exact', beforeAutospacing: undefined, afterAutospacing: undefined }));
      // A line larger than the grid's (the 22 pt title) would snap to two grid lines in LibreOffice.
      set.snapToGrid = (want?.sizePt ?? bodyFont.sizePt) > bodyFont.sizePt ? el(q, 'snapToGrid', { val: 0 }) : '';
    }
    if (ALIGNED.has(element)) {
      const ind = childElement(pPr, 'w:ind');
      if (element === 'title') {
        set.jc = el(q, 'jc', { val: 'center' });
        set.ind = el(q, 'ind', attrsWith(ind, q, { firstLine: 0, firstLineChars: 0, hanging: undefined, hangingChars: undefined }));
      } else {
        if (block.props.alignment !== 'left' && block.props.alignment !== 'justify') set.jc = el(q, 'jc', { val: 'both' });
        if (element === 'addressee') set.ind = el(q, 'ind', { [`${q}:left`]: 0, [`${q}:leftChars`]: 0, [`${q}:firstLine`]: 0, [`${q}:firstLineChars`]: 0 });
        else if (BODY.has(element) && !block.numbering) {
          // Spaces typed at the start stand in for the indent (the text is never touched).
          const typed = /^\u3000*/.exec(p.text)![0].length;
          const chars = Math.max(0, indentChars - typed);
          const size = want?.sizePt ?? bodyFont.sizePt;
          set.ind = el(q, 'ind', { [`${q}:left`]: 0, [`${q}:leftChars`]: 0, [`${q}:right`]: 0, [`${q}:rightChars`]: 0, [`${q}:firstLineChars`]: chars * 100, [`${q}:firstLine`]: Math.round(chars * size * 20) });
        }
      }
    }
    const sectPr = childElement(pPr, 'w:sectPr');
    const sectText = sectPr ? newSectPr.get(sectPr) : undefined;
    if (sectPr && sectText !== undefined && Object.keys(set).length + (want ? 1 : 0) > 0) {
      set.sectPr = sectText;
      newSectPr.delete(sectPr);
    }
    const markRPr = childElement(pPr, 'w:rPr');
    if (want) set.rPr = el(q, 'rPr', {}, runProps(source, markRPr, q, want.font, want.sizePt, spacingFor(want.sizePt)));
    if (Object.keys(set).length > 0) {
      const inner = pPr ? rewriteChildren(source, pPr, set, PPR_ORDER) : rewriteChildren('', { ...w, children: [] }, set, PPR_ORDER);
      if (pPr) splices.push({ start: pPr.start, end: pPr.end, text: withChildren(source, pPr, inner) });
      else splices.push({ start: w.openEnd, end: w.openEnd, text: el(q, 'pPr', {}, inner) });
      if (set.jc || set.ind || set.spacing) changes.paragraphs++;
    }
    if (!want) return;
    // Fonts: a run-in heading's own text in the heading font, the rest of its paragraph in the body's.
    const text = p.text.slice(p.numberingLength ?? 0);
    const split = element?.startsWith('heading-') ? headingEnd(text) : text.length;
    const startOf = new Map<SourceElement, number>();
    for (const s of segments) if (!startOf.has(s.run)) startOf.set(s.run, s.from);
    let at = 0;
    for (const r of runsOf(w)) {
      at = startOf.get(r) ?? at;
      const f = at < split ? want : { font: bodyFont.font, sizePt: want.sizePt };
      const rPr = childElement(r, 'w:rPr');
      const inner = runProps(source, rPr, q, f.font, f.sizePt, spacingFor(f.sizePt));
      const props = el(q, 'rPr', {}, inner);
      if (rPr) splices.push({ start: rPr.start, end: rPr.end, text: withChildren(source, rPr, inner) });
      else splices.push({ start: r.openEnd, end: r.openEnd, text: props });
    }
    changes.fonts++;
  }

  // Footers: new parts for the page number, linked from every section.
  const relsPart = relsPathOf(parts.document);
  const relsBytes = zip.read(relsPart);
  let relsText = relsBytes ? decodeXml(relsBytes) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const existingTargets = relationshipTargets(zip, parts.document);
  const usedIds = new Set(existingTargets.keys());
  const relsRoot = parseSource(relsText);
  for (const r of elementChildren(relsRoot)) if (r.attrs['Id']) usedIds.add(r.attrs['Id']);
  const dir = parts.document.slice(0, parts.document.lastIndexOf('/') + 1);
  const newParts: string[] = [];
  const newFooter = (align: 'left' | 'center' | 'right' | 'none'): string => {
    let n = 1;
    while (zip.has(`${dir}footer${n}.xml`) || changed.has(`${dir}footer${n}.xml`.toLowerCase())) n++;
    const part = `${dir}footer${n}.xml`;
    newParts.push(part);
    changed.set(part.toLowerCase(), new TextEncoder().encode(align === 'none' ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="${namespace}"><w:p/></w:ftr>` : footerXml(namespace, targets, align)));
    let id = 1;
    while (usedIds.has(`rId${id}`)) id++;
    usedIds.add(`rId${id}`);
    const current = parseSource(relsText);
    relsText = appendToRoot(relsText, current, `<${prefixOf(current)}Relationship Id="rId${id}" Type="${strict ? STRICT_FOOTER_REL : FOOTER_REL}" Target="footer${n}.xml"/>`);
    changes.footers++;
    return `rId${id}`;
  };
  const position = targets.pageNumber.position[0] ?? 'outside';
  const oddId = newFooter(position === 'center' ? 'center' : 'right');
  const evenId = position === 'center' ? oddId : newFooter('left');

  // Sections: page, margins, grid, footers.
  const sectPrs: SourceElement[] = [];
  // r:id by the prefix the section binds to the relationships namespace, or declared on the element itself.
  const relNamespace = strict ? STRICT_RELATIONSHIPS : RELATIONSHIPS;
  const relId = (s: SourceElement, id: string): Record<string, string> => {
    const bound = [...s.scope].find(([p, uri]) => p && uri === relNamespace)?.[0];
    return bound ? { [`${bound}:id`]: id } : { 'xmlns:r': relNamespace, 'r:id': id };
  };
  const findSectPrs = (e: SourceElement): void => {
    for (const c of elementChildren(e)) {
      if (c.canon === 'w:sectPr') sectPrs.push(c);
      else if (c.canon === 'w:p') {
        const s = childElement(childElement(c, 'w:pPr'), 'w:sectPr');
        if (s) sectPrs.push(s);
      } else if (c.canon === 'w:sdt' || c.canon === 'w:sdtContent' || c.canon === 'w:customXml') findSectPrs(c);
    }
  };
  findSectPrs(body);
  const t = targets;
  // A 版记 in a section of its own gets a footer without page number (GB/T 9704 7.5.1).
  const banji = sectPrs.length === facts.sections.length ? banjiOwnSection(doc, facts) : undefined;
  const newSectPr = new Map<SourceElement, string>();
  for (const [k, s] of sectPrs.entries()) {
    const blank = k === banji ? newFooter('none') : undefined;
    const odd = blank ?? oddId;
    const even = blank ?? evenId;
    const landscape = childElement(s, 'w:pgSz')?.attrs['w:orient'] === 'landscape';
    const pgSz = childElement(s, 'w:pgSz');
    const set: Record<string, string> = {
      footerReference: [
        el(q, 'footerReference', { [`${q}:type`]: 'default', ...relId(s, odd) }),
        el(q, 'footerReference', { [`${q}:type`]: 'even', ...relId(s, even) }),
        el(q, 'footerReference', { [`${q}:type`]: 'first', ...relId(s, odd) }),
      ].join(''),
      pgNumType: el(q, 'pgNumType', attrsWith(childElement(s, 'w:pgNumType'), q, { fmt: 'decimal', chapStyle: undefined, chapSep: undefined })),
      docGrid: el(q, 'docGrid', { [`${q}:type`]: 'lines', [`${q}:linePitch`]: pitch }),
    };
    if (!landscape) {
      set.pgSz = el(q, 'pgSz', attrsWith(pgSz, q, { w: twipsOf(t.paperMm.width), h: twipsOf(t.paperMm.height), orient: undefined }));
      set.pgMar = el(q, 'pgMar', {
        [`${q}:top`]: twipsOf(t.marginsMm.top),
        [`${q}:right`]: twipsOf(t.marginsMm.right),
        [`${q}:bottom`]: twipsOf(t.marginsMm.bottom),
        [`${q}:left`]: twipsOf(t.marginsMm.left),
        [`${q}:header`]: twipsOf(HEADER_MM),
        [`${q}:footer`]: twipsOf(t.marginsMm.bottom - FOOTER_GAP_MM),
        [`${q}:gutter`]: 0,
      });
    }
    newSectPr.set(s, withChildren(source, s, rewriteChildren(source, s, set, SECTPR_ORDER)));
    changes.sections++;
  }

  // Paragraphs (a section break's w:sectPr is rewritten inside its paragraph's w:pPr), then the other sections.
  if (matched) {
    const flow = doc.paragraphs.filter((p) => topLevel.has(p.index));
    const blanks = new Set<number>();
    for (let i = 1; i < flow.length - 1; i++) {
      if (flow[i]!.element !== 'blank') continue;
      let before = i - 1;
      while (before >= 0 && flow[before]!.element === 'blank') before--;
      let after = i + 1;
      while (after < flow.length && flow[after]!.element === 'blank') after++;
      const b = topLevel.get(flow[i]!.index)!;
      if (before >= 0 && after < flow.length && BODY.has(flow[before]!.element) && BODY.has(flow[after]!.element) && b.breaks.length === 0 && b.drawings.length === 0 && !b.endsSection) blanks.add(flow[i]!.index);
    }
    for (const p of flow) {
      const m = mapped[p.index]!;
      const w = m.first;
      if (w.canon !== 'w:p' || w.parent !== body && w.parent?.canon !== 'w:sdtContent') continue;
      if (blanks.has(p.index) && removable(w)) {
        splices.push({ start: w.start, end: w.end, text: '' });
        changes.blanksRemoved++;
        continue;
      }
      const block = topLevel.get(p.index)!;
      formatParagraph(p, block, w, m.segments);
    }
  }

  for (const [s, text] of newSectPr) splices.push({ start: s.start, end: s.end, text });
  changed.set(parts.document.toLowerCase(), encodeLike(docBytes, applySplices(source, splices)));
  changed.set(relsPart.toLowerCase(), encodeLike(relsBytes, relsText));

  // Styles: the Normal style (the grid's character pitch is based on its size) in the body font.
  const stylesBytes = zip.read(parts.styles);
  if (stylesBytes) {
    const styles = decodeXml(stylesBytes);
    const sRoot = parseSource(styles);
    const sn = wordNaming(sRoot, namespace);
    const sq = sn.prefix;
    const normal = elementChildren(sRoot).find((e) => e.canon === 'w:style' && e.attrs['w:type'] === 'paragraph' && /^(1|true|on)$/.test(e.attrs['w:default'] ?? ''));
    if (normal) {
      const rPr = childElement(normal, 'w:rPr');
      const props = runProps(styles, rPr, sq, bodyFont.font, bodyFont.sizePt, bodySpacing);
      const edit: Splice = rPr ? { start: rPr.start, end: rPr.end, text: withChildren(styles, rPr, props) } : { start: normal.close, end: normal.close, text: el(sq, 'rPr', {}, props) };
      changed.set(parts.styles.toLowerCase(), encodeLike(stylesBytes, applySplices(styles, sn.declare ? [sn.declare, edit] : [edit])));
    }
  }

  // Settings: different odd and even footers.
  const settingsBytes = zip.read(parts.settings);
  if (position === 'outside' && settingsBytes) {
    const settings = decodeXml(settingsBytes);
    const sRoot = parseSource(settings);
    if (!childElement(sRoot, 'w:evenAndOddHeaders')) {
      const sn = wordNaming(sRoot, namespace);
      const before = new Set(['w:writeProtection', 'w:view', 'w:zoom', 'w:removePersonalInformation', 'w:removeDateAndTime', 'w:doNotDisplayPageBoundaries', 'w:displayBackgroundShape', 'w:printPostScriptOverText', 'w:printFractionalCharacterWidth', 'w:printFormsData', 'w:embedTrueTypeFonts', 'w:embedSystemFonts', 'w:saveSubsetFonts', 'w:saveFormsData', 'w:mirrorMargins', 'w:alignBordersAndEdges', 'w:bordersDoNotSurroundHeader', 'w:bordersDoNotSurroundFooter', 'w:gutterAtTop', 'w:hideSpellingErrors', 'w:hideGrammaticalErrors', 'w:activeWritingStyle', 'w:proofState', 'w:formsDesign', 'w:attachedTemplate', 'w:linkStyles', 'w:stylePaneFormatFilter', 'w:stylePaneSortMethod', 'w:documentType', 'w:mailMerge', 'w:revisionView', 'w:trackRevisions', 'w:doNotTrackMoves', 'w:doNotTrackFormatting', 'w:documentProtection', 'w:autoFormatOverride', 'w:styleLockTheme', 'w:styleLockQFSet', 'w:defaultTabStop', 'w:autoHyphenation', 'w:consecutiveHyphenLimit', 'w:hyphenationZone', 'w:doNotHyphenateCaps', 'w:showEnvelope', 'w:summaryLength', 'w:clickAndTypeStyle', 'w:defaultTableStyle']);
      const kids = elementChildren(sRoot);
      const lastBefore = [...kids].reverse().find((k) => before.has(k.canon));
      const at = lastBefore ? lastBefore.end : sRoot.openEnd;
      const edit: Splice = { start: at, end: at, text: el(sn.prefix, 'evenAndOddHeaders', {}) };
      changed.set(parts.settings.toLowerCase(), encodeLike(settingsBytes, applySplices(settings, sn.declare ? [sn.declare, edit] : [edit])));
    }
  }

  // Content types for the new footers.
  const typesBytes = zip.read('[Content_Types].xml');
  if (typesBytes) {
    let types = decodeXml(typesBytes);
    for (const part of newParts) {
      const typesRoot = parseSource(types);
      types = appendToRoot(types, typesRoot, `<${prefixOf(typesRoot)}Override PartName="/${part}" ContentType="${FOOTER_CONTENT_TYPE}"/>`);
    }
    changed.set('[content_types].xml', encodeLike(typesBytes, types));
  }

  return { bytes: rewritePackage(bytes, changed, (key) => newParts.find((p) => p.toLowerCase() === key) ?? key), changes };
}

/** A footer with the page number: "— PAGE —" in the preset's size, on its side, one character in. */
function footerXml(namespace: string, targets: FormatTargets, align: 'left' | 'center' | 'right'): string {
  const pn = targets.pageNumber;
  const size = Math.round(pn.sizePt * 2);
  const inset = Math.round(pn.sideIndentChars * pn.sizePt * 20);
  const rPr = `<w:rPr><w:rFonts w:ascii="${pn.font}" w:hAnsi="${pn.font}" w:eastAsia="${pn.font}" w:cs="${pn.font}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  const run = (inner: string): string => `<w:r>${rPr}${inner}</w:r>`;
  const ind = `<w:ind w:left="${align === 'left' ? inset : 0}" w:leftChars="0" w:right="${align === 'right' ? inset : 0}" w:rightChars="0" w:firstLine="0" w:firstLineChars="0"/>`;
  const dash = pn.dashes;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="${namespace}">` +
    `<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${ind}<w:jc w:val="${align}"/>${rPr}</w:pPr>` +
    run(`<w:t xml:space="preserve">${dash} </w:t>`) +
    run('<w:fldChar w:fldCharType="begin"/>') +
    run('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
    run('<w:fldChar w:fldCharType="separate"/>') +
    run('<w:t>1</w:t>') +
    run('<w:fldChar w:fldCharType="end"/>') +
    run(`<w:t xml:space="preserve"> ${dash}</w:t>`) +
    `</w:p></w:ftr>`
  );
}
