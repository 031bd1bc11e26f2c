/**
 * Openings that mark a paragraph as the essay's own, in match form (`normalize.ts`): numbered
 * steps of a timeline and footnotes (`第一步:`, `1.`, `一、`, `注[1]:`, `注1:`, `[1]`, `※`). A
 * footnote that mentions investment advice is the author's note, not a site disclaimer, and a
 * numbered step with a date is the essay's timeline, not an injected run.
 */
export const FOOTNOTE = '^(?:注\\s*(?:\\[\\d+\\]|\\d+)?\\s*[:.]|\\[\\d+\\]|※|\\*\\s)';
export const ORDINAL =
  '^(?:第[一二三四五六七八九十\\d]+[步条点项]|\\d{1,2}[.、)]|[一二三四五六七八九十]+、)';
