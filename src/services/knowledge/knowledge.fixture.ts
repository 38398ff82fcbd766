import type { Embedder } from "../../ports/embedder";
import type { ArticleInput } from "./article-input";

/** A small city knowledge base in English with French translations of some pages. */
export const FIXTURE_ARTICLES: ArticleInput[] = [
  {
    articleId: "bin-collection",
    lang: "en",
    title: "Bin collection days",
    body: "Household waste and recycling bins are collected every week.\n\n## Recycling\nPut paper, cans and plastic bottles in the blue recycling bin.\n\n## Glass\nGlass bottles and jars go in the green box, collected every second Friday.",
    url: "https://city.example/bins",
    status: "published",
  },
  {
    articleId: "bin-collection",
    lang: "fr",
    title: "Jours de collecte des poubelles",
    body: "Les ordures ménagères et le recyclage sont collectés chaque semaine.\n\n## Recyclage\nLe papier, les canettes et les bouteilles en plastique vont dans le bac bleu de recyclage.\n\n## Verre\nLes bouteilles et bocaux en verre vont dans la caisse verte, collectée un vendredi sur deux.",
    url: "https://city.example/fr/poubelles",
    status: "published",
  },
  {
    articleId: "parking-permit",
    lang: "en",
    title: "Residents' parking permit",
    body: "Residents can apply for a parking permit for their street.\n\n## Price\nA permit costs 60 pounds a year for the first car.\n\n## How to apply\nApply online with proof of address and the car registration.",
    url: "https://city.example/parking",
    status: "published",
  },
  {
    articleId: "parking-permit",
    lang: "fr",
    title: "Carte de stationnement résident",
    body: "Les résidents peuvent demander une carte de stationnement pour leur rue.\n\n## Prix\nLa carte coûte 60 livres par an pour la première voiture.\n\n## Demande\nFaites la demande en ligne avec un justificatif de domicile et la carte grise.",
    status: "published",
  },
  {
    articleId: "library-hours",
    lang: "en",
    title: "Library opening hours",
    body: "The central library opens Monday to Saturday from 9am to 7pm.\n\n## Borrowing\nBorrow up to 12 books for three weeks with your library card.",
    url: "https://city.example/library",
    status: "published",
  },
  {
    articleId: "council-tax",
    lang: "en",
    title: "Pay your council tax",
    body: "Council tax pays for local services. Pay by direct debit, online or by phone.\n\n## Discounts\nPeople living alone get a 25% single person discount.",
    status: "published",
  },
  {
    articleId: "street-lights",
    lang: "en",
    title: "Report a broken street light",
    body: "Tell us about a street light that is out or flickering. Give the lamp post number if you can see it.",
    status: "published",
  },
  {
    articleId: "noise-nuisance",
    lang: "fr",
    title: "Bruit de voisinage",
    body: "Signalez les nuisances sonores répétées de vos voisins, la nuit comme le jour, au service d'hygiène de la ville.",
    status: "published",
  },
  {
    articleId: "swimming-pool",
    lang: "en",
    title: "Swimming pool timetable",
    body: "The new swimming pool opens next spring. Lane swimming and lessons timetable to follow.",
    status: "draft",
  },
];

/** Deterministic hashed-word vectors: a second embedder to switch to, with no model and no network. */
export function createHashingEmbedder(id = "test-hashing:16", dimensions = 16): Embedder {
  const embed = (text: string) => {
    const v = new Array<number>(dimensions).fill(0);
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
      let h = 0;
      for (const ch of word) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      v[h % dimensions]! += 1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  };
  return {
    id,
    dimensions,
    maxInputChars: 10_000,
    async embedDocuments(texts) {
      return texts.map(embed);
    },
    async embedQuery(text) {
      return embed(text);
    },
  };
}
