import { repairSettings, SETTINGS_KEY, type ReaderSettings } from '../shared/settings.js';
import { browser } from './browser.js';

/** Reading settings from storage.local, repaired; defaults when storage is unreadable. */
export async function loadSettings(): Promise<ReaderSettings> {
  try {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    return repairSettings(got[SETTINGS_KEY]);
  } catch {
    return repairSettings(undefined);
  }
}

/** Saves settings (repaired first, so storage only ever holds valid values). */
export async function saveSettings(settings: ReaderSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: repairSettings(settings) });
}
