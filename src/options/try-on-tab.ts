/**
 * "Try on an open tab": runs the editor's draft rule on a tab it applies to and shows what it
 * would remove. What is shown always belongs to the draft as it is now: a permission request
 * in flight says so, and any edit of the rule turns a shown result into "try again" and drops
 * answers still on their way (each run carries a generation number).
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { SiteRule } from '../rules/schema.js';
import type { OptionsHost, TryOnTabDeps } from './options-host.js';
import { tabsForRule, type RawTab, type RulePreviewResult, type TabChoice } from './try-model.js';

type Shown =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'result'; result: Extract<RulePreviewResult, { ok: true }> };

export class TryOnTab {
  private shown: Shown = { kind: 'none' };
  private tabs: TabChoice[] = [];
  private chosen: number | null = null;
  /** Bumped by every run and every edit of the draft: answers of older runs are dropped. */
  private generation = 0;
  /** Tabs readable without a prompt: read when an editor opens or the page gets focus. */
  private readable: RawTab[] = [];

  constructor(
    private readonly host: OptionsHost,
    private readonly deps: TryOnTabDeps,
  ) {
    host.deps.doc.defaultView?.addEventListener('focus', () => void this.refreshTabs());
  }

  private refreshTabs(): Promise<void> {
    return this.deps.listTabs().then(
      (tabs) => void (this.readable = tabs),
      () => undefined,
    );
  }

  /** A new editor: nothing shown, and the tabs read again (one may have opened since). */
  reset(): void {
    void this.refreshTabs();
    this.generation++;
    this.shown = { kind: 'none' };
    this.tabs = [];
    this.chosen = null;
  }

  /** The draft changed: a shown result or pending run no longer describes it. */
  draftChanged(): void {
    this.generation++;
    const fixFirst =
      this.shown.kind === 'text' && this.shown.text === this.host.t('options_tryFixFirst');
    if (fixFirst) this.shown = { kind: 'none' };
    else if (this.shown.kind !== 'none')
      this.shown = { kind: 'text', text: this.host.t('options_tryStale') };
  }

  private show(gen: number, shown: Shown): boolean {
    if (gen !== this.generation) return false;
    this.shown = shown;
    this.host.update();
    return true;
  }

  private async run(gen: number, rule: SiteRule, tabId: number): Promise<void> {
    const { t } = this.host;
    if (!this.show(gen, { kind: 'text', text: t('options_tryRunning') })) return;
    let r: RulePreviewResult;
    try {
      r = await this.deps.preview(tabId, rule);
    } catch (e) {
      r = { ok: false, error: String(e) };
    }
    if (!r.ok) this.show(gen, { kind: 'text', text: t('options_tryFailed', [r.error]) });
    else if (!r.found) this.show(gen, { kind: 'text', text: t('options_tryNoArticle') });
    else this.show(gen, { kind: 'result', result: r });
  }

  private runOn(gen: number, rule: SiteRule, tabs: TabChoice[]): Promise<void> {
    this.tabs = tabs;
    const tabId = tabs.some((x) => x.id === this.chosen) ? this.chosen! : tabs[0]!.id;
    this.chosen = tabId;
    return this.run(gen, rule, tabId);
  }

  private click(draft: SiteRule | null): void {
    const { t } = this.host;
    const gen = ++this.generation;
    if (!draft) return void this.show(gen, { kind: 'text', text: t('options_tryFixFirst') });
    const known = tabsForRule(draft, this.readable);
    if (known.length) return void this.runOn(gen, draft, known);
    // Ask for access first, while the click still counts as a user gesture.
    const access = this.deps.requestAccess(draft);
    const sites = draft.match.join(', ');
    this.show(gen, { kind: 'text', text: t('options_tryAsking', [sites]) });
    void (async () => {
      if (!(await access.catch(() => false)))
        return void this.show(gen, { kind: 'text', text: t('options_tryDenied', [sites]) });
      await this.refreshTabs();
      const tabs = tabsForRule(draft, this.readable);
      if (!tabs.length)
        return void this.show(gen, { kind: 'text', text: t('options_tryNoTab', [sites]) });
      await this.runOn(gen, draft, tabs);
    })();
  }

  private pick(e: Event, draft: SiteRule | null): void {
    this.chosen = Number((e.target as HTMLSelectElement).value);
    if (draft) void this.run(++this.generation, draft, this.chosen);
  }

  template(draft: SiteRule | null): TemplateResult {
    const { t } = this.host;
    return html`<fieldset class="try">
      <legend>${t('options_tryLegend')}</legend>
      <p class="help">${t('options_tryHelp')}</p>
      <button type="button" data-testid="try-tab" @click=${() => this.click(draft)}>
        ${t('options_tryButton')}
      </button>
      <span class="try-pick" ?hidden=${this.tabs.length < 2}>
        <label for="try-tab-select">${t('options_tryTab')}</label>
        <select
          id="try-tab-select"
          data-testid="try-tab-select"
          @change=${(e: Event) => this.pick(e, draft)}
        >
          ${this.tabs.map(
            (tab) =>
              html`<option value=${tab.id} ?selected=${tab.id === this.chosen}>
                ${tab.title}
              </option>`,
          )}
        </select>
      </span>
      <div class="try-result" data-testid="try-result" aria-live="polite">${this.result()}</div>
    </fieldset>`;
  }

  private result(): TemplateResult | string | typeof nothing {
    const { t } = this.host;
    const s = this.shown;
    if (s.kind === 'none') return nothing;
    if (s.kind === 'text') return s.text;
    const r = s.result;
    const head =
      r.count === 0
        ? t('options_tryNothing', [r.title])
        : r.count === 1
          ? t('options_tryOne', [r.title])
          : t('options_tryMany', [r.count, r.title]);
    return html`<p data-testid="try-count" data-count=${r.count}>${head}</p>
      ${
        r.count
          ? html`<ol class="try-list">
              ${r.removals.map((x) => html`<li>${x.text || t('options_tryNoText')}</li>`)}
            </ol>`
          : nothing
      }
      ${r.articleChanged ? html`<p>${t('options_tryArticleChanged')}</p>` : nothing}`;
  }
}
