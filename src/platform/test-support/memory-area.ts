// Test helper: an in-memory storage area with the shape the rule store uses. Values are cloned in
// and out, as the browser's storage does, so a test cannot pass by sharing objects.
import type { StorageAreaLike } from '../rule-store.js';

export class MemoryArea implements StorageAreaLike {
  items: Record<string, unknown> = {};
  async get(keys?: null | string | string[]) {
    const list = keys == null ? Object.keys(this.items) : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(
      list.filter((k) => k in this.items).map((k) => [k, structuredClone(this.items[k])]),
    );
  }
  async set(items: Record<string, unknown>) {
    Object.assign(this.items, structuredClone(items));
  }
  async remove(keys: string | string[]) {
    for (const k of Array.isArray(keys) ? keys : [keys]) delete this.items[k];
  }
}
