// The package entry (`import { extractArticle } from 'crypto-reader'`).
export { extractArticle } from './core/extract-article.js';
export type { Article, Removal, RemovalKind, OutlineEntry, ExtractOptions } from './core/types.js';
