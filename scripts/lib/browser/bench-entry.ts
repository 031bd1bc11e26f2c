// Bundled as an IIFE (global `CrBench`) for the in-page Chromium benchmark; not shipped.
export { extractArticle } from '../../../src/index.js';
export { Readability } from '@mozilla/readability';
