import { describe, expect, test } from 'vitest';
import { classifyTitle } from '../../src/classify/from-title.js';

describe('classifyTitle', () => {
  const cases: Array<[string, string | undefined]> = [
    ['关于2023年整治形式主义为基层减负工作情况的报告', 'special-report'],
    ['司法部关于整治形式主义为基层减负专项工作情况的报告', 'special-report'],
    ['关于2023年工作情况的报告', 'comprehensive-report'],
    ['市人民政府2023年度工作报告', 'comprehensive-report'],
    ['关于2024年上半年工作总结的报告', 'comprehensive-report'],
    ['关于印发《云川市数字政府建设实施方案》的通知', 'task'],
    ['关于印发《关于加强基层治理的若干意见》的通知', 'policy'],
    ['关于印发云川市政务服务管理办法的通知', 'policy'],
    ['关于开展政务移动应用程序清理工作的通知', 'task'],
    ['关于加快发展数字经济的意见', 'policy'],
    ['关于修改部分规章的决定', 'policy'],
    ['关于解决基层减负经费的请示', 'special-report'],
    ['关于同意设立云川高新区的批复', 'other'],
    ['第三次全体会议纪要', 'other'],
    ['关于商请支持产业项目的函', 'other'],
    ['山东省司法厅督促检查工作实施细则(试行)', 'policy'],
    ['关于持续解决困扰基层的形式主义问题的若干措施', 'policy'],
    ['喜迎二十大 忠诚保平安 奋进新征程 建功新时代', undefined],
    // A closing mark a title should not have (format-elements reports it) does not hide the 文种.
    ['关于印发《云川市公文管理办法》的通知。', 'policy'],
    ['关于2023年工作情况的报告！', 'comprehensive-report'],
  ];
  for (const [title, id] of cases) {
    test(`${title} → ${id}`, () => {
      expect(classifyTitle(title)?.id).toBe(id);
    });
  }

  test('the reason names what decided it', () => {
    expect(classifyTitle('关于2023年整治形式主义为基层减负工作情况的报告')?.reason.zh).toBe('标题以"情况的报告"结尾：专项报告');
  });
});

describe('report periods name when, not what', () => {
  const cases: Array<[string, string]> = [
    ['云川市人民政府办公室关于2024年上半年精简文件会议工作情况的报告', 'special-report'],
    ['关于2024年上半年工作情况的报告', 'comprehensive-report'],
    ['关于2023年度工作情况的报告', 'comprehensive-report'],
    ['关于第三季度安全生产检查情况的报告', 'special-report'],
  ];
  for (const [title, id] of cases) test(`${title} → ${id}`, () => expect(classifyTitle(title)?.id).toBe(id));
});
