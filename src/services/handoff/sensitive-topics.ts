/**
 * Topics on which a citizen the assistant cannot answer goes straight to a person, instead of being
 * told "I don't know" a second time. The city chooses the topics (HANDOFF_SENSITIVE_TOPICS) from the
 * built-in ones below, and may add its own as `name=word+other words`.
 */
export interface SensitiveTopic {
  name: string;
  /** Lower-case words or phrases; a message containing one (at a word start) is about the topic. */
  terms: string[];
}

const BUILT_IN: Record<string, string[]> = {
  bereavement: [
    "bereave",
    "died",
    "passed away",
    "death of",
    "funeral",
    "deceased",
    "décès",
    "décédé",
    "obsèques",
    "deces",
    "decedat",
    "a murit",
    "înmormântare",
    "inmormantare",
    "verstorben",
    "gestorben",
    "todesfall",
    "beerdigung",
    "falleció",
    "fallecido",
    "funeral",
    "elhunyt",
    "meghalt",
    "temetés",
  ],
  domestic_abuse: [
    "domestic abuse",
    "domestic violence",
    "my partner hits",
    "my husband hits",
    "my wife hits",
    "abusive partner",
    "violences conjugales",
    "violence conjugale",
    "violență domestică",
    "violenta domestica",
    "häusliche gewalt",
    "violencia doméstica",
    "violencia de género",
    "családon belüli erőszak",
  ],
  eviction: [
    "evict",
    "bailiff",
    "homeless",
    "expulsion",
    "expulsé",
    "sans abri",
    "evacuare",
    "evacuat",
    "fără adăpost",
    "räumung",
    "zwangsräumung",
    "obdachlos",
    "desahucio",
    "desalojo",
    "sin hogar",
    "kilakoltat",
    "hajléktalan",
  ],
};

export const BUILT_IN_SENSITIVE_TOPICS = Object.keys(BUILT_IN);

/**
 * The topics named in a comma-separated list: a built-in name, or `name=term+term` for the city's own.
 * Unknown names without terms are refused, so a typo does not silently switch a topic off.
 */
export function parseSensitiveTopics(list: string): SensitiveTopic[] {
  const topics: SensitiveTopic[] = [];
  for (const entry of list
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [name, terms] = entry.split("=", 2) as [string, string | undefined];
    const key = name.trim().toLowerCase();
    if (terms !== undefined) {
      const own = terms
        .split("+")
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean);
      if (own.length === 0) throw new Error(`sensitive topic ${key} has no words`);
      topics.push({ name: key, terms: own });
    } else if (BUILT_IN[key]) {
      topics.push({ name: key, terms: BUILT_IN[key] });
    } else {
      throw new Error(`unknown sensitive topic ${key} (built in: ${BUILT_IN_SENSITIVE_TOPICS.join(", ")})`);
    }
  }
  return topics;
}

/** The first topic the text is about, or null. */
export function findSensitiveTopic(text: string, topics: readonly SensitiveTopic[]): string | null {
  const lower = text.toLowerCase();
  for (const topic of topics) {
    for (const term of topic.terms) {
      const at = lower.indexOf(term);
      if (at >= 0 && (at === 0 || !/\p{L}/u.test(lower[at - 1] ?? ""))) return topic.name;
    }
  }
  return null;
}
