import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contacts, conversations } from "./conversations";

/** Per-language text keyed by ISO 639-1 code. */
type Localized = Record<string, string>;

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * Rows seeded from knowledge/*.yaml carry origin "file"; an edit made in the app sets origin "app",
 * and the file sync then leaves the row alone.
 */
const origin = text("origin").notNull().default("file");

export const departments = pgTable("departments", {
  code: text("code").primaryKey(),
  names: jsonb("names").$type<Localized>().notNull().default({}),
  email: text("email"),
  origin,
  ...timestamps,
});

/**
 * The city's department overrides by place, from services.yaml `location_rules`, in file order (the
 * first match wins). In the database so every channel and runtime that opens cases applies them.
 */
export const locationRules = pgTable("location_rules", {
  position: integer("position").primaryKey(),
  departmentCode: text("department_code")
    .notNull()
    .references(() => departments.code),
  /** Service codes the rule is limited to; null for every service. */
  services: jsonb("services").$type<string[]>(),
  district: text("district"),
  /** Corners as [lat, long]. */
  polygon: jsonb("polygon").$type<[number, number][]>(),
});

export const slaCalendars = pgTable("sla_calendars", {
  code: text("code").primaryKey(),
  timeZone: text("time_zone").notNull(),
  /** Weekday → list of [start, end] "HH:MM" slots, or "all" for round the clock. */
  hours: jsonb("hours").$type<Record<string, [string, string][]> | "all">().notNull(),
  /** ISO dates (YYYY-MM-DD) in the calendar's time zone. */
  holidays: jsonb("holidays").$type<string[]>().notNull().default([]),
  origin,
  ...timestamps,
});

export interface EscalationStep {
  afterMinutes: number;
  notify: string;
}

export const slaPolicies = pgTable("sla_policies", {
  code: text("code").primaryKey(),
  calendarCode: text("calendar_code")
    .notNull()
    .references(() => slaCalendars.code),
  firstResponseMinutes: integer("first_response_minutes").notNull(),
  nextResponseMinutes: integer("next_response_minutes").notNull(),
  resolutionMinutes: integer("resolution_minutes").notNull(),
  warnBeforeMinutes: integer("warn_before_minutes").notNull(),
  pauseWhenWaitingForCitizen: boolean("pause_when_waiting_for_citizen").notNull().default(true),
  priorityFactors: jsonb("priority_factors").$type<Record<string, number>>().notNull().default({}),
  escalation: jsonb("escalation").$type<EscalationStep[]>().notNull().default([]),
  /** A policy removed from the catalogue stays for the cases that used it but must stop escalating. */
  active: boolean("active").notNull().default(true),
  origin,
  ...timestamps,
});

export const services = pgTable(
  "services",
  {
    code: text("code").primaryKey(),
    names: jsonb("names").$type<Localized>().notNull(),
    descriptions: jsonb("descriptions").$type<Localized>().notNull().default({}),
    departmentCode: text("department_code")
      .notNull()
      .references(() => departments.code),
    group: text("group"),
    keywords: jsonb("keywords").$type<Record<string, string[]>>().notNull().default({}),
    examples: jsonb("examples").$type<Record<string, string[]>>().notNull().default({}),
    locationRequired: boolean("location_required").notNull().default(true),
    slaPolicyCode: text("sla_policy_code").references(() => slaPolicies.code),
    defaultPriority: text("default_priority").notNull().default("normal"),
    /** Open311 service type: realtime | batch | blackbox. */
    type: text("type").notNull().default("realtime"),
    active: boolean("active").notNull().default(true),
    origin,
    ...timestamps,
  },
  (t) => [index("services_department_idx").on(t.departmentCode)],
);

export interface AttributeValue {
  key: string;
  names: Localized;
}

