import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseReferenceCounters } from "../../db/schema";

/** Matches references as citizens type them: "CD-2026-000123", "cd 2026 000123", "CD2026000123". */
const REFERENCE_IN_TEXT = /\bCD[-\s]?(\d{4})[-\s]?(\d{6,9})\b/i;

function formatReference(year: number, number: number): string {
  return `CD-${year}-${String(number).padStart(6, "0")}`;
}

export function findReferenceInText(text: string): string | null {
  const m = REFERENCE_IN_TEXT.exec(text);
  return m ? formatReference(Number(m[1]), Number(m[2])) : null;
}

/** The next public reference of the year; the counter row lock makes it gap-free and unique under concurrency. */
export async function allocateReference(tx: Db, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await tx
    .insert(caseReferenceCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: caseReferenceCounters.year,
      set: { lastNumber: sql`${caseReferenceCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: caseReferenceCounters.lastNumber });
  if (!row) throw new Error("reference counter did not return a number");
  return formatReference(year, row.lastNumber);
}
