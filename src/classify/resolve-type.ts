// Which limit class a draft is in: --type, then config overrides, then its title, then "other".
import type { Locale } from '../api.js';
import type { Document } from '../document/model.js';
import type { DocTypeInfo } from '../engine/result.js';
import { DOC_TYPES } from './doc-types.js';
import { pageLimitFor } from './page-limits.js';

export interface TypeInputs {
  flag?: string;
  config?: string;
  pageLimits: Record<string, unknown>;
  locale: Locale;
}

export function resolveDocType(doc: Document, inputs: TypeInputs): DocTypeInfo {
  let id = 'other';
  let source: DocTypeInfo['source'] = 'default';
  let reason: string | undefined;
  const zh = inputs.locale === 'zh';
  if (inputs.flag) {
    id = inputs.flag;
    source = 'flag';
    reason = zh ? '由 --type 指定' : 'set by --type';
  } else if (inputs.config) {
    id = inputs.config;
    source = 'config';
    reason = zh ? '由配置 overrides 指定' : 'set by config overrides';
  } else {
    reason = zh ? '未能从标题判断文种' : 'the title does not tell the kind';
  }
  const label = DOC_TYPES[id]?.[inputs.locale] ?? id;
  const info: DocTypeInfo = { id, label, source, reason };
  const limit = pageLimitFor(id, inputs.pageLimits);
  if (limit !== undefined) info.pageLimit = limit;
  return info;
}