export const serviceAttributes = pgTable(
  "service_attributes",
  {
    serviceCode: text("service_code")
      .notNull()
      .references(() => services.code, { onDelete: "cascade" }),
    code: text("code").notNull(),
    order: integer("order").notNull(),
    /** Open311: string | number | datetime | text | singlevaluelist | multivaluelist */
    datatype: text("datatype").notNull(),
    required: boolean("required").notNull().default(false),
    /** Open311 `variable`: false for informational attributes the citizen does not answer. */
    variable: boolean("variable").notNull().default(true),
    descriptions: jsonb("descriptions").$type<Localized>().notNull(),
    values: jsonb("values").$type<AttributeValue[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.serviceCode, t.code] })],
);

/** A fitted routing model, keyed by a fingerprint of the examples it was fitted on. */
export const serviceRouters = pgTable("service_routers", {
  fingerprint: text("fingerprint").primaryKey(),
  model: text("model").notNull(),
  exampleCount: integer("example_count").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const staffUsers = pgTable(
  "staff_users",
  {
    id: text("id").primaryKey(),
    name: text("name"),
    /** Stored lower-cased; the sign-in name of a local account. */
    email: text("email"),
    /** agent | supervisor | editor | admin */
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    departments: text("departments").array().notNull().default(sql`'{}'::text[]`),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    /** Conversations (waiting for them or held) a person works at once; assignment stops there. */
    capacity: integer("capacity").notNull().default(3),
    active: boolean("active").notNull().default(true),
    /** Set by the staff member: only available staff are assigned conversations from the queue. */
    available: boolean("available").notNull().default(false),
    /**
     * Set when an available staff member signs out: signing in again before this time makes them
     * available again. Cleared by signing in and by any change of availability they or an admin make.
     */
    resumeAvailableUntil: timestamp("resume_available_until", { withTimezone: true }),
    /** When the queue last assigned them a conversation: the round-robin marker among equally loaded staff. */
    lastAssignedAt: timestamp("last_assigned_at", { withTimezone: true }),
    /** argon2id PHC string; null for accounts that sign in only through single sign-on or not at all. */
    passwordHash: text("password_hash"),
    /** Failed password attempts since the last success; reaching the limit locks the account for a while. */
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("staff_users_email_key").on(t.email)],
);

/** Last number handed out per year; references are CD-<year>-<number padded to 6>. */
export const caseReferenceCounters = pgTable("case_reference_counters", {
  year: integer("year").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    serviceCode: text("service_code")
      .notNull()
      .references(() => services.code),
    description: text("description").notNull(),
    addressString: text("address_string"),
    /** Lower-case, accent-free, abbreviations expanded: what duplicate detection compares. */
    addressNormalized: text("address_normalized"),
    addressId: text("address_id"),
    lat: doublePrecision("lat"),
    long: doublePrecision("long"),
    attributes: jsonb("attributes").$type<Record<string, string | string[]>>().notNull().default({}),
    mediaUrls: jsonb("media_urls").$type<string[]>().notNull().default([]),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    /** The channel the case came in on; notices go back the same way. */
    channel: text("channel").notNull(),
    lang: text("lang").notNull(),
    /** new | open | in_progress | waiting_for_citizen | resolved | closed */
    status: text("status").notNull().default("new"),
    /** low | normal | high | urgent */
    priority: text("priority").notNull().default("normal"),
    departmentCode: text("department_code")
      .notNull()
      .references(() => departments.code),
    assigneeId: text("assignee_id").references(() => staffUsers.id, { onDelete: "set null" }),
    slaPolicyCode: text("sla_policy_code").references(() => slaPolicies.code),
    firstResponseDueAt: timestamp("first_response_due_at", { withTimezone: true }),
    firstRespondedAt: timestamp("first_responded_at", { withTimezone: true }),
    nextResponseDueAt: timestamp("next_response_due_at", { withTimezone: true }),
    resolutionDueAt: timestamp("resolution_due_at", { withTimezone: true }),
    /** Inputs of the next-response timer: it runs only while the citizen has spoken last. */
    lastCitizenMessageAt: timestamp("last_citizen_message_at", { withTimezone: true }),
    lastStaffReplyAt: timestamp("last_staff_reply_at", { withTimezone: true }),
    /** Set while the clock is stopped (waiting for the citizen); cleared when it runs again. */
    pausedSince: timestamp("paused_since", { withTimezone: true }),
    /** Engine bookkeeping: warnings sent, breaches fired, escalation steps taken. */
    slaState: jsonb("sla_state").$type<Record<string, unknown>>().notNull().default({}),
    /** Bumped whenever due times are recomputed, so a stale scheduled job can recognise itself. */
    slaVersion: integer("sla_version").notNull().default(0),
    /** Due time of the case's earliest unfired SLA timer; the sweep queues only what falls due soon. */
    slaNextDueAt: timestamp("sla_next_due_at", { withTimezone: true }),
    /** Fingerprint of the policy and calendar the due times were computed with; a mismatch means re-plan. */
    slaPlannedWith: text("sla_planned_with"),
    ...timestamps,
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("cases_reference_key").on(t.reference),
    index("cases_duplicate_idx").on(t.serviceCode, t.createdAt),
    index("cases_contact_idx").on(t.contactId, t.createdAt),
    index("cases_status_idx").on(t.status, t.updatedAt),
    index("cases_department_idx").on(t.departmentCode, t.status),
    index("cases_assignee_idx").on(t.assigneeId, t.status),
    index("cases_resolution_due_idx").on(t.resolutionDueAt),
    index("cases_sla_next_due_idx").on(t.slaNextDueAt).where(sql`${t.slaNextDueAt} is not null`),
  ],
);

export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** Dotted id: case.opened, case.status_change, case.assigned, case.note, case.duplicate_report ... */
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note"),
    /** internal notes stay with staff; public ones are shown to the citizen. */
    visibility: text("visibility").notNull().default("internal"),
    /** citizen | staff | system */
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    sequence: integer("sequence").generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.sequence)],
);

