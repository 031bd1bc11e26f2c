/**
 * The rule list: search, one row per rule (built-in, mine, override) with its switch and
 * buttons. Rows are keyed by rule id, so a row keeps its focus when the list re-renders.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { guard } from 'lit-html/directives/guard.js';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { OptionsHost } from './options-host.js';
import type { OptionsTranslate } from './options-strings.js';
import { deleteUserRule, filterRows, setRowEnabled, type RuleRow } from './rule-list-model.js';

const ORIGIN = {
  builtin: 'options_originBuiltin',
  user: 'options_originUser',
  override: 'options_originOverride',
} as const;

function summary(t: OptionsTranslate, row: RuleRow): string {
  const r = row.rule;
  const parts: string[] = [];
  const selectors = r.remove?.length ?? 0;
  const patterns = r.removeText?.length ?? 0;
  if (r.article) parts.push(t('options_sumArticle'));
  if (selectors)
    parts.push(selectors === 1 ? t('options_sumSelector') : t('options_sumSelectors', [selectors]));
  if (patterns)
    parts.push(patterns === 1 ? t('options_sumPattern') : t('options_sumPatterns', [patterns]));
  if (r.title) parts.push(t('options_sumTitle'));
  if (r.byline) parts.push(t('options_sumByline'));
  return parts.join(' · ') || t('options_sumNone');
}

export class RuleList {
  query = '';
  /** Bumped to re-render the rows from the stored state (a refused or failed toggle). */
  private version = 0;

  constructor(
    private readonly host: OptionsHost,
    private readonly onEdit: (row: RuleRow) => void,
  ) {}

  /**
   * On `click`, not `change`: a click (mouse or Space) is trusted only when the user made it,
   * while the `change` that follows a scripted click may still be; `checked` is already the
   * new state.
   */
  private toggle(e: Event, row: RuleRow): void {
    const box = e.target as HTMLInputElement;
    const { t } = this.host;
    const next = setRowEnabled(this.host.loaded.data, row, box.checked);
    const done = t(box.checked ? 'options_ruleEnabled' : 'options_ruleDisabled', [row.rule.id]);
    // A refused or failed write re-renders the switch from the stored state.
    void this.host.commit(e, next, done).then((ok) => {
      if (ok) return;
      this.version++;
      this.host.update();
    });
  }

  private remove(e: Event, row: RuleRow): void {
    const { t, deps } = this.host;
    if (!this.host.fromUser(e)) return;
    const win = deps.doc.defaultView;
    if (win && !win.confirm(t('options_deleteConfirm', [row.rule.id]))) return;
    void this.host.commit(
      e,
      deleteUserRule(this.host.loaded.data, row.rule.id),
      t('options_deleted', [row.rule.id]),
    );
  }

  /**
   * Re-rendered only when the rows (a new array after each load), the search or `version`
   * change: typing in the editor re-renders the page, and a list of 2,000 rules need not follow.
   */
  template(): TemplateResult {
    return html`${guard([this.host.rows, this.query, this.version], () => this.list())}`;
  }

  private list(): TemplateResult {
    const { t } = this.host;
    const all = this.host.rows;
    const rows = filterRows(all, this.query);
    const count = this.query
      ? t('options_countMatch', [rows.length, all.length, this.query])
      : t('options_countAll', [all.length, all.filter((r) => r.origin !== 'builtin').length]);
    return html`<p class="count" aria-live="polite">${count}</p>
      <ul class="rule-list" data-testid="rule-list" aria-label=${t('options_rulesLabel')}>
        ${repeat(
          rows,
          (row) => row.rule.id,
          (row) => this.row(row),
        )}
        ${rows.length ? nothing : html`<li class="empty">${t('options_noMatch')}</li>`}
      </ul>`;
  }

  private row(row: RuleRow): TemplateResult {
    const { t } = this.host;
    const r = row.rule;
    const builtin = row.origin === 'builtin';
    const toggleId = `enable-${r.id}`;
    const editText = t(builtin ? 'options_customize' : 'options_edit');
    const editLabel = t(builtin ? 'options_customizeRule' : 'options_editRule', [r.id]);
    const override = row.origin === 'override';
    return html`<li
      class="rule-item${r.enabled ? '' : ' off'}"
      data-testid="rule-item"
      data-rule-id=${r.id}
      data-origin=${row.origin}
    >
      <div class="rule-head">
        <input
          type="checkbox"
          id=${toggleId}
          data-testid="rule-enabled"
          .checked=${live(r.enabled)}
          @click=${(e: Event) => this.toggle(e, row)}
        />
        <label for=${toggleId} class="rule-id">${r.id}</label>
        <span class="badge badge-${row.origin}" data-testid="rule-badge"
          >${t(ORIGIN[row.origin])}</span
        >
        <span class="actions">
          <button
            type="button"
            data-testid="rule-edit"
            aria-label=${editLabel}
            @click=${() => this.onEdit(row)}
          >
            ${editText}
          </button>
          ${
            builtin
              ? nothing
              : html`<button
                  type="button"
                  data-testid="rule-delete"
                  class="danger"
                  aria-label=${t(override ? 'options_restoreRule' : 'options_deleteRule', [r.id])}
                  @click=${(e: Event) => this.remove(e, row)}
                >
                  ${t(override ? 'options_restore' : 'options_delete')}
                </button>`
          }
        </span>
      </div>
      <div class="rule-sites">${r.match.join(', ')}</div>
      <div class="rule-summary">${summary(t, row)}</div>
      ${r.notes ? html`<div class="rule-notes">${r.notes}</div>` : nothing}
    </li>`;
  }
}
