import { describe, expect, it } from "vitest";
import { detectSmsKeyword } from "./detect-sms-keyword";

describe("detectSmsKeyword", () => {
  it("recognises Twilio's keywords whatever the case, spacing and trailing punctuation", () => {
    for (const text of ["STOP", "stop", " Stop. ", "unsubscribe!", "OptOut", "cancel", "QUIT"]) {
      expect(detectSmsKeyword(text, false)?.kind).toBe("stop");
    }
    expect(detectSmsKeyword("unstop", true)?.kind).toBe("start");
    expect(detectSmsKeyword("info", false)?.kind).toBe("help");
  });

  it("recognises local words with or without accents and names their language", () => {
    expect(detectSmsKeyword("Arrêt", false)).toEqual({ kind: "stop", lang: "fr" });
    expect(detectSmsKeyword("dezabonare", false)).toEqual({ kind: "stop", lang: "ro" });
    expect(detectSmsKeyword("Leiratkozás", false)).toEqual({ kind: "stop", lang: "hu" });
    expect(detectSmsKeyword("Segítség", false)).toEqual({ kind: "help", lang: "hu" });
    expect(detectSmsKeyword("AJUTOR", false)).toEqual({ kind: "help", lang: "ro" });
    expect(detectSmsKeyword("Hilfe", false)).toEqual({ kind: "help", lang: "de" });
    expect(detectSmsKeyword("baja", false)).toEqual({ kind: "stop", lang: "es" });
  });

  it("leaves sentences and intake answers alone; YES is an opt-in only for an opted-out contact", () => {
    expect(detectSmsKeyword("please stop the noise on my street", false)).toBeUndefined();
    expect(detectSmsKeyword("stop sign broken", false)).toBeUndefined();
    expect(detectSmsKeyword("yes", false)).toBeUndefined();
    expect(detectSmsKeyword("yes", true)?.kind).toBe("start");
    expect(detectSmsKeyword("1", false)).toBeUndefined();
  });
});
