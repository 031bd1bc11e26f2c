/**
 * The rule editor: one labelled control per field of `SITE_RULE_SCHEMA`, validated on every
 * keystroke by the one validator (`validateRuleForm`). A field's errors show once the user has
 * been in that field (or tried to save), so a new rule does not open with "needs at least one
 * entry" under a field nobody has typed in yet; until then Save stays off and says what is
 * missing.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { SITE_RULE_FIELDS, SITE_RULE_SCHEMA, type SiteRuleField } from '../rules/schema.js';
import type { OptionsHost } from './options-host.js';
import type { OptionsTranslate } from './options-strings.js';
import {
  emptyFormValues,
  formatFieldMessage,
  hasErrors,
  ruleToFormValues,
  validateRuleForm,
  type FormNote,
  type FormValidation,
  type FormValues,
} from './rule-form-model.js';
import { freeRuleId, upsertUserRule, type RuleRow } from './rule-list-model.js';
import type { TryOnTab } from './try-on-tab.js';

interface Draft {
  /** The user rule's id when editing one; null for a new rule. */
  originalId: string | null;
  /** The built-in rule being overridden, when the form started from one. */
  fromBuiltin: string | null;
  values: FormValues;
  validation: FormValidation;
  /** Fields whose errors are shown: edited or left by the user, or all after a save attempt. */
  touched: Set<SiteRuleField>;
}

const label = (t: OptionsTranslate, f: SiteRuleField): string => t(`options_field_${f}` as const);

function noteText(t: OptionsTranslate, n: FormNote): string {
  if (n.kind === 'override') return t('options_noteOverride', [n.id]);
  if (n.kind === 'every-site') return t('options_noteEverySite');
  return t('options_notePageWide', [n.selector]);
}

export class RuleEditor {
  private draft: Draft | null = null;

  constructor(
    private readonly host: OptionsHost,
    private readonly tryOnTab: TryOnTab | null,
  ) {}

  /** Opens the form on a row (edit or customize) or on a new rule (`null`). */
  start(row: RuleRow | null): void {
    const stored = this.host.loaded.data;
    let values: FormValues;
    let originalId: string | null = null;
    let fromBuiltin: string | null = null;
    if (!row) {
      values = emptyFormValues();
      const taken = new Set([
        ...stored.rules.map((r) => r.id),
        ...this.host.rows.map((r) => r.rule.id),
      ]);
      values.id = freeRuleId('my-rule', taken);
    } else {
      values = ruleToFormValues(row.rule);
      if (row.origin === 'builtin') {
        fromBuiltin = row.rule.id;
        values.enabled = true;
      } else originalId = row.rule.id;
    }
    // A stored rule is shown with all its problems at once; a new one waits for input.
    const touched = new Set<SiteRuleField>(row ? SITE_RULE_FIELDS : []);
    this.draft = {
      originalId,
      fromBuiltin,
      values,
      touched,
      validation: this.validate(values, originalId),
    };
    this.tryOnTab?.reset();
  }

  close(): void {
    this.draft = null;
  }

  private validate(values: FormValues, originalId: string | null): FormValidation {
    return validateRuleForm(values, {
      validateSelector: this.host.deps.validateSelector,
      userIds: new Set(this.host.loaded.data.rules.map((r) => r.id)),
      originalId,
      builtinIds: new Set(this.host.deps.builtin.map((b) => b.id)),
    });
  }

  private edit(f: SiteRuleField, value: string | boolean): void {
    const d = this.draft;
    if (!d) return;
    d.values[f] = value;
    d.touched.add(f);
    d.validation = this.validate(d.values, d.originalId);
    this.tryOnTab?.draftChanged();
    this.host.update();
  }

  private leave(f: SiteRuleField): void {
    const d = this.draft;
    if (!d || d.touched.has(f)) return;
    d.touched.add(f);
    this.host.update();
  }

  /** Save is the submit button's click (Enter in a field clicks it too), never a bare submit. */
  private save(e: Event): void {
    e.preventDefault();
    const d = this.draft;
    if (!d) return;
    for (const f of SITE_RULE_FIELDS) d.touched.add(f);
    d.validation = this.validate(d.values, d.originalId);
    const rule = d.validation.rule;
    if (!rule || hasErrors(d.validation)) return this.host.update();
    const next = upsertUserRule(this.host.loaded.data, rule, d.originalId);
    void this.host.commit(e, next, this.host.t('options_saved', [rule.id])).then((ok) => {
      if (ok && this.draft === d) {
        this.draft = null;
        this.host.update();
        // The form is gone: focus goes to the saved rule's row rather than to the page's start.
        this.host.deps.doc
          .querySelector<HTMLElement>(`[data-rule-id="${rule.id}"] [data-testid="rule-edit"]`)
          ?.focus();
      }
    });
  }

