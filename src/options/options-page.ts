/**
 * The options page (issue 4 item 2): list and search rules, edit one in a form generated from
 * `SITE_RULE_SCHEMA`, edit the user's rules as raw JSON, import and export, try a draft rule on
 * an open tab. Plain DOM. Browser APIs come in through `OptionsDeps` (wired in `options.ts`), so
 * the page runs in jsdom with fakes.
 */
import { h } from '../reader/dom.js';
import { formatRuleError, parseRules } from '../rules/parse.js';
import {
  SITE_RULE_FIELDS,
  SITE_RULE_SCHEMA,
  type SiteRule,
  type SiteRuleField,
} from '../rules/schema.js';
import { normalizeAutoOpenHost } from '../shared/auto-open.js';
import type { StoredRules } from '../shared/rule-storage.js';
import type { LoadedRules, RuleStore, SaveResult } from '../platform/rule-store.js';
import {
  applyImportToState,
  buildImportView,
  exportFile,
  type ImportView,
} from './import-model.js';
import { applyRawJson, checkRawJson, rawJsonOf } from './raw-json-model.js';
import {
  emptyFormValues,
  formatFieldMessage,
  hasErrors,
  ruleToFormValues,
  validateRuleForm,
  type FormValidation,
  type FormValues,
} from './rule-form-model.js';
import {
  buildRuleRows,
  deleteUserRule,
  filterRows,
  freeRuleId,
  setRowEnabled,
  upsertUserRule,
  type RuleRow,
} from './rule-list-model.js';
import { tabsForRule, type RawTab, type RulePreviewResult, type TabChoice } from './try-model.js';

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
  tryOnTab?: TryOnTabDeps;
  autoOpen?: AutoOpenDeps;
  /** Subscribes to rule changes made elsewhere (the reader, another options tab). */
  onRulesChanged?(listener: () => void): void;
}

const ORIGIN_LABEL: Record<RuleRow['origin'], string> = {
  builtin: 'Built-in',
  user: 'Mine',
  override: 'Overrides built-in',
};

const LOCAL_NOTE: Record<string, string> = {
  'too-large':
    'Your rules are too large for browser sync, so they are stored in this browser only (not synced).',
  'sync-failed':
    'Browser sync refused to store your rules, so they are stored in this browser only (not synced).',
};

interface EditorState {
  /** The user rule's id when editing one; null for a new rule. */
  originalId: string | null;
  /** The built-in rule being overridden, when the form started from one. */
  fromBuiltin: string | null;
  values: FormValues;
  validation: FormValidation;
}

export class OptionsPage {
  readonly root: HTMLElement;
  private loaded: LoadedRules | null = null;
  private rows: RuleRow[] = [];
  private query = '';
  private editor: EditorState | null = null;
  private pendingImport: ImportView | null = null;
  private saving = false;

  private readonly els: {
    note: HTMLElement;
    broken: HTMLElement;
    search: HTMLInputElement;
    list: HTMLElement;
    count: HTMLElement;
    editorBox: HTMLElement;
    rawBox: HTMLElement;
    importBox: HTMLElement;
    status: HTMLElement;
    rawToggle: HTMLButtonElement;
    autoOpen: HTMLElement;
  };

