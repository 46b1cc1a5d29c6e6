// leftover-web-debris: the page furniture that comes along when text is copied from a web page —
// 访问次数, 发布时间：, 打印本页, 关闭窗口, 【字体：大 中 小】, 分享到, "[email protected]",
// 扫一扫在手机打开当前页, the site's 备案 line. One finding per paragraph, naming what is there.
import { defineRule, loadData } from '../src/plugin-api.js';

interface Pattern {
  pattern: string;
  label: string;
}

const data = (): { webDebris: Pattern[] } => loadData(new URL('./data/leftover.json', import.meta.url));

export default defineRule({
  meta: {
    id: 'leftover-web-debris',
    description: { zh: '从网页复制带来的页面杂项（访问次数、打印本页、关闭窗口、分享到、网站备案号）', en: 'web-page furniture copied along with the text (访问次数, 打印本页, 关闭窗口, 分享到, site registration lines)' },
    defaultSeverity: 'warning',
    docs: 'docs/rules/leftover-web-debris.md',
    messages: {
      debris: { zh: '网页残留：{labels}', en: 'left over from a web page: {labels}' },
    },
  },
  check(doc, ctx) {
    const patterns = data().webDebris.map((t) => ({ re: new RegExp(t.pattern, 'gu'), label: t.label }));
    for (const p of doc.paragraphs) {
      if (!p.norm.trim()) continue;
      let start = Infinity;
      let end = -1;
      const found: string[] = [];
      for (const { re } of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(p.norm); m; m = re.exec(p.norm)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          start = Math.min(start, m.index);
          end = Math.max(end, m.index + m[0].length);
          const quoted = p.text.slice(m.index, m.index + m[0].length).trim();
          if (!found.includes(quoted)) found.push(quoted);
        }
      }
      if (end < 0) continue;
      // "【打印本页】" already says "打印本页": name each piece once, by its longest form.
      const named = found.filter((f) => !found.some((g) => g !== f && g.includes(f)));
      ctx.report({
        paragraph: p,
        start,
        end,
        messageId: 'debris',
        data: { labels: named.map((f) => `"${f}"`).join(ctx.locale === 'zh' ? '、' : ', ') },
        suggestion: { zh: '删去网页上的栏目、按钮和版权备案文字，只留正文', en: "delete the page's buttons, counters and site lines; keep only the text" },
      });
    }
  },
});
