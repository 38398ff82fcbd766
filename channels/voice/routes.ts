import { type Context, Hono } from "hono";
import { DomainError } from "../../src/domain/errors";
import { unavailableProblemFor } from "../../src/http/database-unavailable";
import { voiceText } from "../../src/i18n/voice";
import { findOrOpenConversation } from "../../src/services/conversations/find-or-open-conversation";
import type { MessageView } from "../../src/services/conversations/message-view";
import { chooseVoiceLanguage } from "../../src/services/voice/choose-voice-language";
import { connectCallerToPerson, type PersonReason } from "../../src/services/voice/connect-caller-to-person";
import type { VoiceContext } from "../../src/services/voice/context";
import { findVoiceReply, findVoiceTurn } from "../../src/services/voice/find-voice-reply";
import { listSpeechHints } from "../../src/services/voice/list-speech-hints";
import { readCallerReply } from "../../src/services/voice/read-caller-reply";
import { renderForVoice, spellDigits } from "../../src/services/voice/render-for-voice";
import { storeVoiceTurn } from "../../src/services/voice/store-voice-turn";
import { textCaller } from "../../src/services/voice/text-caller";
import { type VoiceLanguage, voiceLanguage } from "../../src/services/voice/voice-languages";
import { type TwilioEnv, verifyTwilioSignature } from "../sms/verify";
import { type Line, type Listen, presentVoicePlan, type VoicePlan } from "./presenter";

/** A stored turn handed to the job that answers it. */
export interface VoiceTurnRequest {
  conversationId: string;
  callSid: string;
  turn: number;
  text: string;
}

export interface VoiceRouteOptions {
  /** Twilio's auth token; the routes answer 404 without it. */
  authToken: string | undefined;
  /** The public origin Twilio calls (it signs this URL, not the one behind the proxy). */
  publicBaseUrl: string;
  /** The line's context; `now` is read per request so tests can move the clock. */
  voice: () => VoiceContext;
  languages: readonly string[];
  defaultLang: string;
  cityName: string;
  emergencyNumber: string;
  transferNumber?: string | undefined;
  /** Configured `<Say>` voices by language code. */
  voices?: Readonly<Record<string, string>>;
  /** How long a webhook waits for the answer before the holding phrase (about 2 s). */
  answerWaitMs?: number;
  /** Polls (each up to `answerWaitMs`) before the line apologises; the webhook never nears 15 s. */
  maxPolls?: number;
  /** Runs the assistant on a stored turn, in a job where there is a queue. */
  answerTurn: (request: VoiceTurnRequest) => Promise<void>;
  /** Records a call's final state from Twilio's status callback. */
  recordCallStatus: (input: unknown) => Promise<unknown>;
}

const BASE = "/channels/voice/twilio";
/** The poll (about 5 s into the wait) that asks for an unanswered turn's job again. */
const REQUEUE_POLL = 2;
/** Twilio's call status callback: the call's final state. */
export const VOICE_STATUS_PATH = `${BASE}/status`;
const STATUS_PATH = VOICE_STATUS_PATH;

type VoiceEnv = TwilioEnv;

