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
