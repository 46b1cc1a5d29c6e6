// `wenfeng lsp` spoken to over stdio, message by message, as an editor would: open, diagnostics, edit,
// code actions applied to the client's copy, hover, a config change, a .docx on open and save, the
// workspace command, shutdown. The drafts on disk must never change.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, RpcClient } from './rpc-client.js';

// An astral character (𠀋, CJK Extension B: two UTF-16 units, one column) before the findings, and CRLF.
const DRAFT = [
  '# 关于整治形式主义为基层减负工作情况的报告',
  '',
  '𠀋𠮷村按照有关要求,现将官像主义问题整治情况报告如下。',
  '',
  '各部门召开的本系统全市性会议，原则上每年不超过次。',
  '',
].join('\r\n');

let dir: string;
let client: RpcClient;
let uri: string;
let doc: TextDocument;

const apply = (edits: any[]): void => {
  doc = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, TextDocument.applyEdits(doc, edits));
  client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text: doc.getText() }] });
};

const lineOf = (text: string, n: number): string => text.split(/\r\n|\r|\n/)[n]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wenfeng-lsp-'));
  writeFileSync(join(dir, 'draft.md'), DRAFT);
  copyFileSync(join(ROOT, 'fixtures/seeds/002-city-report.docx'), join(dir, 'report.docx'));
  copyFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), join(dir, 'other.txt'));
  // --stdio as VS Code's client passes it.
  client = new RpcClient(dir, ['--stdio']);
  await client.initialize(pathToFileURL(dir).href, { debounceMs: 5 });
  uri = pathToFileURL(join(dir, 'draft.md')).href;
  doc = TextDocument.create(uri, 'markdown', 1, DRAFT);
});

