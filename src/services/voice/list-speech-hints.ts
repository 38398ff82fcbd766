import { eq } from "drizzle-orm";
import { services } from "../../db/schema";
import type { VoiceContext } from "./context";

/** Twilio reads at most a few hundred hint phrases; the catalogue's names stay well inside that. */
const MAX_HINTS = 100;

/** The catalogue's service names in `lang`, as speech recognition hints for a `<Gather>`. */
export async function listSpeechHints({ ctx, lang }: { ctx: VoiceContext; lang: string }): Promise<string[]> {
  const rows = await ctx.assistant.database.db
    .select({ names: services.names })
    .from(services)
    .where(eq(services.active, true));
  const names = rows
    .map((row) => (row.names as Record<string, string>)[lang] ?? (row.names as Record<string, string>).en)
    .filter((name): name is string => Boolean(name))
    .map((name) => name.replace(/[,]/g, " ").trim());
  return [...new Set(names)].slice(0, MAX_HINTS);
}
