/**
 * What the options page's components share: the browser behind `OptionsDeps` (wired in
 * `options.ts`, fakes in tests) and the page that owns the stored rules (`OptionsHost`).
 */
import type { LoadedRules, RuleStore } from '../platform/rule-store.js';
import type { SiteRule } from '../rules/schema.js';
import type { StoredRules } from '../shared/rule-storage.js';
import type { OptionsTranslate } from './options-strings.js';
import type { RuleRow } from './rule-list-model.js';
import type { RawTab, RulePreviewResult } from './try-model.js';

export interface TryOnTabDeps {
  /** Asks for host access to the rule's sites. Called first thing in a click handler. */
  requestAccess(rule: SiteRule): Promise<boolean>;
  /** Every open tab (URLs only of those the extension may read). */
  listTabs(): Promise<RawTab[]>;
  preview(tabId: number, rule: SiteRule): Promise<RulePreviewResult>;
}

export interface AutoOpenDeps {
  load(): Promise<string[]>;
  save(hosts: string[]): Promise<void>;
  /** Asks for the optional host permission for one site. Called first thing in a click handler. */
  request(host: string): Promise<boolean>;
  /** Whether the permission is held (it may have been revoked in the browser's settings). */
  granted(host: string): Promise<boolean>;
}

export interface OptionsDeps {
  doc: Document;
  store: RuleStore;
  builtin: readonly SiteRule[];
  validateSelector(selector: string): string | null;
  download(name: string, text: string): void;
  /** UI strings (`i18n.getMessage` with the English fallback); English when left out. */
  t?: OptionsTranslate;
  /**
   * Whether an event came from the user. Every storage write checks it (issue 12 item 1).
   * Default `event.isTrusted`; jsdom cannot make trusted events, so unit tests pass their own.
   */
  isUserEvent?(event: Event): boolean;
  tryOnTab?: TryOnTabDeps;
  autoOpen?: AutoOpenDeps;
  /** Subscribes to rule changes made elsewhere (the reader, another options tab). */
  onRulesChanged?(listener: () => void): void;
}

export interface OptionsHost {
  readonly deps: OptionsDeps;
  readonly t: OptionsTranslate;
  readonly loaded: LoadedRules;
  readonly rows: readonly RuleRow[];
  /**
   * Saves `next` in one write when `event` is a user event, reloads, and says `done` (or why
   * not). False when nothing was written.
   */
  commit(event: Event, next: StoredRules, done: string): Promise<boolean>;
  /** Whether `event` may lead to a storage write; says so on the page when it may not. */
  fromUser(event: Event): boolean;
  say(text: string): void;
  /** Renders the page again (after a component's state changed). */
  update(): void;
}
