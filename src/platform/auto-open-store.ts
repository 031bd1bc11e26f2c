import { AUTO_OPEN_KEY, repairAutoOpenHosts } from '../shared/auto-open.js';
import { browser } from './browser.js';

/** The "always open in reader view" hosts (storage.local), repaired; [] when unreadable. */
export async function loadAutoOpenHosts(): Promise<string[]> {
  try {
    const got = await browser.storage.local.get(AUTO_OPEN_KEY);
    return repairAutoOpenHosts(got[AUTO_OPEN_KEY]);
  } catch {
    return [];
  }
}

export async function saveAutoOpenHosts(hosts: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [AUTO_OPEN_KEY]: repairAutoOpenHosts([...hosts]) });
}
