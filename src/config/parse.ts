// Reading one config file into a plain object, with the position and cause of any syntax error, and
// YAML aliases capped so a few lines cannot expand into gigabytes (the "billion laughs").
import { extname, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from '../platform/import-module.js';
import { ConfigError } from './types.js';

/** Aliases one YAML config may expand; a real config uses a handful. */
export const MAX_YAML_ALIASES = 100;

/** Line and column (1-based) of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...lines.at(-1)!].length + 1 };
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const reason = String((error as Error).message).split('\n')[0]!;
    const at = /at position (\d+)/.exec(reason);
    const position = at ? positionOf(text, Number(at[1])) : text.trim() === '' ? undefined : positionOf(text, text.length);
    const clean = reason.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+$/, '');
    throw new ConfigError(file, '(syntax)', `JSON 语法错误：${clean}`, `JSON syntax error: ${clean}`, position);
  }
}

async function parseYaml(file: string, text: string): Promise<unknown> {
  // yaml is CommonJS when bundled: its exports may arrive on `default`.
  const mod = await import('yaml');
  const parseDocument = mod.parseDocument ?? (mod as unknown as { default: typeof mod }).default.parseDocument;
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    throw doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return new ConfigError(file, '(syntax)', `YAML 语法错误：${reason}`, `YAML syntax error: ${reason}`, pos ? { line: pos.line, column: pos.col } : undefined);
    });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const reason = String((error as Error).message).split('\n')[0]!;
    if (/alias/i.test(reason)) {
      throw new ConfigError(file, '(syntax)', `YAML 别名展开过多（上限 ${MAX_YAML_ALIASES}），疑为"别名炸弹"，拒绝读取`, `YAML aliases expand too far (limit ${MAX_YAML_ALIASES}): refused as an alias bomb`);
    }
    throw new ConfigError(file, '(syntax)', `YAML 错误：${reason}`, `YAML error: ${reason}`);
  }
}

/** A .js/.cjs/.mjs config: its default export. */
async function importConfig(file: string): Promise<unknown> {
  try {
    const mod = await importModule(pathToFileURL(file).href);
    return mod.default ?? mod;
  } catch (error) {
    const reason = String((error as Error)?.message ?? error).split('\n')[0]!;
    throw new ConfigError(file, '(load)', `无法加载配置文件：${reason}`, `cannot load the config file: ${reason}`);
  }
}

/**
 * The config in `file` (whose text is `text`), or undefined for a package.json without a "wenfeng" key.
 * Throws ConfigError, or an array of them for several syntax errors.
 */
export async function parseConfigFile(file: string, text: string): Promise<unknown> {
  const ext = extname(file).toLowerCase();
  if (basename(file) === 'package.json') return (parseJson(file, text) as Record<string, unknown> | null)?.wenfeng;
  if (['.js', '.cjs', '.mjs'].includes(ext)) return importConfig(file);
  if (text.trim() === '') return {};
  if (ext === '.json') return parseJson(file, text);
  // .yaml, .yml and extension-less rc files (JSON is YAML too).
  return parseYaml(file, text);
}
