import { de } from "./messages/de";
import { en, type MessageKey, type Messages } from "./messages/en";
import { es } from "./messages/es";
import { fr } from "./messages/fr";
import { hu } from "./messages/hu";
import { ro } from "./messages/ro";

const CATALOGUES: Record<string, Messages> = { en, fr, ro, de, es, hu };

/** Languages with a complete catalogue of fixed replies and widget strings. */
export const CATALOGUE_LANGUAGES = Object.keys(CATALOGUES);

type WidgetKey = Extract<MessageKey, `widget.${string}`> extends `widget.${infer K}` ? K : never;

function catalogueFor(lang: string): Messages {
  return CATALOGUES[lang.toLowerCase().split(/[-_]/)[0] ?? ""] ?? en;
}

/**
 * The fixed text for `key` in `lang` (English when the language has no catalogue), with each `{name}` replaced
 * by `params.name`. A placeholder without a value stays visible rather than silently vanishing.
 */
export function t(lang: string, key: MessageKey, params: Record<string, string | number> = {}): string {
  // Keys arrive as plain strings from other modules at run time; an unknown one shows itself, not a crash.
  const template: string = catalogueFor(lang)[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Every string the chat widget shows, for one language, keyed as the widget expects them. */
export function widgetStrings(lang: string): Record<WidgetKey, string> {
  const messages = catalogueFor(lang);
  const out: Partial<Record<WidgetKey, string>> = {};
  for (const key of Object.keys(en) as MessageKey[]) {
    if (key.startsWith("widget.")) out[key.slice("widget.".length) as WidgetKey] = messages[key];
  }
  return out as Record<WidgetKey, string>;
}
