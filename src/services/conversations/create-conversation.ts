import { z } from "zod";
import type { Database } from "../../db/client";
import { contacts, conversations } from "../../db/schema";
import { createConversationToken } from "./conversation-token";

export const CreateConversationInput = z.object({
  channel: z.literal("web"),
  /** A language tag from the widget or browser ("fr", "fr-CA"); unsupported ones fall back to the default. */
  lang: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, "must be a language tag such as en or fr-CA")
    .optional(),
});
export type CreateConversationInput = z.infer<typeof CreateConversationInput>;

export interface LanguageSettings {
  supported: readonly string[];
  fallback: string;
}

export interface CreateConversationContext {
  database: Database;
  languages: LanguageSettings;
  now?: Date;
}

/**
 * Starts a web conversation for a new anonymous contact. Anyone may start one (the route limits
 * how often per IP); the bearer token is returned once and only its digest is kept.
 */
export async function createConversation({
  ctx,
  input,
}: {
  ctx: CreateConversationContext;
  input: unknown;
}): Promise<{ id: string; token: string; lang: string }> {
  const parsed = CreateConversationInput.parse(input);
  const requested = parsed.lang?.slice(0, 2).toLowerCase();
  const lang = requested && ctx.languages.supported.includes(requested) ? requested : ctx.languages.fallback;
  const { token, tokenHash } = await createConversationToken();
  const now = ctx.now ?? new Date();

  const id = await ctx.database.db.transaction(async (tx) => {
    const [contact] = await tx
      .insert(contacts)
      .values({
        channel: parsed.channel,
        address: crypto.randomUUID(),
        preferredLanguage: lang,
        createdAt: now,
      })
      .returning({ id: contacts.id });
    const [conversation] = await tx
      .insert(conversations)
      .values({
        channel: parsed.channel,
        contactId: contact!.id,
        lang,
        tokenHash,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: conversations.id });
    return conversation!.id;
  });
  return { id, token, lang };
}
