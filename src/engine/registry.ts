// Which rules exist for a config: the built-ins, its plugins' rules (namespaced) and its phrase rules.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin, Rule } from '../api.js';
import { ConfigError, type LoadedConfig } from '../config/types.js';
import { builtinRules } from '../../rules/index.js';
import { importModule } from '../platform/import-module.js';
import { phraseRule } from './phrase-rule.js';
import { loadPatternEngine, regexEntry } from '../text/safe-pattern.js';

export type RuleMap = Map<string, Rule<any>>;

/** "wenfeng-plugin-foo" → "foo", "@org/wenfeng-plugin-foo" → "@org/foo", "./x/my-rules.js" → "my-rules". */
export function pluginNamespace(spec: string, plugin: { name?: unknown }): string {
  if (typeof plugin.name === 'string' && plugin.name) return plugin.name;
  if (spec.startsWith('.') || isAbsolute(spec)) return basename(spec, extname(spec));
  return spec.replace(/(^|\/)wenfeng-plugin-/, '$1');
}

/**
 * What identifies a rule's code and data beyond wenfeng's own version, for the cache key: a phrase
 * rule's whole config entry, a plugin's package version or its file's content hash.
 */
const fingerprints = new WeakMap<object, string>();

export function ruleFingerprint(rule: Rule<any>): string | undefined {
  return fingerprints.get(rule);
}

/** A package plugin's name@version from the nearest package.json above its entry file, else the entry file's hash. */
async function pluginFingerprint(entry: string, isPackage: boolean): Promise<string> {
  if (isPackage) {
    for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
      if (manifest === undefined) continue;
      const { name, version } = JSON.parse(manifest) as { name?: string; version?: string };
      if (name && version) return `${name}@${version}`;
    }
  }
  const { createHash } = await import('node:crypto');
  return `sha256:${createHash('sha256').update(await readFile(entry)).digest('hex')}`;
}

async function importPlugin(spec: string, dir: string, file: string, index: number): Promise<{ namespace: string; plugin: Plugin; fingerprint: string }> {
  try {
    const isPackage = !(spec.startsWith('.') || isAbsolute(spec));
    const entry = isPackage ? createRequire(join(dir, 'noop.js')).resolve(spec) : resolve(dir, spec);
    const mod = await importModule(pathToFileURL(entry).href);
    const plugin = (mod.default && 'rules' in mod.default ? mod.default : mod) as Plugin & { name?: unknown };
    if (!plugin || typeof plugin.rules !== 'object') throw new Error('it exports no `rules`');
    return { namespace: pluginNamespace(spec, plugin), plugin, fingerprint: `${spec} ${await pluginFingerprint(entry, isPackage)}` };
  } catch (error) {
    const message = String((error as Error)?.message ?? error).split('\n')[0];
    throw new ConfigError(file, `plugins[${index}]`, `无法加载插件 ${spec}：${message}`, `cannot load plugin ${spec}: ${message}`);
  }
}

function checkRuleShape(rule: unknown, where: string, file: string): asserts rule is Rule<any> {
  const r = rule as Rule<any>;
  if (!r || typeof r.check !== 'function' || !r.meta || typeof r.meta.id !== 'string') {
    throw new ConfigError(file, where, '不是有效的规则（需要 meta.id 和 check 函数）', 'not a valid rule (needs meta.id and a check function)');
  }
}

const registries = new Map<string, Promise<RuleMap>>();

export function builtinRuleMap(): RuleMap {
  return new Map(builtinRules.map((r) => [r.meta.id, r]));
}

/** The rule set a config makes available, cached per config file. */
export function rulesFor(loaded: LoadedConfig): Promise<RuleMap> {
  const key = loaded.filepath ?? '';
  let found = registries.get(key);
  if (!found) {
    found = (async () => {
      const map = builtinRuleMap();
      const file = loaded.filepath ?? '(config)';
      for (const [i, spec] of (loaded.config.plugins ?? []).entries()) {
        const { namespace, plugin, fingerprint } = await importPlugin(spec, loaded.dir, file, i);
        const entries = Array.isArray(plugin.rules) ? plugin.rules.map((r) => [r?.meta?.id, r] as const) : Object.entries(plugin.rules);
        for (const [name, rule] of entries) {
          checkRuleShape(rule, `plugins[${i}] (${spec}) rule ${String(name)}`, file);
          const id = `${namespace}/${String(name ?? rule.meta.id).replace(/^.*\//, '')}`;
          const namespaced = { ...rule, meta: { ...rule.meta, id } };
          fingerprints.set(namespaced, fingerprint);
          map.set(id, namespaced);
        }
      }
      const phrases = loaded.config.phrases ?? [];
      const re2 = phrases.some((p) => p.match.some((m) => regexEntry(m))) ? await loadPatternEngine() : undefined;
      for (const [i, phrase] of phrases.entries()) {
        if (map.has(phrase.id)) throw new ConfigError(file, `phrases[${i}].id`, `规则 id ${phrase.id} 已被占用`, `rule id ${phrase.id} is already taken`);
        const rule = phraseRule(phrase, re2);
        fingerprints.set(rule, JSON.stringify(phrase));
        map.set(phrase.id, rule);
      }
      return map;
    })();
    registries.set(key, found);
  }
  return found;
}

/** Forgets the rule sets built per config file: a long-lived process (`wenfeng lsp`) whose config changed. */
export function forgetRuleSets(): void {
  registries.clear();
}
