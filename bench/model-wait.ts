import { startService } from "../src/bootstrap";
import { parseOptions } from "../src/cli/run-cli";
import { loadConfig } from "../src/config";
import { jsonReply, type StandInRequest, startOpenAiStandIn } from "../test/openai-stand-in";
import { positive } from "./turn";

/*
 * How long a turn waits on a configured chat model, measured against a stand-in OpenAI-compatible
 * server that answers every call after a fixed latency. Its answers are scripted (the guardrail
 * judge finds nothing, the routing judge names the street-light service), so this measures the
 * turn's orchestration, how many model round trips it waits for, never answer quality. The baseline
 * in the same run is the same calls made one after another: their count times the latency.
 */

const REQUESTS = [
  "The street light outside 12 Mill Lane has been broken since last week",
  "Le lampadaire devant le 4 rue du Moulin ne marche plus",
  "Streetlight on Station Road keeps flickering all night",
];

export async function runModelWaitBench(args: string[]): Promise<unknown> {
  const options = parseOptions(args, { latency: "string", turns: "string" });
  const latencyMs = positive(options.latency, 200, "--latency");
  const turns = positive(options.turns, 20, "--turns");
  const reply = (request: StandInRequest) => {
    const body = JSON.stringify(request.body);
    const content = body.includes("routing_verdict")
      ? { service: "street-light", confidence: 0.9 }
      : body.includes("safety_verdict")
        ? { labels: [] }
        : {};
    return { ...jsonReply(content), delayMs: latencyMs };
  };
  const standIn = await startOpenAiStandIn(reply);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: "",
    REDIS_URL: "",
    DATA_DIR: "memory://",
    LOG_LEVEL: "error",
    OPENAI_API_KEY: "stand-in",
    OPENAI_BASE_URL: standIn.baseUrl,
  });
  const service = await startService(config);
  try {
    const waits: number[] = [];
    const calls: number[] = [];
    for (let i = 0; i < turns + 2; i++) {
      const created = (await (
        await service.app.request("/v1/conversations", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ channel: "web", lang: "en" }),
        })
      ).json()) as { id: string; token: string };
      const before = standIn.requests.length;
      const started = performance.now();
      const response = await service.app.request(`/v1/conversations/${created.id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${created.token}` },
        body: JSON.stringify({ text: REQUESTS[i % REQUESTS.length] }),
      });
      const { message } = (await response.json()) as { message?: { status: string } };
      if (message?.status !== "clarification" && message?.status !== "case_opened")
        throw new Error(`turn ended with ${response.status} ${message?.status ?? "no message"}`);
      // The first two turns warm the process up and are not counted.
      if (i < 2) continue;
      waits.push(performance.now() - started);
      calls.push(standIn.requests.length - before);
    }
    waits.sort((a, b) => a - b);
    const median = waits[Math.floor(waits.length / 2)]!;
    const callsPerTurn = calls.reduce((sum, n) => sum + n, 0) / calls.length;
    const serial = callsPerTurn * latencyMs;
    const result = {
      bench: "model-wait",
      provider: "stand-in (fixed latency, scripted answers)",
      latency_ms: latencyMs,
      turns,
      model_calls_per_turn: callsPerTurn,
      turn_ms: { median: round(median), max: round(waits.at(-1)!) },
      round_trips_waited: round(median / latencyMs),
      vs_serial: { serial_ms: serial, ratio: round(median / serial) },
    };
    process.stderr.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    await service.close();
    await standIn.close();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
