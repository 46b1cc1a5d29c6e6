// The CI formats (sarif, github, junit) on real drafts through the built CLI, each checked against the
// JSON output of the same run: one finding in, one finding out.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, test } from 'vitest';
import { junit } from '../../src/formatters/junit.js';
import type { FileResult, LintMessage } from '../../src/engine/result.js';
import { ROOT, runCli, tempDir } from '../helpers/run-cli.js';

const FILES = [
  'fixtures/seeds/002-city-report.txt',
  'fixtures/seeds/002-city-report.docx',
  'fixtures/seeds/000-moj-jianfu.pdf',
  'fixtures/good/good-notice.txt',
  'fixtures/bad/corrupt.docx',
  'fixtures/pdf/scanned.pdf',
];

interface JsonFile {
  path: string;
  fatal: boolean;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

let jsonFiles: JsonFile[];
beforeAll(() => {
  const r = runCli([...FILES, '--format', 'json']);
  jsonFiles = JSON.parse(r.stdout).files;
  expect(jsonFiles.map((f) => f.path)).toEqual(FILES);
});

const flat = (): Array<{ file: JsonFile; m: LintMessage }> => jsonFiles.flatMap((file) => file.messages.map((m) => ({ file, m })));
const withSuggestion = (m: LintMessage): string => (m.suggestion ? `${m.message}（建议：${m.suggestion}）` : m.message);

/**
 * The OASIS SARIF 2.1.0 schema (rtm.5 is the published one). It is written as draft-04, which Ajv 8 does
 * not load; its only draft-04-specific keyword is the root `id`, so it is read as draft-07 with `$id`.
 */
function sarifValidator() {
  const { $schema, id, ...schema } = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  expect($schema).toBe('http://json-schema.org/draft-04/schema#');
  // Without the u flag: the schema's language pattern has a stray "]" that only non-unicode regexps accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormatsModule.default(ajv);
  return ajv.compile({ ...schema, $id: id });
}

describe('sarif', () => {
  test('is valid SARIF 2.1.0 and its results are the JSON messages, one to one', () => {
    const r = runCli([...FILES, '--format', 'sarif']);
    expect(r.code).toBe(2); // corrupt.docx cannot be read
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('wenfeng');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.columnKind).toBe('unicodeCodePoints');
    const rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown?: string }; properties?: { docs?: string } }> = run.tool.driver.rules;
    const placeholder = rules.find((x) => x.id === 'placeholder');
    expect(placeholder?.shortDescription.text).toMatch(/数字空缺/);
    expect(placeholder?.properties?.docs).toBe('docs/rules/placeholder.md');
    expect(placeholder?.help.markdown).toMatch(/^# placeholder/);
    for (const rule of rules) {
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
    }

    const expected = flat();
    expect(run.results).toHaveLength(expected.length);
    run.results.forEach((res: any, i: number) => {
      const { file, m } = expected[i]!;
      expect(res.ruleId).toBe(m.ruleId ?? (file.fatal ? 'wenfeng/fatal' : 'wenfeng/reader'));
      expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[m.severity]);
      expect(res.message.text).toBe(withSuggestion(m));
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: file.path, uriBaseId: '%SRCROOT%' });
      expect(loc.region.startLine).toBe(m.line);
      if (m.ruleId !== null) {
        expect(loc.region.startColumn).toBe(m.column);
        expect(loc.region.endLine).toBe(m.endLine);
        // SARIF's endColumn is exclusive; wenfeng's is the last character.
        expect(loc.region.endColumn).toBe(m.endColumn + 1);
        if (m.text) expect(loc.region.snippet.text).toBe(m.text);
      }
    });

    // The unreadable file is also a tool execution notification, and the run is marked unsuccessful.
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^fixtures\/bad\/corrupt\.docx: /);

    // The validator has teeth: a relative helpUri (why docs paths go in properties) and a 0 column fail.
    const broken = structuredClone(log);
    broken.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/placeholder.md';
    expect(validate(broken)).toBe(false);
    const zeroColumn = structuredClone(log);
    zeroColumn.runs[0].results[1].locations[0].physicalLocation.region.startColumn = 0;
    expect(validate(zeroColumn)).toBe(false);
  });

  test('a region selects exactly the matched text of a .txt draft', () => {
    const log = JSON.parse(runCli(['fixtures/seeds/002-city-report.txt', '--format', 'sarif']).stdout);
    const lines = readFileSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), 'utf8').split('\n');
    const hit = log.runs[0].results.find((x: any) => x.locations[0].physicalLocation.region.snippet?.text === '不超过次');
    const region = hit.locations[0].physicalLocation.region;
    expect([...lines[region.startLine - 1]!].slice(region.startColumn - 1, region.endColumn - 1).join('')).toBe('不超过次');
  });

  test('a clean run is valid and successful; Chinese names are percent-encoded URIs', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '通知 草稿'));
    writeFileSync(join(dir, '通知 草稿/关于检查的通知.txt'), '关于开展安全检查的通知\n各单位每年不超过次。\n');
    const validate = sarifValidator();
    const clean = JSON.parse(runCli([join(ROOT, 'fixtures/good/good-notice.txt'), '--format', 'sarif'], { cwd: dir }).stdout);
    expect(validate(clean), JSON.stringify(validate.errors)).toBe(true);
    expect(clean.runs[0].results).toEqual([]);
    expect(clean.runs[0].invocations[0].executionSuccessful).toBe(true);

    const log = JSON.parse(runCli(['.', '--format', 'sarif', '--no-config'], { cwd: dir }).stdout);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(decodeURIComponent(uri)).toBe('通知 草稿/关于检查的通知.txt');
    expect(uri).not.toMatch(/[^\x21-\x7e]/);
  });
});

