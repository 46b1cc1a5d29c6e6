// The built-in rules, each in its own file beside this one.
import type { Rule } from '../src/plugin-api.js';
import boilerplate from './boilerplate.js';
import charLimit from './char-limit.js';
import closingSlogan from './closing-slogan.js';
import copiedFromUpstream from './copied-from-upstream.js';
import headingFormat from './heading-format.js';
import headingSequence from './heading-sequence.js';
import pageLimit from './page-limit.js';
import paragraphLength from './paragraph-length.js';
import placeholder from './placeholder.js';
import punctuation from './punctuation.js';
import sentenceLength from './sentence-length.js';
import specificity from './specificity.js';
import preamble from './preamble.js';
import typo from './typo.js';
import leftoverTrackedChanges from './leftover-tracked-changes.js';
import leftoverComments from './leftover-comments.js';
import leftoverHighlight from './leftover-highlight.js';
import leftoverHiddenText from './leftover-hidden-text.js';
import leftoverTemplateText from './leftover-template-text.js';
import leftoverChatText from './leftover-chat-text.js';
import leftoverWebDebris from './leftover-web-debris.js';
import leftoverProperties from './leftover-properties.js';
import formatPage from './format-page.js';
import formatFonts from './format-fonts.js';
import formatElements from './format-elements.js';

export const builtinRules: Rule<any>[] = [pageLimit, charLimit, placeholder, typo, boilerplate, headingFormat, headingSequence, punctuation, sentenceLength, paragraphLength, specificity, preamble, closingSlogan, copiedFromUpstream];

/**
 * Old rule ids that still work in config: a setting for one applies to each rule it was split into (options go
 * to the rule that declares them). Their documentation says so (docs/rules/<alias>.md).
 */
export const ruleAliases: Record<string, string[]> = { 'heading-numbering': ['heading-format', 'heading-sequence'] };
// What must not go out with a draft: review marks, hidden text, template, chat and web-page leftovers.
builtinRules.push(leftoverTrackedChanges, leftoverComments, leftoverHighlight, leftoverHiddenText, leftoverTemplateText, leftoverChatText, leftoverWebDebris, leftoverProperties);
// GB/T 9704 format: the page, the fonts of each element, how the elements are written (presets in rules/data/presets).
builtinRules.push(formatPage, formatFonts, formatElements);
// GB/T 9704 paragraph format and page numbers (.docx).
import formatParagraph from './format-paragraph.js';
import formatPageNumber from './format-page-number.js';
builtinRules.push(formatParagraph, formatPageNumber);
