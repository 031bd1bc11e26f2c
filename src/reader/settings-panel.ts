import {
  RANGES,
  THEMES,
  FONT_FAMILIES,
  repairSettings,
  type ReaderSettings,
} from '../shared/settings.js';
import { h } from './dom.js';
import type { StringKey, Translate } from './strings.js';

const THEME_LABEL: Record<ReaderSettings['theme'], StringKey> = {
  system: 'themeSystem',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
};
const FONT_LABEL: Record<ReaderSettings['fontFamily'], StringKey> = {
  serif: 'fontSerif',
  sans: 'fontSans',
};

/** The reading-settings popover. Every change goes through `repairSettings` before `onChange`. */
export function buildSettingsPanel(
  doc: Document,
  initial: ReaderSettings,
  t: Translate,
  onChange: (next: ReaderSettings) => void,
  /** Only a user's own click changes (and so saves) a setting (issue 12). */
  isTrusted: (e: Event) => boolean = (e) => e.isTrusted,
): HTMLElement {
  let settings = initial;
  const refreshers: Array<() => void> = [];
  const set = (e: Event, patch: Partial<ReaderSettings>) => {
    if (!isTrusted(e)) return;
    settings = repairSettings({ ...settings, ...patch });
    for (const r of refreshers) r();
    onChange(settings);
  };

  function choice<K extends 'theme' | 'fontFamily'>(
    key: K,
    values: readonly ReaderSettings[K][],
    labels: Record<ReaderSettings[K], StringKey>,
    label: StringKey,
  ) {
    const buttons = values.map((v) => {
      const b = h(doc, 'button', { type: 'button', role: 'radio', 'data-value': v }, [
        t(labels[v]),
      ]);
      b.addEventListener('click', (e) => set(e, { [key]: v } as Partial<ReaderSettings>));
      return b;
    });
    refreshers.push(() => {
      for (const b of buttons) {
        const checked = b.dataset.value === settings[key];
        b.setAttribute('aria-checked', String(checked));
        // One Tab stop per group (the checked radio); arrows move within it (ARIA radio group).
        b.tabIndex = checked ? 0 : -1;
      }
    });
    const group = h(doc, 'div', { role: 'radiogroup', 'aria-label': t(label) }, buttons);
    group.addEventListener('keydown', (e) => {
      const step =
        e.key === 'ArrowRight' || e.key === 'ArrowDown'
          ? 1
          : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
            ? -1
            : 0;
      if (!step) return;
      e.preventDefault();
      const at = buttons.indexOf(e.target as HTMLButtonElement);
      const next = buttons[(at + step + buttons.length) % buttons.length]!;
      // The keydown is the user's own event: it selects, as a click would.
      set(e, { [key]: next.dataset.value } as Partial<ReaderSettings>);
      next.focus();
    });
    return h(doc, 'div', { class: 'cr-setting', 'data-setting': key }, [
      h(doc, 'span', {}, [t(label)]),
      group,
    ]);
  }

  function stepper(
    key: 'fontSize' | 'lineHeight' | 'contentWidth',
    label: StringKey,
    format: (n: number) => string,
  ) {
    const range = RANGES[key];
    const out = h(doc, 'output', {}, []);
    const less = h(
      doc,
      'button',
      { type: 'button', 'aria-label': `${t(label)}: ${t('smaller')}` },
      ['−'],
    );
    const more = h(doc, 'button', { type: 'button', 'aria-label': `${t(label)}: ${t('larger')}` }, [
      '+',
    ]);
    // aria-disabled, not disabled: a button that reaches its limit keeps focus (a disabled one
    // drops it to the page, and the next Esc would close the whole reader).
    const atLimit = (b: HTMLElement) => b.getAttribute('aria-disabled') === 'true';
    less.addEventListener('click', (e) => {
      if (!atLimit(less)) set(e, { [key]: settings[key] - range.step });
    });
    more.addEventListener('click', (e) => {
      if (!atLimit(more)) set(e, { [key]: settings[key] + range.step });
    });
    refreshers.push(() => {
      out.textContent = format(settings[key]);
      less.setAttribute('aria-disabled', String(settings[key] <= range.min));
      more.setAttribute('aria-disabled', String(settings[key] >= range.max));
    });
    return h(doc, 'div', { class: 'cr-setting', 'data-setting': key }, [
      h(doc, 'span', {}, [t(label)]),
      h(doc, 'div', { class: 'cr-stepper' }, [less, out, more]),
    ]);
  }

  const panel = h(
    doc,
    'section',
    {
      class: 'cr-panel',
      id: 'cr-settings-panel',
      'data-testid': 'reader-settings-panel',
      hidden: true,
      'aria-label': t('settings'),
    },
    [
      h(doc, 'h2', {}, [t('settings')]),
      choice('theme', THEMES, THEME_LABEL, 'theme'),
      choice('fontFamily', FONT_FAMILIES, FONT_LABEL, 'fontFamily'),
      stepper('fontSize', 'fontSize', (n) => `${n}px`),
      stepper('lineHeight', 'lineHeight', (n) => n.toFixed(1)),
      stepper('contentWidth', 'contentWidth', (n) => `${n}em`),
    ],
  );
  for (const r of refreshers) r();
  return panel;
}
