// The page's own words, in Chinese and English (the reports carry the formatter's).
export interface Words {
  title: string;
  tagline: string;
  offline: string;
  drop: string;
  pick: string;
  empty: string;
  settings: string;
  docType: string;
  rulesHead: string;
  phrasesHead: string;
  phrasesHint: string;
  apply: string;
  exportConfig: string;
  importConfig: string;
  checking: string;
  waiting: string;
  error: string;
  json: string;
  annotate: string;
  copied: string;
  downloadedFixed: string;
  types: Record<string, string>;
  severities: Record<'off' | 'info' | 'warning' | 'error', string>;
  /** The page figure in the file list: "约 10 页（上限 5 页）" for an estimate, "5 页" for a PDF's own count. */
  pages(count: number, exact: boolean, limit: number | null): string;
  counts(errors: number, warnings: number, infos: number): string;
  copyFixed(n: number): string;
}

export const TEXT: Record<'zh' | 'en', Words> = {
  zh: {
    title: '文风 · 公文检查',
    tagline: '检查篇幅页数、套话空话、数字空缺、错别字、标题序号和标点，与命令行 wenfeng 结果相同。',
    offline: '本页完全离线运行：文稿只在本机浏览器中读取，页面的安全策略（CSP）禁止一切网络连接，任何内容都不会上传。',
    drop: '把文稿拖到这里（可多个）：.docx .pdf .txt .md .doc .wps .ofd',
    pick: '选择文件…',
    empty: '尚未选择文稿。',
    settings: '设置（保存在本浏览器中）',
    docType: '文种',
    rulesHead: '规则级别',
    phrasesHead: '本单位的禁用说法（每行一个）',
    phrasesHint: '可写 /正则/',
    apply: '按新设置重新检查',
    exportConfig: '导出配置 .wenfengrc.json',
    importConfig: '导入配置',
    checking: '检查中…',
    waiting: '等待检查',
    error: '错误',
    json: '下载 JSON 结果',
    annotate: '下载带批注的 Word 文档',
    copied: '已复制修正后的文本',
    downloadedFixed: '浏览器不允许写剪贴板，已下载修正后的文本',
    types: { '': '按标题自动判断', policy: '政策性文件', task: '专项工作文件', 'comprehensive-report': '综合报告', 'special-report': '专项报告', other: '其他文种' },
    severities: { off: '关闭', info: '提示', warning: '警告', error: '错误' },
    pages: (count, exact, limit) => `${exact ? '' : '约 '}${count} 页${limit ? `（上限 ${limit} 页）` : ''}`,
    counts: (e, w, i) => `错误 ${e}，警告 ${w}，提示 ${i}`,
    copyFixed: (n) => `复制修正后的文本（${n} 处）`,
  },
  en: {
    title: 'wenfeng · check official documents',
    tagline: 'Page limits, boilerplate, blank numbers, typos, heading numbering and punctuation — the same findings as the wenfeng command line.',
    offline: 'This page works offline: drafts are read inside this browser only, the page’s Content-Security-Policy forbids every network connection, and nothing is uploaded.',
    drop: 'Drop drafts here (one or many): .docx .pdf .txt .md .doc .wps .ofd',
    pick: 'Choose files…',
    empty: 'No drafts yet.',
    settings: 'Settings (kept in this browser)',
    docType: 'Document type',
    rulesHead: 'Rule severities',
    phrasesHead: 'Phrases your office does not use (one per line)',
    phrasesHint: '/regex/ allowed',
    apply: 'Check again with these settings',
    exportConfig: 'Export .wenfengrc.json',
    importConfig: 'Import a config',
    checking: 'checking…',
    waiting: 'waiting',
    error: 'error',
    json: 'Download JSON',
    annotate: 'Download with Word comments',
    copied: 'The fixed text was copied',
    downloadedFixed: 'The clipboard is not allowed here: the fixed text was downloaded',
    types: { '': 'from the title', policy: 'policy', task: 'task', 'comprehensive-report': 'comprehensive report', 'special-report': 'special report', other: 'other' },
    severities: { off: 'off', info: 'info', warning: 'warning', error: 'error' },
    pages: (count, exact, limit) => `${exact ? '' : '~'}${count} pages${limit ? ` (limit ${limit})` : ''}`,
    counts: (e, w, i) => `${e} errors, ${w} warnings, ${i} info`,
    copyFixed: (n) => `Copy fixed text (${n})`,
  },
};
