/**
 * "Always open in reader view": the sites whose pages open in the reader on load. Adding one
 * asks the browser for access to that site only (first thing in the click, while it counts as
 * a user gesture); a site whose permission was revoked is flagged.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { normalizeAutoOpenHost } from '../shared/auto-open.js';
import type { AutoOpenDeps, OptionsHost } from './options-host.js';

export class AutoOpenPanel {
  private hosts: { host: string; granted: boolean }[] | null = null;
  private error = '';

  constructor(
    private readonly host: OptionsHost,
    private readonly deps: AutoOpenDeps,
  ) {}

  async reload(): Promise<void> {
    const hosts = await this.deps.load().catch(() => [] as string[]);
    const granted = await Promise.all(hosts.map((h) => this.deps.granted(h).catch(() => false)));
    this.hosts = hosts.map((h, i) => ({ host: h, granted: granted[i] === true }));
    this.host.update();
  }

  private setError(text: string): void {
    this.error = text;
    this.host.update();
  }

  private add(e: Event): void {
    const { t } = this.host;
    if (!this.host.fromUser(e)) return;
    const input = this.host.deps.doc.getElementById('auto-open-host') as HTMLInputElement | null;
    const site = normalizeAutoOpenHost(input?.value ?? '');
    if (!site) return this.setError(t('options_autoBadHost'));
    // The permission prompt first, while the click still counts as a user gesture.
    const request = this.deps.request(site);
    void (async () => {
      if (!(await request.catch(() => false)))
        return this.setError(t('options_autoDenied', [site]));
      const current = await this.deps.load().catch(() => [] as string[]);
      await this.deps.save([...current.filter((x) => x !== site), site]);
      this.error = '';
      if (input) input.value = '';
      this.host.say(t('options_autoAdded', [site]));
      await this.reload();
    })();
  }

  private remove(e: Event, site: string): void {
    if (!this.host.fromUser(e)) return;
    void (async () => {
      const current = await this.deps.load().catch(() => [] as string[]);
      await this.deps.save(current.filter((x) => x !== site));
      this.host.say(this.host.t('options_autoRemoved', [site]));
      await this.reload();
    })();
  }

  template(): TemplateResult | typeof nothing {
    if (!this.hosts) return nothing;
    const { t } = this.host;
    return html`<section
      class="panel auto-open"
      data-testid="auto-open"
      aria-labelledby="auto-open-title"
    >
      <h2 id="auto-open-title">${t('options_autoTitle')}</h2>
      <p class="help">${t('options_autoHelp')}</p>
      ${
        this.hosts.length
          ? html`<ul class="auto-open-list" data-testid="auto-open-list">
              ${this.hosts.map(
                ({ host: site, granted }) =>
                  html`<li data-host=${site} data-testid="auto-open-item">
                    <span class="rule-id">${site}</span>
                    ${
                      granted
                        ? nothing
                        : html`<span class="badge badge-override"
                            >${t('options_autoNoPermission')}</span
                          >`
                    }
                    <button
                      type="button"
                      aria-label=${t('options_autoRemoveLabel', [site])}
                      @click=${(e: Event) => this.remove(e, site)}
                    >
                      ${t('options_autoRemove')}
                    </button>
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('options_autoNone')}</p>`
      }
      <div class="toolbar">
        <label for="auto-open-host">${t('options_autoSite')}</label>
        <input
          type="text"
          id="auto-open-host"
          data-testid="auto-open-host"
          placeholder=${t('options_autoPlaceholder')}
          autocomplete="off"
          spellcheck="false"
          aria-describedby="auto-open-error"
        />
        <button type="button" data-testid="auto-open-add" @click=${(e: Event) => this.add(e)}>
          ${t('options_autoAdd')}
        </button>
      </div>
      <p id="auto-open-error" class="field-error" role="alert">${this.error}</p>
    </section>`;
  }
}
