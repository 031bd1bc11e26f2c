/** The export chunk's entry: the reader loads it with `import('./export/index.js')` on first use. */
export {
  copyAsMarkdown,
  copyText,
  downloadText,
  runExport,
  saveAsHtml,
  saveAsMarkdown,
  type ExportAction,
  type ExportContext,
} from './export-actions.js';
export { exportFileName } from './file-name.js';
export { articleMarkdown } from './markdown.js';
export { standaloneHtml } from './standalone-html.js';