/** Twilio Programmable Voice: the incoming call, its Gather actions and the answer poll. */
export function voiceRoutes(options: VoiceRouteOptions) {
  const app = new Hono<VoiceEnv>();
  const waitMs = options.answerWaitMs ?? 2000;
  const maxPolls = options.maxPolls ?? 6;
  const hintsCache = new Map<string, { at: number; hints: string[] }>();

  const verify = verifyTwilioSignature(options);
  app.use(`${BASE}`, verify);
  app.use(`${BASE}/*`, verify);

  const lang = (c: Context<VoiceEnv>) => {
    const asked = c.req.query("lang") ?? "";
    return options.languages.includes(asked) ? asked : options.defaultLang;
  };
  const language = (code: string): VoiceLanguage => voiceLanguage(code, options.voices);
  const line = (code: string, key: Parameters<typeof voiceText>[1], params = {}): Line => ({
    text: voiceText(code, key, params),
    language: language(code),
  });
  // The database out of reach: the caller hears an apology in their language and is asked to call
  // again, instead of Twilio's generic application error. Nothing they said was stored, and the
  // line does not pretend otherwise (the status callback keeps its 503, which Twilio may retry).
  const apologiseWhenUnavailable = async (c: Context<VoiceEnv>, next: () => Promise<void>) => {
    await next();
    if (!c.error || c.req.path === STATUS_PATH || !unavailableProblemFor(c.error)) return;
    const code = lang(c);
    c.res = new Response(
      presentVoicePlan({ say: [line(code, "unavailable"), line(code, "goodbye")], next: { kind: "hangup" } }),
      { status: 200, headers: { "content-type": "text/xml; charset=utf-8" } },
    );
  };
  app.use(`${BASE}`, apologiseWhenUnavailable);
  app.use(`${BASE}/*`, apologiseWhenUnavailable);
  const url = (path: string, query: Record<string, string | number>) => {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return `${options.publicBaseUrl}${BASE}${path}${search.size > 0 ? `?${search}` : ""}`;
  };
  const hints = async (code: string) => {
    const cached = hintsCache.get(code);
    if (cached && Date.now() - cached.at < 300_000) return cached.hints;
    const found = await listSpeechHints({ ctx: options.voice(), lang: code });
    hintsCache.set(code, { at: Date.now(), hints: found });
    return found;
  };
  const listenForTurn = async (
    code: string,
    turn: number,
    prompt: Line[],
    extra: Record<string, string | number> = {},
  ): Promise<Listen> => ({
    action: url("/turn", { lang: code, turn, ...extra }),
    language: language(code),
    prompt,
    hints: await hints(code),
  });
  const xml = (c: Context<VoiceEnv>, plan: VoicePlan) =>
    c.body(presentVoicePlan(plan), 200, { "content-type": "text/xml; charset=utf-8" });
  const callOf = async (c: Context<VoiceEnv>, code: string) => {
    const form = c.var.twilioForm;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(form.CallSid ?? "")) {
      throw new DomainError("invalid_input", "CallSid is missing or malformed.");
    }
    const ctx = options.voice();
    const found = await findOrOpenConversation({
      ctx: {
        database: ctx.assistant.database,
        languages: ctx.assistant.languages,
        ...(ctx.now ? { now: ctx.now } : {}),
      },
      input: { channel: "voice", address: form.From || "anonymous", lang: code },
    });
    return {
      ctx,
      callSid: form.CallSid ?? "",
      from: form.From ?? "",
      conversationId: found.conversation.id,
      contactId: found.contact.id,
    };
  };

  const personPlan = async (
    c: Context<VoiceEnv>,
    code: string,
    before: Line[] = [],
    reason: PersonReason = "voice_agent",
  ): Promise<VoicePlan> => {
    const call = await callOf(c, code);
    const outcome = await connectCallerToPerson({
      ctx: call.ctx,
      conversationId: call.conversationId,
      contactId: call.contactId,
      callerNumber: call.from,
      lang: code,
      transferNumber: options.transferNumber,
      reason,
    });
    if (outcome.kind === "transfer") {
      return {
        say: [...before, line(code, "transfer")],
        next: {
          kind: "dial",
          number: outcome.number,
          afterwards: [line(code, "transfer_failed"), line(code, "goodbye")],
        },
      };
    }
    if (outcome.kind === "failed") {
      return {
        say: [...before, line(code, "callback_failed"), line(code, "goodbye")],
        next: { kind: "hangup" },
      };
    }
    const when = voiceText(code, "callback_when", {
      day: new Intl.DateTimeFormat(code, {
        weekday: "long",
        day: "numeric",
        month: "long",
        timeZone: outcome.timeZone,
      }).format(outcome.expectedAt),
      time: renderForVoice(
        new Intl.DateTimeFormat("en-GB", {
          hour: "2-digit",
          minute: "2-digit",
          timeZone: outcome.timeZone,
        }).format(outcome.expectedAt),
        { lang: code },
      ),
    });
    await textCaller({
      ctx: call.ctx,
      conversationId: call.conversationId,
      contactId: call.contactId,
      callerNumber: call.from,
      lang: code,
      what: { kind: "reference", reference: outcome.reference, city: options.cityName },
    });
    return {
      say: [
        ...before,
        line(code, "callback", { when, reference: speakReference(outcome.reference) }),
        line(code, "goodbye"),
      ],
      next: { kind: "hangup" },
    };
  };

  /** What the line says once the assistant's reply to a turn is stored. */
  const replyPlan = async (c: Context<VoiceEnv>, code: string, turn: number, reply: MessageView) => {
    // An intake's read-back ends with its question, so it is never cut short.
    const maxChars = reply.intake || reply.case ? 1200 : 320;
    const spoken: Line = {
      text: renderForVoice(reply.text, { lang: code, maxChars }),
      language: language(code),
    };
    if (reply.status === "handoff") return personPlan(c, code, [spoken]);
    // A staff member holds the conversation: the assistant says nothing and the caller is put through.
    if (reply.status === "held") return personPlan(c, code, []);
    if (reply.status === "blocked_emergency") {
      return {
        say: [spoken],
        next: {
          kind: "listen",
          listen: {
            action: url("/emergency", { lang: code, turn: turn + 1 }),
            language: language(code),
            prompt: [line(code, "emergency_offer", { number: options.emergencyNumber })],
          },
        },
      } satisfies VoicePlan;
    }
    const lines: Line[] = [spoken];
    if (reply.case && (reply.status === "case_opened" || reply.status === "case_linked")) {
      const call = await callOf(c, code);
      await textCaller({
        ctx: call.ctx,
        conversationId: call.conversationId,
        contactId: call.contactId,
        callerNumber: call.from,
        lang: code,
        what: { kind: "reference", reference: reply.case.reference, city: options.cityName },
      });
      lines.push(line(code, "reference", { reference: speakReference(reply.case.reference) }));
    }
    if (reply.status === "answered" && reply.citations.length > 0) {
      return {
        say: lines,
        next: {
          kind: "listen",
          listen: await listenForTurn(code, turn + 1, [line(code, "offer_link")], { offer: "link" }),
        },
      } satisfies VoicePlan;
    }
    // During an intake the reply itself asks the next question.
    const prompt = reply.intake ? [] : [line(code, "ask_again")];
    return {
      say: lines,
      next: { kind: "listen", listen: await listenForTurn(code, turn + 1, prompt) },
    } satisfies VoicePlan;
  };

  const waitForReply = async (ctx: VoiceContext, conversationId: string, callSid: string, turn: number) => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const reply = await findVoiceReply({ ctx, conversationId, callSid, turn });
      if (reply || Date.now() >= deadline) return reply;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  app.post(BASE, async (c) => {
    const code = options.defaultLang;
    await callOf(c, code);
    const menu = options.languages.map((l, i) => line(l, "choose_language", { digit: i + 1 }));
    return xml(c, {
      say: [line(code, "welcome", { city: options.cityName })],
      next: {
        kind: "listen",
        listen: { action: url("/language", {}), language: language(code), prompt: menu, hints: [] },
      },
    });
  });

  app.post(`${BASE}/language`, async (c) => {
    const form = c.var.twilioForm;
    const chosen =
      chooseVoiceLanguage({ digits: form.Digits, speech: form.SpeechResult }, options.languages) ??
      options.defaultLang;
    return xml(c, {
      say: [],
      next: { kind: "listen", listen: await listenForTurn(chosen, 1, [line(chosen, "ask")]) },
    });
  });

  app.post(`${BASE}/turn`, async (c) => {
    const code = lang(c);
    const turn = positive(c.req.query("turn"), 1);
    const missed = positive(c.req.query("miss"), 0);
    const form = c.var.twilioForm;
    const speech = (form.SpeechResult ?? "").trim();
    const digits = (form.Digits ?? "").trim();

    if (!speech && !digits) {
      // Silence: ask again once, then offer the keypad, then a person; never round again.
      if (missed === 0) {
        return xml(c, {
          say: [],
          next: {
            kind: "listen",
            listen: await listenForTurn(code, turn, [line(code, "reprompt")], { miss: 1 }),
          },
        });
      }
      if (missed === 1) {
        return xml(c, {
          say: [],
          next: {
            kind: "listen",
            listen: await listenForTurn(code, turn, [line(code, "keypad")], { miss: 2 }),
          },
        });
      }
      return xml(c, await personPlan(c, code, [], "voice_no_input"));
    }
    const meaning = readCallerReply({ digits, speech }, code);
    if (meaning === "person") return xml(c, await personPlan(c, code));
    if (missed === 2 && digits === "1" && !speech) {
      return xml(c, {
        say: [],
        next: { kind: "listen", listen: await listenForTurn(code, turn, [line(code, "ask")]) },
      });
    }
    if (c.req.query("offer") === "link" && (meaning === "yes" || meaning === "no")) {
      const call = await callOf(c, code);
      const said: Line[] = [];
      if (meaning === "yes") {
        const sent = await textCaller({
          ctx: call.ctx,
          conversationId: call.conversationId,
          contactId: call.contactId,
          callerNumber: call.from,
          lang: code,
          what: { kind: "last_link" },
        });
        said.push(
          line(
            code,
            sent === "sent" ? "link_sent" : sent === "unavailable" ? "sms_unavailable" : "link_none",
          ),
        );
      }
      return xml(c, {
        say: said,
        next: { kind: "listen", listen: await listenForTurn(code, turn, [line(code, "ask_again")]) },
      });
    }

    const call = await callOf(c, code);
    const text = speech || digits;
    const stored = await storeVoiceTurn({
      ctx: call.ctx,
      conversationId: call.conversationId,
      callSid: call.callSid,
      turn,
      text,
    });
    if (!stored.answered) {
      await options.answerTurn({ conversationId: call.conversationId, callSid: call.callSid, turn, text });
    }
    const reply = await waitForReply(call.ctx, call.conversationId, call.callSid, turn);
    if (reply) return xml(c, await replyPlan(c, code, turn, reply));
    return xml(c, {
      say: [line(code, "holding")],
      next: { kind: "redirect", url: url("/poll", { lang: code, turn, poll: 1 }) },
    });
  });

  app.post(`${BASE}/poll`, async (c) => {
    const code = lang(c);
    const turn = positive(c.req.query("turn"), 1);
    const poll = positive(c.req.query("poll"), 1);
    const call = await callOf(c, code);
    if (poll === REQUEUE_POLL) {
      // No answer after a few seconds: its job may have been lost (Redis came back empty, the process
      // that held it died). Asking for the turn again is safe: a job still queued or running keeps its
      // key, and a turn already answered returns the stored reply.
      const stored = await findVoiceTurn({
        ctx: call.ctx,
        conversationId: call.conversationId,
        callSid: call.callSid,
        turn,
      });
      if (stored && !stored.answered) {
        await options.answerTurn({
          conversationId: call.conversationId,
          callSid: call.callSid,
          turn,
          text: stored.text,
        });
      }
    }
    const reply = await waitForReply(call.ctx, call.conversationId, call.callSid, turn);
    if (reply) return xml(c, await replyPlan(c, code, turn, reply));
    if (poll >= maxPolls) {
      return xml(c, {
        say: [line(code, "slow_answer")],
        next: { kind: "listen", listen: await listenForTurn(code, turn + 1, [line(code, "ask_again")]) },
      });
    }
    return xml(c, {
      say: poll % 2 === 0 ? [line(code, "still_working")] : [],
      pauseSeconds: 1,
      next: { kind: "redirect", url: url("/poll", { lang: code, turn, poll: poll + 1 }) },
    });
  });

  // Twilio's call status callback (statusCallback on the number): the call's final state, recorded once.
  app.post(STATUS_PATH, async (c) => {
    const form = c.var.twilioForm;
    await options.recordCallStatus({
      callSid: form.CallSid ?? "",
      status: form.CallStatus ?? "",
      ...(form.CallDuration ? { durationSeconds: form.CallDuration } : {}),
    });
    return c.body(null, 204);
  });

  app.post(`${BASE}/emergency`, async (c) => {
    const code = lang(c);
    const turn = positive(c.req.query("turn"), 1);
    const form = c.var.twilioForm;
    const meaning = readCallerReply({ digits: form.Digits, speech: form.SpeechResult }, code);
    if (meaning === "yes") {
      return xml(c, {
        say: [line(code, "emergency_connecting", { number: options.emergencyNumber })],
        next: { kind: "dial", number: options.emergencyNumber, afterwards: [] },
      });
    }
    return xml(c, {
      say: [],
      next: { kind: "listen", listen: await listenForTurn(code, turn, [line(code, "ask_again")]) },
    });
  });

  return app;
}

/** "CD-2026-000123" read a character at a time, in groups. */
function speakReference(reference: string): string {
  return reference
    .split("-")
    .map((part) => (/^\d+$/.test(part) ? spellDigits(part) : part.split("").join(" ")))
    .join(", ");
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n < 10_000 ? n : fallback;
}