  template(onCancel: () => void): TemplateResult | typeof nothing {
    const d = this.draft;
    if (!d) return nothing;
    const { t } = this.host;
    const title = d.originalId
      ? t('options_editorEdit', [d.originalId])
      : d.fromBuiltin
        ? t('options_editorCustomize', [d.fromBuiltin])
        : t('options_editorNew');
    const invalid = hasErrors(d.validation) || !d.validation.rule;
    // Errors the user cannot see yet (fields not visited): name those fields next to Save.
    const pending = SITE_RULE_FIELDS.filter(
      (f) => !d.touched.has(f) && (d.validation.errors[f]?.length ?? 0) > 0,
    );
    return html`<section class="panel" id="editor" aria-label=${t('options_editorLabel')}>
      <form
        data-testid="rule-form"
        novalidate
        class="rule-form"
        @submit=${(e: Event) => e.preventDefault()}
      >
        <h2>${title}</h2>
        ${SITE_RULE_FIELDS.map((f) => this.field(d, f))}
        <div class="form-actions">
          <button
            type="submit"
            class="primary"
            data-testid="rule-save"
            ?disabled=${invalid}
            aria-describedby="rule-save-hint"
            @click=${(e: Event) => this.save(e)}
          >
            ${t('options_save')}
          </button>
          <button type="button" @click=${onCancel}>${t('options_cancel')}</button>
          <span class="help" id="rule-save-hint"
            >${
              pending.length
                ? t('options_toSave', [pending.map((f) => label(t, f)).join(', ')])
                : ''
            }</span
          >
        </div>
        ${this.tryOnTab ? this.tryOnTab.template(invalid ? null : d.validation.rule) : nothing}
      </form>
    </section>`;
  }

  private field(d: Draft, f: SiteRuleField): TemplateResult {
    const { t } = this.host;
    const spec = SITE_RULE_SCHEMA[f];
    const id = `field-${f}`;
    const errors = d.touched.has(f) ? (d.validation.errors[f] ?? []) : [];
    const notes = d.validation.notes[f] ?? [];
    const required = 'required' in spec && spec.required === true;
    const help =
      t(`options_fieldHelp_${f}` as const) +
      (spec.type === 'string[]' ? ` ${t('options_onePerLine')}` : '');
    const describedBy = `${id}-help ${id}-error`;
    const isCheck = spec.type === 'boolean';
    const control = isCheck
      ? html`<input
          type="checkbox"
          id=${id}
          name=${f}
          .checked=${live(d.values[f] === true)}
          aria-describedby=${describedBy}
          aria-invalid=${errors.length > 0 ? 'true' : 'false'}
          @change=${(e: Event) => this.edit(f, (e.target as HTMLInputElement).checked)}
        />`
      : spec.type === 'string[]' || spec.format === 'text'
        ? html`<textarea
            id=${id}
            name=${f}
            rows=${spec.type === 'string[]' ? 3 : 2}
            spellcheck="false"
            aria-describedby=${describedBy}
            aria-required=${required ? 'true' : nothing}
            aria-invalid=${errors.length > 0 ? 'true' : 'false'}
            .value=${live(String(d.values[f]))}
            @input=${(e: Event) => this.edit(f, (e.target as HTMLTextAreaElement).value)}
            @blur=${() => this.leave(f)}
          ></textarea>`
        : html`<input
            type="text"
            id=${id}
            name=${f}
            spellcheck="false"
            autocomplete="off"
            aria-describedby=${describedBy}
            aria-required=${required ? 'true' : nothing}
            aria-invalid=${errors.length > 0 ? 'true' : 'false'}
            .value=${live(String(d.values[f]))}
            @input=${(e: Event) => this.edit(f, (e.target as HTMLInputElement).value)}
            @blur=${() => this.leave(f)}
          />`;
    return html`<div class="field field-${isCheck ? 'check' : 'text'}" data-field=${f}>
      ${isCheck ? control : nothing}
      <label for=${id}>${label(t, f)}${required ? ' *' : ''}</label>
      ${isCheck ? nothing : control}
      <p class="help" id="${id}-help">${help}</p>
      ${
        notes.length
          ? html`<p class="field-note">${notes.map((n) => noteText(t, n)).join(' ')}</p>`
          : nothing
      }
      <ul
        class="field-error"
        id="${id}-error"
        data-testid="rule-error"
        data-field=${f}
        ?hidden=${errors.length === 0}
      >
        ${errors.map((m) => html`<li>${formatFieldMessage(m, t)}</li>`)}
      </ul>
    </div>`;
  }
}
