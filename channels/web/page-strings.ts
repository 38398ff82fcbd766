/** The demo page's own texts (the widget's come from src/i18n); `{city}` is the configured city name. */
export interface PageStrings {
  council: string;
  safety: string;
}

export const PAGE_STRINGS: Record<string, PageStrings> = {
  en: {
    council: "{city} City Council",
    safety: "Please don't type bank card numbers or passwords in the chat.",
  },
  fr: {
    council: "Ville de {city}",
    safety: "Ne saisissez ni numéro de carte bancaire ni mot de passe dans le chat.",
  },
  ro: {
    council: "Primăria {city}",
    safety: "Nu scrieți în chat numere de card bancar sau parole.",
  },
  de: {
    council: "Stadtverwaltung {city}",
    safety: "Bitte geben Sie im Chat keine Kartennummern oder Passwörter ein.",
  },
  es: {
    council: "Ayuntamiento de {city}",
    safety: "No escriba números de tarjeta bancaria ni contraseñas en el chat.",
  },
  hu: {
    council: "{city} Polgármesteri Hivatal",
    safety: "Kérjük, ne írjon bankkártyaszámot vagy jelszót a csevegésbe.",
  },
};

/**
 * The page language: `?lang=` when supported, else the first supported language of `Accept-Language`
 * by preference (q-values), else the default.
 */
export function choosePageLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
  supported: readonly string[],
  fallback: string,
): string {
  const known = (code: string | undefined) => (code && supported.includes(code) ? code : undefined);
  const asked = known(query?.toLowerCase());
  if (asked) return asked;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { code: tag.trim().toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const code = known(entry.code);
    if (code) return code;
  }
  return known(fallback) ?? supported[0] ?? "en";
}
