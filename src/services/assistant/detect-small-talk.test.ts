import { describe, expect, it } from "vitest";
import { detectSmallTalk } from "./detect-small-talk";

describe("detectSmallTalk", () => {
  it.each([
    ["Hello!", "greeting"],
    ["Bonjour", "greeting"],
    ["Bună ziua", "greeting"],
    ["Guten Tag", "greeting"],
    ["Hola, buenos días", "greeting"],
    ["Jó napot", "greeting"],
    ["Thank you so much!", "thanks"],
    ["Merci beaucoup", "thanks"],
    ["Mulțumesc mult", "thanks"],
    ["Köszönöm szépen", "thanks"],
    ["Vielen Dank", "thanks"],
  ])("%s → %s", (text, expected) => {
    expect(detectSmallTalk(text)).toBe(expected);
  });

  it.each([
    "When is my bin collected?",
    "hello, when is my bin collected?",
    "thanks, and for glass?",
    "",
    "???",
  ])("leaves %j to the rest of the turn", (text) => {
    expect(detectSmallTalk(text)).toBeUndefined();
  });
});
