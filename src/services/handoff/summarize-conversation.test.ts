import { describe, expect, it } from "vitest";
import { createSummaryCache, SUMMARY_TTL_MS, summaryKey } from "./summarize-conversation";

describe("generated summary cache", () => {
  it("forgets every summary of one contact, across models and messages, and keeps the others'", () => {
    const cache = createSummaryCache();
    cache.settle(summaryKey("model-a", "contact-1", "m1"), ["first"]);
    cache.settle(summaryKey("model-b", "contact-1", "m2"), ["second"]);
    cache.begin(summaryKey("model-a", "contact-1", "m3"), 5_000);
    cache.settle(summaryKey("model-a", "contact-2", "m9"), ["other"]);

    cache.forgetContact("contact-1");

    expect(cache.get(summaryKey("model-a", "contact-1", "m1"))).toBeUndefined();
    expect(cache.get(summaryKey("model-b", "contact-1", "m2"))).toBeUndefined();
    expect(cache.get(summaryKey("model-a", "contact-1", "m3"))).toBeUndefined();
    expect(cache.get(summaryKey("model-a", "contact-2", "m9"))).toEqual(["other"]);
  });

  it("keeps a summary at most 15 minutes by default, so other processes drop an erased contact's soon", () => {
    let now = 0;
    const cache = createSummaryCache({ clock: () => now });
    const key = summaryKey("model-a", "contact-1", "m1");
    cache.settle(key, ["lines"]);
    expect(SUMMARY_TTL_MS).toBe(15 * 60_000);
    now = SUMMARY_TTL_MS - 1;
    expect(cache.get(key)).toEqual(["lines"]);
    now = SUMMARY_TTL_MS;
    expect(cache.get(key)).toBeUndefined();
  });
});
