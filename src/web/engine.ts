// The page's engine: the same reading, layout, classification, rules and formatters as the CLI, on
// the bytes of a dropped file and a config object (the .wenfengrc.json the page exports). Runs inside
// a Web Worker (engine-worker.ts), so a draft that takes too long is ended like the CLI ends its worker.
import type { Locale, Rule } from '../api.js';
import { annotate, describeOutcome } from '../annotate/annotate.js';
import { resolveFileSettings, type FileSettings } from '../config/resolve.js';
import { ConfigError, type Config } from '../config/types.js';
import { validateConfig } from '../config/validate.js';
import { computeFixes } from '../engine/compute-fixes.js';
import { DEFAULT_LIMITS } from '../engine/limits.js';
import { lintBytes } from '../engine/lint-bytes.js';
import { phraseRule } from '../engine/phrase-rule.js';
import type { FileResult } from '../engine/result.js';
import { html } from '../formatters/html.js';
import { json } from '../formatters/json.js';
import { loadPatternEngine, regexEntry } from '../text/safe-pattern.js';
import { builtinRules } from '../../rules/index.js';

/** Where a dropped file "is": config globs see its bare name. */
const PAGE_DIR = '/page';
const CONFIG_NAME = '.wenfengrc.json';

export interface LintRequest {
  name: string;
  bytes: Uint8Array;
  config: unknown;
  locale: Locale;
}

export interface LintReply {
  /** The whole report page for this draft (as `--format html`). */
  html: string;
  /** `--format json` for this draft. */
  json: string;
  /** For a text draft with safe fixes: its text with them applied. */
  fixedText?: string;
  fixCount?: number;
  fatal: boolean;
  format: FileResult['format'];
}

export class PageConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

async function rulesFor(config: Config): Promise<Map<string, Rule<any>>> {
  const map = new Map<string, Rule<any>>(builtinRules.map((r) => [r.meta.id, r]));
  const phrases = config.phrases ?? [];
  const re2 = phrases.some((p) => p.match.some((m) => regexEntry(m))) ? await loadPatternEngine() : undefined;
  phrases.forEach((phrase, i) => {
    if (map.has(phrase.id)) throw new ConfigError(CONFIG_NAME, `phrases[${i}].id`, `规则 id ${phrase.id} 已被占用`, `rule id ${phrase.id} is already taken`);
    map.set(phrase.id, phraseRule(phrase, re2));
  });
  return map;
}

/** The settings the CLI would give a draft named `name` next to this config (plugins and references are the CLI's). */
export async function settingsFor(name: string, raw: unknown, locale: Locale): Promise<{ settings: FileSettings; rules: Map<string, Rule<any>> }> {
  try {
    const config = await validateConfig(structuredClone(raw ?? {}), CONFIG_NAME);
    if (config.plugins?.length || config.references?.length) {
      throw new ConfigError(CONFIG_NAME, config.plugins?.length ? 'plugins' : 'references', '网页版不加载插件和参照文件，请用命令行', 'the page loads no plugins or reference files; use the command line');
    }
    const rules = await rulesFor(config);
    const settings = resolveFileSettings(`${PAGE_DIR}/${name}`, { config, dir: PAGE_DIR, filepath: CONFIG_NAME }, rules, { rules: {}, locale });
    return { settings, rules };
  } catch (error) {
    if (error instanceof ConfigError) throw new PageConfigError(error.all.map((e) => e.line(locale)));
    throw error;
  }
}

const TEXT_FORMATS = new Set(['txt', 'md']);

export async function lintForPage(request: LintRequest): Promise<LintReply> {
  const { settings, rules } = await settingsFor(request.name, request.config, request.locale);
  const result = await lintBytes(request.bytes, { path: request.name, settings, limits: DEFAULT_LIMITS, references: async () => [] });
  return reply(result, rules, request);
}

export function reply(result: FileResult, rules: Map<string, Rule<any>>, request: LintRequest): LintReply {
  const locale = request.locale;
  const rulesMeta = Object.fromEntries([...rules].map(([id, rule]) => [id, { description: rule.meta.description[locale], docs: rule.meta.docs }]));
  const ctx = { locale, color: undefined as never, cwd: PAGE_DIR, rulesMeta };
  const out: LintReply = { html: html([result], ctx), json: json([result], ctx), fatal: result.fatal, format: result.format };
  if (!result.fatal && TEXT_FORMATS.has(result.format ?? '') && result.fixes?.length && result.document) {
    // The text as the reader decoded it; UTF-8 only, as --fix writes only UTF-8 drafts.
    let source: string | undefined;
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(request.bytes);
    } catch {
      source = undefined;
    }
    if (source !== undefined) {
      const fixed = computeFixes(result, source);
      if (fixed.fixed !== undefined) {
        out.fixedText = fixed.fixed;
        out.fixCount = fixed.applied;
      }
    }
  }
  return out;
}

export interface AnnotateReply {
  bytes?: Uint8Array;
  /** The one line `wenfeng annotate` prints, or why nothing was written. */
  message: string;
  output: string;
}

/** `wenfeng annotate`: the draft's copy with one Word comment per finding, named draft.reviewed.docx. */
export async function annotateForPage(request: LintRequest): Promise<AnnotateReply> {
  const output = `${request.name.replace(/\.[^.]*$/, '')}.reviewed.docx`;
  const { settings } = await settingsFor(request.name, request.config, request.locale);
  const result = await lintBytes(request.bytes, { path: request.name, settings, limits: DEFAULT_LIMITS, references: async () => [] });
  const en = request.locale === 'en';
  if (result.fatal || result.format !== 'docx' || !result.document) {
    const why = result.messages.map((m) => m.message).join('；');
    return { output, message: en ? `${request.name}: only a readable Word document (.docx) can be annotated${why ? ` (${why})` : ''}` : `${request.name}：只能给可读的 Word 文档（.docx）加批注${why ? `（${why}）` : ''}` };
  }
  const annotated = annotate(request.bytes, result, request.locale);
  return { bytes: annotated.bytes, output, message: describeOutcome(annotated.comments, output, request.locale) };
}
