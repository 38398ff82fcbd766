import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { RoutingJudge, RoutingJudgeRequest } from "../ports/routing-judge";
import { crossValidateRouter } from "../services/routing/classifier/cross-validate-router";
import { runRoutingEval } from "./routing";

const CATALOGUE = [
  { code: "street-light", name: "Street light not working", group: null, department: "Lighting" },
  { code: "pothole", name: "Pothole in the road", group: null, department: "Highways" },
  { code: "graffiti", name: "Graffiti removal", group: null, department: "Street scene" },
];
const TRAIN = [
  ["street-light", "the lamp post outside my house is dark"],
  ["street-light", "street light flickering all night"],
  ["street-light", "light on the corner is out"],
  ["pothole", "deep hole in the road surface"],
  ["pothole", "the tarmac has broken up near the junction"],
  ["pothole", "pothole damaged my tyre"],
  ["graffiti", "someone sprayed paint on the wall"],
  ["graffiti", "tags painted on the bus shelter"],
  ["graffiti", "offensive graffiti on the bridge"],
].map(([code, text], i) => ({ id: `t${i}`, text: text!, lang: "en", code: code! }));
const TEST = [
  { id: "a", text: "the street lamp is dark", lang: "en", code: "street-light" },
  { id: "b", text: "a big hole in the road", lang: "en", code: "pothole" },
  { id: "c", text: "paint sprayed on the wall of the school", lang: "en", code: "graffiti" },
  // Words of no service: only a judge can get this one right.
  { id: "d", text: "my bike wheel buckled in a crater on Mill Lane", lang: "en", code: "pothole" },
];

async function writeFiles(test = TEST) {
  const dir = await mkdtemp(join(tmpdir(), "routing-eval-"));
  const jsonl = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;
  await writeFile(join(dir, "catalogue.json"), JSON.stringify(CATALOGUE));
  await writeFile(join(dir, "train.jsonl"), jsonl(TRAIN));
  await writeFile(join(dir, "test.jsonl"), jsonl(test));
  return ["--catalogue", "--train", "--test"].flatMap((flag) => [
    flag,
    join(dir, `${flag.slice(2)}.${flag === "--catalogue" ? "json" : "jsonl"}`),
  ]);
}

describe("runRoutingEval", () => {
  it("fits on the train cases and reports accuracy, macro-F1 and department accuracy", async () => {
    const result = await runRoutingEval(await writeFiles(TEST.slice(0, 3)));
    expect(result).toEqual({ n: 3, accuracy: 1, macro_f1: 1, department_accuracy: 1 });
  });

  it("blends a judge's opinion in, describing each service with the catalogue name and train cases", async () => {
    const requests: RoutingJudgeRequest[] = [];
    // A scripted judge (the port's in-memory double) that is sure of the right answer for case d.
    const judge: RoutingJudge = {
      name: "scripted",
      async judge(request) {
        requests.push(request);
        return request.text.includes("crater")
          ? { code: "pothole", confidence: 1 }
          : { code: null, confidence: 0.1 };
      },
    };
    const files = await writeFiles();
    const alone = await runRoutingEval(files, undefined);
    const judged = await runRoutingEval(files, judge);
    expect(judged.accuracy).toBeGreaterThan(alone.accuracy);
    expect(judged.accuracy).toBe(1);
    const crater = requests.find((r) => r.text.includes("crater"))!;
    expect(crater.candidates.find((c) => c.code === "pothole")).toEqual({
      code: "pothole",
      name: "Pothole in the road",
      examples: TRAIN.filter((c) => c.code === "pothole").map((c) => c.text),
    });
  });

  it("names what is missing or malformed", async () => {
    await expect(runRoutingEval(["--train", "x"])).rejects.toThrow(/missing --catalogue, --test/);
    const files = await writeFiles([{ id: "x", lang: "en", text: "no code" } as never]);
    await expect(runRoutingEval(files)).rejects.toThrow(/test\.jsonl:1: not a routing case/);
  });

  it("with --cv K also cross-validates on the train cases alone, and leaves the result as it was", async () => {
    const files = await writeFiles(TEST.slice(0, 3));
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    let result: Awaited<ReturnType<typeof runRoutingEval>>;
    try {
      result = await runRoutingEval([...files, "--cv", "3"], undefined);
    } finally {
      spy.mockRestore();
    }
    expect(result).toEqual({ n: 3, accuracy: 1, macro_f1: 1, department_accuracy: 1 });
    const line = lines.find((l) => l.startsWith("routing cross-validation "));
    const report = JSON.parse(line!.slice("routing cross-validation ".length));
    // The catalogue names are trained in every fold, as the service does.
    const expected = crossValidateRouter({
      examples: TRAIN.map(({ text, code }) => ({ text, code })),
      alwaysTrain: CATALOGUE.map((entry) => ({ text: entry.name, code: entry.code })),
      folds: 3,
    });
    expect(report).toEqual({
      folds: 3,
      n: TRAIN.length,
      accuracy: Math.round(expected.accuracy * 10000) / 10000,
      foldAccuracy: expected.foldAccuracy.map((a) => Math.round(a * 10000) / 10000),
    });
  });

  it("refuses a --cv that is not a whole number of folds from 2 to 20, or more folds than train cases", async () => {
    const files = await writeFiles();
    await expect(runRoutingEval([...files, "--cv", "1"], undefined)).rejects.toThrow(
      /--cv takes a whole number/,
    );
    await expect(runRoutingEval([...files, "--cv", "five"], undefined)).rejects.toThrow(/not "five"/);
    await expect(runRoutingEval([...files, "--cv", "20"], undefined)).rejects.toThrow(
      /needs at least 20 train cases/,
    );
  });
});
