import { foldSpeech, VOICE_LANGUAGE_TABLE } from "./voice-languages";

/**
 * The language a caller picked from the menu: by keypad (the menu's order, from 1) or by saying the
 * language's name in any of the offered languages. Undefined when neither says which.
 */
export function chooseVoiceLanguage(
  reply: { digits?: string | undefined; speech?: string | undefined },
  offered: readonly string[],
): string | undefined {
  const digit = reply.digits?.trim();
  if (digit && /^[1-9]$/.test(digit)) return offered[Number(digit) - 1];
  const words = foldSpeech(reply.speech ?? "").split(" ");
  for (const entry of VOICE_LANGUAGE_TABLE) {
    if (offered.includes(entry.lang) && entry.names.some((name) => words.includes(name))) return entry.lang;
  }
  return undefined;
}
