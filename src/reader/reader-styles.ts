/**
 * The reader's stylesheet, adopted by the shadow root: page CSS cannot reach in, and this never
 * leaks out. `:host` is reset by the content script (`all: initial` inline, !important).
 */
export const READER_CSS = `
:host { color-scheme: light dark; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.cr-root {
  --bg: #ffffff; --fg: #1f2328; --muted: #656d76; --line: #d8dee4; --accent: #0b63c5;
  --panel: #f6f8fa; --restored: #fff4c2; --focus: #0b63c5;
  position: absolute; inset: 0; display: flex; flex-direction: column;
  background: var(--bg); color: var(--fg);
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", sans-serif;
  -webkit-font-smoothing: antialiased; text-align: start;
}
.cr-root[data-theme="sepia"] { --bg: #f4ecd8; --fg: #433422; --muted: #7a6650; --line: #dccfb0; --accent: #8a4b08; --panel: #ebe0c5; --restored: #f9dfa0; --focus: #8a4b08; }
.cr-root[data-theme="dark"] { --bg: #1b1c1f; --fg: #e4e4e7; --muted: #a1a1aa; --line: #3a3b40; --accent: #7ab7ff; --panel: #25262b; --restored: #4a3f12; --focus: #7ab7ff; }
@media (prefers-color-scheme: dark) {
  .cr-root[data-theme="system"] { --bg: #1b1c1f; --fg: #e4e4e7; --muted: #a1a1aa; --line: #3a3b40; --accent: #7ab7ff; --panel: #25262b; --restored: #4a3f12; --focus: #7ab7ff; }
}
button { font: inherit; color: inherit; background: none; border: 1px solid transparent; border-radius: 6px; padding: 4px 8px; cursor: pointer; }
button:hover { background: var(--panel); }
button:focus-visible, .cr-content [tabindex]:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
button[aria-pressed="true"], button[aria-checked="true"] { border-color: var(--accent); color: var(--accent); }

.cr-toolbar { display: flex; align-items: center; gap: 4px; padding: 6px 10px; border-bottom: 1px solid var(--line); flex: none; }
.cr-toolbar .cr-spacer { flex: 1; }
.cr-close { font-size: 20px; line-height: 1; padding: 2px 10px; }

.cr-body { position: relative; flex: 1; display: flex; min-height: 0; }
.cr-outline { flex: none; width: 260px; overflow: auto; border-inline-end: 1px solid var(--line); padding: 16px 8px 24px 12px; background: var(--bg); }
.cr-outline h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 8px 8px; font-weight: 600; }
.cr-outline ol { list-style: none; margin: 0; padding: 0; }
.cr-outline li button { display: block; width: 100%; text-align: start; padding: 5px 8px; border-radius: 6px; color: var(--muted); line-height: 1.35; }
.cr-outline li[data-level="3"] button { padding-inline-start: 20px; }
.cr-outline li[data-level="4"] button, .cr-outline li[data-level="5"] button, .cr-outline li[data-level="6"] button { padding-inline-start: 32px; font-size: 14px; }
.cr-outline li button[aria-current="true"] { color: var(--fg); background: var(--panel); box-shadow: inset 3px 0 0 var(--accent); font-weight: 600; }
.cr-root[data-outline="closed"] .cr-outline { display: none; }
.cr-backdrop { display: none; }

.cr-scroll { flex: 1; overflow: auto; overscroll-behavior: contain; outline: none; }
.cr-article { max-width: var(--cr-width, 38em); margin: 0 auto; padding: 40px 24px 96px; font-family: var(--cr-font); font-size: var(--cr-fs, 19px); line-height: var(--cr-lh, 1.8); overflow-wrap: break-word; }
.cr-title { font-size: 1.75em; line-height: 1.3; margin: 0 0 .5em; font-weight: 700; }
.cr-meta { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 14px; color: var(--muted); margin: 0 0 2em; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.cr-content { }
.cr-content h1, .cr-content h2, .cr-content h3, .cr-content h4, .cr-content h5, .cr-content h6 { line-height: 1.35; margin: 1.6em 0 .6em; scroll-margin-top: 16px; }
.cr-content h2 { font-size: 1.35em; } .cr-content h3 { font-size: 1.15em; } .cr-content h4, .cr-content h5, .cr-content h6 { font-size: 1em; }
.cr-content p { margin: 0 0 1.1em; }
.cr-content .cr-pseudo-heading { font-size: 1.2em; font-weight: 700; line-height: 1.4; margin: 1.6em 0 .6em; scroll-margin-top: 16px; }
.cr-content a { color: var(--accent); }
.cr-content img, .cr-content video, .cr-content picture, .cr-content svg { max-width: 100%; height: auto; }
.cr-content figure { margin: 1.5em 0; }
.cr-content figcaption, .cr-content .caption { font-size: .85em; color: var(--muted); text-align: center; margin-top: .4em; }
.cr-content blockquote { margin: 1.2em 0; padding: 0 1em; border-inline-start: 3px solid var(--line); color: var(--muted); }
.cr-content pre { overflow: auto; background: var(--panel); padding: 12px; border-radius: 6px; font-size: .85em; line-height: 1.5; }
.cr-content code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.cr-content table { border-collapse: collapse; max-width: 100%; display: block; overflow: auto; }
.cr-content td, .cr-content th { border: 1px solid var(--line); padding: 4px 8px; }
.cr-content hr { border: 0; border-top: 1px solid var(--line); margin: 2em 0; }
.cr-content [data-cr-removed].cr-restored { background: var(--restored); border-inline-start: 3px solid var(--accent); padding: 4px 10px; margin: 0 0 1.1em; border-radius: 4px; }

.cr-panel { position: absolute; top: 8px; inset-inline-end: 8px; width: min(420px, calc(100% - 16px)); max-height: calc(100% - 16px); overflow: auto; background: var(--bg); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.18); padding: 14px 16px; z-index: 3; }
.cr-panel h2 { font-size: 15px; margin: 0 0 10px; }
.cr-removed-list { list-style: none; margin: 0; padding: 0; }
.cr-removed-list li { border-top: 1px solid var(--line); padding: 8px 0; display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; }
.cr-removed-kind { font-weight: 600; font-size: 13px; }
.cr-removed-rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
.cr-removed-text { grid-column: 1 / -1; font-size: 13px; color: var(--muted); display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.cr-removed-list button { grid-row: 1; grid-column: 2; border-color: var(--line); font-size: 13px; }
.cr-removed-none { font-size: 13px; color: var(--muted); }
.cr-setting { display: flex; align-items: center; justify-content: space-between; gap: 10px; padding: 6px 0; }
.cr-setting > span { font-size: 13px; color: var(--muted); }
.cr-setting [role="radiogroup"], .cr-stepper { display: flex; gap: 4px; align-items: center; }
.cr-setting [role="radiogroup"] button, .cr-stepper button { border-color: var(--line); min-width: 34px; }
.cr-stepper output { min-width: 3.2em; text-align: center; font-variant-numeric: tabular-nums; font-size: 13px; }

.cr-root.cr-toast { position: static; display: block; background: transparent; }
.cr-message { max-width: min(380px, calc(100vw - 32px)); background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.2); padding: 12px 12px 12px 16px; display: flex; align-items: center; gap: 12px; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }

/* "Hide blocks like this" (issue 4): a bar at the bottom of the reader; matched blocks outlined. */
.cr-hide { position: absolute; inset-inline: 0; bottom: 16px; margin-inline: auto; width: max-content; max-width: calc(100% - 32px); z-index: 3; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.2); padding: 8px 8px 8px 14px; font-size: 14px; }
.cr-hide-text { overflow-wrap: anywhere; }
.cr-hide button { border-color: var(--line); }
.cr-hide .cr-hide-primary, .cr-hide [data-testid="reader-hide-like-this"] { border-color: var(--accent); color: var(--accent); }
.cr-content .cr-hide-match { outline: 2px dashed var(--accent); outline-offset: 3px; background: var(--restored); }

@media (max-width: 899px) {
  .cr-outline { position: absolute; inset-block: 0; inset-inline-start: 0; width: min(300px, 85%); z-index: 2; box-shadow: 0 0 30px rgba(0,0,0,.25); }
  .cr-root[data-drawer="closed"] .cr-outline { display: none; }
  .cr-root[data-drawer="open"] .cr-outline { display: block; }
  .cr-root[data-drawer="open"] .cr-backdrop { display: block; position: absolute; inset: 0; background: rgba(0,0,0,.3); z-index: 1; }
  .cr-article { padding: 24px 18px 72px; }
}
@media (prefers-reduced-motion: no-preference) { .cr-outline li button { transition: background .15s; } }
`;
