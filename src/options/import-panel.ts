/**
 * Import from a file or pasted text (our JSON or uBlock Origin filter lines): the plan is shown
 * first (what is added, replaced, skipped and why), and written only on confirm. Rules for every
 * site and page-wide removals are named, and confirm waits for a tick; an import over the rules
 * limit cannot be confirmed and says how many rules to take out.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { guard } from 'lit-html/directives/guard.js';
import { live } from 'lit-html/directives/live.js';
import type { ImportRisk } from './import-risk.js';
import { applyImportToState, buildImportView, type ImportView } from './import-model.js';
import type { OptionsHost } from './options-host.js';
import type { OptionsTranslate } from './options-strings.js';

/** One warning line that names the rule, what it does, and (uBO) the source line. */
export function riskText(t: OptionsTranslate, r: ImportRisk): string {
  const what =
    r.kind === 'every-site'
      ? t('options_riskEverySite', [r.ruleId])
      : t('options_riskPageWide', [r.ruleId, r.subject]);
  const lines = r.lines.map((l) => t('options_riskLine', [l.line, l.text]));
  return lines.length ? `${what} (${lines.join('; ')})` : what;
}

export class ImportPanel {
  private view: ImportView | null = null;
  private source = '';
  private riskAccepted = false;
  private pasted = '';
  private busy = false;

  constructor(private readonly host: OptionsHost) {}

  /** Shows what importing `text` would do; nothing is written. */
  plan(text: string, source: string): void {
    this.view = buildImportView(this.host.loaded.data, text, {
      validateSelector: this.host.deps.validateSelector,
      builtinIds: new Set(this.host.deps.builtin.map((b) => b.id)),
    });
    this.source = source;
    this.riskAccepted = false;
    this.host.update();
    this.host.deps.doc.getElementById('import-panel')?.scrollIntoView?.({ block: 'nearest' });
  }

  private close(): void {
    this.view = null;
    this.riskAccepted = false;
  }

  private fileChosen(e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void file.text().then(
      (text) => this.plan(text, file.name),
      (err: unknown) =>
        this.host.say(this.host.t('options_importReadFailed', [file.name, String(err)])),
    );
    input.value = '';
  }

  private confirmable(v: ImportView): boolean {
    return v.canConfirm && (v.risks.length === 0 || this.riskAccepted) && !this.busy;
  }

  private confirm(e: Event): void {
    const v = this.view;
    if (!v || !this.confirmable(v)) return;
    const { t } = this.host;
    this.busy = true;
    const done = t('options_imported', [v.plan.add.length, v.plan.replace.length]);
    void this.host.commit(e, applyImportToState(this.host.loaded.data, v.plan), done).then((ok) => {
      this.busy = false;
      if (ok && this.view === v) this.close();
      this.host.update();
    });
  }

  private cancel(): void {
    this.close();
    this.host.say(this.host.t('options_importCancelled'));
    this.host.update();
  }

  /** The `<details>` with the inputs; `planTemplate` is the plan below it. */
  inputsTemplate(): TemplateResult {
    const { t } = this.host;
    return html`<details class="import">
      <summary>${t('options_importSummary')}</summary>
      <div class="import-inputs">
        <label for="import-file">${t('options_importFile')}</label>
        <input
          type="file"
          id="import-file"
          data-testid="import-file"
          accept=".json,.txt,application/json,text/plain"
          @change=${(e: Event) => this.fileChosen(e)}
        />
        <label for="import-text">${t('options_importPaste')}</label>
        <textarea
          id="import-text"
          data-testid="import-text"
          rows="3"
          spellcheck="false"
          placeholder=${'example.com##.promo-box\nexample.com##p:has-text(/^Sponsored/)'}
          @input=${(e: Event) => void (this.pasted = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <button type="button" @click=${() => this.plan(this.pasted, t('options_importPasted'))}>
          ${t('options_importCheck')}
        </button>
      </div>
    </details>`;
  }

  /** Re-rendered only when the plan or its state changes (a plan may list 2,000 rules). */
  planTemplate(): TemplateResult {
    return html`${guard([this.view, this.riskAccepted, this.busy], () => this.planView())}`;
  }

  private planView(): TemplateResult | typeof nothing {
    const v = this.view;
    if (!v) return nothing;
    const { t } = this.host;
    const p = v.plan;
    const format = t(v.format === 'ubo' ? 'options_importUbo' : 'options_importJson');
    const summary = p.errors.length
      ? t('options_importCountsErrors', [
          format,
          p.add.length,
          p.replace.length,
          p.unchanged.length,
          p.errors.length,
        ])
      : t('options_importCounts', [format, p.add.length, p.replace.length, p.unchanged.length]);
    const n = p.add.length + p.replace.length;
    const group = (title: string, items: string[], testid: string) =>
      items.length
        ? html`<div class="import-group">
            <h3>${title}</h3>
            <ul data-testid=${testid}>
              ${items.map((i) => html`<li>${i}</li>`)}
            </ul>
          </div>`
        : nothing;
    const adds = v.adds.map(
      (a) => a.label + (a.replacesBuiltin ? ` ${t('options_importReplacesBuiltin')}` : ''),
    );
    const over = v.limit.excess > 0;
    return html`<section class="panel" id="import-panel" aria-label=${t('options_importPanel')}>
      <h2>${t('options_importFrom', [this.source])}</h2>
      <p data-testid="import-summary">${summary}</p>
      ${group(t('options_importAdds'), adds, 'import-adds')}
      ${group(t('options_importReplaces'), v.replaces, 'import-replaces')}
      ${group(t('options_importErrors'), v.errors, 'import-errors')}
      ${
        over
          ? html`<p class="field-error" role="alert" data-testid="import-limit">
              ${t('options_overLimit', [
                v.limit.total,
                v.limit.max,
                v.limit.excess,
                this.host.loaded.data.rules.length,
              ])}
            </p>`
          : nothing
      }
      ${
        v.risks.length && !over
          ? html`<div
              class="import-group import-risks"
              role="group"
              aria-labelledby="import-risk-title"
            >
              <h3 id="import-risk-title">${t('options_riskTitle')}</h3>
              <ul data-testid="import-risks">
                ${v.risks.map((r) => html`<li>${riskText(t, r)}</li>`)}
              </ul>
              <label class="check">
                <input
                  type="checkbox"
                  data-testid="import-risk-accept"
                  .checked=${live(this.riskAccepted)}
                  @change=${(e: Event) => {
                    this.riskAccepted = (e.target as HTMLInputElement).checked;
                    this.host.update();
                  }}
                />
                ${t('options_riskAccept')}
              </label>
            </div>`
          : nothing
      }
      <p class="help">
        ${
          over
            ? ''
            : !v.canConfirm
              ? t('options_importNothing')
              : v.risks.length && !this.riskAccepted
                ? t('options_riskPending')
                : t('options_importKeeps')
        }
      </p>
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          data-testid="import-confirm"
          ?disabled=${!this.confirmable(v)}
          @click=${(e: Event) => this.confirm(e)}
        >
          ${n === 1 ? t('options_importConfirmOne') : t('options_importConfirmMany', [n])}
        </button>
        <button type="button" data-testid="import-cancel" @click=${() => this.cancel()}>
          ${t('options_cancel')}
        </button>
      </div>
    </section>`;
  }
}
