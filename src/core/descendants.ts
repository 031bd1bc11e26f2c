/**
 * The elements under `root` (not `root` itself), in document order, by sibling pointers. In
 * jsdom this is several times cheaper than a selector query (nwsapi compiles and matches per
 * call) or stepping through a live `children` collection (a proxy per step), and the core asks
 * such questions of every block of a page; callers filter by `localName`/attributes themselves.
 */
export function descendants(root: Element): Element[] {
  const out: Element[] = [];
  let el: Element | null = root.firstElementChild;
  while (el) {
    out.push(el);
    let next: Element | null = el.firstElementChild ?? el.nextElementSibling;
    for (let up: Element | null = el; !next && up;) {
      up = up.parentElement;
      if (!up || up === root) break;
      next = up.nextElementSibling;
    }
    el = next;
  }
  return out;
}

/**
 * Whether an element under `root` has one of `names` as its local name: stops at the first, in
 * document order. The selector-free form of `root.querySelector('img, video, …') !== null`.
 */
export function hasDescendant(root: Element, names: ReadonlySet<string>): boolean {
  return firstDescendant(root, names) !== null;
}

/** The first element under `root`, in document order, whose local name is one of `names`. */
export function firstDescendant(root: Element, names: ReadonlySet<string>): Element | null {
  let el: Element | null = root.firstElementChild;
  while (el) {
    if (names.has(el.localName)) return el;
    let next: Element | null = el.firstElementChild ?? el.nextElementSibling;
    for (let up: Element | null = el; !next && up;) {
      up = up.parentElement;
      if (!up || up === root) break;
      next = up.nextElementSibling;
    }
    el = next;
  }
  return null;
}
