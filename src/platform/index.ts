// The platform the engine runs on. This file names Node's; the page's build (scripts/build-web.mjs)
// resolves the import of ./node.js to ./web.js, so the browser bundle holds no Node module.
export { platform } from './node.js';
export { InflateCapError, type Platform } from './types.js';