  constructor(private readonly deps: OptionsDeps) {
    const doc = deps.doc;
    const search = h(doc, 'input', {
      type: 'search',
      id: 'rule-search',
      'data-testid': 'rule-search',
      placeholder: 'id, site, selector…',
    });
    const rawToggle = h(
      doc,
      'button',
      { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'raw-panel' },
      ['Edit my rules as JSON'],
    );
    const importFile = h(doc, 'input', {
      type: 'file',
      id: 'import-file',
      'data-testid': 'import-file',
      accept: '.json,.txt,application/json,text/plain',
    });
    const importText = h(doc, 'textarea', {
      id: 'import-text',
      'data-testid': 'import-text',
      rows: 3,
      spellcheck: 'false',
      placeholder: 'example.com##.promo-box\nexample.com##p:has-text(/^Sponsored/)',
    });
    const importCheck = h(doc, 'button', { type: 'button' }, ['Check pasted rules']);
    this.els = {
      note: h(doc, 'p', {
        class: 'note',
        'data-testid': 'storage-note',
        role: 'status',
        hidden: true,
      }),
      broken: h(doc, 'section', { class: 'broken', 'data-testid': 'broken-rules', hidden: true }),
      search,
      list: h(doc, 'ul', { class: 'rule-list', 'data-testid': 'rule-list', 'aria-label': 'Rules' }),
      count: h(doc, 'p', { class: 'count', 'aria-live': 'polite' }),
      editorBox: h(doc, 'section', {
        class: 'panel',
        id: 'editor',
        hidden: true,
        'aria-label': 'Rule editor',
      }),
      rawBox: h(doc, 'section', {
        class: 'panel',
        id: 'raw-panel',
        hidden: true,
        'aria-label': 'My rules as JSON',
      }),
      importBox: h(doc, 'section', {
        class: 'panel',
        id: 'import-panel',
        hidden: true,
        'aria-label': 'Import',
      }),
      status: h(doc, 'p', {
        class: 'status',
        'data-testid': 'options-status',
        role: 'status',
        'aria-live': 'polite',
      }),
      rawToggle,
      autoOpen: h(doc, 'section', {
        class: 'panel auto-open',
        'data-testid': 'auto-open',
        'aria-labelledby': 'auto-open-title',
        hidden: true,
      }),
    };

    const addButton = h(
      doc,
      'button',
      { type: 'button', 'data-testid': 'rule-add', class: 'primary' },
      ['Add a rule'],
    );
    const exportButton = h(doc, 'button', { type: 'button', 'data-testid': 'export-rules' }, [
      'Export my rules',
    ]);

    this.root = h(doc, 'main', { 'data-testid': 'options-root', class: 'options' }, [
      h(doc, 'h1', {}, ['Crypto Reader: site rules']),
      h(doc, 'p', { class: 'intro' }, [
        'Site rules remove blocks the reader keeps, or point it at the article. Built-in rules come with the extension; your rules are yours to edit, share and export.',
      ]),
      this.els.note,
      this.els.broken,
      h(doc, 'div', { class: 'toolbar' }, [
        h(doc, 'label', { for: 'rule-search' }, ['Search rules']),
        search,
        addButton,
        exportButton,
        rawToggle,
      ]),
      h(doc, 'details', { class: 'import' }, [
        h(doc, 'summary', {}, ['Import rules (JSON file or uBlock Origin filters)']),
        h(doc, 'div', { class: 'import-inputs' }, [
          h(doc, 'label', { for: 'import-file' }, ['From a file']),
          importFile,
          h(doc, 'label', { for: 'import-text' }, ['Or paste rules or filter lines']),
          importText,
          importCheck,
        ]),
      ]),
      this.els.importBox,
      this.els.rawBox,
      this.els.editorBox,
      this.els.count,
      this.els.list,
      this.els.autoOpen,
      this.els.status,
    ]);

    search.addEventListener('input', () => {
      this.query = search.value;
      this.renderList();
    });
    addButton.addEventListener('click', () => this.openEditor(null));
    exportButton.addEventListener('click', () => this.exportRules());
    rawToggle.addEventListener('click', () => this.toggleRaw());
    importFile.addEventListener('change', () => {
      const file = importFile.files?.[0];
      if (!file) return;
      void file.text().then(
        (text) => this.planImport(text, file.name),
        (e: unknown) => this.say(`Could not read ${file.name}: ${String(e)}`),
      );
      importFile.value = '';
    });
    importCheck.addEventListener('click', () => this.planImport(importText.value, 'pasted text'));
    deps.onRulesChanged?.(() => {
      if (!this.saving) void this.reload();
    });
  }

  async reload(): Promise<void> {
    void this.renderAutoOpen();
    this.loaded = await this.deps.store.load();
    this.rows = buildRuleRows(this.deps.builtin, this.loaded.data);
    this.renderNote();
    this.renderBroken();
    this.renderList();
  }

