// JUnit XML for Jenkins, GitLab and Azure test reports: one suite per run, one test case per draft.
//
// Each draft is one test case named by its path (classname "wenfeng": Jenkins splits a classname at its
// last dot, which would turn "a/通知.docx" into package "a/通知", class "docx"). Its findings go into a
// single <failure>, one line each: Jenkins, GitLab and Azure show only the first <failure> of a test case,
// so one per finding would hide all but one. A draft with only 提示 (info) passes, its notes in <system-out>;
// an unreadable draft is an <error>.
import type { Locale } from '../api.js';
import type { FileResult } from '../engine/result.js';
import { messageText } from './ci-shared.js';
import { SEVERITY_WORDS } from './labels.js';
import type { Formatter } from './types.js';

/** Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/F) become U+FFFD. */
const stripInvalid = (s: string): string =>
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

export const escapeText = (s: string): string => stripInvalid(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Line breaks and tabs in attributes are escaped so parsers do not normalise them to spaces.
export const escapeAttr = (s: string): string =>
  escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

function summary(r: FileResult, locale: Locale): string {
  const words = SEVERITY_WORDS[locale];
  const parts: Array<[number, string]> = [
    [r.errorCount, words.error],
    [r.warningCount, words.warning],
    [r.infoCount, words.info],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, w]) => (locale === 'zh' ? `${n} 个${w}` : `${n} ${w}${n === 1 || w === 'info' ? '' : 's'}`))
    .join(locale === 'zh' ? '，' : ', ');
}

export const junit: Formatter = (results, { locale }) => {
  const words = SEVERITY_WORDS[locale];
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    const open = `    <testcase classname="wenfeng" name="${escapeAttr(r.path)}" file="${escapeAttr(r.path)}"`;
    const lines = r.messages.map((m) => `${m.ruleId === null ? '' : `${m.line}:${m.column} `}${words[m.severity]} ${messageText(m, locale)} [${m.ruleId ?? (r.fatal ? 'fatal' : 'reader')}]`);
    const body = escapeText(lines.join('\n'));
    if (r.fatal) {
      errors++;
      const message = r.messages.map((m) => m.message).join('; ');
      cases.push(`${open}>\n      <error message="${escapeAttr(message)}" type="fatal">${body}</error>\n    </testcase>`);
    } else if (r.errorCount + r.warningCount > 0) {
      failures++;
      const type = r.errorCount > 0 ? 'error' : 'warning';
      cases.push(`${open}>\n      <failure message="${escapeAttr(summary(r, locale))}" type="${type}">${body}</failure>\n    </testcase>`);
    } else if (lines.length) {
      cases.push(`${open}>\n      <system-out>${body}</system-out>\n    </testcase>`);
    } else {
      cases.push(`${open}/>`);
    }
  }
  const counts = `tests="${results.length}" failures="${failures}" errors="${errors}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="wenfeng" ${counts}>`,
    `  <testsuite name="wenfeng" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
