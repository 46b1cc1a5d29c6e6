// The page's Web Worker: one request at a time from the page (page.ts), answered with the report.
// The page ends this worker when a draft passes its time limit, as the CLI ends a worker thread.
import { builtinRules } from '../../rules/index.js';
import { annotateForPage, lintForPage, PageConfigError, type LintRequest } from './engine.js';

interface Request extends LintRequest {
  id: number;
  kind: 'lint' | 'annotate';
}

const scope = globalThis as unknown as { onmessage: ((e: { data: Request }) => void) | null; postMessage(data: unknown, transfer?: unknown[]): void };

scope.onmessage = async (event) => {
  const request = event.data;
  try {
    if (request.kind === 'annotate') {
      const done = await annotateForPage(request);
      scope.postMessage({ id: request.id, ok: true, annotate: done }, done.bytes ? [done.bytes.buffer] : []);
    } else {
      scope.postMessage({ id: request.id, ok: true, lint: await lintForPage(request) });
    }
  } catch (error) {
    const lines = error instanceof PageConfigError ? error.lines : [String((error as Error)?.message ?? error).split('\n')[0]];
    scope.postMessage({ id: request.id, ok: false, configError: error instanceof PageConfigError, lines });
  }
};
// The page's settings list the rules: their ids, default severities and descriptions.
scope.postMessage({ ready: true, rules: builtinRules.map((r) => ({ id: r.meta.id, defaultSeverity: r.meta.defaultSeverity, description: r.meta.description })) });
