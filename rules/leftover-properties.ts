// leftover-properties: the personal document properties a .docx carries (作者, 最后保存者, 单位, 经理).
// Not an error — templates carry someone's name too — but a drafter should know the file names people.
import { defineRule, loadData, type DocumentProperties } from '../src/plugin-api.js';

interface PropertiesData {
  properties: { fields: Record<keyof DocumentProperties, { zh: string; en: string }>; maxValueLength: number };
}

const data = (): PropertiesData => loadData(new URL('./data/leftover.json', import.meta.url));

export default defineRule({
  meta: {
    id: 'leftover-properties',
    description: { zh: '.docx 文档属性中的个人信息（作者、最后保存者、单位、经理）', en: 'personal document properties in a .docx (author, last saved by, company, manager)' },
    defaultSeverity: 'info',
    docs: 'docs/rules/leftover-properties.md',
    needsText: false,
    messages: {
      properties: { zh: '文档属性中留有个人信息：{fields}', en: 'the document properties name people: {fields}' },
    },
  },
  check(doc, ctx) {
    const props = doc.properties;
    if (!props) return;
    const { fields, maxValueLength } = data().properties;
    const named: string[] = [];
    for (const key of Object.keys(fields) as Array<keyof DocumentProperties>) {
      const value = props[key];
      if (!value) continue;
      const shown = value.length > maxValueLength ? `${value.slice(0, maxValueLength)}…` : value;
      named.push(`${fields[key][ctx.locale]} "${shown}"`);
    }
    if (named.length === 0 || doc.paragraphs.length === 0) return;
    ctx.report({
      paragraph: 0,
      start: 0,
      end: 0,
      messageId: 'properties',
      data: { fields: named.join(ctx.locale === 'zh' ? '、' : ', ') },
      suggestion: { zh: '提交前删除文档属性和个人信息（文件→信息→检查文档）', en: 'remove document properties and personal information before submitting (File → Info → Inspect Document)' },
    });
  },
});
