// Inline fault marks of the accuracy drafts ({{typo:错=对}}, {{tao:…}}, {{blank:…}}, {{head:…}},
// {{hfmt:…}}; see test/accuracy/ANNOTATION.md): strip them to get the draft, and record where each mark was.
export const GROUPS = ['typo', 'tao', 'blank', 'head', 'hfmt'];

/**
 * Parses one marked draft.
 * @param {string} marked
 * @returns {{ text: string, spans: Array<{ group: string, line: number, column: number, endColumn: number, text: string, correction?: string }> }}
 */
export function parseMarked(marked) {
  const lines = marked.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const out = [];
  const spans = [];
  lines.forEach((src, li) => {
    let text = '';
    const stack = [];
    let i = 0;
    while (i < src.length) {
      if (src.startsWith('{{', i)) {
        const m = /^\{\{(typo|tao|blank|head|hfmt):/.exec(src.slice(i));
        if (!m) throw new Error(`line ${li + 1}: "{{" not followed by a known mark: ${src.slice(i, i + 20)}`);
        stack.push({ group: m[1], start: text.length, eq: -1 });
        i += m[0].length;
        continue;
      }
      if (src.startsWith('}}', i) && stack.length) {
        const open = stack.pop();
        let content = text.slice(open.start);
        let correction;
        if (open.group === 'typo') {
          if (open.eq < 0) throw new Error(`line ${li + 1}: typo mark without "=": ${content}`);
          correction = text.slice(open.eq);
          content = text.slice(open.start, open.eq);
          text = text.slice(0, open.eq); // the correction is not part of the draft
        }
        if (!content) throw new Error(`line ${li + 1}: empty ${open.group} mark`);
        // columns count code points, 1-based, end inclusive, as the linter's JSON does
        const column = [...text.slice(0, open.start)].length + 1;
        const endColumn = column + [...content].length - 1;
        spans.push({ group: open.group, line: li + 1, column, endColumn, text: content, ...(correction !== undefined ? { correction } : {}) });
        i += 2;
        continue;
      }
      const top = stack[stack.length - 1];
      if (src[i] === '=' && top && top.group === 'typo' && top.eq < 0) {
        top.eq = text.length;
        i++;
        continue;
      }
      text += src[i];
      i++;
    }
    if (stack.length) throw new Error(`line ${li + 1}: unclosed ${stack[stack.length - 1].group} mark`);
    out.push(text);
  });
  return { text: out.join('\n') + '\n', spans };
}
