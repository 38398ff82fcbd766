export type PrivacyRequestKind = "erasure" | "access";

// Patterns run on lower-case text without accents, so "ștergeți" and "stergeti" both match.
const ERASURE: RegExp[] = [
  // en
  /\b(delete|erase|remove|wipe|destroy)\b.{0,25}\b(my|all my)\b.{0,25}\b(data|details|information|info|messages|conversations?|history|records?)\b/,
  /\b(forget me|right to (be forgotten|erasure))\b/,
  // fr
  /\b(supprime[rz]?|efface[rz]?|effacement|suppression)\b.{0,25}\b(mes|toutes mes)\b.{0,20}\b(donnees|informations|messages|coordonnees)\b/,
  /\bdroit (a l'oubli|a l'effacement)\b/,
  // ro
  /\b(sterge|stergeti|stergeti-mi|stergerea|eliminati|eliminarea)\b.{0,25}\b(datele|datelor|informatiile|mesajele)\b.{0,10}\b(mele|personale)\b/,
  /\bdreptul de a fi uitat\b/,
  // de
  /\b(losche|loschen|loeschen|loschung|entfernen|entfernung)\b.{0,30}\b(meine[rn]?|meiner)\b.{0,20}\b(daten|angaben|nachrichten)\b/,
  /\bmeine\b.{0,20}\b(daten|angaben|nachrichten)\b.{0,30}\b(loschen|loeschen|entfernen)\b/,
  /\brecht auf (vergessenwerden|loschung)\b/,
  // es
  /\b(borra[rn]?|borre[n]?|elimina[rn]?|elimine[n]?|suprimir|supriman?|cancelar)\b.{0,25}\b(mis|todos mis)\b.{0,20}\b(datos|mensajes|informacion)\b/,
  /\bderecho (al olvido|de supresion)\b/,
  // hu
  /\b(torol\w*|toroljek|torolje|toroljetek)\b.{0,30}\badat\w*\b/,
  /\badataim\w*\b.{0,30}\b(torles\w*|torol\w*)\b/,
  /\belfeledtetes\w*\b/,
];

const ACCESS: RegExp[] = [
  // en
  /\bwhat\b.{0,30}\b(data|information|info|details|records?)\b.{0,40}\b(about me|on me|of mine)\b/,
  /\b(copy|export|download|access|see|view)\b.{0,20}\b(of )?(all )?my (personal )?(data|information|records)\b/,
  /\bsubject access\b/,
  /\b(gdpr|rgpd|dsgvo)\b/,
  // fr
  /\bquelles?\b.{0,15}\b(donnees|informations)\b.{0,40}\b(sur moi|me concernant|a mon sujet)\b/,
  /\b(copie|acces|consulter|telecharger)\b.{0,15}\b(de |a )?mes (donnees|informations)\b/,
  // ro
  /\bce (date|informatii)\b.{0,40}\bdespre mine\b/,
  /\b(copie|acces|accesul)\b.{0,20}\b(datele|datelor) (mele|personale)\b/,
  // de
  /\bwelche\b.{0,15}\b(daten|informationen|angaben)\b.{0,40}\b(uber|ueber|von) mich\b/,
  /\b(auskunft|kopie|einsicht)\b.{0,30}\b(meine[rn]?|meiner)\b.{0,10}\b(daten|angaben)\b/,
  /\bdatenauskunft\b/,
  // es
  /\bque (datos|informacion)\b.{0,40}\b(sobre mi|de mi)\b/,
  /\b(copia|acceso|acceder)\b.{0,15}\b(de |a )?mis datos\b/,
  // hu
  /\bmilyen\b.{0,10}\badat\w*\b.{0,40}\brolam\b/,
  /\b(masolat\w*|hozzaferes\w*)\b.{0,30}\badataim\w*\b/,
  /\badataim\w*\b.{0,30}\b(masolat\w*|hozzaferes\w*)\b/,
];

/**
 * Whether a citizen's message asks to exercise a privacy right (have their data erased, or learn what is
 * held about them), in any of the six languages. The chat cannot check who is asking, so such a message
 * is answered with the verified process, never with the data.
 */
export function detectPrivacyRequest(text: string): PrivacyRequestKind | null {
  if (text.length > 600) return null;
  const plain = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, " ");
  if (ERASURE.some((re) => re.test(plain))) return "erasure";
  if (ACCESS.some((re) => re.test(plain))) return "access";
  return null;
}
