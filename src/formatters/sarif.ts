// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every message a result.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import type { Locale } from '../api.js';
import type { FileResult, LintMessage, MessageSeverity } from '../engine/result.js';
import { VERSION } from '../version.js';
import { isFileLevel, messageText, relativeTo } from './ci-shared.js';
import type { Formatter, FormatterContext } from './types.js';
import { findPackageRoot } from './package-root.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Results with no rule get one of these, so every result has a ruleId code scanning can group by. */
export const FATAL_RULE = 'wenfeng/fatal';
export const READER_RULE = 'wenfeng/reader';

const SYNTHETIC: Record<string, Record<Locale, string>> = {
  [FATAL_RULE]: { zh: '文件无法读取或检查', en: 'The file could not be read or checked' },
  [READER_RULE]: { zh: '读取文稿时的提示（如修订、文本框、无文字层）', en: 'A note from reading the draft (tracked changes, text boxes, no text layer)' },
};

const LEVEL: Record<MessageSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const isWebUrl = (s: unknown): s is string => typeof s === 'string' && /^https?:\/\/\S+$/.test(s);

/** A built-in rule's markdown doc, for the "rule help" panel; plugin docs are relative to the plugin, so not read. */
function readDoc(id: string, docs: string | undefined): string | undefined {
  if (!docs || isWebUrl(docs) || isAbsolute(docs) || id.includes('/')) return undefined;
  const root = findPackageRoot();
  if (!root) return undefined;
  try {
    return readFileSync(resolve(root, docs), 'utf8');
  } catch {
    return undefined;
  }
}

function ruleDescriptor(id: string, ctx: FormatterContext): Record<string, unknown> {
  const meta = ctx.rulesMeta?.[id];
  const description = meta?.description ?? SYNTHETIC[id]?.[ctx.locale] ?? id;
  const docs = meta?.docs;
  // helpUri must be an absolute URI (schema: format "uri"); a doc path in the package goes in properties.
  const seeAlso = docs && !isWebUrl(docs) ? (ctx.locale === 'zh' ? `\n\n说明文档：wenfeng 包内 ${docs}` : `\n\nDocumentation: ${docs} in the wenfeng package`) : '';
  const markdown = readDoc(id, docs);
  const descriptor: Record<string, unknown> = {
    id,
    name: id,
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: markdown ? { text: `${description}${seeAlso}`, markdown } : { text: `${description}${seeAlso}` },
  };
  if (isWebUrl(docs)) descriptor.helpUri = docs;
  if (id === FATAL_RULE) descriptor.defaultConfiguration = { level: 'error' };
  if (docs && !isWebUrl(docs)) descriptor.properties = { docs };
  return descriptor;
}

/** Percent-encoded, so Chinese file names and spaces make a valid URI reference. */
const encodePath = (rel: string): string => rel.split('/').map(encodeURIComponent).join('/');

function artifactLocation(r: FileResult, cwd: string): Record<string, string> {
  const rel = relativeTo(cwd, cwd, r.path);
  if (rel !== null) return { uri: encodePath(rel), uriBaseId: '%SRCROOT%' };
  if (r.path === '<stdin>') return { uri: encodeURIComponent(r.path) };
  return { uri: pathToFileURL(resolve(cwd, r.path)).href };
}

function region(m: LintMessage): Record<string, unknown> {
  // A message about the whole file has no character range: just its first line.
  if (isFileLevel(m)) return { startLine: m.line };
  // SARIF's endColumn is the column after the region; wenfeng's is the last character (inclusive).
  const endColumn = m.endLine === m.line ? Math.max(m.endColumn + 1, m.column) : m.endColumn + 1;
  const out: Record<string, unknown> = { startLine: m.line, startColumn: m.column, endLine: Math.max(m.endLine, m.line), endColumn };
  // Shows the matched words where a viewer cannot open the draft (.docx, .pdf).
  if (m.text) out.snippet = { text: m.text };
  return out;
}

export const sarif: Formatter = (results, ctx) => {
  const { cwd, locale } = ctx;
  const ruleIdOf = (r: FileResult, m: LintMessage): string => m.ruleId ?? (r.fatal ? FATAL_RULE : READER_RULE);

  // Every rule the run offered, then any a result names that the metadata lacks (nested configs' plugins).
  const ids = [...Object.keys(ctx.rulesMeta ?? {})];
  for (const r of results) for (const m of r.messages) if (!ids.includes(ruleIdOf(r, m))) ids.push(ruleIdOf(r, m));
  const index = new Map(ids.map((id, i) => [id, i]));

  const sarifResults = results.flatMap((r) =>
    r.messages.map((m) => {
      const ruleId = ruleIdOf(r, m);
      const result: Record<string, unknown> = {
        ruleId,
        ruleIndex: index.get(ruleId),
        level: LEVEL[m.severity],
        message: { text: messageText(m, locale) },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(r, cwd), region: region(m) } }],
      };
      const properties: Record<string, unknown> = {};
      if (m.suggestion) properties.suggestion = m.suggestion;
      if (m.fixable) properties.fixable = true;
      if (r.format === 'docx' || r.format === 'pdf') properties.lineIsParagraph = true;
      if (Object.keys(properties).length) result.properties = properties;
      return result;
    }),
  );

  // An unreadable file is also a tool execution problem; the result above is what code scanning shows.
  const notifications = results
    .filter((r) => r.fatal)
    .map((r) => ({
      level: 'error',
      message: { text: `${r.path}: ${r.messages.map((m) => m.message).join('; ')}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(r, cwd) } }],
    }));

  const homepage = (pkg as { homepage?: unknown }).homepage;
  const driver: Record<string, unknown> = {
    name: 'wenfeng',
    version: VERSION,
    semanticVersion: VERSION,
    ...(isWebUrl(homepage) ? { informationUri: homepage } : {}),
    rules: ids.map((id) => ruleDescriptor(id, ctx)),
  };

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [
          {
            executionSuccessful: !results.some((r) => r.crashed),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        // wenfeng counts columns in characters (code points), as an editor does for Chinese text.
        columnKind: 'unicodeCodePoints',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
