/**
 * A `validateSelector` for `parseRules`, using the DOM that will run the rules: the options
 * page's own document in the extension, a jsdom document in the CLI and tests. Selector support
 * differs between engines (`:has()`), so each side checks with its own.
 */
export function selectorValidator(doc: Document): (selector: string) => string | null {
  const fragment = doc.createDocumentFragment();
  return (selector) => {
    try {
      fragment.querySelector(selector);
      return null;
    } catch {
      return 'it does not parse';
    }
  };
}
