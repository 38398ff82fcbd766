import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createOpenAiRoutingJudge } from "../adapters/routing-judge-openai";
import { loadConfig } from "../config";
import { configuredModelOptions } from "../configured-adapters";
import type { RoutingJudge } from "../ports/routing-judge";
import {
  DEFAULT_JUDGED_ROUTING,
  judgePrediction,
  type ServiceDescription,
} from "../services/catalogue/judged-routing";
import { ROUTING_THRESHOLD } from "../services/catalogue/routing-engine";
import { crossValidateRouter } from "../services/routing/classifier/cross-validate-router";
import { fitRouter, type RoutePrediction } from "../services/routing/classifier/fit-router";

const CatalogueEntry = z.object({
  code: z.string().min(1),
  name: z.string(),
  group: z.string().nullish(),
  department: z.string().nullish(),
});
const RoutingCase = z.object({
  text: z.string(),
  lang: z.string().optional(),
  code: z.string().min(1),
  department: z.string().nullish(),
});
type RoutingCase = z.infer<typeof RoutingCase>;

export interface RoutingResult {
  n: number;
  accuracy: number;
  macro_f1: number;
  department_accuracy: number | null;
}

const round = (value: number) => Math.round(value * 10000) / 10000;

async function readJson(file: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

async function readCases(file: string, what: string): Promise<RoutingCase[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const parsed = RoutingCase.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: not a routing case (text, code)`);
      return parsed.data;
    });
}

function parseRoutingArgs(args: readonly string[]) {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        catalogue: { type: "string" },
        train: { type: "string" },
        test: { type: "string" },
        cv: { type: "string" },
      },
    }));
  } catch (error) {
    throw new Error(`routing eval: ${(error as Error).message}`);
  }
  const missing = ["catalogue", "train", "test"].filter((name) => typeof values[name] !== "string");
  if (missing.length > 0) {
    throw new Error(
      `routing eval: missing ${missing.map((m) => `--${m}`).join(", ")} (usage: routing --catalogue FILE --train FILE --test FILE [--cv K])`,
    );
  }
  const cv = values.cv === undefined ? undefined : Number(values.cv);
  if (cv !== undefined && !(Number.isInteger(cv) && cv >= 2 && cv <= 20)) {
    throw new Error(`routing eval: --cv takes a whole number of folds from 2 to 20, not "${values.cv}"`);
  }
  return { ...(values as { catalogue: string; train: string; test: string }), cv };
}

/** The configured chat model as a routing judge, or none when no provider is set (offline). */
function configuredJudge(): RoutingJudge | undefined {
  const options = configuredModelOptions(loadConfig(process.env));
  return options ? createOpenAiRoutingJudge(options) : undefined;
}

/**
 * Fits the embedded router on the train cases plus the catalogue's service names (a city's examples) and
 * measures it on the test cases. Department accuracy compares the predicted service's department with the
 * case's own, when the data has departments. With a chat model configured (or a judge passed in), its
 * judgement is blended in exactly as the service does.
 */
export async function runRoutingEval(
  args: string[],
  judge: RoutingJudge | undefined = configuredJudge(),
): Promise<RoutingResult> {
  const files = parseRoutingArgs(args);
  const catalogueJson = await readJson(files.catalogue, "catalogue");
  const catalogueParsed = z.array(CatalogueEntry).min(1).safeParse(catalogueJson);
  if (!catalogueParsed.success) throw new Error(`${files.catalogue}: not a routing catalogue (code, name)`);
  const catalogue = catalogueParsed.data;
  const train = await readCases(files.train, "train cases");
  const test = await readCases(files.test, "test cases");
  if (train.length === 0 || test.length === 0) throw new Error("routing eval: train and test need cases");

  const names = catalogue.map((entry) => ({ text: entry.name, code: entry.code }));
  const examples = train.map((c) => ({ text: c.text, code: c.code }));
  if (files.cv !== undefined && train.length < files.cv) {
    throw new Error(`routing eval: --cv ${files.cv} needs at least ${files.cv} train cases`);
  }
  const started = performance.now();
  const router = fitRouter({ examples: [...names, ...examples] });
  const fitMs = performance.now() - started;

  const predictStarted = performance.now();
  const fitted = test.map((c) => router.predict(c.text));
  const predictions = judge ? await judgeAll(judge, fitted, test, catalogue, train) : fitted;
  const predicted = predictions.map((p) => p.ranked[0]!.code);
  const predictMs = (performance.now() - predictStarted) / test.length;
  // How well the confidence can drive the clarifying question: share answered directly above the
  // engine's threshold and how often those are right.
  const confident = predictions.flatMap((p, i) =>
    p.confidence >= ROUTING_THRESHOLD ? [p.ranked[0]!.code === test[i]!.code] : [],
  );
  const diagnostics = {
    judge: judge?.name ?? null,
    threshold: ROUTING_THRESHOLD,
    fit_ms: Math.round(fitMs),
    predict_ms_per_text: round(predictMs),
    share_at_or_above_threshold: round(confident.length / test.length),
    accuracy_at_or_above_threshold: confident.length
      ? round(confident.filter(Boolean).length / confident.length)
      : null,
    top3_accuracy: round(
      predictions.filter((p, i) => p.ranked.slice(0, 3).some((r) => r.code === test[i]!.code)).length /
        test.length,
    ),
  };
  process.stdout.write(`routing diagnostics ${JSON.stringify(diagnostics)}\n`);
  if (files.cv !== undefined) {
    // The fitted router alone (no judge): a measure of the city's examples that never reads the test file.
    const cv = crossValidateRouter({ examples, alwaysTrain: names, folds: files.cv });
    const report = { ...cv, accuracy: round(cv.accuracy), foldAccuracy: cv.foldAccuracy.map(round) };
    process.stdout.write(`routing cross-validation ${JSON.stringify(report)}\n`);
  }

  const departmentOf = mapDepartments(catalogue, train);
  let correct = 0;
  let departmentTotal = 0;
  let departmentCorrect = 0;
  test.forEach((c, i) => {
    if (predicted[i] === c.code) correct += 1;
    const truth = c.department ?? departmentOf.get(c.code);
    if (truth) {
      departmentTotal += 1;
      if (departmentOf.get(predicted[i]!) === truth) departmentCorrect += 1;
    }
  });
  return {
    n: test.length,
    accuracy: round(correct / test.length),
    macro_f1: round(
      computeMacroF1(
        test.map((c) => c.code),
        predicted,
      ),
    ),
    department_accuracy: departmentTotal > 0 ? round(departmentCorrect / departmentTotal) : null,
  };
}

/**
 * The judge's opinion blended into each fitted prediction, with the services described as the
 * catalogue names them and a few of their train cases as examples. A few requests at a time, to be
 * gentle with the provider; a failed call keeps the fitted prediction and is counted.
 */
async function judgeAll(
  judge: RoutingJudge,
  fitted: RoutePrediction[],
  test: RoutingCase[],
  catalogue: z.infer<typeof CatalogueEntry>[],
  train: RoutingCase[],
): Promise<RoutePrediction[]> {
  const settings = DEFAULT_JUDGED_ROUTING;
  const descriptions = new Map<string, ServiceDescription>(
    catalogue.map((entry) => [
      entry.code,
      { code: entry.code, names: { en: entry.name }, examples: { en: [] } },
    ]),
  );
  for (const c of train) {
    const examples = descriptions.get(c.code)?.examples.en;
    if (examples && examples.length < settings.examplesPerService) examples.push(c.text);
  }
  const results = [...fitted];
  let failures = 0;
  let next = 0;
  const work = async () => {
    for (let i = next++; i < test.length; i = next++) {
      const judged = await judgePrediction({
        prediction: fitted[i]!,
        text: test[i]!.text,
        lang: test[i]!.lang ?? "en",
        catalogue: descriptions,
        judge,
        settings,
      });
      results[i] = judged.prediction;
      if (judged.failed) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: 4 }, work));
  if (failures > 0)
    process.stderr.write(`routing eval: the judge failed on ${failures} of ${test.length} cases\n`);
  return results;
}

/** A service's department from the catalogue, else the one most of its train cases name. */
function mapDepartments(catalogue: z.infer<typeof CatalogueEntry>[], train: RoutingCase[]) {
  const votes = new Map<string, Map<string, number>>();
  for (const c of train) {
    if (!c.department) continue;
    const byDepartment = votes.get(c.code) ?? new Map<string, number>();
    byDepartment.set(c.department, (byDepartment.get(c.department) ?? 0) + 1);
    votes.set(c.code, byDepartment);
  }
  const departments = new Map<string, string>();
  for (const [code, byDepartment] of votes) {
    departments.set(code, [...byDepartment].sort((a, b) => b[1] - a[1])[0]![0]);
  }
  for (const entry of catalogue) if (entry.department) departments.set(entry.code, entry.department);
  return departments;
}

/** Mean F1 over every code that is true or predicted at least once. */
function computeMacroF1(truth: readonly string[], predicted: readonly string[]): number {
  const codes = new Set([...truth, ...predicted]);
  let sum = 0;
  for (const code of codes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, i) => {
      const p = predicted[i];
      if (t === code && p === code) tp += 1;
      else if (p === code) fp += 1;
      else if (t === code) fn += 1;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / codes.size;
}
