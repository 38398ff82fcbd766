import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { startService } from "../src/bootstrap";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/logger";
import type { ArticleInput } from "../src/services/knowledge/article-input";
import { upsertArticles } from "../src/services/knowledge/upsert-articles";
import { listenOnFreePort } from "./bench-server";

/*
 * The server side of `npm run bench -- load`: the service as the Node entry starts it (startService,
 * migrations, sample knowledge, SLA timers, job queue, SMS channel pointed at a stand-in Twilio on the
 * bare server), with the per-IP limits lifted, plus a bare Hono route in the same process. Several of
 * these can share one PostgreSQL database and one Redis.
 */

const env = JSON.parse(process.env.LOAD_BENCH_ENV ?? "{}") as Record<string, string>;
const articles = Number(process.env.LOAD_BENCH_ARTICLES ?? "0");
const seed = process.env.LOAD_BENCH_SEED === "1";

const bare = new Hono();
bare.get("/bare", (c) => c.json({ ok: true }));
bare.post("/bare", async (c) => c.json({ message: { text: (await c.req.json<{ text: string }>()).text } }));
// Stand-in for Twilio's Messages API, so the SMS replies the service sends go nowhere real.
bare.post("/2010-04-01/Accounts/:sid/Messages.json", (c) =>
  c.json({ sid: `SM${crypto.randomUUID().replaceAll("-", "")}`, status: "queued" }, 201),
);

const barePort = await listenOnFreePort(bare.fetch);

const config = loadConfig({
  LOG_LEVEL: "silent",
  ...env,
  TWILIO_API_BASE_URL: `http://127.0.0.1:${barePort}`,
});
const unlimited = { limit: 1_000_000_000, windowSeconds: 60 };
const service = await startService(config, {
  logger: createLogger({ level: "silent", redact: (t) => t }),
  rateLimits: { contact: unlimited, ipConversations: unlimited, ipMessages: unlimited },
});
const startedSeeding = performance.now();
if (seed && articles > 0)
  await upsertArticles({ ctx: service.knowledge, articles: synthetic(articles), origin: "import" });
const seedSeconds = (performance.now() - startedSeeding) / 1000;
const appPort = await listenOnFreePort(service.app.fetch);

let peakRss = process.memoryUsage().rss;
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200).unref();

process.send?.({ appPort, barePort, database: service.database.kind, seedSeconds: round(seedSeconds) });

process.on("message", async (message: { kind: string }) => {
  if (message.kind === "stats") {
    const [row] = await service.database.query<{ n: number }>(
      sql`select count(*)::int as n from kb_articles where status = 'published'`,
    );
    const memory = process.memoryUsage();
    process.send?.({
      articles: row?.n ?? 0,
      rssMb: mb(memory.rss),
      peakRssMb: mb(peakRss),
      heapUsedMb: mb(memory.heapUsed),
    });
  } else if (message.kind === "stop") {
    await service.close().catch(() => {});
    process.exit(0);
  }
});

/** Articles in the sample's style: a service, what it costs, where and when, in English. */
function synthetic(count: number): ArticleInput[] {
  const topics = [
    "permit",
    "licence",
    "collection",
    "grant",
    "registration",
    "inspection",
    "repair",
    "booking",
  ];
  const things = [
    "boat",
    "market stall",
    "allotment",
    "garage",
    "balcony",
    "chimney",
    "fence",
    "kiosk",
    "hedge",
  ];
  const places = ["North", "South", "East", "West", "Old Town", "Harbour", "Hill", "Meadow"];
  return Array.from({ length: count }, (_, i) => {
    const topic = topics[i % topics.length]!;
    const thing = things[Math.floor(i / topics.length) % things.length]!;
    const place = places[Math.floor(i / (topics.length * things.length)) % places.length]!;
    return {
      articleId: `synthetic-${i}`,
      lang: "en",
      title: `${thing} ${topic} in ${place} district ${i}`,
      body: [
        `## Who can apply`,
        `Residents of the ${place} district can ask for a ${thing} ${topic} (reference ${i}).`,
        `## Cost`,
        `The ${topic} costs ${10 + (i % 90)} pounds and takes ${1 + (i % 20)} working days.`,
        `## How to apply`,
        `Fill in the ${thing} form online or visit the ${place} office, open Monday to Friday 9:00-17:00.`,
      ].join("\n\n"),
      status: "published",
    };
  });
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
