// The built-in rules, each in its own file beside this one.
import type { Rule } from '../src/plugin-api.js';
import boilerplate from './boilerplate.js';
import charLimit from './char-limit.js';
import pageLimit from './page-limit.js';
import placeholder from './placeholder.js';
import typo from './typo.js';

export const builtinRules: Rule<any>[] = [pageLimit, charLimit, placeholder, typo, boilerplate];