afterAll(() => {
  client?.child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('wenfeng lsp over stdio', () => {
  let diagnostics: any[];

  it('publishes diagnostics on open, in UTF-16 positions across CRLF and astral characters', async () => {
    const published = client.diagnostics(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
    diagnostics = (await published).diagnostics;
    const typo = diagnostics.find((d) => d.code === 'typo');
    const line = lineOf(DRAFT, 2);
    expect(typo.range).toEqual({ start: { line: 2, character: line.indexOf('官像主义') }, end: { line: 2, character: line.indexOf('官像主义') + 4 } });
    expect(typo.severity).toBe(1);
    expect(typo.message).toContain('官僚主义');
    expect(fileURLToPath(typo.codeDescription.href)).toBe(join(ROOT, 'docs/rules/typo.md'));
    expect(existsSync(fileURLToPath(typo.codeDescription.href))).toBe(true);
    const comma = diagnostics.find((d) => d.code === 'punctuation' && d.range.start.line === 2);
    expect(comma.range.start.character).toBe(line.indexOf(','));
    expect(comma.range.end.character).toBe(line.indexOf(',') + 1);
    const blank = diagnostics.find((d) => d.code === 'placeholder');
    expect(blank.range.start.line).toBe(4);
    expect(blank.message).toContain('建议');
    const summary = diagnostics.find((d) => d.code === 'wenfeng/summary');
    expect(summary.severity).toBe(3);
    expect(summary.range.start.line).toBe(0);
    expect(summary.message).toMatch(/约 1 页/);
  });

  it('explains the rule on hover', async () => {
    const boiler = diagnostics.find((d) => d.code === 'typo');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: boiler.range.start });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain(`**${boiler.code}**`);
    expect(hover.contents.value).toContain('# typo —');
    expect(hover.contents.value).toContain('官僚主义');
    const nothing = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } });
    expect(nothing).toBeNull();
  });

  it('offers the suggestion as a code action, and the change is checked again', async () => {
    const typo = diagnostics.find((d) => d.code === 'typo');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
    const change = actions.find((a: any) => a.title.includes('改为“官僚主义”'));
    expect(change.kind).toBe('quickfix');
    const published = client.diagnostics(uri, 2);
    apply(change.edit.changes[uri]);
    expect(lineOf(doc.getText(), 2)).toContain('官僚主义问题');
    diagnostics = (await published).diagnostics;
    expect(diagnostics.some((d) => d.code === 'typo')).toBe(false);
  });

  it('applies the safe punctuation fix, and the disable comment silences a rule on its line', async () => {
    const comma = diagnostics.find((d) => d.code === 'punctuation' && d.range.start.line === 2);
    let actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: comma.range, context: { diagnostics: [comma] } });
    const fix = actions.find((a: any) => a.isPreferred);
    expect(fix.edit.changes[uri]).toEqual([{ range: comma.range, newText: '，' }]);
    let published = client.diagnostics(uri, 3);
    apply(fix.edit.changes[uri]);
    expect(lineOf(doc.getText(), 2)).toContain('要求，现将');
    diagnostics = (await published).diagnostics;
    expect(diagnostics.some((d) => d.code === 'punctuation' && d.range.start.line === 2)).toBe(false);

    const blank = diagnostics.find((d) => d.code === 'placeholder');
    actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: blank.range, context: { diagnostics: [blank] } });
    const disable = actions.find((a: any) => a.title.includes('停用 placeholder'));
    published = client.diagnostics(uri, 4);
    apply(disable.edit.changes[uri]);
    expect(lineOf(doc.getText(), 4)).toBe('<!-- wenfeng-disable-next-line placeholder -->');
    expect(doc.getText()).toContain('-->\r\n各部门');
    diagnostics = (await published).diagnostics;
    expect(diagnostics.some((d) => d.code === 'placeholder')).toBe(false);
    // The editor's buffer changed; the file did not.
    expect(readFileSync(join(dir, 'draft.md'), 'utf8')).toBe(DRAFT);
  });

  it('reloads the config when it changes: told by the client, or seen by itself', async () => {
    const config = join(dir, '.wenfengrc.yaml');
    writeFileSync(config, 'rules:\n  boilerplate: off\n  locale: 1\n');
    let published = client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d: any) => d.code === 'wenfeng/config'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 1 }] });
    const broken = (await published).diagnostics;
    expect(broken).toHaveLength(1);
    expect(broken[0].message).toContain('.wenfengrc.yaml');

    // This client registers no file watchers (no dynamic registration): the server watches for itself.
    published = client.next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d: any) => d.code === 'wenfeng/summary'));
    writeFileSync(config, 'locale: en\n');
    const after = (await published).diagnostics;
    expect(after.find((d: any) => d.code === 'wenfeng/summary').message).toMatch(/~1 page \(estimated on a GB\/T 9704 page\)/);
  });

  it('checks a .docx from disk on open and on save, with its page estimate', async () => {
    const docx = pathToFileURL(join(dir, 'report.docx')).href;
    let published = client.diagnostics(docx);
    client.notify('textDocument/didOpen', { textDocument: { uri: docx, languageId: 'plaintext', version: 1, text: '' } });
    const first = (await published).diagnostics;
    expect(first.find((d: any) => d.code === 'wenfeng/summary').message).toMatch(/~10 pages/);
    expect(first.find((d: any) => d.code === 'page-limit').severity).toBe(1);
    expect(first.filter((d: any) => d.code === 'placeholder').length).toBeGreaterThan(3);
    // Word documents get no edits: fixes are made in Word.
    const blank = first.find((d: any) => d.code === 'placeholder');
    expect(await client.request('textDocument/codeAction', { textDocument: { uri: docx }, range: blank.range, context: { diagnostics: [blank] } })).toEqual([]);
    published = client.diagnostics(docx);
    client.notify('textDocument/didSave', { textDocument: { uri: docx } });
    expect((await published).diagnostics).toEqual(first);
  });

  it('says in one diagnostic why a file cannot be read, and checks a large buffer in its worker', async () => {
    copyFileSync(join(ROOT, 'fixtures/bad/program.docx'), join(dir, 'program.docx'));
    const bad = pathToFileURL(join(dir, 'program.docx')).href;
    let published = client.diagnostics(bad);
    client.notify('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'plaintext', version: 1, text: '' } });
    const fatal = (await published).diagnostics;
    expect(fatal).toHaveLength(1);
    expect(fatal[0].severity).toBe(1);
    expect(fatal[0].range.start).toEqual({ line: 0, character: 0 });
    expect(fatal[0].message).toMatch(/executable/);

    // Over 256 KB: not tried in the server's thread but in the worker, like the CLI's large drafts.
    const big = pathToFileURL(join(dir, 'big.md')).href;
    const text = `# 关于整治形式主义的报告\n\n${'各部门召开的本系统全市性会议，原则上每年不超过次。\n\n'.repeat(3500)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(256 * 1024);
    published = client.diagnostics(big, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri: big, languageId: 'markdown', version: 1, text } });
    const found = (await published).diagnostics;
    expect(found.filter((d: any) => d.code === 'placeholder')).toHaveLength(3500);
    expect(found.find((d: any) => d.code === 'placeholder' && d.range.start.line === 4).range.start.character).toBe('各部门召开的本系统全市性会议，原则上每年不超过次。'.indexOf('不超过次'));
    client.notify('textDocument/didClose', { textDocument: { uri: big } });
    client.notify('textDocument/didClose', { textDocument: { uri: bad } });
  });

  it('checks the whole workspace on request', async () => {
    const other = pathToFileURL(join(dir, 'other.txt')).href;
    const published = client.diagnostics(other);
    const totals = await client.request('workspace/executeCommand', { command: 'wenfeng.checkWorkspace', arguments: [] });
    expect(totals.files).toBe(4);
    const diags = (await published).diagnostics;
    expect(diags.some((d: any) => d.code === 'typo')).toBe(true);
  });

  it('shuts down and exits cleanly', async () => {
    expect(await client.stop()).toBe(0);
    expect(readFileSync(join(dir, 'draft.md'), 'utf8')).toBe(DRAFT);
  });
});
