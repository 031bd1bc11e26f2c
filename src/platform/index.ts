export { browser } from './browser.js';
export type { Runtime, Tabs, Menus, Scripting } from './browser.js';
export { loadSettings, saveSettings } from './storage.js';
export {
  extensionOrigin,
  sendToBackground,
  sendToTab,
  onBackgroundRequest,
  onContentRequest,
} from './messaging.js';
export { getMessage, uiLanguage } from './i18n.js';
