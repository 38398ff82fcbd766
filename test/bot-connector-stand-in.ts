import { createPrivateKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for Microsoft's side of a Teams bot, on loopback: the Entra authority (OpenID metadata and
 * the signing key set the Agents SDK fetches), the Entra SDK sidecar the SDK asks for outbound tokens,
 * and the Bot Connector service that replies, proactive messages and card refreshes go to. Every
 * connector call is recorded; tokens are signed with a key pair made for the test.
 */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The id the stand-in gave a posted activity. */
  answeredId: string;
}

export interface BotConnectorStandIn {
  url: string;
  appId: string;
  tenantId: string;
  /** The authority the SDK is pointed at (TEAMS_AUTHORITY). */
  authority: string;
  calls(): ConnectorCall[];
  tokenRequests(): number;
  /** The conversation ids member look-ups named. */
  memberLookups(): string[];
  /** A connector token for an inbound activity; overrides make it wrong on purpose. */
  sign(overrides?: { aud?: string; exp?: number; key?: KeyObject; kid?: string; iss?: string }): string;
  /** E-mail addresses the member look-up answers with, by Teams user id. */
  members: Map<string, { email: string; name?: string }>;
  env(): Record<string, string>;
  close(): Promise<void>;
}

const KID = "stand-in-key-1";

export async function startBotConnectorStandIn(): Promise<BotConnectorStandIn> {
  const appId = randomUUID();
  const tenantId = randomUUID();
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: KID, use: "sig", alg: "RS256" };
  const calls: ConnectorCall[] = [];
  const members = new Map<string, { email: string; name?: string }>();
  const memberLookups: string[] = [];
  let tokens = 0;
  let url = "";

  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && path === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      return json(200, {
        issuer: `${url}/${tenantId}/v2.0`,
        jwks_uri: `${url}/${tenantId}/discovery/v2.0/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (req.method === "GET" && path === `/${tenantId}/discovery/v2.0/keys`)
      return json(200, { keys: [jwk] });
    if (req.method === "GET" && path.startsWith("/AuthorizationHeaderUnauthenticated/")) {
      tokens++;
      return json(200, { authorizationHeader: `Bearer ${outboundToken()}` });
    }
    const conversation = /^\/v3\/conversations\/([^/]+)\/(activities|members)(?:\/([^/]+))?$/.exec(path);
    if (!conversation) return json(404, { error: "not a stand-in route" });
    const conversationId = decodeURIComponent(conversation[1]!);
    const id = conversation[3] ? decodeURIComponent(conversation[3]) : undefined;
    if (conversation[2] === "members" && req.method === "GET") {
      memberLookups.push(conversationId);
      const member = id ? members.get(id) : undefined;
      return member ? json(200, { id, ...member, userPrincipalName: member.email }) : json(404, {});
    }
    const body = (await readJson(req)) as Record<string, unknown>;
    const answeredId = req.method === "PUT" ? (id ?? "") : `${Date.now()}${calls.length + 1}`;
    calls.push({
      answeredId,
      method: req.method ?? "",
      path,
      conversationId,
      ...(id ? { activityId: id } : {}),
      authorization: req.headers.authorization,
      body,
    });
    return json(req.method === "PUT" ? 200 : 201, { id: answeredId });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const jwt = (payload: Record<string, unknown>, key: KeyObject, kid: string) => {
    const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString("base64url");
    const head = `${encode({ alg: "RS256", typ: "JWT", kid })}.${encode(payload)}`;
    return `${head}.${sign("RSA-SHA256", Buffer.from(head), key).toString("base64url")}`;
  };
  const outboundToken = () => {
    const now = Math.floor(Date.now() / 1000);
    return jwt({ aud: "https://api.botframework.com", iat: now, exp: now + 3600 }, privateKey, KID);
  };

  return {
    url,
    appId,
    tenantId,
    authority: url,
    members,
    calls: () => [...calls],
    tokenRequests: () => tokens,
    memberLookups: () => [...memberLookups],
    sign(overrides = {}) {
      const now = Math.floor(Date.now() / 1000);
      return jwt(
        {
          iss: overrides.iss ?? `${url}/${tenantId}/v2.0`,
          aud: overrides.aud ?? appId,
          tid: tenantId,
          serviceurl: `${url}/`,
          nbf: now - 60,
          iat: now - 60,
          exp: overrides.exp ?? now + 3600,
        },
        overrides.key ?? privateKey,
        overrides.kid ?? KID,
      );
    },
    env: () => ({
      TEAMS_APP_ID: appId,
      TEAMS_TENANT_ID: tenantId,
      TEAMS_AUTHORITY: url,
      TEAMS_TOKEN_SIDECAR_URL: url,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Another key pair, for tokens the bot must refuse. */
export function strangerKey(): KeyObject {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return createPrivateKey(privateKey.export({ format: "pem", type: "pkcs8" }));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : {};
}
