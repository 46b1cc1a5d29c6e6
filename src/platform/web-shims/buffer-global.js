// word-extractor uses Node's Buffer as a global; in the page it is the buffer package's.
export { Buffer } from 'buffer';
