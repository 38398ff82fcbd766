import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";

interface Block {
  bits: bigint;
  prefix: number;
  width: number;
}

/** An IPv4 or IPv6 address as a number and its width; IPv4-mapped IPv6 counts as IPv4. */
function parseAddress(text: string): { value: bigint; width: number } | null {
  let address = text
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (address.startsWith("::ffff:") && address.includes(".")) address = address.slice(7);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((n) => n > 255)) return null;
    return { value: parts.reduce((acc, n) => (acc << 8n) | BigInt(n), 0n), width: 32 };
  }
  if (!/^[0-9a-f:]+$/.test(address) || address.split("::").length > 2) return null;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n), width: 128 };
}

function parseBlock(entry: string): Block | null {
  const [address = "", bits] = entry.split("/");
  const parsed = parseAddress(address);
  if (!parsed) return null;
  const prefix = bits === undefined ? parsed.width : Number(bits);
  return { bits: parsed.value >> BigInt(parsed.width - prefix), prefix, width: parsed.width };
}

/** A matcher over TRUSTED_PROXIES entries (addresses or CIDR blocks). */
export function createProxyMatcher(entries: readonly string[]): (address: string) => boolean {
  const blocks = entries.map(parseBlock).filter((b): b is Block => b !== null);
  return (address) => {
    const parsed = parseAddress(address);
    if (!parsed) return false;
    return blocks.some(
      (b) => b.width === parsed.width && parsed.value >> BigInt(b.width - b.prefix) === b.bits,
    );
  };
}

function socketAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy, in which case
 * X-Forwarded-For is read from the right, skipping further trusted proxies, so a client cannot choose
 * its own address by sending the header itself. On Workers, Cloudflare's header.
 */
export function resolveClientIp(c: Context, isTrusted: (address: string) => boolean): string {
  const peer = socketAddress(c);
  if (peer === undefined) return c.req.header("cf-connecting-ip") ?? "unknown";
  if (!isTrusted(peer)) return peer;
  const hops = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!parseAddress(hop)) return peer;
    if (!isTrusted(hop)) return hop;
  }
  return hops[0] ?? peer;
}

/** Puts the client's address on the context once per request, for rate limits and logs. */
export function clientIpMiddleware(trustedProxies: readonly string[]): MiddlewareHandler<AppEnv> {
  const isTrusted = createProxyMatcher(trustedProxies);
  return async (c, next) => {
    c.set("clientIp", resolveClientIp(c, isTrusted));
    await next();
  };
}
