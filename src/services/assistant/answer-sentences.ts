import { analyzeText } from "../retrieval/analyzer";
import { memoByText } from "./text-memo";

/** A sentence of a knowledge section, or a list with the sentence that introduces it. */
export interface SectionSentence {
  order: number;
  text: string;
  terms: Set<string>;
  /** The list a sentence ending in ":" introduces, or the items of a list with no introduction. */
  items?: string[];
}

/**
 * A section's sentences in order. A list stays with the sentence that introduces it ("Your day
 * depends on your area:"), since neither answers anything alone; Markdown is removed.
 */
export const splitSectionSentences = memoByText(splitSentences, (sentences) =>
  sentences.map((s) => ({ ...s, terms: new Set(s.terms), ...(s.items ? { items: [...s.items] } : {}) })),
);

function splitSentences(markdown: string, lang: string): SectionSentence[] {
  const sentences: SectionSentence[] = [];
  const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
  const add = (text: string) => {
    const sentence: SectionSentence = {
      order: sentences.length,
      text,
      terms: new Set(analyzeText(text, lang)),
    };
    sentences.push(sentence);
    return sentence;
  };
  let intro: SectionSentence | undefined;
  for (const line of plainLines(markdown)) {
    if (line.listItem) {
      // A list with no introduction becomes one, so "what goes in" gets the whole list.
      intro ??= add("");
      intro.items = [...(intro.items ?? []), line.text];
      for (const term of analyzeText(line.text, lang)) intro.terms.add(term);
      continue;
    }
    intro = undefined;
    let last: SectionSentence | undefined;
    for (const { segment } of segmenter.segment(line.text)) {
      const text = segment.trim();
      if (text.length >= 3) last = add(text);
    }
    if (last?.text.endsWith(":")) intro = last;
  }
  return sentences;
}

/** Markdown to plain lines; list items and table rows are marked as such. */
export function plainLines(markdown: string): { text: string; listItem: boolean }[] {
  const lines: { text: string; listItem: boolean }[] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    let line = raw.trim();
    // Headings are context (the passage's heading path), not sentences of the answer.
    if (!line || /^#{1,6}\s/.test(line) || /^\|?[\s:|-]+\|?$/.test(line) || /^(```|<!--|>)/.test(line))
      continue;
    let listItem = /^([-*+]|\d+[.)])\s+/.test(line);
    if (line.startsWith("|")) {
      const cells = line
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((c) => c.trim())
        .filter(Boolean);
      line = cells.join(": ");
      listItem = true;
    }
    line = line
      .replace(/^([-*+]|\d+[.)])\s+/, "")
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
      .replace(/`([^`]+)`/g, "$1")
      .trim();
    if (line) lines.push({ text: /[.!?:;]$/.test(line) ? line : `${line}.`, listItem });
  }
  return lines;
}

/** A sentence as the citizen reads it: a list on lines of its own on screen, run on for SMS and voice. */
export function renderSentence(sentence: SectionSentence, asLines: boolean): string {
  if (!sentence.items) return sentence.text;
  const lead = sentence.text ? `${sentence.text}` : "";
  if (asLines) return `\n${lead}\n${sentence.items.map((i) => `- ${i}`).join("\n")}\n`;
  return [lead, ...sentence.items].filter(Boolean).join(" ");
}