  private get state(): StoredRules {
    if (!this.loaded) throw new Error('rules not loaded');
    return this.loaded.data;
  }

  private say(text: string): void {
    this.els.status.textContent = text;
  }

  /** Saves a new full state in one write and reloads; says what happened. */
  private async commit(next: StoredRules, done: string): Promise<boolean> {
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
      this.say(`Not saved: ${result.error}${details ? ` (${details})` : ''}`);
      return false;
    }
    await this.reload();
    this.say(done);
    return true;
  }

  // ---- header notes ----

  private renderNote(): void {
    const reason = this.loaded?.localReason;
    this.els.note.hidden = !reason;
    this.els.note.textContent = reason ? (LOCAL_NOTE[reason] ?? '') : '';
  }

  private renderBroken(): void {
    const doc = this.deps.doc;
    const box = this.els.broken;
    const broken = this.loaded?.data.broken ?? [];
    // File-level problems (unknown version, missing part) and, per broken entry, why it fails.
    const messages = [
      ...(this.loaded?.errors ?? []).filter((e) => e.index === null).map(formatRuleError),
      ...broken.flatMap((entry) => {
        const errors = parseRules([entry], { validateSelector: this.deps.validateSelector }).errors;
        const id =
          entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string'
            ? `"${(entry as { id: string }).id}"`
            : 'an entry';
        return errors.map((e) => `${id}: ${e.field ? `${e.field}: ` : ''}${e.message}`);
      }),
    ];
    box.hidden = messages.length === 0 && broken.length === 0;
    if (box.hidden) return box.replaceChildren();
    const discard = h(doc, 'button', { type: 'button', 'data-testid': 'broken-discard' }, [
      'Discard the broken entries',
    ]);
    discard.hidden = broken.length === 0;
    discard.addEventListener('click', () => {
      const { broken: _dropped, ...rest } = this.state;
      void this.commit(rest, 'Broken entries discarded.');
    });
    const n = broken.length;
    box.replaceChildren(
      h(doc, 'h2', {}, ['Stored rules that could not be read']),
      h(doc, 'p', {}, [
        n
          ? `${n} stored entr${n === 1 ? 'y is' : 'ies are'} skipped and not applied; your other rules work. They are kept until you discard them.`
          : 'Your stored rules had a problem; the rules that could be read work.',
      ]),
      h(
        doc,
        'ul',
        {},
        messages.map((m) => h(doc, 'li', { 'data-testid': 'broken-error' }, [m])),
      ),
      discard,
    );
  }

  // ---- the list ----

  private renderList(): void {
    const doc = this.deps.doc;
    const rows = filterRows(this.rows, this.query);
    this.els.count.textContent = this.query
      ? `${rows.length} of ${this.rows.length} rules match “${this.query}”.`
      : `${this.rows.length} rules (${this.rows.filter((r) => r.origin !== 'builtin').length} yours).`;
    this.els.list.replaceChildren(...rows.map((row) => this.renderRow(doc, row)));
    if (!rows.length)
      this.els.list.append(h(doc, 'li', { class: 'empty' }, ['No rule matches the search.']));
  }

  private renderRow(doc: Document, row: RuleRow): HTMLElement {
    const r = row.rule;
    const toggleId = `enable-${r.id}`;
    const enabled = h(doc, 'input', {
      type: 'checkbox',
      id: toggleId,
      'data-testid': 'rule-enabled',
      checked: r.enabled,
    });
    enabled.addEventListener('change', () => {
      void this.commit(
        setRowEnabled(this.state, row, enabled.checked),
        `${r.id} ${enabled.checked ? 'enabled' : 'disabled'}.`,
      );
    });
    const edit = h(doc, 'button', { type: 'button', 'data-testid': 'rule-edit' }, [
      row.origin === 'builtin' ? 'Customize' : 'Edit',
    ]);
    edit.setAttribute('aria-label', `${row.origin === 'builtin' ? 'Customize' : 'Edit'} ${r.id}`);
    edit.addEventListener('click', () => this.openEditor(row));
    const actions: HTMLElement[] = [edit];
    if (row.origin !== 'builtin') {
      const del = h(
        doc,
        'button',
        { type: 'button', 'data-testid': 'rule-delete', class: 'danger' },
        [row.origin === 'override' ? 'Restore built-in' : 'Delete'],
      );
      del.setAttribute(
        'aria-label',
        `${row.origin === 'override' ? 'Restore built-in' : 'Delete'} ${r.id}`,
      );
      del.addEventListener('click', () => {
        const win = doc.defaultView;
        if (win && !win.confirm(`Delete your rule "${r.id}"?`)) return;
        void this.commit(deleteUserRule(this.state, r.id), `${r.id} deleted.`);
      });
      actions.push(del);
    }
    const parts: string[] = [];
    if (r.article) parts.push('article');
    if (r.remove?.length)
      parts.push(`${r.remove.length} selector${r.remove.length > 1 ? 's' : ''}`);
    if (r.removeText?.length)
      parts.push(`${r.removeText.length} text pattern${r.removeText.length > 1 ? 's' : ''}`);
    if (r.title) parts.push('title');
    if (r.byline) parts.push('byline');
    return h(
      doc,
      'li',
      {
        class: `rule-item${r.enabled ? '' : ' off'}`,
        'data-testid': 'rule-item',
        'data-rule-id': r.id,
        'data-origin': row.origin,
      },
      [
        h(doc, 'div', { class: 'rule-head' }, [
          enabled,
          h(doc, 'label', { for: toggleId, class: 'rule-id' }, [r.id]),
          h(doc, 'span', { class: `badge badge-${row.origin}`, 'data-testid': 'rule-badge' }, [
            ORIGIN_LABEL[row.origin],
          ]),
          h(doc, 'span', { class: 'actions' }, actions),
        ]),
        h(doc, 'div', { class: 'rule-sites' }, [r.match.join(', ')]),
        h(doc, 'div', { class: 'rule-summary' }, [parts.join(' · ') || 'no changes']),
        r.notes ? h(doc, 'div', { class: 'rule-notes' }, [r.notes]) : null,
      ],
    );
  }

  // ---- the form ----

  private openEditor(row: RuleRow | null): void {
    this.closeRaw();
    const userIds = new Set(this.state.rules.map((r) => r.id));
    let values: FormValues;
    let originalId: string | null = null;
    let fromBuiltin: string | null = null;
    if (!row) {
      values = emptyFormValues();
      values.id = freeRuleId('my-rule', new Set([...userIds, ...this.rows.map((x) => x.rule.id)]));
    } else {
      values = ruleToFormValues(row.rule);
      if (row.origin === 'builtin') {
        fromBuiltin = row.rule.id;
        values.enabled = true;
      } else originalId = row.rule.id;
    }
    this.editor = {
      originalId,
      fromBuiltin,
      values,
      validation: this.validate(values, originalId),
    };
    this.renderEditor();
  }

  private validate(values: FormValues, originalId: string | null): FormValidation {
    return validateRuleForm(values, {
      validateSelector: this.deps.validateSelector,
      userIds: new Set(this.state.rules.map((r) => r.id)),
      originalId,
      builtinIds: new Set(this.deps.builtin.map((b) => b.id)),
    });
  }

  private closeEditor(): void {
    this.editor = null;
    this.els.editorBox.hidden = true;
    this.els.editorBox.replaceChildren();
  }

  private renderEditor(): void {
    const doc = this.deps.doc;
    const ed = this.editor;
    if (!ed) return this.closeEditor();
    const form = h(doc, 'form', {
      'data-testid': 'rule-form',
      novalidate: true,
      class: 'rule-form',
    });
    const title = ed.originalId
      ? `Edit rule “${ed.originalId}”`
      : ed.fromBuiltin
        ? `Customize built-in rule “${ed.fromBuiltin}” (saved as your rule with the same id)`
        : 'New rule';
    form.append(h(doc, 'h2', {}, [title]));
    const errorBoxes = new Map<SiteRuleField, HTMLElement>();
    const noteBoxes = new Map<SiteRuleField, HTMLElement>();
    const controls = new Map<SiteRuleField, HTMLInputElement | HTMLTextAreaElement>();
    const save = h(
      doc,
      'button',
      { type: 'submit', class: 'primary', 'data-testid': 'rule-save' },
      ['Save rule'],
    );

    const refresh = (): void => {
      ed.validation = this.validate(ed.values, ed.originalId);
      for (const f of SITE_RULE_FIELDS) {
        const box = errorBoxes.get(f)!;
        const msgs = ed.validation.errors[f] ?? [];
        box.replaceChildren(...msgs.map((m) => h(doc, 'li', {}, [formatFieldMessage(m)])));
        box.hidden = msgs.length === 0;
        controls.get(f)?.setAttribute('aria-invalid', String(msgs.length > 0));
        const note = noteBoxes.get(f);
        if (note) {
          note.textContent = ed.validation.notes[f] ?? '';
          note.hidden = !ed.validation.notes[f];
        }
      }
      save.disabled = hasErrors(ed.validation) || !ed.validation.rule;
    };

    for (const f of SITE_RULE_FIELDS) {
      const spec = SITE_RULE_SCHEMA[f];
      const id = `field-${f}`;
      const helpId = `${id}-help`;
      const errId = `${id}-error`;
      let control: HTMLInputElement | HTMLTextAreaElement;
      if (spec.type === 'boolean') {
        control = h(doc, 'input', {
          type: 'checkbox',
          id,
          name: f,
          checked: ed.values[f] === true,
        });
        control.addEventListener('change', () => {
          ed.values[f] = (control as HTMLInputElement).checked;
          refresh();
        });
      } else {
        const multiline = spec.type === 'string[]' || spec.format === 'text';
        control = multiline
          ? h(doc, 'textarea', {
              id,
              name: f,
              rows: spec.type === 'string[]' ? 3 : 2,
              spellcheck: 'false',
            })
          : h(doc, 'input', {
              type: 'text',
              id,
              name: f,
              spellcheck: 'false',
              autocomplete: 'off',
            });
        control.value = String(ed.values[f]);
        control.addEventListener('input', () => {
          ed.values[f] = control.value;
          refresh();
        });
      }
      control.setAttribute('aria-describedby', `${helpId} ${errId}`);
      if ('required' in spec && spec.required) control.setAttribute('aria-required', 'true');
      controls.set(f, control);
      const errorBox = h(doc, 'ul', {
        class: 'field-error',
        id: errId,
        'data-testid': 'rule-error',
        'data-field': f,
        hidden: true,
      });
      errorBoxes.set(f, errorBox);
      const help = spec.help + (spec.type === 'string[]' ? ' One per line.' : '');
      const note = h(doc, 'p', { class: 'field-note', hidden: true });
      noteBoxes.set(f, note);
      form.append(
        h(
          doc,
          'div',
          { class: `field field-${spec.type === 'boolean' ? 'check' : 'text'}`, 'data-field': f },
          [
            spec.type === 'boolean' ? control : null,
            h(doc, 'label', { for: id }, [
              spec.label + ('required' in spec && spec.required ? ' *' : ''),
            ]),
            spec.type === 'boolean' ? null : control,
            h(doc, 'p', { class: 'help', id: helpId }, [help]),
            note,
            errorBox,
          ],
        ),
      );
    }

    const cancel = h(doc, 'button', { type: 'button' }, ['Cancel']);
    cancel.addEventListener('click', () => this.closeEditor());
    form.append(h(doc, 'div', { class: 'form-actions' }, [save, cancel]));
    if (this.deps.tryOnTab) form.append(this.renderTry(doc, () => ed.validation.rule));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      refresh();
      const rule = ed.validation.rule;
      if (!rule || hasErrors(ed.validation)) return;
      const next = upsertUserRule(this.state, rule, ed.originalId);
      void this.commit(next, `Rule ${rule.id} saved.`).then((ok) => {
        if (ok) this.closeEditor();
      });
    });
    this.els.editorBox.replaceChildren(form);
    this.els.editorBox.hidden = false;
    refresh();
    controls.get('id')?.focus();
  }

  private renderTry(doc: Document, draft: () => SiteRule | null): HTMLElement {
    const tryDeps = this.deps.tryOnTab!;
    const button = h(doc, 'button', { type: 'button', 'data-testid': 'try-tab' }, [
      'Try on an open tab',
    ]);
    const select = h(doc, 'select', { id: 'try-tab-select', 'data-testid': 'try-tab-select' });
    const selectLabel = h(doc, 'label', { for: 'try-tab-select' }, ['Tab']);
    const pick = h(doc, 'span', { class: 'try-pick', hidden: true }, [selectLabel, select]);
    const result = h(doc, 'div', {
      class: 'try-result',
      'data-testid': 'try-result',
      'aria-live': 'polite',
    });
    const show = (...nodes: (Node | string)[]): void => result.replaceChildren(...nodes);

    const run = async (rule: SiteRule, tabId: number): Promise<void> => {
      show('Running the reader on that tab…');
      let r: RulePreviewResult;
      try {
        r = await tryDeps.preview(tabId, rule);
      } catch (e) {
        r = { ok: false, error: String(e) };
      }
      if (!r.ok) return show(`Could not try the rule: ${r.error}`);
      if (!r.found) return show('The reader finds no article on that tab (with this rule).');
      const head = h(doc, 'p', { 'data-testid': 'try-count', 'data-count': r.count }, [
        r.count === 0
          ? `This rule would remove nothing on “${r.title}”.`
          : `This rule would remove ${r.count} block${r.count === 1 ? '' : 's'} on “${r.title}”:`,
      ]);
      const list = h(
        doc,
        'ol',
        { class: 'try-list' },
        r.removals.map((x) => h(doc, 'li', {}, [x.text || '(no text)'])),
      );
      show(
        head,
        ...(r.count ? [list] : []),
        ...(r.articleChanged
          ? [h(doc, 'p', {}, ['The article container differs with this rule.'])]
          : []),
      );
    };

    // Tabs the extension can already read (a site the user granted, or auto-open): known before
    // the click, so a click on such a tab needs no permission prompt.
    let readable: RawTab[] = [];
    const refreshTabs = (): Promise<void> =>
      tryDeps.listTabs().then(
        (tabs) => void (readable = tabs),
        () => undefined,
      );
    void refreshTabs();
    doc.defaultView?.addEventListener('focus', () => void refreshTabs());

    const runOn = async (rule: SiteRule, tabs: TabChoice[]): Promise<void> => {
      const chosen = Number(select.value);
      select.replaceChildren(
        ...tabs.map((t) => h(doc, 'option', { value: t.id, selected: t.id === chosen }, [t.title])),
      );
      pick.hidden = tabs.length < 2;
      const tabId = tabs.some((t) => t.id === chosen) ? chosen : tabs[0]!.id;
      select.value = String(tabId);
      await run(rule, tabId);
    };

    button.addEventListener('click', () => {
      const rule = draft();
      if (!rule) return show('Fix the errors above first.');
      const known = tabsForRule(rule, readable);
      if (known.length) return void runOn(rule, known);
      // Ask for access first, while the click still counts as a user gesture.
      const access = tryDeps.requestAccess(rule);
      void (async () => {
        if (!(await access.catch(() => false)))
          return show(`No access to ${rule.match.join(', ')}: the browser did not grant it.`);
        await refreshTabs();
        const tabs = tabsForRule(rule, readable);
        if (!tabs.length)
          return show(`No open tab is on ${rule.match.join(', ')}. Open the page in a tab first.`);
        await runOn(rule, tabs);
      })();
    });
    select.addEventListener('change', () => {
      const rule = draft();
      if (rule) void run(rule, Number(select.value));
    });
    return h(doc, 'fieldset', { class: 'try' }, [
      h(doc, 'legend', {}, ['Preview']),
      h(doc, 'p', { class: 'help' }, [
        'See what this rule would remove on a page open in another tab, before you save it. The browser asks once for access to the rule’s sites.',
      ]),
      button,
      pick,
      result,
    ]);
  }

  // ---- raw JSON ----

  private closeRaw(): void {
    this.els.rawBox.hidden = true;
    this.els.rawBox.replaceChildren();
    this.els.rawToggle.setAttribute('aria-expanded', 'false');
  }

  private toggleRaw(): void {
    if (!this.els.rawBox.hidden) return this.closeRaw();
    this.closeEditor();
    const doc = this.deps.doc;
    const text = h(doc, 'textarea', {
      id: 'raw-json',
      'data-testid': 'raw-json',
      rows: 18,
      spellcheck: 'false',
      'aria-describedby': 'raw-errors',
    });
    text.value = rawJsonOf(this.state);
    const errors = h(doc, 'ul', {
      id: 'raw-errors',
      class: 'field-error',
      'data-testid': 'raw-errors',
    });
    const save = h(doc, 'button', { type: 'button', class: 'primary', 'data-testid': 'raw-save' }, [
      'Save my rules',
    ]);
    const cancel = h(doc, 'button', { type: 'button' }, ['Close']);
    const check = (): ReturnType<typeof checkRawJson> => {
      const c = checkRawJson(text.value, { validateSelector: this.deps.validateSelector });
      errors.replaceChildren(...c.errors.map((e) => h(doc, 'li', {}, [e])));
      errors.hidden = c.valid;
      text.setAttribute('aria-invalid', String(!c.valid));
      save.disabled = !c.valid;
      return c;
    };
    text.addEventListener('input', () => check());
    save.addEventListener('click', () => {
      const c = check();
      if (!c.valid) return;
      void this.commit(
        applyRawJson(this.state, c),
        `Saved ${c.rules.length} rules from the JSON view.`,
      ).then((ok) => {
        if (ok) this.closeRaw();
      });
    });
    cancel.addEventListener('click', () => this.closeRaw());
    this.els.rawBox.replaceChildren(
      h(doc, 'h2', {}, ['My rules as JSON']),
      h(doc, 'label', { for: 'raw-json' }, [
        'The same format as the export and the built-in rules ({"rules": [...]}). Saving replaces your rules with these.',
      ]),
      text,
      errors,
      h(doc, 'div', { class: 'form-actions' }, [save, cancel]),
    );
    this.els.rawBox.hidden = false;
    this.els.rawToggle.setAttribute('aria-expanded', 'true');
    check();
    text.focus();
  }

  // ---- import / export ----

  private exportRules(): void {
    const { name, text } = exportFile(this.state);
    this.deps.download(name, text);
    this.say(`Exported ${this.state.rules.length} rules to ${name}.`);
  }

  planImport(text: string, source: string): void {
    const doc = this.deps.doc;
    const view = buildImportView(this.state, text, {
      validateSelector: this.deps.validateSelector,
      builtinIds: new Set(this.deps.builtin.map((b) => b.id)),
    });
    this.pendingImport = view;
    const list = (title: string, items: string[], testid: string): HTMLElement | null =>
      items.length
        ? h(doc, 'div', { class: 'import-group' }, [
            h(doc, 'h3', {}, [title]),
            h(
              doc,
              'ul',
              { 'data-testid': testid },
              items.map((i) => h(doc, 'li', {}, [i])),
            ),
          ])
        : null;
    const confirm = h(
      doc,
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'import-confirm' },
      [
        `Import ${view.plan.add.length + view.plan.replace.length} rule${view.plan.add.length + view.plan.replace.length === 1 ? '' : 's'}`,
      ],
    );
    confirm.disabled = !view.canConfirm;
    const cancel = h(doc, 'button', { type: 'button', 'data-testid': 'import-cancel' }, ['Cancel']);
    confirm.addEventListener('click', () => {
      const pending = this.pendingImport;
      if (!pending?.canConfirm) return;
      confirm.disabled = true;
      void this.commit(
        applyImportToState(this.state, pending.plan),
        `Imported: ${pending.plan.add.length} added, ${pending.plan.replace.length} replaced.`,
      ).then((ok) => {
        if (ok) this.closeImport();
        else confirm.disabled = false;
      });
    });
    cancel.addEventListener('click', () => {
      this.closeImport();
      this.say('Import cancelled; nothing changed.');
    });
    const groups = [
      list('Will be added', view.adds, 'import-adds'),
      list('Will replace your rule with the same id', view.replaces, 'import-replaces'),
      list('Problems (these lines or rules are skipped)', view.errors, 'import-errors'),
    ].filter((g): g is HTMLElement => g !== null);
    this.els.importBox.replaceChildren(
      h(doc, 'h2', {}, [`Import from ${source}`]),
      h(doc, 'p', { 'data-testid': 'import-summary' }, [view.summary]),
      ...groups,
      h(doc, 'p', { class: 'help' }, [
        view.canConfirm
          ? 'Nothing is deleted: rules not in the import stay as they are.'
          : 'Nothing to import; your rules are unchanged.',
      ]),
      h(doc, 'div', { class: 'form-actions' }, [confirm, cancel]),
    );
    this.els.importBox.hidden = false;
    this.els.importBox.scrollIntoView?.({ block: 'nearest' });
  }

  private closeImport(): void {
    this.pendingImport = null;
    this.els.importBox.hidden = true;
    this.els.importBox.replaceChildren();
  }

  // ---- auto-open ----

  private async renderAutoOpen(): Promise<void> {
    const ao = this.deps.autoOpen;
    if (!ao) return;
    const doc = this.deps.doc;
    const hosts = await ao.load().catch(() => [] as string[]);
    const granted = await Promise.all(hosts.map((host) => ao.granted(host).catch(() => false)));
    const input = h(doc, 'input', {
      type: 'text',
      id: 'auto-open-host',
      'data-testid': 'auto-open-host',
      placeholder: 'news.example.com',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'auto-open-error',
    });
    const add = h(doc, 'button', { type: 'button', 'data-testid': 'auto-open-add' }, [
      'Always open this site',
    ]);
    const error = h(doc, 'p', { id: 'auto-open-error', class: 'field-error', role: 'alert' });
    add.addEventListener('click', () => {
      const host = normalizeAutoOpenHost(input.value);
      if (!host) {
        error.textContent = 'Type a site such as news.example.com (or paste a page address).';
        return;
      }
      // The permission prompt first, while the click still counts as a user gesture.
      const request = ao.request(host);
      void (async () => {
        if (!(await request.catch(() => false))) {
          error.textContent = `The browser did not grant access to ${host}; nothing changed.`;
          return;
        }
        const current = await ao.load().catch(() => [] as string[]);
        await ao.save([...current.filter((x) => x !== host), host]);
        this.say(`${host} will always open in reader view.`);
        await this.renderAutoOpen();
      })();
    });
    const items = hosts.map((host, i) => {
      const remove = h(
        doc,
        'button',
        { type: 'button', 'aria-label': `Stop opening ${host} automatically` },
        ['Remove'],
      );
      remove.addEventListener('click', () => {
        void (async () => {
          const current = await ao.load().catch(() => [] as string[]);
          await ao.save(current.filter((x) => x !== host));
          this.say(`${host} no longer opens automatically.`);
          await this.renderAutoOpen();
        })();
      });
      return h(doc, 'li', { 'data-host': host, 'data-testid': 'auto-open-item' }, [
        h(doc, 'span', { class: 'rule-id' }, [host]),
        granted[i]
          ? null
          : h(doc, 'span', { class: 'badge badge-override' }, ['no permission: not opened']),
        remove,
      ]);
    });
    this.els.autoOpen.replaceChildren(
      h(doc, 'h2', { id: 'auto-open-title' }, ['Always open in reader view']),
      h(doc, 'p', { class: 'help' }, [
        'Pages on these sites open in the reader as soon as they load. Adding a site asks the browser for access to that site only.',
      ]),
      hosts.length
        ? h(doc, 'ul', { class: 'auto-open-list', 'data-testid': 'auto-open-list' }, items)
        : h(doc, 'p', {}, ['No site yet.']),
      h(doc, 'div', { class: 'toolbar' }, [
        h(doc, 'label', { for: 'auto-open-host' }, ['Site']),
        input,
        add,
      ]),
      error,
    );
    this.els.autoOpen.hidden = false;
  }
}
