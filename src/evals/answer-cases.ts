import { z } from "zod";

/**
 * What a turn should end in. The issue's contract names the first three; "status" (the citizen's own
 * cases reported, not a new intake) and "cancelled" (no intake left running, no case) let flows check
 * "is my light fixed yet?" and "cancel" during an intake.
 */
export const AnswerExpect = z.enum(["answer", "request", "no_answer", "status", "cancelled"]);
export type AnswerExpect = z.infer<typeof AnswerExpect>;

const Pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, "iu");
      return true;
    } catch {
      return false;
    }
  },
  { message: "is not a valid regular expression" },
);

const expectationFields = {
  expect: AnswerExpect,
  /** Article id the answer should cite. */
  article: z.string().min(1).optional(),
  /** Regexes the reply text must all match (case-insensitive). */
  facts: z.array(Pattern).min(1).optional(),
  /** Service code the intake or case should be for. */
  service: z.string().min(1).optional(),
  /** A question about a service worded like a report, or an ordinary report with alarming words. */
  trap: z.literal(true).optional(),
  /** This turn picks entry N of the menu the previous turn offered; right only if that service follows. */
  option: z.number().int().min(1).optional(),
};

export const AnswerTurn = z.strictObject({
  text: z.string().min(1),
  /** The language of this turn when it differs from the case's. */
  lang: z.string().min(2).optional(),
  ...expectationFields,
});
export type AnswerTurn = z.infer<typeof AnswerTurn>;

export const SingleAnswerCase = z.strictObject({
  id: z.string().min(1),
  lang: z.string().min(2),
  text: z.string().min(1),
  ...expectationFields,
});

export const FlowAnswerCase = z.strictObject({
  id: z.string().min(1),
  lang: z.string().min(2),
  turns: z.array(AnswerTurn).min(1),
});

/** Either shape, normalised: a single case is a flow of one turn that is not counted as a flow. */
export interface AnswerCase {
  id: string;
  lang: string;
  flow: boolean;
  turns: AnswerTurn[];
}

/**
 * Parses a JSONL file of cases. Any bad line throws one error naming the file and line number, so a typo
 * in a field name (the objects are strict) never passes silently as a missing expectation.
 */
export function parseAnswerCases(content: string, source: string): AnswerCase[] {
  const cases: AnswerCase[] = [];
  const ids = new Set<string>();
  content.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `${source}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not valid JSON`);
    }
    const isFlow = typeof json === "object" && json !== null && "turns" in json;
    const parsed = isFlow ? FlowAnswerCase.safeParse(json) : SingleAnswerCase.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.length ? `${issue.path.join(".")}: ` : "";
      throw new Error(`${where}: ${path}${issue.message}`);
    }
    if (ids.has(parsed.data.id)) throw new Error(`${where}: duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    if ("turns" in parsed.data) {
      cases.push({ id: parsed.data.id, lang: parsed.data.lang, flow: true, turns: parsed.data.turns });
    } else {
      const { id, lang, ...turn } = parsed.data;
      cases.push({ id, lang, flow: false, turns: [turn] });
    }
  });
  if (cases.length === 0) throw new Error(`${source}: no cases`);
  return cases;
}
