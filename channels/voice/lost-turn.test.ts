import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessJobQueue } from "../../src/adapters/job-queue-in-process";
import { cases, messages } from "../../src/db/schema";
import { createDeliveryEnqueuer } from "../../src/jobs/register-delivery-handlers";
import { createSmsTurnEnqueuer } from "../../src/jobs/register-sms-handlers";
import { type SmsSweep, startSmsSweep } from "../../src/jobs/start-sms-sweep";
import { createVoiceTurnEnqueuer, voiceTurnJob } from "../../src/jobs/voice-jobs";
import { createLogger } from "../../src/logger";
import type { JobQueue } from "../../src/ports/job-queue";
import { findStrandedVoiceTurns } from "../../src/services/voice/find-stranded-voice-turns";
import {
  callFields,
  findAll,
  parseTwiml,
  pathOf,
  startVoiceTestService,
  type TwimlNode,
  type VoiceTestService,
} from "./twiml.fixture";

/**
 * Spoken turns whose `voice.turn` job is lost, the way a Redis that comes back empty loses it: the
 * queue takes the job and it never runs. A caller still waiting hears the answer all the same, and a
 * turn the caller left behind is answered by the sweep, with what it owes them (a case reference)
 * texted once.
 */
describe("a voice turn whose job was lost", () => {
  let voice: VoiceTestService;
  let sweep: SmsSweep;
  /** Voice turn jobs the queue is to lose from now on (a count), and those it lost. */
  let toLose = 0;
  const lost: string[] = [];

  beforeAll(async () => {
    const inner = createInProcessJobQueue();
    const queue: JobQueue = {
      ...inner,
      async enqueue(job, payload, options) {
        if (job.id === voiceTurnJob.id && toLose > 0) {
          toLose -= 1;
          lost.push(options?.key ?? "");
          return "added";
        }
        return inner.enqueue(job, payload, options);
      },
    };
    // The service's own sweep is off; the test runs the same sweep at will, with no minimum age.
    voice = await startVoiceTestService({ SMS_SWEEP_SECONDS: "0" }, { jobQueue: queue });
    sweep = startSmsSweep({
      database: voice.service.database,
      logger: createLogger({ level: "warn", redact: (text) => text, write: () => {} }),
      enqueueTurn: createSmsTurnEnqueuer(queue),
      enqueueDelivery: createDeliveryEnqueuer(queue),
      enqueueVoiceTurn: createVoiceTurnEnqueuer(queue, { afterCall: true }),
      voiceMinAgeMs: 0,
      minAgeMs: 0,
      intervalMs: 0,
    });
  }, 60_000);
  afterAll(async () => {
    await sweep?.stop();
    await voice?.close();
  });

  const say = async (callSid: string, caller: string, path: string, speech: string): Promise<TwimlNode> => {
    const response = await voice.post(
      path,
      callFields(callSid, caller, { SpeechResult: speech, Confidence: "0.9" }),
    );
    expect(response.status).toBe(200);
    return parseTwiml(await response.text());
  };
  const spoken = (twiml: TwimlNode) =>
    findAll(twiml, "Say")
      .map((node) => node.text)
      .join(" ");
  const turnsOf = (callSid: string) =>
    voice.service.database.db
      .select()
      .from(messages)
      .where(like(messages.idempotencyKey, `call:${callSid}:%`));
  const repliesTo = async (messageId: string) =>
    voice.service.database.db.select().from(messages).where(eq(messages.replyToId, messageId));
  const textsTo = (caller: string) => voice.twilioApi.sent().filter((request) => request.form.To === caller);

  it("is asked for again while the caller waits, and the caller hears the answer", async () => {
    const caller = "+447700900301";
    toLose = 1;
    let twiml = await say(
      "CA-lost-1",
      caller,
      "/channels/voice/twilio/turn?lang=en&turn=1",
      "When is my bin collected?",
    );
    expect(lost).toEqual(["voice:CA-lost-1:1"]);
    // The holding phrase, then the poll: it finds no answer, asks for the turn again, and speaks it.
    for (let i = 0; i < 8 && findAll(twiml, "Redirect").length > 0; i++) {
      const response = await voice.post(
        pathOf(findAll(twiml, "Redirect")[0]!.text.trim()),
        callFields("CA-lost-1", caller),
      );
      twiml = parseTwiml(await response.text());
    }
    expect(spoken(twiml)).not.toMatch(/taking too long/i);
    expect(spoken(twiml)).toMatch(/bin|collect/i);
    const [turn] = await turnsOf("CA-lost-1");
    expect(await repliesTo(turn!.id)).toHaveLength(1);
  }, 60_000);

  it("is answered by the sweep after the caller hung up: the report is opened and its reference texted once", async () => {
    const caller = "+447700900302";
    const callSid = "CA-lost-2";
    let path = "/channels/voice/twilio/turn?lang=en&turn=1";
    let twiml = await say(
      callSid,
      caller,
      path,
      "There is a big pothole in the road outside number 12 Elm Road",
    );
    // Confirm what the line asks until it reads the report back for a yes or no.
    for (let i = 0; i < 4 && !/yes or no/i.test(spoken(twiml)); i++) {
      path = pathOf(findAll(twiml, "Gather")[0]!.attributes.action!);
      twiml = await say(callSid, caller, path, "yes");
    }
    expect(spoken(twiml)).toMatch(/Elm Road/i);
    expect(spoken(twiml)).toMatch(/yes or no/i);

    // The confirming "yes" is stored, its job is lost, and the caller hangs up during the holding phrase.
    toLose = 1;
    path = pathOf(findAll(twiml, "Gather")[0]!.attributes.action!);
    const held = await say(callSid, caller, path, "yes");
    expect(findAll(held, "Redirect")).toHaveLength(1);
    expect(lost.at(-1)).toMatch(/^voice:CA-lost-2:\d+$/);
    const [conversation] = (await turnsOf(callSid)).map((turn) => turn.conversationId);
    const casesOfCall = () =>
      voice.service.database.db.select().from(cases).where(eq(cases.conversationId, conversation!));
    expect(await casesOfCall()).toHaveLength(0);

    const stranded = await findStrandedVoiceTurns({ database: voice.service.database, minAgeMs: 0 });
    const ofThisCall = stranded.filter((turn) => turn.callSid === callSid);
    expect(ofThisCall.map((turn) => `${turn.callSid}:${turn.turn}`)).toEqual([
      lost.at(-1)!.slice("voice:".length),
    ]);

    const first = await sweep.sweep();
    expect(first.voiceTurns).toBe(stranded.length);
    for (let i = 0; i < 200 && textsTo(caller).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const opened = await casesOfCall();
    expect(opened).toHaveLength(1);
    expect(textsTo(caller)).toHaveLength(1);
    expect(textsTo(caller)[0]!.form.Body).toContain(opened[0]!.reference);

    // Nothing is left to sweep, and the job run once more (a second sweep racing the first) owes nothing new.
    expect((await sweep.sweep()).voiceTurns).toBe(0);
    const lastTurn = (await turnsOf(callSid)).sort((a, b) => a.sequence - b.sequence).at(-1)!;
    await createVoiceTurnEnqueuer(voice.service.queue, { afterCall: true })({
      conversationId: conversation!,
      callSid,
      turn: Number(lastTurn.idempotencyKey!.split(":").at(-1)),
      text: lastTurn.text,
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await casesOfCall()).toHaveLength(1);
    expect(textsTo(caller)).toHaveLength(1);
    expect(await repliesTo(lastTurn.id)).toHaveLength(1);
  }, 60_000);

  it("that handed the caller to a person is settled after the call with one call back, texted once", async () => {
    const caller = "+447700900304";
    const callSid = "CA-lost-4";
    toLose = 1;
    const held = await say(
      callSid,
      caller,
      "/channels/voice/twilio/turn?lang=en&turn=1",
      "My father died last week and I need help with his council tax",
    );
    expect(findAll(held, "Redirect")).toHaveLength(1);
    const [turn] = await turnsOf(callSid);
    const callbacks = () =>
      voice.service.database.db
        .select()
        .from(cases)
        .where(
          and(eq(cases.conversationId, turn!.conversationId), eq(cases.serviceCode, "callback-request")),
        );
    expect(await callbacks()).toHaveLength(0);

    expect((await sweep.sweep()).voiceTurns).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 200 && textsTo(caller).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await repliesTo(turn!.id))[0]!.status).toBe("handoff");
    const opened = await callbacks();
    expect(opened).toHaveLength(1);
    expect(textsTo(caller)).toHaveLength(1);
    expect(textsTo(caller)[0]!.form.Body).toContain(opened[0]!.reference);

    await createVoiceTurnEnqueuer(voice.service.queue, { afterCall: true })({
      conversationId: turn!.conversationId,
      callSid,
      turn: 1,
      text: turn!.text,
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await callbacks()).toHaveLength(1);
    expect(textsTo(caller)).toHaveLength(1);
  }, 60_000);

  it("leaves a lost turn alone once the caller has spoken again after it", async () => {
    const caller = "+447700900303";
    toLose = 1;
    await say("CA-lost-3", caller, "/channels/voice/twilio/turn?lang=en&turn=1", "When is the library open?");
    await say("CA-lost-3", caller, "/channels/voice/twilio/turn?lang=en&turn=2", "When is my bin collected?");
    const stranded = await findStrandedVoiceTurns({ database: voice.service.database, minAgeMs: 0 });
    expect(stranded.filter((turn) => turn.callSid === "CA-lost-3")).toEqual([]);
    const [firstTurn] = (await turnsOf("CA-lost-3")).filter((turn) => turn.idempotencyKey?.endsWith(":1"));
    expect(await repliesTo(firstTurn!.id)).toHaveLength(0);
  }, 60_000);
});
