// The once-per-run notice that --render fell back to the layout estimate. Kept apart from render.ts (which
// spawns LibreOffice) so a worker's notice can be handed to the main thread without loading the renderer.
let fallbackNotice: { zh: string; en: string } | undefined;
let noticeTaken = false;

/** Records that --render fell back to the layout estimate (why), for the once-per-run notice. */
export function noteRenderFallback(why: string): void {
  if (fallbackNotice) return;
  fallbackNotice = {
    zh: `--render 未能使用 LibreOffice（${why}），页数为版面估算`,
    en: `--render could not use LibreOffice (${why}); page counts are layout estimates`,
  };
}

/** A notice raised in a worker thread, carried over as it was. */
export function adoptRenderNotice(notice: { zh: string; en: string }): void {
  fallbackNotice ??= notice;
}

/**
 * The notice that --render fell back to the layout estimate, the first time it is asked for in a
 * run (undefined afterwards, and when nothing fell back). For the CLI to print once.
 */
export function takeRenderNotice(): { zh: string; en: string } | undefined {
  if (!fallbackNotice || noticeTaken) return undefined;
  noticeTaken = true;
  return fallbackNotice;
}
