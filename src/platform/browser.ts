// The one import of webextension-polyfill in the project: everything else goes through src/platform.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Menus, Scripting } from 'webextension-polyfill';
