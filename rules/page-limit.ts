// page-limit: a draft longer than its kind allows (seed 000 §四: policy ≤10 pages, special work or
// concrete tasks ≤7, comprehensive reports ≤8, special reports ≤5). The count is the PDF's own, or an
// estimate from the document's layout; the message says which.
import { defineRule } from '../src/plugin-api.js';

const METHOD: Record<string, { zh: string; en: string }> = {
  pdf: { zh: 'PDF 实际页数', en: 'PDF page count' },
  layout: { zh: '按文档版式估算', en: 'estimated from the document layout' },
  text: { zh: '按 GB/T 9704 版心估算', en: 'estimated on a GB/T 9704 page' },
  render: { zh: 'LibreOffice 排版', en: 'laid out by LibreOffice' },
  metadata: { zh: '文档记录的页数', en: 'recorded in the file' },
};

export default defineRule<{ warnFill: number }>({
  meta: {
    id: 'page-limit',
    description: { zh: '篇幅超过该文种的页数上限', en: 'the draft is longer than its kind allows' },
    defaultSeverity: 'error',
    needsText: false,
    docs: 'docs/rules/page-limit.md',
    messages: {
      over: { zh: '{about}{count} 页（{method}），{type}上限 {limit} 页', en: '{about}{count} pages ({method}); the limit for a {type} is {limit}' },
      near: {
        zh: '{about}{count} 页（{method}），已到{type}上限 {limit} 页，末页已排满 {fill}%',
        en: '{about}{count} pages ({method}): at the {limit}-page limit for a {type}, last page {fill}% full',
      },
    },
    options: {
      warnFill: { type: 'number', default: 0.8, min: 0, max: 1, description: 'warn when the last allowed page is fuller than this' },
    },
  },
  check(doc, ctx) {
    const pages = doc.pages;
    const limit = ctx.docType?.pageLimit;
    if (!pages || limit === undefined) return;
    const zh = ctx.locale === 'zh';
    const data = {
      about: pages.exact ? '' : zh ? '约 ' : '~',
      count: pages.count,
      method: (doc.format === 'ofd' && pages.method === 'pdf' ? { zh: 'OFD 实际页数', en: 'OFD page count' } : (METHOD[pages.method] ?? { zh: pages.method, en: pages.method }))[ctx.locale],
      type: ctx.docType!.label,
      limit,
      fill: Math.round((pages.lastPageFill ?? 0) * 100),
    };
    // Reported on the title (or first paragraph): the finding is about the whole draft.
    const anchor = doc.paragraphs.find((p) => p.kind === 'title') ?? doc.paragraphs.find((p) => p.text.trim()) ?? doc.paragraphs[0];
    if (!anchor) return;
    if (pages.count > limit) ctx.report({ paragraph: anchor, messageId: 'over', data, suggestion: { zh: '压缩篇幅：删去套话和背景铺垫，合并重复内容', en: 'cut boilerplate and background, merge repetition' } });
    else if (pages.count === limit && (pages.lastPageFill ?? 0) > ctx.options.warnFill) ctx.report({ paragraph: anchor, messageId: 'near', data, severity: 'warning' });
  },
});
