/** How the phone line speaks and listens in one language. */
export interface VoiceLanguage {
  /** The conversation's language code ("ro"). */
  lang: string;
  /** The tag `<Gather>` and `<Say>` use ("ro-RO"). */
  tag: string;
  /** Default `<Say>` voice; Polly has no Hungarian voice, so Google's is used there. */
  voice: string;
  /** Words a caller may say to choose this language, lower case, without accents. */
  names: string[];
}

export const VOICE_LANGUAGE_TABLE: readonly VoiceLanguage[] = [
  {
    lang: "en",
    tag: "en-GB",
    voice: "Polly.Amy",
    names: ["english", "engleza", "anglais", "englisch", "ingles", "angol"],
  },
  {
    lang: "fr",
    tag: "fr-FR",
    voice: "Polly.Celine",
    names: ["francais", "french", "franceza", "franzosisch", "frances", "francia"],
  },
  {
    lang: "ro",
    tag: "ro-RO",
    voice: "Polly.Carmen",
    names: ["romana", "romanian", "roumain", "rumanisch", "rumano", "roman"],
  },
  {
    lang: "de",
    tag: "de-DE",
    voice: "Polly.Vicki",
    names: ["deutsch", "german", "germana", "allemand", "aleman", "nemet"],
  },
  {
    lang: "es",
    tag: "es-ES",
    voice: "Polly.Lucia",
    names: ["espanol", "spanish", "spaniola", "espagnol", "spanisch", "spanyol"],
  },
  {
    lang: "hu",
    tag: "hu-HU",
    voice: "Google.hu-HU-Standard-A",
    names: ["magyar", "hungarian", "maghiara", "hongrois", "ungarisch", "hungaro"],
  },
];

/** The line's settings for `lang`, with a configured voice (`VOICE_VOICES`) winning over the default. */
export function voiceLanguage(lang: string, voices: Readonly<Record<string, string>> = {}): VoiceLanguage {
  const found = VOICE_LANGUAGE_TABLE.find((l) => l.lang === lang) ?? VOICE_LANGUAGE_TABLE[0]!;
  const voice = voices[found.lang];
  return voice ? { ...found, voice } : found;
}

/** Lower case without accents, for matching what speech recognition heard. */
export function foldSpeech(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
