import { z } from "zod";
import { createRouter, MEMBER_KINDS, type Router, type RouterMember } from "./fit-router";
import { dequantizeWeights, quantizeWeights } from "./quantize-weights";
import { restoreVectorizer } from "./vectorizer";

const FeatureOptionsJson = z.object({
  charMin: z.number().int().positive(),
  charMax: z.number().int().positive(),
  charSpan: z.enum(["word", "text"]),
  wordNgrams: z.number().int().min(1).max(2),
  wordShare: z.number().min(0).max(1),
  termFrequency: z.enum(["binary", "log"]),
  minDf: z.number().int().positive(),
});

const SerializedMember = z.object({
  kind: z.enum(MEMBER_KINDS),
  temperature: z.number(),
  share: z.number(),
  features: FeatureOptionsJson,
  hashes: z.string(),
  idf: z.string(),
  blocks: z.string(),
  /** One scale per class; weights are int8 multiples of it, row-major, bias last. */
  scales: z.array(z.number()),
  weights: z.string(),
});

export const SerializedRouter = z.object({
  format: z.literal("civicdesk-router"),
  version: z.literal(1),
  codes: z.array(z.string()).min(2),
  members: z.array(SerializedMember).min(1),
});
export type SerializedRouter = z.infer<typeof SerializedRouter>;

/** A JSON-safe copy of the router, for storage in the database and loading in other processes. */
export function serializeRouter(router: Router): SerializedRouter {
  return {
    format: "civicdesk-router",
    version: 1,
    codes: router.codes,
    members: router.members.map((member) => {
      const { scales, quantized } = quantizeWeights(member.weights, router.codes.length);
      return {
        kind: member.kind,
        temperature: member.temperature,
        share: member.share,
        features: member.vectorizer.options,
        hashes: encodeBytes(member.vectorizer.hashes),
        idf: encodeBytes(member.vectorizer.idf),
        blocks: encodeBytes(member.vectorizer.blocks),
        scales,
        weights: encodeBytes(quantized),
      };
    }),
  };
}

export function loadRouter(json: unknown): Router {
  const parsed = SerializedRouter.parse(json);
  const members = parsed.members.map((member): RouterMember => {
    const hashes = new Int32Array(decodeBytes(member.hashes).buffer);
    const idf = new Float32Array(decodeBytes(member.idf).buffer);
    const blocks = decodeBytes(member.blocks);
    const quantized = new Int8Array(decodeBytes(member.weights).buffer);
    if (idf.length !== hashes.length || blocks.length !== hashes.length) {
      throw new Error("stored router is corrupt: feature arrays differ in length");
    }
    if (quantized.length !== parsed.codes.length * (hashes.length + 1)) {
      throw new Error("stored router is corrupt: weights do not match codes and features");
    }
    return {
      kind: member.kind,
      temperature: member.temperature,
      share: member.share,
      vectorizer: restoreVectorizer(member.features, hashes, idf, blocks),
      weights: dequantizeWeights(quantized, member.scales),
    };
  });
  return createRouter(parsed.codes, members);
}

// btoa/atob rather than Buffer so stored routers also load on runtimes without Node's APIs.
function encodeBytes(array: ArrayBufferView): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function decodeBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
