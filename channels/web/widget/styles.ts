/** Scoped to the widget's shadow root; sizes in rem/em so the text can be resized to 200%. */
export const WIDGET_CSS = `
:host { all: initial; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
* { box-sizing: border-box; }
.cd-launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; }
.cd-panel { display: flex; flex-direction: column; background: #ffffff; border: 1px solid #5c5c5c;
  border-radius: 0.5rem; width: 100%; max-width: 28rem; min-height: 24rem; font-size: 1rem; line-height: 1.5; }
.cd-floating .cd-panel { position: fixed; right: 1rem; bottom: 4.5rem; width: min(28rem, calc(100vw - 2rem));
  max-height: calc(100vh - 6rem); z-index: 2147483000; box-shadow: 0 0.25rem 1rem rgba(0,0,0,0.25); }
.cd-header { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.75rem 1rem;
  background: #14365f; color: #ffffff; border-radius: 0.5rem 0.5rem 0 0; flex-wrap: wrap; }
.cd-header h2 { margin: 0; font-size: 1.125rem; }
.cd-header label { font-size: 0.875rem; display: flex; gap: 0.25rem; align-items: center; }
.cd-header select { font: inherit; font-size: 0.875rem; padding: 0.125rem 0.25rem; }
.cd-privacy { margin: 0; padding: 0.25rem 1rem 0.5rem; font-size: 0.8125rem; background: #eef3f9; color: #1b1b1b; }
.cd-privacy a { color: #14365f; }
.cd-intro { margin: 0; padding: 0.5rem 1rem; font-size: 0.875rem; background: #eef3f9; color: #1b1b1b; }
.cd-log { flex: 1 1 auto; overflow-y: auto; padding: 0.75rem 1rem; min-height: 12rem; max-height: 60vh; }
.cd-list { margin: 0; padding: 0; list-style: none; }
.cd-msg { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border-radius: 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.cd-msg .cd-who { display: block; font-size: 0.8125rem; font-weight: 600; color: #3d3d3d; }
.cd-citizen { background: #dbe8f7; margin-left: 2rem; }
.cd-assistant, .cd-staff { background: #f3f3f3; margin-right: 2rem; }
.cd-system { background: #fff4d6; border: 1px solid #8a6d00; }
.cd-alert { background: #fdeceb; border: 2px solid #b3261e; border-left-width: 0.5rem; margin-right: 0; font-weight: 600; }
.cd-alert .cd-who { color: #8c1d18; }
.cd-handoff { background: #eef3f9; border: 1px solid #14365f; border-left-width: 0.5rem; }
.cd-options { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; white-space: normal; }
.cd-sources { margin: 0.5rem 0 0; padding-left: 1.25rem; font-size: 0.875rem; }
.cd-sources a { color: #0b4a8b; }
.cd-vote[aria-pressed="true"] { background: #0b4a8b; color: #fff; }
.cd-feedback { display: flex; gap: 0.5rem; margin-top: 0.5rem; align-items: center; font-size: 0.875rem; }
.cd-status { min-height: 1.5em; margin: 0; padding: 0 1rem; font-size: 0.875rem; color: #8a1c00; }
.cd-form { display: flex; gap: 0.5rem; padding: 0.75rem 1rem; border-top: 1px solid #c4c4c4; flex-wrap: wrap; }
.cd-form textarea { flex: 1 1 12rem; font: inherit; padding: 0.5rem; border: 1px solid #5c5c5c; border-radius: 0.25rem;
  resize: vertical; min-height: 2.75rem; }
.cd-actions { display: flex; gap: 0.5rem; padding: 0 1rem 0.75rem; flex-wrap: wrap; }
button { font: inherit; cursor: pointer; border-radius: 0.25rem; padding: 0.5rem 0.875rem; border: 1px solid #14365f;
  background: #14365f; color: #ffffff; min-height: 2.75rem; }
button.cd-secondary { background: #ffffff; color: #14365f; }
button[aria-pressed="true"] { background: #0b4a8b; color: #ffffff; }
button:disabled { opacity: 0.7; cursor: not-allowed; }
a:focus-visible, button:focus-visible, textarea:focus-visible, select:focus-visible {
  outline: 3px solid #c25700; outline-offset: 2px; }
.cd-visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.cd-typing::after { content: "▍"; animation: cd-blink 1s steps(2) infinite; }
@keyframes cd-blink { 50% { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { * { animation: none !important; transition: none !important; scroll-behavior: auto !important; } }
`;
