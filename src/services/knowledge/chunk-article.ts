/** A passage of an article: the text under one heading, or a window of it when the section is long. */
export interface Chunk {
  headingPath: string[];
  anchor: string | null;
  text: string;
}

export interface ChunkOptions {
  /** Longest passage in characters; longer sections are cut into windows. */
  maxChars?: number;
  /** Characters repeated from the end of one window at the start of the next, so no sentence is lost between them. */
  overlapChars?: number;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** GitHub-style heading slug: lowercase, punctuation dropped, spaces to hyphens; accents kept. */
export function slugifyHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}

/**
 * Cuts a Markdown body at its headings (outside code fences), keeping each passage's heading path and
 * the anchor of its nearest heading; sections longer than `maxChars` become overlapping windows cut at
 * paragraph, line or sentence ends where possible.
 */
export function chunkArticle(body: string, options: ChunkOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? 1500;
  const overlap = Math.min(options.overlapChars ?? 200, Math.floor(maxChars / 4));
  const sections: Chunk[] = [];
  const path: { level: number; text: string }[] = [];
  const slugCounts = new Map<string, number>();
  let anchor: string | null = null;
  let lines: string[] = [];
  let inFence = false;

  const flush = () => {
    const text = lines.join("\n").trim();
    lines = [];
    if (text !== "") sections.push({ headingPath: path.map((h) => h.text), anchor, text });
  };

  for (const line of body.split(/\r?\n/)) {
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (!heading) {
      lines.push(line);
      continue;
    }
    flush();
    const level = heading[1]!.length;
    const text = heading[2]!.replace(/[*_`]/g, "").trim();
    while (path.length > 0 && path[path.length - 1]!.level >= level) path.pop();
    path.push({ level, text });
    const base = slugifyHeading(text);
    const seen = slugCounts.get(base) ?? 0;
    slugCounts.set(base, seen + 1);
    anchor = seen === 0 ? base : `${base}-${seen}`;
  }
  flush();

  const chunks: Chunk[] = [];
  for (const section of sections) {
    for (const text of splitLongText(section.text, maxChars, overlap)) chunks.push({ ...section, text });
  }
  return chunks;
}

function splitLongText(text: string, maxChars: number, overlap: number): string[] {
  if (text.length <= maxChars) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + maxChars, text.length);
    if (end < text.length) end = bestBreak(text, start, end);
    pieces.push(text.slice(start, end).trim());
    if (end >= text.length) break;
    // Start the next window a little before this one ended, at a word boundary.
    let next = Math.max(end - overlap, start + 1);
    const space = text.indexOf(" ", next);
    if (space !== -1 && space < end) next = space + 1;
    start = next;
  }
  return pieces.filter((p) => p !== "");
}

/** The latest paragraph, line, sentence or word end in the second half of the window. */
function bestBreak(text: string, start: number, end: number): number {
  const window = text.slice(start, end);
  const minimum = Math.floor(window.length / 2);
  for (const pattern of [/\n\s*\n/g, /\n/g, /[.!?;:]\s/g, /\s/g]) {
    let last = -1;
    for (const match of window.matchAll(pattern)) {
      const at = match.index + match[0].length;
      if (at >= minimum) last = at;
    }
    if (last !== -1) return start + last;
  }
  return end;
}
