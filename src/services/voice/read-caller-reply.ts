import { voiceText } from "../../i18n/voice";
import { foldSpeech } from "./voice-languages";

/** What a short spoken or keyed reply means on the line. */
export type CallerReply = "person" | "yes" | "no" | "other";

/**
 * Reads a caller's reply: "0" or a word asking for a person ("agent", "operator", "persoană") in the
 * call's language or English, yes and no for the line's own questions; anything else is a turn.
 */
export function readCallerReply(
  reply: { digits?: string | undefined; speech?: string | undefined },
  lang: string,
): CallerReply {
  const digits = reply.digits?.trim();
  if (digits === "0") return "person";
  const said = foldSpeech(reply.speech ?? "");
  if (!said) return digits === "1" ? "yes" : "other";
  const words = said.split(" ");
  const matches = (key: "person_words" | "yes_words" | "no_words") =>
    [lang, "en"].some((l) =>
      voiceText(l, key)
        .split("|")
        .map(foldSpeech)
        .some((w) => (w.includes(" ") ? ` ${said} `.includes(` ${w} `) : words.includes(w))),
    );
  // A person is asked for in a short phrase; a longer sentence mentioning "someone" is a question.
  if (words.length <= 6 && matches("person_words")) return "person";
  if (words.length <= 4 && matches("no_words")) return "no";
  if (words.length <= 4 && matches("yes_words")) return "yes";
  return "other";
}
