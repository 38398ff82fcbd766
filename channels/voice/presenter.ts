import twilio from "twilio";
import type VoiceResponse from "twilio/lib/twiml/VoiceResponse";
import type { VoiceLanguage } from "../../src/services/voice/voice-languages";

// The package types voices and languages as closed unions it does not export; ours come from config.
type SayAttributes = VoiceResponse.SayAttributes;
type GatherAttributes = VoiceResponse.GatherAttributes;

/** One spoken line in a language, with that language's voice. */
export interface Line {
  text: string;
  language: VoiceLanguage;
}

/** What the caller is asked next: where their answer goes and what is said while listening. */
export interface Listen {
  action: string;
  language: VoiceLanguage;
  prompt: Line[];
  hints?: string[];
  /** Keypad only (a yes/no with "press 1"); speech stays on unless set. */
  keypadOnly?: boolean;
}

/** A TwiML document: lines said in order, then listening, a redirect, a dial or a hang-up. */
export interface VoicePlan {
  say: Line[];
  pauseSeconds?: number;
  next:
    | { kind: "listen"; listen: Listen }
    | { kind: "redirect"; url: string }
    | { kind: "dial"; number: string; afterwards: Line[] }
    | { kind: "hangup" };
}

/** Builds the TwiML for a plan with the `twilio` package's VoiceResponse. */
export function presentVoicePlan(plan: VoicePlan): string {
  const response = new twilio.twiml.VoiceResponse();
  for (const line of plan.say) say(response, line);
  if (plan.pauseSeconds) response.pause({ length: plan.pauseSeconds });
  const next = plan.next;
  if (next.kind === "listen") {
    const { listen } = next;
    const gather = response.gather({
      input: listen.keypadOnly ? ["dtmf"] : ["speech", "dtmf"],
      action: listen.action,
      method: "POST",
      language: listen.language.tag as GatherAttributes["language"],
      numDigits: 1,
      timeout: 6,
      speechTimeout: "auto",
      actionOnEmptyResult: true,
      ...(listen.hints && listen.hints.length > 0 ? { hints: listen.hints.join(", ") } : {}),
    });
    for (const line of listen.prompt) say(gather, line);
  } else if (next.kind === "redirect") {
    response.redirect({ method: "POST" }, next.url);
  } else if (next.kind === "dial") {
    response.dial({ timeout: 30, answerOnBridge: true }, next.number);
    for (const line of next.afterwards) say(response, line);
    response.hangup();
  } else {
    response.hangup();
  }
  return response.toString();
}

function say(target: { say(attributes: VoiceResponse.SayAttributes, message: string): unknown }, line: Line) {
  if (!line.text) return;
  target.say(
    {
      voice: line.language.voice as SayAttributes["voice"],
      language: line.language.tag as SayAttributes["language"],
    },
    line.text,
  );
}
