import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { standInModelOptions, startOpenAiStandIn } from "../../../test/openai-stand-in";
import { createWebNotifier } from "../../adapters/notifier-web";
import { createOpenAiRoutingJudge } from "../../adapters/routing-judge-openai";
import { caseIntakes, cases, messages } from "../../db/schema";
import { createJudgedClassifier } from "../catalogue/judged-routing";
import { createRoutingEngine } from "../catalogue/routing-engine";
import { loadServiceRouter } from "../catalogue/service-router";
import { changeCaseStatus } from "./change-case-status";
import type { StaffActor } from "./context";
import { type CaseTurnDeps, type CaseTurnResult, handleCaseTurn } from "./handle-case-turn";
import { createCitizen, createStaff, seedCatalogue } from "./test-fixtures";

forEachDatabase("handleCaseTurn", (use) => {
  let deps: CaseTurnDeps;
  let agent: StaffActor;
  let clock = new Date("2026-03-02T09:00:00Z").getTime();

  beforeAll(async () => {
    await seedCatalogue(use());
    const router = await loadServiceRouter({ database: use(), engine: createRoutingEngine() });
    deps = { database: use(), classify: router.classify };
    agent = await createStaff(use(), ["agent"]);
  });

  /** A citizen in a web conversation, with a function to send their next message. */
  const converse = async (lang = "en", overrides: Partial<CaseTurnDeps> = {}) => {
    const citizen = await createCitizen(use(), { lang });
    const say = (text: string, options: { lang?: string; continueOnly?: boolean } = {}) => {
      clock += 60_000;
      return handleCaseTurn(
        { ...deps, ...overrides },
        {
          conversationId: citizen.conversationId,
          contactId: citizen.contactId,
          channel: "web",
          lang: options.lang ?? lang,
          text,
          now: new Date(clock),
          ...(options.continueOnly ? { continueOnly: true } : {}),
        },
      );
    };
    return { citizen, say };
  };

  const replyOf = (result: CaseTurnResult) => (result.handled ? result.reply : "");

  it("reports a broken street light end to end: asks only what is missing, opens, answers status, notifies", async () => {
    const { citizen, say } = await converse();
    const first = await say("the street light outside 12 Elm Street has been out for a week");
    expect(first).toMatchObject({ handled: true, status: "clarification" });
    // Location and description are in the message; only the required attribute is asked for.
    expect(replyOf(first)).toContain("Street light not working");
    expect(replyOf(first)).toContain("What is the light doing?");
    expect(replyOf(first)).toContain("1. Completely off");
    expect(replyOf(first)).not.toContain("Where is it?");
    expect(replyOf(first)).not.toContain("describe");

    const confirm = await say("1");
    expect(replyOf(confirm)).toContain("12 Elm Street");
    expect(replyOf(confirm)).toContain("Completely off");
    expect(replyOf(confirm)).toContain("Reply yes or no");

    const opened = await say("yes");
    expect(opened).toMatchObject({ handled: true, status: "case_opened", case: { status: "new" } });
    const reference = opened.handled ? opened.case!.reference : "";
    expect(reference).toMatch(/^CD-2026-\d{6}$/);
    expect(replyOf(opened)).toContain(reference);
    const [stored] = await use().db.select().from(cases).where(eq(cases.reference, reference));
    expect(stored).toMatchObject({
      serviceCode: "street-light",
      addressString: "12 Elm Street",
      attributes: { light_state: "off" },
      description: "the street light outside 12 Elm Street has been out for a week",
      contactId: citizen.contactId,
      conversationId: citizen.conversationId,
      channel: "web",
      status: "new",
    });

    const status = await say(`what is the status of ${reference}?`);
    expect(status).toMatchObject({
      handled: true,
      status: "case_status",
      case: { reference, status: "new" },
    });

    await changeCaseStatus({
      ctx: { database: use(), actor: agent, notifier: createWebNotifier(use()) },
      input: { reference, status: "resolved", note: "The lamp has been replaced." },
    });
    const notices = await use()
      .db.select()
      .from(messages)
      .where(and(eq(messages.conversationId, citizen.conversationId), eq(messages.role, "system")))
      .orderBy(asc(messages.sequence));
    expect(notices.map((m) => m.text)).toEqual([
      expect.stringMatching(new RegExp(`${reference}.*resolved.*The lamp has been replaced`)),
    ]);
    const later = await say(`status ${reference.toLowerCase()}`);
    expect(later).toMatchObject({ status: "case_status", case: { status: "resolved" } });
    expect(replyOf(later)).toContain("The lamp has been replaced.");
  });

  it("asks for the location when the report has none, and accepts coordinates", async () => {
    const { say } = await converse();
    const first = await say("The lamp post by the bus stop keeps flickering all night");
    expect(replyOf(first)).toContain("Where is it?");
    const second = await say("51.5072, -0.1276");
    // "flickering" already answered the list question, so nothing is left but confirming.
    expect(replyOf(second)).toContain("51.5072, -0.1276");
    expect(replyOf(second)).toContain("Flickering or going on and off");
    const opened = await say("ok");
    expect(opened).toMatchObject({ status: "case_opened" });
    const reference = opened.handled ? opened.case!.reference : "";
    const [stored] = await use().db.select().from(cases).where(eq(cases.reference, reference));
    expect(stored).toMatchObject({ lat: 51.5072, long: -0.1276, addressString: null });
  });

  it("takes a list answer the first message already gives: a short word, a plural, not the address's words", async () => {
    const asked = async (text: string) => replyOf(await (await converse()).say(text));
    // "cat" and "foxes" name their option: the animal is not asked for, only confirmed.
    expect(await asked("dead cat on the road outside 4 Mill Lane")).toMatch(/• What kind of animal\? Cat\n/);
    expect(await asked("two dead foxes on the pavement at 9 Mill Lane")).toMatch(
      /• What kind of animal\? Fox or badger\n/,
    );
    // "Station Road" is where it is, not "On the road": the cycle lane is the answer.
    const cycleLane = await asked("there is a deep pothole in the cycle lane on Station Road");
    expect(cycleLane).toMatch(/• Where is the pothole\? In a cycle lane\n/);
    // Nothing named: the question is still asked.
    expect(await asked("dead animal on the pavement at 9 Mill Lane")).toMatch(
      /What kind of animal\?\n1\. Cat/,
    );
  });

  it("links a second report of the same light to the open case and says so", async () => {
    const first = await converse();
    // "completely" names the first option of the list question, so only the confirmation is left.
    const confirm = await first.say("The street light outside 40 Orchard Road is completely dark");
    expect(replyOf(confirm)).toContain("Completely off");
    const opened = await first.say("yes");
    const second = await converse();
    await second.say("Lamp at 40 Orchard Road not working since Monday");
    await second.say("1");
    const linked = await second.say("yes");
    expect(linked).toMatchObject({
      handled: true,
      status: "case_linked",
      case: { reference: opened.handled ? opened.case!.reference : "?" },
    });
    expect(replyOf(linked)).toContain("already been reported");
  });

  it("speaks the citizen's language", async () => {
    const fr = await converse("fr");
    const question = await fr.say("Le lampadaire devant le 8 rue Victor Hugo ne s'allume plus");
    expect(replyOf(question)).toContain("Que fait le lampadaire ?");
    expect(replyOf(question)).toContain("Complètement éteint");
    await fr.say("1");
    const opened = await fr.say("oui");
    expect(replyOf(opened)).toMatch(/Votre dossier CD-2026-\d{6} est ouvert/);

    const ro = await converse("ro");
    const roQuestion = await ro.say("Felinarul de pe strada Mihai Eminescu nr. 5 pâlpâie toată noaptea");
    expect(replyOf(roQuestion)).toContain("Iată ce voi trimite");
    expect(replyOf(roQuestion)).toContain("strada Mihai Eminescu nr. 5");
    const roOpened = await ro.say("da");
    expect(replyOf(roOpened)).toMatch(/Sesizarea dumneavoastră CD-2026-\d{6} este deschisă/);
  });

  it("answers a case's status only to its own citizen", async () => {
    const owner = await converse();
    await owner.say("street light out at 3 Quarry Lane");
    await owner.say("1");
    const opened = await owner.say("yes");
    const reference = opened.handled ? opened.case!.reference : "";
    const stranger = await converse();
    const probe = await stranger.say(`What is the status of ${reference}?`);
    const missing = await stranger.say("What is the status of CD-2026-999999?");
    expect(probe).toMatchObject({ handled: true, status: "case_status" });
    expect(probe).not.toHaveProperty("case");
    expect(replyOf(probe)).toContain("could not find");
    // The same words whether the case exists or not.
    expect(replyOf(probe).replace(reference, "X")).toBe(replyOf(missing).replace("CD-2026-999999", "X"));
  });

  it("lets the citizen cancel, and leaves questions and unclear messages to the assistant", async () => {
    const { citizen, say } = await converse();
    await say("Lamp post on Bridge Street keeps flickering on and off all night");
    const cancelled = await say("cancel");
    expect(replyOf(cancelled)).toContain("have not opened a case");
    const [intake] = await use()
      .db.select()
      .from(caseIntakes)
      .where(eq(caseIntakes.conversationId, citizen.conversationId));
    expect(intake?.status).toBe("cancelled");

    expect(await say("When is my bin collected?")).toEqual({ handled: false });
    expect(await say("What are the opening hours of the library?")).toEqual({ handled: false });
    expect(await say("2", { continueOnly: true })).toEqual({ handled: false });
  });

  it("reads short answers that the guardrails call unclear when an intake is waiting for them", async () => {
    const { say } = await converse();
    await say("the street light outside 9 Canal Street has been out for days");
    const confirm = await say("2", { continueOnly: true });
    expect(replyOf(confirm)).toContain("Flickering or going on and off");
  });

  it("steps aside after answers it cannot read", async () => {
    const { citizen, say } = await converse();
    await say("the street light outside 21 Elm Street has been out for a week");
    const retry = await say("purple");
    expect(replyOf(retry)).toContain("did not understand");
    expect(await say("banana")).toEqual({ handled: false });
    const [intake] = await use()
      .db.select()
      .from(caseIntakes)
      .where(eq(caseIntakes.conversationId, citizen.conversationId));
    expect(intake?.status).toBe("abandoned");
  });

  it("answers questions about a service instead of opening a report (citizens' reports, issue 13)", async () => {
    for (const [lang, text] of [
      ["en", "Are bins collected on Boxing Day?"],
      ["fr", "Quand sont collectées les poubelles de recyclage ?"],
      ["en", "how long does a pothole repair take?"],
      ["en", "How long does it take to fix a broken street light?"],
      ["ro", "Cât durează repararea unui stâlp de iluminat?"],
      ["en", "When is my bin collected? I live in Hillcrest"],
    ]) {
      const { say } = await converse(lang);
      expect(await say(text!), text).toEqual({ handled: false });
    }
    // A statement of the problem before the question is still a report.
    const { say } = await converse();
    expect(await say("My black bin wasn't collected today at 4 Mill Lane, what should I do?")).toMatchObject({
      handled: true,
      intake: { service: "missed-bin" },
    });
  });

  it("lets a question interrupt an intake, reminds the citizen of it, and resumes with the next answer", async () => {
    const { citizen, say } = await converse();
    const first = await say("the street light outside 14 Kings Road has been out for a week");
    expect(first).toMatchObject({ intake: { service: "street-light", awaiting: "attribute:light_state" } });
    for (const question of ["What are the opening hours of the library?", "can I take paint to the tip?"]) {
      const interrupted = await say(question);
      expect(interrupted).toMatchObject({
        handled: false,
        paused: { intake: { service: "street-light", awaiting: "attribute:light_state" } },
      });
      expect(interrupted.handled ? "" : interrupted.paused?.reminder).toContain("What is the light doing?");
    }
    // The lamp-post number given along the way is kept on the case.
    const confirm = await say("completely off, the number on it is RV-3310");
    expect(replyOf(confirm)).toContain("RV-3310");
    const opened = await say("yes");
    const reference = opened.handled ? opened.case!.reference : "";
    const [stored] = await use().db.select().from(cases).where(eq(cases.reference, reference));
    expect(stored?.attributes).toMatchObject({ light_state: "off", pole_number: "RV-3310" });
    expect(stored?.conversationId).toBe(citizen.conversationId);
  });

  it("answers 'status of my case' during an intake without taking it as an answer, and keeps the intake", async () => {
    const { say } = await converse();
    await say("the street light outside 2 Park Row has been out since Monday");
    const status = await say("status of my case please");
    expect(status).toMatchObject({
      handled: true,
      status: "case_status",
      intake: { service: "street-light" },
    });
    const confirm = await say("1");
    expect(replyOf(confirm)).toContain("Shall I open the case?");
  });

  it("answers 'is my street light fixed yet?' from the citizen's own case instead of starting a second report", async () => {
    const { say } = await converse();
    await say("the street light outside 30 Rope Walk has been out for a week");
    await say("1");
    const opened = await say("yes");
    const reference = opened.handled ? opened.case!.reference : "?";
    for (const text of ["is my street light fixed yet?", "what's happening with my report?"]) {
      const answer = await say(text);
      expect(answer, text).toMatchObject({ handled: true, status: "case_status", case: { reference } });
    }
  });

  it("takes a lamp-post number given instead of an answer, says so, and asks again; 'no' to a needed answer cancels", async () => {
    const { say } = await converse();
    await say("the street light outside 5 Quay Street has been out for a week");
    const noted = await say("it's lamp post RV-2214 by the way");
    expect(replyOf(noted)).toContain("RV-2214");
    expect(replyOf(noted)).toContain("What is the light doing?");
    const cancelled = await say("no");
    expect(replyOf(cancelled)).toContain("have not opened a case");
  });

  it("a new problem during an intake starts its own intake", async () => {
    const { say } = await converse();
    await say("the street light outside 7 Dock Road has been out for a week");
    const started = await say("also there is a huge pothole in the road outside 9 Dock Road");
    expect(started).toMatchObject({ handled: true, intake: { service: "pothole" } });
    expect(replyOf(started)).toContain("Pothole");
  });

  it("a menu choice opens exactly the service shown, whatever order the options were stored in", async () => {
    const codes = ["pothole", "street-light", "missed-bin", "fly-tipping", "graffiti", "noise-complaint"];
    const { contactId } = await createCitizen(use(), { lang: "en" });
    for (let round = 0; round < 12; round++) {
      // A different order of three services each round, none of them alphabetical by accident only.
      const shown = [codes[round % 6]!, codes[(round + 2) % 6]!, codes[(round * 5 + 1) % 6]!].filter(
        (code, i, all) => all.indexOf(code) === i,
      );
      const citizen = await createCitizen(use(), { lang: "en" });
      await use()
        .db.insert(caseIntakes)
        .values({
          conversationId: citizen.conversationId,
          contactId: citizen.contactId,
          stage: "choosing_service",
          awaiting: "service",
          candidates: shown,
          draft: { attributes: {}, originalText: "something is wrong near 5 Station Road" },
          lang: "en",
          createdAt: new Date(clock),
          updatedAt: new Date(clock),
        });
      const pick = (round % shown.length) + 1;
      clock += 60_000;
      const result = await handleCaseTurn(deps, {
        conversationId: citizen.conversationId,
        contactId: citizen.contactId,
        channel: "web",
        lang: "en",
        text: String(pick),
        now: new Date(clock),
      });
      expect(result, `round ${round}: ${shown.join(",")} → ${pick}`).toMatchObject({
        handled: true,
        intake: { service: shown[pick - 1] },
      });
    }
    expect(contactId).toBeTruthy();
  });

  it("leaves a question in words the router never saw to the knowledge base instead of offering services", async () => {
    const { say } = await converse("fr");
    for (const text of ["contrat cdi", "congé formation", "indemnités de licenciement"]) {
      expect(await say(text)).toEqual({ handled: false });
    }
  });

  it("leaves a question about a service (its cost, what follows a report) to the knowledge base", async () => {
    // None of these is among the router's question examples.
    for (const [lang, text] of [
      ["en", "What happens once I've reported a pothole?"],
      ["en", "What counts as too much noise at night?"],
      ["fr", "Combien coûte la dératisation ?"],
    ]) {
      const { say } = await converse(lang);
      expect(await say(text!)).toEqual({ handled: false });
    }
  });

  describe("below the confidence threshold", () => {
    it("offers the likeliest services and continues with the one picked", async () => {
      const router = await loadServiceRouter({
        database: use(),
        engine: createRoutingEngine({ threshold: 0.999 }),
      });
      const { say } = await converse("en", { classify: router.classify });
      const question = await say("there is a big hole in the road outside 5 Station Road");
      expect(question).toMatchObject({ handled: true, status: "clarification" });
      const offered = replyOf(question).match(/^\d\. .+$/gm) ?? [];
      expect(offered.length).toBeGreaterThanOrEqual(2);
      expect(offered.length).toBeLessThanOrEqual(3);
      expect(replyOf(question)).toContain("Pothole");
      const choice = offered.findIndex((line) => line.includes("Pothole")) + 1;
      const next = await say(String(choice));
      // Address, description and "road" all came with the first message.
      expect(replyOf(next)).toContain("Pothole");
      expect(replyOf(next)).toContain("5 Station Road");
      expect(replyOf(next)).toContain("On the road");
      expect(replyOf(next)).toContain("Shall I open the case?");
    });
  });

  describe("with a chat model's routing judgement (stand-in server: protocol only, not quality)", () => {
    const vague = "something is broken outside 5 Station Road";

    async function judgedClassify(reply: { service: string; confidence: number } | "error") {
      const standIn = await startOpenAiStandIn(() =>
        reply === "error" ? { kind: "error", status: 500 } : { kind: "json", content: JSON.stringify(reply) },
      );
      const router = await loadServiceRouter({ database: use(), engine: createRoutingEngine() });
      const judge = createOpenAiRoutingJudge(standInModelOptions(standIn));
      const classify = createJudgedClassifier({ ...router, catalogue: router.services, judge });
      return { router, classify, standIn };
    }

    it("opens the intake for the service a confident judge names where the fitted model could only ask", async () => {
      const { router, classify, standIn } = await judgedClassify({ service: "street-light", confidence: 1 });
      try {
        expect(router.classify(vague, "en")).toMatchObject({ kind: "clarify" });
        const { say } = await converse("en", { classify });
        const first = await say(vague);
        expect(replyOf(first)).toContain("Street light not working");
        expect(replyOf(first)).toContain("What is the light doing?");
        const prompt = JSON.stringify(standIn.requests[0]!.body.messages);
        expect(prompt).toContain("street-light: Street light not working");
        expect(prompt).toContain(vague);
      } finally {
        await standIn.close();
      }
    });

    it("keeps the fitted model's clarifying question when the provider fails", async () => {
      const { router, classify, standIn } = await judgedClassify("error");
      try {
        expect(await classify(vague, "en")).toEqual(router.classify(vague, "en"));
        expect(standIn.requests).toHaveLength(1);
      } finally {
        await standIn.close();
      }
    });
  });
});
