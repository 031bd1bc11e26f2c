/**
 * The user's rules as one JSON text (`raw-json-model.ts`): every error listed with its rule,
 * field and line:column; Save is on only when the whole text is valid.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { riskText } from './import-panel.js';
import type { OptionsHost } from './options-host.js';
import { applyRawJson, checkRawJson, rawJsonOf, type RawJsonCheck } from './raw-json-model.js';

export class RawJsonEditor {
  private text: string | null = null;
  private check: RawJsonCheck | null = null;
  private riskAccepted = false;

  constructor(private readonly host: OptionsHost) {}

  get open(): boolean {
    return this.text !== null;
  }

  start(): void {
    this.setText(rawJsonOf(this.host.loaded.data));
  }

  close(): void {
    this.text = null;
    this.check = null;
    this.riskAccepted = false;
  }

  private setText(text: string): void {
    this.text = text;
    this.check = checkRawJson(
      text,
      { validateSelector: this.host.deps.validateSelector },
      this.host.loaded.data.rules,
    );
  }

  private savable(c: RawJsonCheck): boolean {
    return c.valid && (c.risks.length === 0 || this.riskAccepted);
  }

  private save(e: Event): void {
    const c = this.check;
    if (!c || !this.savable(c)) return;
    const { t } = this.host;
    void this.host
      .commit(e, applyRawJson(this.host.loaded.data, c), t('options_rawSaved', [c.rules.length]))
      .then((ok) => {
        if (ok && this.check === c) {
          this.close();
          this.host.update();
        }
      });
  }

  template(onClose: () => void): TemplateResult | typeof nothing {
    if (this.text === null || !this.check) return nothing;
    const { t } = this.host;
    const c = this.check;
    return html`<section class="panel" id="raw-panel" aria-label=${t('options_rawTitle')}>
      <h2>${t('options_rawTitle')}</h2>
      <label for="raw-json">${t('options_rawHelp')}</label>
      <textarea
        id="raw-json"
        data-testid="raw-json"
        rows="18"
        spellcheck="false"
        aria-describedby="raw-errors"
        aria-invalid=${c.valid ? 'false' : 'true'}
        .value=${live(this.text)}
        @input=${(e: Event) => {
          this.setText((e.target as HTMLTextAreaElement).value);
          this.host.update();
        }}
      ></textarea>
      <ul id="raw-errors" class="field-error" data-testid="raw-errors" ?hidden=${c.valid}>
        ${c.errors.map((m) => html`<li>${m}</li>`)}
      </ul>
      ${
        c.valid && c.risks.length
          ? html`<div class="import-risks" role="group" aria-labelledby="raw-risk-title">
              <h3 id="raw-risk-title">${t('options_riskTitle')}</h3>
              <ul data-testid="raw-risks">
                ${c.risks.map((r) => html`<li>${riskText(t, r)}</li>`)}
              </ul>
              <label class="check">
                <input
                  type="checkbox"
                  data-testid="raw-risk-accept"
                  .checked=${live(this.riskAccepted)}
                  @change=${(e: Event) => {
                    this.riskAccepted = (e.target as HTMLInputElement).checked;
                    this.host.update();
                  }}
                />
                ${t('options_riskAcceptSave')}
              </label>
            </div>`
          : nothing
      }
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          data-testid="raw-save"
          ?disabled=${!this.savable(c)}
          @click=${(e: Event) => this.save(e)}
        >
          ${t('options_rawSave')}
        </button>
        <button type="button" @click=${onClose}>${t('options_close')}</button>
      </div>
    </section>`;
  }
}
