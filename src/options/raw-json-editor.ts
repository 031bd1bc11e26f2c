/**
 * The user's rules as one JSON text (`raw-json-model.ts`): every error listed with its rule,
 * field and line:column; Save is on only when the whole text is valid.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import type { OptionsHost } from './options-host.js';
import { applyRawJson, checkRawJson, rawJsonOf, type RawJsonCheck } from './raw-json-model.js';

export class RawJsonEditor {
  private text: string | null = null;
  private check: RawJsonCheck | null = null;

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
  }

  private setText(text: string): void {
    this.text = text;
    this.check = checkRawJson(text, { validateSelector: this.host.deps.validateSelector });
  }

  private save(e: Event): void {
    const c = this.check;
    if (!c?.valid) return;
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
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          data-testid="raw-save"
          ?disabled=${!c.valid}
          @click=${(e: Event) => this.save(e)}
        >
          ${t('options_rawSave')}
        </button>
        <button type="button" @click=${onClose}>${t('options_close')}</button>
      </div>
    </section>`;
  }
}
