// The page count of a PDF without a PDF library: the trailer's /Root catalog names the page tree,
// whose root carries /Count. Enough for the PDFs LibreOffice writes (classic xref, no object
// streams); undefined when the file hides its catalog in a compressed object stream.

const latin1 = new TextDecoder('latin1');

/** The dictionary text of object `num gen obj`, or undefined. */
function objectBody(text: string, num: number, gen: number): string | undefined {
  const re = new RegExp(`(?:^|[\\s>])${num}\\s+${gen}\\s+obj\\b`, 'g');
  let last: RegExpExecArray | null = null;
  // The last definition wins (incremental updates append newer versions).
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  if (!last) return undefined;
  const start = last.index + last[0].length;
  const end = text.indexOf('endobj', start);
  return text.slice(start, end < 0 ? start + 4096 : end);
}

function ref(dict: string, key: string): [number, number] | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function pdfPageCount(bytes: Uint8Array): number | undefined {
  const text = latin1.decode(bytes);
  // The last trailer (classic xref) or the cross-reference stream's dictionary.
  const trailerAt = text.lastIndexOf('trailer');
  let root: [number, number] | undefined;
  if (trailerAt >= 0) root = ref(text.slice(trailerAt, trailerAt + 2048), 'Root');
  if (!root) {
    const xrefStream = /\/Type\s*\/XRef[^]*?\/Root\s+(\d+)\s+(\d+)\s+R/.exec(text.slice(Math.max(0, text.lastIndexOf('startxref') - 65536)));
    if (xrefStream) root = [Number(xrefStream[1]), Number(xrefStream[2])];
  }
  if (!root) return undefined;
  const catalog = objectBody(text, root[0], root[1]);
  const pagesRef = catalog ? ref(catalog, 'Pages') : undefined;
  const pages = pagesRef ? objectBody(text, pagesRef[0], pagesRef[1]) : undefined;
  const count = pages ? /\/Count\s+(\d+)/.exec(pages) : null;
  return count ? Number(count[1]) : undefined;
}
