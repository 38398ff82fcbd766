import type { Database } from "../../db/client";
import type { Logger } from "../../logger";
import type { ChannelSender } from "../../ports/channel-sender";

/** Where an outbound message goes; the same shape is the payload of the delivery jobs. */
export interface DeliveryTarget {
  messageId: string;
  channel: "sms";
  /** E.164 for SMS. */
  address: string;
  /** Set for a case notice: a final failure is recorded on the case for staff. */
  caseReference?: string | undefined;
}

export type DeliveryKind = "reply" | "notification";

/** Queues a delivery job (reply or notice); wired by the entry over the job queue. */
export type EnqueueDelivery = (kind: DeliveryKind, target: DeliveryTarget, attempt?: number) => Promise<void>;

export interface DeliveryContext {
  database: Database;
  senders: Partial<Record<DeliveryTarget["channel"], ChannelSender>>;
  /** The provider's delivery reports come back here (Twilio statusCallback). */
  statusCallbackUrls?: Partial<Record<DeliveryTarget["channel"], string>>;
  logger?: Logger;
  now?: Date;
  /**
   * A send claimed this long ago and never recorded was cut off (the process died while the provider
   * was being called): the provider is asked whether it took the message (default STALE_CLAIM_MS).
   */
  staleClaimMs?: number;
}

/** Longer than any provider call (the Twilio client times out after 10 s), so a live send is never doubted. */
export const STALE_CLAIM_MS = 60_000;

/** Provider errors that may clear on a later try: queue overflow, unreachable handset, carrier trouble. */
export const RETRYABLE_STATUS_CODES: ReadonlySet<string> = new Set(["30001", "30003", "30008", "30009"]);

/** Total sends a message gets across job retries and failed delivery reports. */
export const MAX_SEND_ATTEMPTS = 3;
