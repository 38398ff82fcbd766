import { Redis } from "ioredis";

/** Tests use database 15 unless the URL names one, and only ever delete their own prefix. */
export function testRedisUrl(raw: string | undefined = process.env.TEST_REDIS_URL): string | null {
  if (!raw) return null;
  const url = new URL(raw);
  if (url.pathname === "" || url.pathname === "/") url.pathname = "/15";
  return url.toString();
}

/** Deletes every key under a prefix: a targeted FLUSHDB that cannot touch anyone else's data. */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url);
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
  return deleted;
}
