import { DE_RULES } from "./de";
import { EN_RULES } from "./en";
import { ES_RULES } from "./es";
import { FR_RULES } from "./fr";
import { HU_RULES } from "./hu";
import { RO_RULES } from "./ro";

export { MARKUP_INJECTION_RULES } from "./markup";

/** Each language's rules, in the order their ids were first numbered. */
export const LANGUAGE_RULES = {
  en: EN_RULES,
  fr: FR_RULES,
  de: DE_RULES,
  es: ES_RULES,
  ro: RO_RULES,
  hu: HU_RULES,
};
