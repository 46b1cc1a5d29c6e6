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

export const builtinRules: Rule<any>[] = [pageLimit, charLimit, placeholder, typo, boilerplate, headingFormat, headingSequence, punctuation, sentenceLength, paragraphLength, specificity, preamble, closingSlogan, copiedFromUpstream];

/**
 * Old rule ids that still work in config: a setting for one applies to each rule it was split into (options go
 * to the rule that declares them). Their documentation says so (docs/rules/<alias>.md).
 */
export const ruleAliases: Record<string, string[]> = { 'heading-numbering': ['heading-format', 'heading-sequence'] };
