import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const languageList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[a-z]{2}$/, "each language must be a two-letter ISO 639-1 code")).min(1));

const optionalUrl = z.url().optional();

// Each entry is a bare origin (scheme, host, optional port), the form browsers send in `Origin`.
const originList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim().replace(/\/$/, ""))
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .refine(
          (s) =>
            URL.canParse(s) && /^https?:$/.test(new URL(s).protocol) && new URL(s).origin === s.toLowerCase(),
          "each origin must look like https://www.example.org (scheme, host and optional port only)",
        )
        .transform((s) => s.toLowerCase()),
    ),
  );

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
// Addresses or CIDR blocks of the reverse proxies whose X-Forwarded-For is believed.
const proxyList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().refine((entry) => {
        const [address = "", bits, ...rest] = entry.split("/");
        if (rest.length > 0) return false;
        const v4 = IPV4.exec(address);
        const valid = v4 ? v4.slice(1).every((n) => Number(n) <= 255) : /^[0-9a-f:]+$/.test(address);
        const maxBits = v4 ? 32 : 128;
        return valid && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits));
      }, "each entry must be an IP address or a CIDR block such as 10.0.0.0/8"),
    ),
  );

const perWindow = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** Every environment variable the service reads; README "Configuration" documents each one. */
export const Config = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  PUBLIC_BASE_URL: optionalUrl,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  /** How often the SLA reconciliation sweep re-queues timers from PostgreSQL (after a Redis loss, for example). */
  SLA_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * How often stored SMS work whose job was lost (a turn never queued while Redis was down, a reply never
   * handed to delivery) is queued again; 0 turns the sweep off.
   */
  SMS_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /**
   * A send claimed this long ago and never recorded (the process died while Twilio was called) is settled
   * by asking Twilio whether it took the message: recorded if so, sent if not. Longer than a send can take.
   */
  DELIVERY_STALE_CLAIM_SECONDS: z.coerce.number().int().min(15).max(3600).default(60),

  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: optionalUrl,
  CHAT_MODEL: z.string().min(1).default("gpt-4o-mini"),
  CHAT_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  MODEL_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** The longest the staff console (and a Teams card) waits for a generated summary before showing the extractive one. */
  STAFF_SUMMARY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),

  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  KB_AUTOLOAD: booleanFlag.default(true),
  SUPPORTED_LANGUAGES: languageList.default(["en", "fr", "ro", "de", "es", "hu"]),
  DEFAULT_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2}$/)
    .default("en"),
  EMERGENCY_NUMBER: z.string().min(2).default("112"),
  CRISIS_HELPLINE: z.string().min(2).default("116 123"),
  CITY_NAME: z.string().min(1).default("Riverton"),
  WIDGET_ORIGINS: originList.default([]),

  /** Deprecated bootstrap tokens (`token:user-id:role+role`) for development and tests; refused in production. */
  STAFF_TOKENS: z.string().optional(),
  STAFF_SESSION_HOURS: z.coerce.number().positive().max(720).default(12),
  /** Failed passwords in a row that lock a staff account, and for how long. */
  STAFF_MAX_FAILED_SIGN_INS: z.coerce.number().int().min(1).default(5),
  STAFF_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** Minutes a conversation waits for a person before the citizen is told and offered a case or a call back. */
  HANDOFF_PICKUP_TIMEOUT_MINUTES: z.coerce.number().positive().max(1440).default(5),
  /** Out of the department's business hours (knowledge/sla.yaml) a request for a person is answered, not queued. */
  HANDOFF_BUSINESS_HOURS: booleanFlag.default(true),
  /** Topics on which an unanswered question goes to a person: built-in names, or `name=word+word`. */
  HANDOFF_SENSITIVE_TOPICS: z.string().default("bereavement,domestic_abuse,eviction"),
  /** Staff single sign-on (OpenID Connect); off unless issuer, client id and secret are all set. */
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
  /** Which provider groups give which role: `agent=cc-agents+cc-night,admin=it-admins`. */
  OIDC_ROLE_GROUPS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const map: Partial<Record<(typeof STAFF_ROLE_NAMES)[number], string[]>> = {};
      for (const entry of value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        const [role, groups] = entry.split("=");
        if (!role || !groups || !(STAFF_ROLE_NAMES as readonly string[]).includes(role)) {
          ctx.addIssue({
            code: "custom",
            message: `"${entry}" must be role=group+group with a role among ${STAFF_ROLE_NAMES.join(", ")}`,
          });
          return z.NEVER;
        }
        map[role as (typeof STAFF_ROLE_NAMES)[number]] = groups.split("+").filter(Boolean);
      }
      return map;
    }),
  CASE_DUPLICATE_RADIUS_METRES: z.coerce.number().positive().default(50),
  CASE_DUPLICATE_WINDOW_HOURS: z.coerce.number().positive().default(168),
  OPEN311_API_KEYS: z.string().optional(),
  OPEN311_JURISDICTION_ID: z.string().trim().min(1).max(200).optional(),

  TRUSTED_PROXIES: proxyList.default([]),
  /** New cases (0 = no limit): per contact an hour, per client IP an hour, and overall a minute. */
  CASE_LIMIT_PER_CONTACT: perWindow(5),
  CASE_LIMIT_PER_IP: perWindow(20),
  CASE_LIMIT_PER_MINUTE: perWindow(120),
  /** Refused credentials (401/403) one client IP may collect in 15 minutes before it is turned away. */
  AUTH_FAILURE_LIMIT_PER_IP: perWindow(20),
  /** Case and Open311 request lookups per client IP a minute. */
  CASE_LOOKUP_LIMIT_PER_IP: perWindow(60),

  /** How long each kind of personal data is kept (0 = keep); the purge job runs every PRIVACY_PURGE_MINUTES. */
  RETENTION_RAW_TEXT_DAYS: perWindow(30),
  RETENTION_MESSAGES_DAYS: perWindow(365),
  RETENTION_RECORDINGS_DAYS: perWindow(30),
  RETENTION_CASES_DAYS: perWindow(730),
  RETENTION_AUDIT_DAYS: perWindow(730),
  RETENTION_RATE_LIMIT_HOURS: z.coerce.number().int().min(1).default(24),
  PRIVACY_PURGE_MINUTES: z.coerce.number().int().min(0).default(60),

  /** A channel conversation quiet for longer than this is left behind; the next message opens a new one. */
  CONVERSATION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24),
  /** Twilio (SMS): unset, the channel's routes answer 404; partly set, the service refuses to start. */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be an account SID (AC followed by 32 hex digits)")
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
  TWILIO_FROM_NUMBER: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +40312345678")
    .optional(),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, "must be a Messaging Service SID (MG followed by 32 hex digits)")
    .optional(),
  /** Where the REST client sends its calls instead of api.twilio.com (a proxy, or a stand-in in tests). */
  TWILIO_API_BASE_URL: optionalUrl,
  /** Confirm STOP, START and HELP ourselves when Twilio did not (no OptOutType on the message). */
  TWILIO_OPT_OUT_REPLIES: booleanFlag.default(true),
  /** Voice line: where callers are put through to a person in business hours; unset, they get a call back. */
  VOICE_TRANSFER_NUMBER: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number such as +441632960000")
    .optional(),
  /** Voice line `<Say>` voices by language (`ro:Polly.Carmen,hu:Google.hu-HU-Wavenet-A`); others keep the defaults. */
  VOICE_VOICES: z
    .string()
    .transform((v) =>
      Object.fromEntries(
        v
          .split(",")
          .map((pair) => pair.split(":").map((s) => s.trim()))
          .filter((pair) => pair.length === 2 && pair[0] && pair[1]),
      ),
    )
    .pipe(z.record(z.string().regex(/^[a-z]{2}$/, "each entry must be lang:Voice"), z.string().min(3)))
    .default({}),
  /**
   * Microsoft Teams for staff (the Azure Bot registration): unset, POST /channels/teams/messages answers
   * 404; partly set, the service refuses to start. A client secret or a certificate (PEM file and key file).
   */
  TEAMS_APP_ID: z.string().min(1).optional(),
  TEAMS_APP_PASSWORD: z.string().min(1).optional(),
  TEAMS_CERT_PEM_FILE: z.string().min(1).optional(),
  TEAMS_CERT_KEY_FILE: z.string().min(1).optional(),
  TEAMS_TENANT_ID: z.string().min(1).optional(),
  /**
   * A Microsoft Entra SDK sidecar (loopback URL) that obtains the bot's outbound tokens, instead of a
   * secret or certificate held by this process.
   */
  TEAMS_TOKEN_SIDECAR_URL: optionalUrl,
  /** The Entra authority tokens are checked and obtained against (a sovereign cloud, or a stand-in in tests). */
  TEAMS_AUTHORITY: optionalUrl,
  /** How often new escalations, owner changes and citizen messages are carried to Teams (milliseconds). */
  TEAMS_SYNC_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(30_000),
  /** Most SMS segments one reply may take (160 GSM-7 or 70 UCS-2 characters each, less when split). */
  SMS_SEGMENT_BUDGET: z.coerce.number().int().min(1).max(10).default(3),
});
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once; unset and empty variables both mean "use the default". */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Config.safeParse(present);
  if (parsed.success) {
    if (parsed.data.NODE_ENV === "production" && !parsed.data.PUBLIC_BASE_URL) {
      // Links must never come from a request's Host header, which any client can set.
      throw new ConfigError(["PUBLIC_BASE_URL: is required when NODE_ENV is production"]);
    }
    if (parsed.data.NODE_ENV === "production" && parsed.data.STAFF_TOKENS) {
      // Shared bearer tokens that never expire and leave no per-person account: not for a live service.
      throw new ConfigError([
        "STAFF_TOKENS: is refused when NODE_ENV is production; remove it and create staff accounts and API tokens with `npm run staff -- add-user` / `add-token`",
      ]);
    }
    const twilioProblems = checkTwilio(parsed.data);
    if (twilioProblems.length > 0) throw new ConfigError(twilioProblems);
    const teamsProblems = checkTeams(parsed.data);
    if (teamsProblems.length > 0) throw new ConfigError(teamsProblems);
    return parsed.data;
  }
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`),
  );
}

const STAFF_ROLE_NAMES = ["agent", "supervisor", "editor", "admin"] as const;

/** The OpenID Connect settings staff single sign-on needs, when they are all there. */
export function oidcSettings(config: Config) {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return undefined;
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    scopes: config.OIDC_SCOPES,
    groupsClaim: config.OIDC_GROUPS_CLAIM,
    roleGroups: config.OIDC_ROLE_GROUPS,
  };
}

/** The Twilio settings the SMS channel needs, when they are all there. */
export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  fromNumber?: string | undefined;
  messagingServiceSid?: string | undefined;
  publicBaseUrl: string;
  apiBaseUrl?: string | undefined;
}

export function twilioSettings(config: Config): TwilioSettings | undefined {
  if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN || !config.PUBLIC_BASE_URL) return undefined;
  if (!config.TWILIO_FROM_NUMBER && !config.TWILIO_MESSAGING_SERVICE_SID) return undefined;
  return {
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    fromNumber: config.TWILIO_FROM_NUMBER,
    messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    apiBaseUrl: config.TWILIO_API_BASE_URL,
  };
}

/** All of Twilio or none of it: a half-configured channel would fail only when a citizen texts. */
function checkTwilio(config: Config): string[] {
  const set = {
    TWILIO_ACCOUNT_SID: config.TWILIO_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: config.TWILIO_AUTH_TOKEN,
    "TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID":
      config.TWILIO_FROM_NUMBER ?? config.TWILIO_MESSAGING_SERVICE_SID,
  };
  const present = Object.values(set).filter(Boolean).length;
  if (present === 0) return [];
  const problems = Object.entries(set)
    .filter(([, value]) => !value)
    .map(([name]) => `${name}: is required when any Twilio variable is set`);
  if (!config.PUBLIC_BASE_URL) {
    problems.push("PUBLIC_BASE_URL: is required for Twilio, which signs the public URL of each webhook");
  }
  return problems;
}

/** The Azure Bot registration the Teams channel runs under, when it is all there. */
export interface TeamsSettings {
  appId: string;
  tenantId: string;
  credential:
    | { kind: "secret"; password: string }
    | { kind: "certificate"; pemFile: string; keyFile: string }
    | { kind: "sidecar"; baseUrl: string };
  authority?: string | undefined;
  /** Where "Open in console" links point. */
  consoleBaseUrl?: string | undefined;
  syncIntervalMs: number;
}

export function teamsSettings(config: Config): TeamsSettings | undefined {
  if (!config.TEAMS_APP_ID || !config.TEAMS_TENANT_ID) return undefined;
  const credential = config.TEAMS_APP_PASSWORD
    ? { kind: "secret" as const, password: config.TEAMS_APP_PASSWORD }
    : config.TEAMS_CERT_PEM_FILE && config.TEAMS_CERT_KEY_FILE
      ? {
          kind: "certificate" as const,
          pemFile: config.TEAMS_CERT_PEM_FILE,
          keyFile: config.TEAMS_CERT_KEY_FILE,
        }
      : config.TEAMS_TOKEN_SIDECAR_URL
        ? { kind: "sidecar" as const, baseUrl: config.TEAMS_TOKEN_SIDECAR_URL }
        : undefined;
  if (!credential) return undefined;
  return {
    appId: config.TEAMS_APP_ID,
    tenantId: config.TEAMS_TENANT_ID,
    credential,
    authority: config.TEAMS_AUTHORITY,
    consoleBaseUrl: config.PUBLIC_BASE_URL,
    syncIntervalMs: config.TEAMS_SYNC_INTERVAL_MS,
  };
}

/** All of the bot registration or none of it: a half-configured bot would fail on the first message. */
function checkTeams(config: Config): string[] {
  const certificate = config.TEAMS_CERT_PEM_FILE ?? config.TEAMS_CERT_KEY_FILE;
  const set = {
    TEAMS_APP_ID: config.TEAMS_APP_ID,
    TEAMS_TENANT_ID: config.TEAMS_TENANT_ID,
    "TEAMS_APP_PASSWORD, TEAMS_CERT_PEM_FILE with TEAMS_CERT_KEY_FILE, or TEAMS_TOKEN_SIDECAR_URL":
      config.TEAMS_APP_PASSWORD ?? certificate ?? config.TEAMS_TOKEN_SIDECAR_URL,
  };
  const present = Object.values(set).filter(Boolean).length;
  if (present === 0) return [];
  const problems = Object.entries(set)
    .filter(([, value]) => !value)
    .map(([name]) => `${name}: is required when any Teams variable is set`);
  if (
    !config.TEAMS_APP_PASSWORD &&
    certificate &&
    !(config.TEAMS_CERT_PEM_FILE && config.TEAMS_CERT_KEY_FILE)
  ) {
    problems.push("TEAMS_CERT_PEM_FILE and TEAMS_CERT_KEY_FILE: a certificate needs both files");
  }
  const credentials = [config.TEAMS_APP_PASSWORD, certificate, config.TEAMS_TOKEN_SIDECAR_URL].filter(
    Boolean,
  );
  if (credentials.length > 1) {
    problems.push(
      "TEAMS_APP_PASSWORD: set one credential (a client secret, a certificate or a sidecar), not several",
    );
  }
  return problems;
}