/** `::cmd k=v,k=v::data` back to its parts, undoing the runner's escaping. */
function parseCommand(line: string): { command: string; props: Record<string, string>; data: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2]!.split(',').map((kv) => {
    const eq = kv.indexOf('=');
    return [kv.slice(0, eq), unescape(kv.slice(eq + 1))];
  }));
  return { command: m[1]!, props, data: unescape(m[3]!) };
}

describe('github', () => {
  test('one workflow command per finding that parses back to file, line, column and message', () => {
    const r = runCli([...FILES, '--format', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    const expected = flat();
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const { file, m } = expected[i]!;
      const { command, props, data } = parseCommand(line);
      expect(command).toBe({ error: 'error', warning: 'warning', info: 'notice' }[m.severity]);
      expect(props.file).toBe(file.path);
      expect(data).toBe(withSuggestion(m));
      if (m.ruleId === null) {
        expect(props.line).toBeUndefined();
        expect(props.title).toBe('wenfeng');
        return;
      }
      expect(props.title).toBe(`wenfeng (${m.ruleId})`);
      expect(Number(props.line)).toBe(m.line);
      expect(Number(props.endLine)).toBe(m.endLine);
      if (m.endLine === m.line) {
        expect(Number(props.col)).toBe(m.column);
        expect(Number(props.endColumn)).toBe(m.endColumn + 1);
      } else {
        expect(props.col).toBeUndefined();
      }
    });
    // A fatal file is one error on the file.
    expect(lines).toContain('::error file=fixtures/bad/corrupt.docx,title=wenfeng::文件已损坏：word/document.xml 无法解压');
    // "%" in a message ("同比下降%") is escaped, and no raw line break gets through.
    expect(lines.some((l) => l.includes('%25'))).toBe(true);
  });

  test('escapes , : % and line breaks; paths are relative to GITHUB_WORKSPACE', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub/a,b:c%.md'), '# 关于检查的通知\n\n每年不超过次。\n');
    const r = runCli(['a,b:c%.md', '--format', 'github', '--no-config'], { cwd: join(dir, 'sub'), env: { GITHUB_WORKSPACE: dir } });
    const line = r.stdout.split('\n').find((l) => l.includes('placeholder'))!;
    expect(line).toMatch(/^::error file=sub\/a%2Cb%3Ac%25\.md,line=3,/);
    expect(parseCommand(line).props.file).toBe('sub/a,b:c%.md');
  });
});

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** A strict XML parse (saxes throws on anything not well-formed) into a small tree. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root.children[0]!;
}