/** Other citizens who reported the same problem; they hear about it like the owner does. */
export const caseFollowers = pgTable(
  "case_followers",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    channel: text("channel").notNull(),
    lang: text("lang").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.contactId] }),
    index("case_followers_contact_idx").on(t.contactId),
  ],
);

export interface IntakeDraft {
  description?: string;
  address?: string;
  lat?: number;
  long?: number;
  attributes: Record<string, string | string[]>;
  /** The citizen's first message, kept while they pick between likely services. */
  originalText?: string;
  /** Answers in a row that could not be read; the intake gives up after a few. */
  failedAnswers?: number;
}

/** What the assistant is collecting in a conversation before it opens a case. */
export const caseIntakes = pgTable(
  "case_intakes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    /** active | opened | linked | cancelled | expired */
    status: text("status").notNull().default("active"),
    /** choosing_service | collecting | confirming */
    stage: text("stage").notNull(),
    /** The question last asked: location | description | attribute:<code> | confirm | service */
    awaiting: text("awaiting"),
    serviceCode: text("service_code").references(() => services.code),
    candidates: jsonb("candidates").$type<string[]>().notNull().default([]),
    draft: jsonb("draft").$type<IntakeDraft>().notNull().default({ attributes: {} }),
    lang: text("lang").notNull(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("case_intakes_active_key").on(t.conversationId).where(sql`${t.status} = 'active'`)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** staff | citizen | system */
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    /** Dotted id: case.read, case.list, case.status_change, case.assign ... */
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    requestId: text("request_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_subject_idx").on(t.subjectType, t.subjectId, t.createdAt),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt),
  ],
);

/**
 * One row per SLA timer that fired (warning, breach, escalation step). The key is the primary key, so a
 * job delivered twice, or re-enqueued by a sweep after it ran, is recorded once.
 */
export const slaTimerFirings = pgTable(
  "sla_timer_firings",
  {
    key: text("key").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** sla.warn | sla.breach | sla.escalate */
    kind: text("kind").notNull(),
    /** first_response | next_response | resolution */
    timer: text("timer").notNull(),
    step: integer("step"),
    /** assignee | team_lead | department_head; null for the breach itself. */
    notify: text("notify"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sla_timer_firings_case_idx").on(t.caseId)],
);
