// A result as it crosses a thread or goes into the cache: the layout facts are the page estimator's
// working data, large and not needed by any formatter.
import type { FileResult } from './result.js';

export function portableResult(result: FileResult): FileResult {
  if (!result.document?.layout) return result;
  return { ...result, document: { ...result.document, layout: undefined } };
}
