// Function words that carry no topic. Written accent-folded and lowercased, because the analyzer folds
// accents before it looks words up. Question words are included: citizens phrase searches as questions.
const FRENCH = `a ai aie aient aies ait alors as au aucun aucune aupres auquel aura aurai auraient aurais aurait
auras aurez auriez aurions aurons auront aussi autre autres aux auxquelles auxquels avaient avais avait avec
avez aviez avions avoir avons ayant ayez ayons c ca car ce ceci cela celle celles celui cependant ces cet cette
ceux chacun chacune chaque chez ci comme comment d dans de des desquelles desquels deux devrait dois doit donc
dont du duquel elle elles en encore es est et etaient etais etait etant ete etes etiez etions etre eu eue eues
eurent eus eusse eussent eusses eussiez eussions eut eux faire fais fait faut furent fus fusse fussent fusses
fussiez fussions fut ici il ils j je jusqu jusque l la laquelle le lequel les lesquelles lesquels leur leurs
lors lorsqu lorsque lui m ma mais me meme memes mes moi mon n ne ni nos notre nous on ont ou par parce pas peu
peut peuvent peux plus pour pourquoi puis puisqu puisque qu quand que quel quelle quelles quels qui quoi s sa
sans se sera serai seraient serais serait seras serez seriez serions serons seront ses si soi soient sois soit
sommes son sont soyez soyons suis sur t ta te tes toi ton tous tout toute toutes tu un une unes uns vos votre
vous y`;

const ENGLISH = `a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
not of off on once only or other our ours ourselves over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
s t m d ll re ve u ur im ive id dont doesnt didnt cant wont isnt arent wasnt pls please plz hi hello hey thanks
thank ok okay yes yeah`;

const ROMANIAN = `a acea aceasta aceea acei aceia acel acela acest acesta acestea acestei acestia acestui ai
al ale alt alta alte altul am ar are as asa asta ati au avea avem aveti azi ba ca cand care catre ce cel cea
cei cele cine cu cum da daca dar de deci deja din dintr dintre dupa e ea ei el ele este eu fara fi fie fiind
fost i ia iar ii il in intr intre isi la le li lor lui m ma mai mea mei meu mi mult ne nici noi nostru noastra
nu o ori pana pe pentru poate prin sa sau se si sunt ta tau te tine toate toti tu un una unde unei unor unui
va voi vom vor l s n c`;

const GERMAN = `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
auch auf aus bei bin bis bist bitte da damit dann das dass dein deine deinem deinen deiner dem den denn der des
dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es
etwas euch euer eure fur hab habe haben hat hatte hatten hier hin ich ihm ihn ihnen ihr ihre ihrem ihren ihrer
im in ist ja jede jedem jeden jeder jedes jetzt kann kannst konnen konnte mache machen man manche mein meine
meinem meinen meiner mich mir mit muss mussen nach nicht nichts noch nun nur ob oder ohne sehr sein seine
seinem seinen seiner sich sie sind so soll sollte sondern tun uber um und uns unser unsere unter viel vom von
vor war waren warum was wann weil welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo
wollen wurde wurden zu zum zur`;

const SPANISH = `a al algo algun alguna algunas alguno algunos ante antes como con contra cual cuales cuando
de del desde donde dos el ella ellas ellos en entre era es esa esas ese eso esos esta estan estar estas este
esto estos estoy fue ha hay hacer la las le les lo los me mi mis mucho muy nada ni no nos nosotros o os otra
otro para pero poco por porque puedo que quien se ser si sin sobre son su sus tambien te tengo tiene tu tus un
una uno unos vosotros y ya yo`;

const HUNGARIAN = `a az azt be de egy egyes el en es ez ezt hogy hol hogyan is itt ki kell ki meg mi mikor
mint mit most nem ha csak meg mar vagy van vannak volt lesz nekem nekunk sem szamomra tud tudok`;

function toSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

export const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  fr: toSet(FRENCH),
  en: toSet(ENGLISH),
  ro: toSet(ROMANIAN),
  de: toSet(GERMAN),
  es: toSet(SPANISH),
  hu: toSet(HUNGARIAN),
};
