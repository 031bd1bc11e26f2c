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
      for (const b of buttons)
        b.setAttribute('aria-checked', String(b.dataset.value === settings[key]));
    });
    return h(doc, 'div', { class: 'cr-setting', 'data-setting': key }, [
      h(doc, 'span', {}, [t(label)]),
      h(doc, 'div', { role: 'radiogroup', 'aria-label': t(label) }, buttons),
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
    less.addEventListener('click', (e) => set(e, { [key]: settings[key] - range.step }));
    more.addEventListener('click', (e) => set(e, { [key]: settings[key] + range.step }));
    refreshers.push(() => {
      out.textContent = format(settings[key]);
      less.disabled = settings[key] <= range.min;
      more.disabled = settings[key] >= range.max;
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
