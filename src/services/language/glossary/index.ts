import { GLOSSARY_DE } from "./de";
import { GLOSSARY_ES } from "./es";
import { GLOSSARY_FR } from "./fr";
import { GLOSSARY_HU } from "./hu";
import { GLOSSARY_RO } from "./ro";

/** Civic glossaries to English, keyed by the question's language code. */
export const GLOSSARIES: Record<string, Record<string, string>> = {
  de: GLOSSARY_DE,
  es: GLOSSARY_ES,
  fr: GLOSSARY_FR,
  ro: GLOSSARY_RO,
  hu: GLOSSARY_HU,
};
