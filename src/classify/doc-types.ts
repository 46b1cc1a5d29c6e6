// The limit classes a draft can fall in (seed 000 §四), with their labels.
import type { LocalText } from '../api.js';

export const DOC_TYPES: Record<string, LocalText> = {
  policy: { zh: '政策性文件', en: 'policy document' },
  task: { zh: '专项工作/具体任务文件', en: 'special-work or task document' },
  'comprehensive-report': { zh: '综合报告', en: 'comprehensive report' },
  'special-report': { zh: '专项报告', en: 'special report' },
  other: { zh: '其他文种', en: 'other' },
};

export const DOC_TYPE_IDS = Object.keys(DOC_TYPES);
