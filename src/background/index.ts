// Service worker (Chrome) / background script (Firefox). Every listener is registered at the
// top level, synchronously, so a worker woken by an event gets it. No state that cannot be rebuilt.
import { browser, getMessage, onBackgroundRequest, type Tabs } from '../platform/index.js';
import { onReaderRuleRequest } from '../platform/reader-rule-messages.js';
import { watchAutoOpen } from './auto-open.js';
import { onReaderHello, relayReaderPorts } from '../platform/reader-channel.js';
import { addFromReader, previewOnTab, readerPageUrlOf, removeFromReader } from './rule-requests.js';
import { watchStoredRules } from './stored-rules.js';
import { toggleReader } from './toggle-reader.js';

const MENU_ID = 'toggle-reader';
const OPTIONS_MENU_ID = 'open-options';
const COMMAND = 'toggle-reader';

function toggleFromUser(tab: Tabs.Tab | undefined): void {
  if (tab?.id === undefined) return;
  void toggleReader(tab.id, tab.url).then((reply) => {
    if (!reply.ok)
      console.warn(`[crypto-reader] cannot open the reader in tab ${tab.id}:`, reply.error);
  });
}

browser.runtime.onInstalled.addListener(() => {
  // Menus survive restarts but not always updates: recreate them cleanly.
  void browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({
        id: MENU_ID,
        title: getMessage('menuToggle', [], 'Toggle reader view'),
        contexts: ['page', 'selection', 'link', 'image'],
      });
      // The options page from the page's menu and the toolbar button's (issue 9).
      browser.contextMenus.create({
        id: OPTIONS_MENU_ID,
        title: getMessage('menuOptions', [], 'Crypto Reader options (site rules)'),
        contexts: ['page', 'action'],
      });
    })
    .catch((err: unknown) => console.error('[crypto-reader] context menu', err));
});

browser.action.onClicked.addListener((tab) => toggleFromUser(tab));

browser.commands.onCommand.addListener((command, tab) => {
  if (command !== COMMAND) return;
  if (tab) return toggleFromUser(tab);
  // Older Firefox passes no tab: use the active one.
  void browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([active]) => toggleFromUser(active));
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) toggleFromUser(tab);
  else if (info.menuItemId === OPTIONS_MENU_ID) void browser.runtime.openOptionsPage();
});

onBackgroundRequest(async (msg) => {
  if (msg.type === 'rules/preview') return previewOnTab(msg.tabId, msg.rule);
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(msg.tabId)).url;
  } catch {
    return { ok: false, error: `no tab ${msg.tabId}` };
  }
  return toggleReader(msg.tabId, url);
});

// Issue 4: user rules (cache dropped on change), the reader's "Hide blocks like this", auto-open.
watchStoredRules();
onReaderRuleRequest(async (msg, tabId) => {
  let pageUrl: string;
  try {
    pageUrl = await readerPageUrlOf(tabId);
  } catch {
    return { ok: false, error: 'the page under the reader did not answer' };
  }
  return msg.type === 'rules/add-from-reader'
    ? addFromReader(msg.rule, pageUrl)
    : removeFromReader(msg.id, pageUrl);
});
// Issue 12: the reader frame asks which tab it is in, then opens its port to the content script.
onReaderHello();
relayReaderPorts();
watchAutoOpen();
