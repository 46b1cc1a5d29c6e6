// Page limits by limit class: a named preset (default moj-2019), then any per-type numbers from config.
import presets from './page-limit-presets.json' with { type: 'json' };

type Presets = Record<string, { source: string; limits: Record<string, number> }>;

export const PAGE_LIMIT_PRESETS = presets as Presets;
export const DEFAULT_PRESET = 'moj-2019';

export function pageLimitFor(typeId: string, config: Record<string, unknown>): number | undefined {
  const preset = typeof config.preset === 'string' ? config.preset : DEFAULT_PRESET;
  const fromConfig = config[typeId];
  if (typeof fromConfig === 'number') return fromConfig;
  return PAGE_LIMIT_PRESETS[preset]?.limits[typeId];
}
