/**
 * The options page (issue 4 item 2, issue 11 item 3): lit-html templates over the pure models,
 * one component per feature (rule list, rule editor with try-on-tab, raw JSON, import,
 * auto-open). This class owns the stored rules and the one write path (`commit`): every write
 * comes from a user event (issue 12 item 1). Browser APIs come in through `OptionsDeps`, so the
 * page runs in jsdom with fakes. lit-html parses only the static template strings of this code;
 * rule text and page data are always bound as text or properties, never as HTML.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { formatRuleError, parseRules } from '../rules/parse.js';
import type { LoadedRules, SaveResult } from '../platform/rule-store.js';
import type { StoredRules } from '../shared/rule-storage.js';
import { AutoOpenPanel } from './auto-open-panel.js';
import { exportFile } from './import-model.js';
import { ImportPanel } from './import-panel.js';
import type { OptionsDeps, OptionsHost } from './options-host.js';
import { englishOptions, type OptionsTranslate } from './options-strings.js';
import { RawJsonEditor } from './raw-json-editor.js';
import { RuleEditor } from './rule-editor.js';
import { buildRuleRows, type RuleRow } from './rule-list-model.js';
import { RuleList } from './rule-list-view.js';
import { TryOnTab } from './try-on-tab.js';

export type { AutoOpenDeps, OptionsDeps, TryOnTabDeps } from './options-host.js';

export class OptionsPage implements OptionsHost {
  readonly root: HTMLElement;
  readonly t: OptionsTranslate;
  private current: LoadedRules | null = null;
  rows: RuleRow[] = [];
  private status = '';
  private saving = false;
  private readonly list: RuleList;
  private readonly editor: RuleEditor;
  private readonly raw: RawJsonEditor;
  private readonly importer: ImportPanel;
  private readonly autoOpen: AutoOpenPanel | null;

  constructor(readonly deps: OptionsDeps) {
    this.t = deps.t ?? englishOptions;
    this.root = deps.doc.createElement('main');
    this.root.className = 'options';
    this.root.dataset.testid = 'options-root';
    this.list = new RuleList(this, (row) => this.openEditor(row));
    this.editor = new RuleEditor(this, deps.tryOnTab ? new TryOnTab(this, deps.tryOnTab) : null);
    this.raw = new RawJsonEditor(this);
    this.importer = new ImportPanel(this);
    this.autoOpen = deps.autoOpen ? new AutoOpenPanel(this, deps.autoOpen) : null;
    deps.onRulesChanged?.(() => {
      if (!this.saving) void this.reload();
    });
  }

  get loaded(): LoadedRules {
    if (!this.current) throw new Error('rules not loaded');
    return this.current;
  }

  async reload(): Promise<void> {
    void this.autoOpen?.reload();
    this.current = await this.deps.store.load();
    this.rows = buildRuleRows(this.deps.builtin, this.current.data);
    this.update();
  }

  update(): void {
    if (this.current) render(this.template(), this.root);
  }

  say(text: string): void {
    this.status = text;
    this.update();
  }

  fromUser(event: Event): boolean {
    const ok = this.deps.isUserEvent ? this.deps.isUserEvent(event) : event.isTrusted;
    if (!ok) this.say(this.t('options_untrusted'));
    return ok;
  }

  async commit(event: Event, next: StoredRules, done: string): Promise<boolean> {
    if (!this.fromUser(event)) return false;
    this.saving = true;
    let result: SaveResult;
    try {
      result = await this.deps.store.save(next);
    } catch (e) {
      result = { ok: false, error: String(e), errors: [] };
    } finally {
      this.saving = false;
    }
    if (!result.ok) {
      const details = result.errors.slice(0, 5).map(formatRuleError).join('; ');
      this.say(this.t('options_notSaved', [`${result.error}${details ? ` (${details})` : ''}`]));
      return false;
    }
    await this.reload();
    this.say(done);
    return true;
  }

  /** Shows the plan for importing `text` (the file input and the paste box call this too). */
  planImport(text: string, source: string): void {
    this.importer.plan(text, source);
  }

  private openEditor(row: RuleRow | null): void {
    this.raw.close();
    this.editor.start(row);
    this.update();
    this.deps.doc.getElementById('field-id')?.focus();
  }

  private closeEditor(): void {
    this.editor.close();
    this.update();
  }

  private toggleRaw(): void {
    if (this.raw.open) this.raw.close();
    else {
      this.editor.close();
      this.raw.start();
    }
    this.update();
    if (this.raw.open) this.deps.doc.getElementById('raw-json')?.focus();
  }

  private exportRules(): void {
    const { name, text } = exportFile(this.loaded.data);
    this.deps.download(name, text);
    this.say(this.t('options_exported', [this.loaded.data.rules.length, name]));
  }

  private template(): TemplateResult {
    const { t } = this;
    const reason = this.loaded.localReason;
    return html`<h1>${t('options_pageTitle')}</h1>
      <p class="intro">${t('options_intro')}</p>
      <p class="note" data-testid="storage-note" role="status" ?hidden=${!reason}>
        ${
          reason === 'too-large'
            ? t('options_noteTooLarge')
            : reason === 'sync-failed'
              ? t('options_noteSyncFailed')
              : ''
        }
      </p>
      ${this.brokenTemplate()}
      <div class="toolbar">
        <label for="rule-search">${t('options_searchLabel')}</label>
        <input
          type="search"
          id="rule-search"
          data-testid="rule-search"
          placeholder=${t('options_searchPlaceholder')}
          @input=${(e: Event) => {
            this.list.query = (e.target as HTMLInputElement).value;
            this.update();
          }}
        />
        <button
          type="button"
          data-testid="rule-add"
          class="primary"
          @click=${() => this.openEditor(null)}
        >
          ${t('options_add')}
        </button>
        <button type="button" data-testid="export-rules" @click=${() => this.exportRules()}>
          ${t('options_export')}
        </button>
        <button
          type="button"
          aria-expanded=${this.raw.open ? 'true' : 'false'}
          aria-controls="raw-panel"
          @click=${() => this.toggleRaw()}
        >
          ${t('options_rawToggle')}
        </button>
      </div>
      ${this.importer.inputsTemplate()} ${this.importer.planTemplate()}
      ${this.raw.template(() => this.toggleRaw())} ${this.editor.template(() => this.closeEditor())}
      ${this.list.template()} ${this.autoOpen?.template() ?? nothing}
      <p class="status" data-testid="options-status" role="status" aria-live="polite">
        ${this.status}
      </p>`;
  }

  private brokenTemplate(): TemplateResult {
    const { t } = this;
    const broken = this.loaded.data.broken ?? [];
    // File-level problems (unknown version, missing part) and, per broken entry, why it fails.
    const messages = [
      ...this.loaded.errors.filter((e) => e.index === null).map(formatRuleError),
      ...broken.flatMap((entry) => {
        const errors = parseRules([entry], { validateSelector: this.deps.validateSelector }).errors;
        const id =
          entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string'
            ? `"${(entry as { id: string }).id}"`
            : t('options_brokenAnEntry');
        return errors.map((e) => `${id}: ${e.field ? `${e.field}: ` : ''}${e.message}`);
      }),
    ];
    const n = broken.length;
    const hidden = messages.length === 0 && n === 0;
    const discard = (e: Event): void => {
      const { broken: _dropped, ...rest } = this.loaded.data;
      void this.commit(e, rest, t('options_brokenDiscarded'));
    };
    return html`<section class="broken" data-testid="broken-rules" ?hidden=${hidden}>
      ${
        hidden
          ? nothing
          : html`<h2>${t('options_brokenTitle')}</h2>
              <p>
                ${
                  n === 1
                    ? t('options_brokenOne')
                    : n
                      ? t('options_brokenMany', [n])
                      : t('options_brokenFile')
                }
              </p>
              <ul>
                ${messages.map((m) => html`<li data-testid="broken-error">${m}</li>`)}
              </ul>
              <button
                type="button"
                data-testid="broken-discard"
                ?hidden=${n === 0}
                @click=${discard}
              >
                ${t('options_brokenDiscard')}
              </button>`
      }
    </section>`;
  }
}