describe('junit', () => {
  test('well-formed; one test case per file, a failure per failing file listing every finding', () => {
    const r = runCli([...FILES, 'fixtures/good/good-report.docx', '--format', 'junit']);
    const files = [...jsonFiles, { path: 'fixtures/good/good-report.docx', fatal: false, messages: [], errorCount: 0, warningCount: 0, infoCount: 0 }];
    const suites = parseXml(r.stdout);
    expect(suites.name).toBe('testsuites');
    expect(suites.children).toHaveLength(1);
    const suite = suites.children[0]!;
    expect(suite.name).toBe('testsuite');
    const cases = suite.children;
    expect(cases.map((c) => c.attributes.name)).toEqual(files.map((f) => f.path));

    const failing = files.filter((f) => !f.fatal && f.errorCount + f.warningCount > 0);
    const fatal = files.filter((f) => f.fatal);
    for (const node of [suites, suite]) {
      expect(node.attributes.tests).toBe(String(files.length));
      expect(node.attributes.failures).toBe(String(failing.length));
      expect(node.attributes.errors).toBe(String(fatal.length));
    }
    cases.forEach((c, i) => {
      const f = files[i]!;
      expect(c.attributes.classname).toBe('wenfeng');
      expect(c.attributes.file).toBe(f.path);
      const failures = c.children.filter((x) => x.name === 'failure');
      const errors = c.children.filter((x) => x.name === 'error');
      if (f.fatal) {
        expect(errors).toHaveLength(1);
        expect(errors[0]!.attributes.message).toBe(f.messages[0]!.message);
        return;
      }
      if (f.errorCount + f.warningCount === 0) {
        expect(failures).toHaveLength(0);
        return;
      }
      expect(failures).toHaveLength(1);
      expect(failures[0]!.attributes.type).toBe(f.errorCount ? 'error' : 'warning');
      // Every finding is a line: "line:col severity message [rule]".
      const lines = failures[0]!.text.split('\n');
      expect(lines).toHaveLength(f.messages.length);
      lines.forEach((line, j) => {
        const m = f.messages[j]!;
        const pos = m.ruleId === null ? '' : `${m.line}:${m.column} `;
        expect(line).toBe(`${pos}${{ error: '错误', warning: '警告', info: '提示' }[m.severity]} ${withSuggestion(m)} [${m.ruleId ?? 'reader'}]`);
      });
    });
  });

  test('escapes markup and drops characters XML cannot hold', () => {
    const message: LintMessage = { ruleId: 'x', severity: 'info', message: 'a <b> & "c" \u0001 ]]> \uD800', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const result: FileResult = { path: 'd&<e>"\'.txt', format: 'txt', fatal: false, docType: null, pages: null, stats: {}, messages: [message], errorCount: 0, warningCount: 0, infoCount: 1 };
    const xml = junit([result], { locale: 'en', color: undefined as never, cwd: ROOT });
    const testcase = parseXml(xml).children[0]!.children[0]!;
    expect(testcase.attributes.name).toBe('d&<e>"\'.txt');
    // Info only: the test passes and the note is in system-out.
    expect(testcase.children.map((c) => c.name)).toEqual(['system-out']);
    expect(testcase.children[0]!.text).toBe('1:1 info a <b> & "c" \uFFFD ]]> \uFFFD [x]');
  });
});

describe('--output-file and pluggable formatters', () => {
  test.each(['sarif', 'github', 'junit'])('--output-file writes %s to a file, the same as stdout', (format) => {
    const dir = tempDir();
    const out = join(dir, `report.${format}`);
    const args = ['fixtures/seeds/002-city-report.txt', 'fixtures/good/good-notice.txt', '--format', format];
    const toFile = runCli([...args, '--output-file', out]);
    expect(toFile.stdout).toBe('');
    expect(toFile.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(runCli(args).stdout);
  });

  test('--format ./file.mjs loads a default export or a named `format`, with rule metadata', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'count.mjs'),
      'export default (results, ctx) => `${results.length} files, ${results.reduce((n, r) => n + r.messages.length, 0)} findings, locale ${ctx.locale}, placeholder: ${ctx.rulesMeta?.placeholder?.docs}\\n`;\n',
    );
    writeFileSync(join(dir, 'paths.mjs'), 'export function format(results) { return results.map((r) => r.path).join("|") + "\\n"; }\n');
    writeFileSync(join(dir, 'draft.txt'), '关于开展安全检查的通知\n各单位每年不超过次。\n');
    const a = runCli(['draft.txt', '--format', './count.mjs', '--no-config'], { cwd: dir });
    expect(a.stdout).toMatch(/^1 files, [1-9]\d* findings, locale zh, placeholder: docs\/rules\/placeholder\.md\n$/);
    expect(a.code).toBe(1);
    expect(runCli(['draft.txt', '--format', './paths.mjs', '--no-config'], { cwd: dir }).stdout).toBe('draft.txt\n');
  });
});
