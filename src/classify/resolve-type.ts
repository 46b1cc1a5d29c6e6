// Which limit class a draft is in: --type, then config overrides, then its title, then "other".
import type { Locale } from '../api.js';
import type { Document } from '../document/model.js';
import type { DocTypeInfo } from '../engine/result.js';
import { DOC_TYPES } from './doc-types.js';
import { classifyTitle, type TitleClass } from './from-title.js';
import { pageLimitFor } from './page-limits.js';

export interface TypeInputs {
  flag?: string;
  config?: string;
  pageLimits: Record<string, unknown>;
  locale: Locale;
}

/**
 * The title and what it says. The reader's title comes first; otherwise the first short paragraphs are
 * tried, since text drafts copied from web pages open with debris ("无障碍浏览") before the title.
 */
export function titleClass(doc: Document): { title: string; cls: TitleClass } | undefined {
  const candidates = [doc.title, ...doc.paragraphs.filter((p) => p.norm.trim()).slice(0, 6).map((p) => p.norm.trim())];
  for (const c of candidates) {
    if (!c || c.length > 80) continue;
    const cls = classifyTitle(c);
    if (cls) return { title: c, cls };
  }
  return undefined;
}

export function resolveDocType(doc: Document, inputs: TypeInputs): DocTypeInfo {
  const zh = inputs.locale === 'zh';
  let id = 'other';
  let source: DocTypeInfo['source'] = 'default';
  let reason: string;
  if (inputs.flag) {
    id = inputs.flag;
    source = 'flag';
    reason = zh ? '由 --type 指定' : 'set by --type';
  } else if (inputs.config) {
    id = inputs.config;
    source = 'config';
    reason = zh ? '由配置 overrides 指定' : 'set by config overrides';
  } else {
    const found = titleClass(doc);
    if (found) {
      id = found.cls.id;
      source = 'title';
      reason = found.cls.reason[inputs.locale];
    } else if (doc.title?.trim() || (doc.paragraphs.find((p) => p.norm.trim())?.norm.trim().length ?? Infinity) <= 80) {
      // Said in the summary, with the way out: the limit of the right kind is not applied.
      reason = zh ? '未能从标题判断文种：可用 --type 或配置 overrides 指定' : 'the title does not tell the kind: set it with --type or config overrides';
    } else reason = zh ? '未能找到标题：可用 --type 或配置 overrides 指定文种' : 'no title found: set the kind with --type or config overrides';
  }
  const label = DOC_TYPES[id]?.[inputs.locale] ?? id;
  const info: DocTypeInfo = { id, label, source, reason };
  const limit = pageLimitFor(id, inputs.pageLimits);
  if (limit !== undefined) info.pageLimit = limit;
  return info;
}
