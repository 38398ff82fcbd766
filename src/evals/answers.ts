import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { type Service, startService } from "../bootstrap";
import { parseOptions, UsageError } from "../cli/run-cli";
import { loadConfig } from "../config";
import { configuredModelOptions } from "../configured-adapters";
import { caseIntakes } from "../db/schema";
import { createLogger } from "../logger";
import { type AnswerCase, parseAnswerCases } from "./answer-cases";
import {
  type AnswerFigures,
  type CaseResult,
  judgeTurn,
  scoreAnswerCases,
  scoreByLanguage,
  type TurnContext,
  type TurnJudgement,
  type TurnObservation,
} from "./answer-judge";

export interface AnswersResult extends AnswerFigures {
  per_lang: Record<string, AnswerFigures>;
  /** "offline" for the extractive answerer, else the configured chat model's name. */
  model: string;
}

const USAGE = "usage: answers --cases FILE [--verbose]";

interface ReplyView {
  text: string;
  status: string | null;
  citations: { articleId: string }[];
  case?: { reference: string; status: string };
  intake?: { service: string | null; name?: string; awaiting?: string | null };
  options?: { service: string; name?: string }[];
}

/**
 * Runs every case through the web chat API of the whole service, started in this process on a fresh
 * in-memory database with the knowledge base loaded: each case in a new conversation, each turn a
 * POST of the citizen's text, judged on the reply the client receives.
 */
export async function runAnswersEval(argv: string[]): Promise<AnswersResult> {
  const options = parseOptions(argv, { cases: "string", verbose: "boolean" });
  if (typeof options.cases !== "string") throw new UsageError(USAGE);
  let content: string;
  try {
    content = await readFile(options.cases, "utf8");
  } catch (error) {
    throw new Error(`cannot read cases ${options.cases}: ${(error as Error).message}`);
  }
  const cases = parseAnswerCases(content, options.cases);

  // Never the operator's database or Redis: a fresh embedded database and in-process jobs every run.
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: "",
    REDIS_URL: "",
    DATA_DIR: "memory://",
    KB_AUTOLOAD: "true",
    LOG_LEVEL: "silent",
  });
  const model = configuredModelOptions(config) ? config.CHAT_MODEL : "offline";
  const started = performance.now();
  const service = await startService(config, {
    logger: createLogger({ level: "silent", redact: (text) => text }),
  });
  process.stdout.write(
    `answerer: ${model}; service ready in ${Math.round(performance.now() - started)} ms\n`,
  );

  const results: ObservedCase[] = [];
  try {
    const t0 = performance.now();
    for (const [index, c] of cases.entries()) {
      const result = await runCase(service, c, index);
      results.push(result);
      if (options.verbose) reportFailures(result);
    }
    process.stdout.write(`${cases.length} cases in ${Math.round(performance.now() - t0)} ms\n`);
  } finally {
    await service.close();
  }

  const perLang = scoreByLanguage(results);
  process.stdout.write(formatLanguageTable(perLang));
  return { ...scoreAnswerCases(results), per_lang: perLang, model };
}

interface ObservedCase extends CaseResult {
  observations: TurnObservation[];
}

async function runCase(service: Service, c: AnswerCase, index: number): Promise<ObservedCase> {
  // Each case is a different citizen; a distinct client address keeps the per-IP limits out of the way.
  const ip = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const created = await call(service, "POST", "/v1/conversations", ip, undefined, {
    channel: "web",
    lang: c.lang,
  });
  const { id, token } = created as { id: string; token: string };
  const context: TurnContext = { earlierCases: [] };
  const judgements: TurnJudgement[] = [];
  const observations: TurnObservation[] = [];
  for (const turn of c.turns) {
    const { message } = (await call(service, "POST", `/v1/conversations/${id}/messages`, ip, token, {
      text: turn.text,
    })) as { message: ReplyView };
    const observation = await observe(service, message, id, ip, token);
    judgements.push(judgeTurn(turn, observation, context));
    observations.push(observation);
    if (observation.case && !context.earlierCases.includes(observation.case.reference))
      context.earlierCases.push(observation.case.reference);
    context.previousOptions = observation.options;
  }
  return { case: c, judgements, observations };
}

// Once a service has shown `intake` or `options` on any reply, its replies alone say what is in progress.
const viewShowsIntake = new WeakSet<Service>();

/**
 * The reply as the client got it. Until every reply carries `intake` and `options`, what is in progress
 * is read from the conversation's intake row, and a case's service from the citizen's case view.
 */
async function observe(
  service: Service,
  message: ReplyView,
  conversationId: string,
  ip: string,
  token: string,
): Promise<TurnObservation> {
  const observation: TurnObservation = {
    status: message.status,
    text: message.text,
    citations: message.citations ?? [],
  };
  if (message.case) {
    const view = (await call(service, "GET", `/v1/cases/${message.case.reference}`, ip, token)) as {
      service: { code: string };
    };
    observation.case = { ...message.case, service: view.service.code };
  }
  if ("intake" in message || "options" in message) viewShowsIntake.add(service);
  if (viewShowsIntake.has(service)) {
    if (message.intake)
      observation.intake = { service: message.intake.service, awaiting: message.intake.awaiting };
    if (message.options?.length) observation.options = message.options.map((o) => ({ service: o.service }));
    return observation;
  }
  const [active] = await service.database.db
    .select()
    .from(caseIntakes)
    .where(and(eq(caseIntakes.conversationId, conversationId), eq(caseIntakes.status, "active")));
  if (active?.stage === "choosing_service")
    observation.options = active.candidates.map((code) => ({ service: code }));
  else if (active) observation.intake = { service: active.serviceCode, awaiting: active.awaiting };
  return observation;
}

async function call(
  service: Service,
  method: "GET" | "POST",
  path: string,
  ip: string,
  token?: string,
  body?: unknown,
): Promise<unknown> {
  const response = await service.app.request(path, {
    method,
    headers: {
      "content-type": "application/json",
      "cf-connecting-ip": ip,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function reportFailures({ case: c, judgements, observations }: ObservedCase) {
  c.turns.forEach((turn, i) => {
    const j = judgements[i]!;
    if (j.pass) return;
    const label = c.flow ? `${c.id}#${i + 1}` : c.id;
    const misses = [
      !j.outcome && "outcome",
      j.facts === false && "facts",
      j.cited === false && "citation",
      j.service === false && `service(${j.observedService ?? "none"})`,
    ].filter(Boolean);
    const text = observations[i]!.text.replace(/\s+/g, " ").slice(0, 200);
    process.stderr.write(
      `FAIL ${label} [${turn.lang ?? c.lang}] expected ${turn.expect}${turn.service ? `:${turn.service}` : ""}${turn.article ? `@${turn.article}` : ""} got ${observations[i]!.status} (${misses.join(",")}) ${JSON.stringify(turn.text)} -> ${JSON.stringify(text)}\n`,
    );
  });
}

function formatLanguageTable(perLang: Record<string, AnswerFigures>): string {
  const cell = (x: number | null) => (x === null ? "   - " : x.toFixed(2).padStart(5));
  const lines = Object.entries(perLang).map(
    ([lang, f]) =>
      `${lang.padEnd(3)} n=${String(f.n).padStart(3)} facts ${cell(f.facts_hit)} cited ${cell(f.cited_expected)} answered ${cell(f.answered_share)} request ${cell(f.request_recall)} service ${cell(f.request_service_acc)} trap ${cell(f.trap_ok)} no_answer ${cell(f.no_answer_ok)} flows ${cell(f.flows_ok)}`,
  );
  return `per language:\n${lines.join("\n")}\n`;
}
