import type { Messages } from "./en";

export const fr: Messages = {
  "language.name": "Français",

  "reply.emergency":
    "Cela ressemble à une urgence. Appelez immédiatement le {number}. Ce chat ne peut pas envoyer de secours : n'attendez pas de réponse ici.",
  "reply.crisis":
    "Je suis désolé que vous traversiez cela. Vous pouvez en parler dès maintenant au {helpline}, jour et nuit, gratuitement et en toute confidentialité. Si vous ou une autre personne êtes en danger immédiat, appelez le {number}.",
  "reply.injection":
    "Je peux seulement vous aider sur les services de la ville, et je ne peux ni modifier mon fonctionnement ni communiquer mes instructions. Que souhaitez-vous savoir ?",
  "reply.abuse":
    "Je veux vous aider, mais je ne peux pas poursuivre face à des menaces ou des insultes. Si vous reformulez votre message, je ferai de mon mieux.",
  "reply.handoff_offered":
    "Souhaitez-vous que je transmette votre demande à un agent ? Il vous répondra ici, dans ce chat.",
  "reply.handoff":
    "J'ai transmis cette conversation à l'équipe de la ville. Un agent vous répondra ici pendant les heures d'ouverture (du lundi au jeudi de 8 h 30 à 17 h, le vendredi de 8 h 30 à 16 h 30) : la réponse peut donc n'arriver que le jour ouvré suivant. Vous pouvez fermer cette page : la réponse vous attendra ici quand vous reviendrez sur cet appareil.",
  "reply.with_staff": "Un agent s'occupe de cette conversation et vous répondra ici.",
  "reply.handoff_closed":
    "Personne de l'équipe de la ville ne travaille en ce moment ; elle revient {opens}. Je peux quand même vous aider : décrivez le problème et j'ouvrirai un dossier que l'équipe suivra, ou dites « rappelez-moi » et je ferai en sorte qu'on vous appelle.",
  "reply.handoff_timeout":
    "Je suis désolé : personne de l'équipe de la ville n'a pu prendre votre conversation dans les {minutes} minutes. Je peux quand même vous aider : décrivez le problème et j'ouvrirai un dossier que l'équipe suivra, ou dites « rappelez-moi » et je ferai en sorte qu'on vous appelle.",
  "reply.staff_joined": "{name}, de l'équipe de la ville, a rejoint la conversation.",
  "reply.handed_back":
    "L'agent a quitté la conversation. Je suis à nouveau l'assistant automatique : comment puis-je vous aider ?",
  "reply.conversation_closed":
    "L'équipe de la ville a clos cette conversation. Si vous avez besoin d'autre chose, écrivez-nous à nouveau : une nouvelle conversation commencera.",
  "reply.clarification":
    "Pouvez-vous m'en dire un peu plus ? Une courte phrase sur ce dont vous avez besoin m'aide à trouver la bonne réponse.",
  "reply.greeting":
    "Bonjour ! Posez-moi vos questions sur les services de la ville ou signalez un problème, je ferai de mon mieux pour vous aider.",
  "reply.thanks": "Avec plaisir ! Puis-je vous aider pour autre chose ?",
  "reply.hazard_notice": "Si quelqu'un est en danger en ce moment, appelez le {number}.",
  "reply.acknowledged": "D'accord. Puis-je vous aider pour autre chose ?",
  "reply.opinion":
    "Je ne peux pas donner d'avis, de recommandations ni de prévisions. Je peux répondre à vos questions sur les services de la ville à partir de ses pages officielles, ou vous aider à signaler un problème.",
  "reply.out_of_scope":
    "Cela ne relève pas de la mairie mais de l'État (passeports, visas, impôts nationaux, retraites, permis de conduire, etc.) : son site officiel ou sa ligne d'information pourra vous aider. Demandez-moi tout ce qui concerne les services de la ville.",
  "reply.no_answer":
    "Je n'ai pas trouvé cette information dans notre base de connaissances. Je peux vous mettre en relation avec une personne ou ouvrir un dossier pour vous.",
  "reply.error":
    "Désolé, un problème est survenu de notre côté. Réessayez dans un instant ou demandez à parler à une personne.",
  "reply.other_language":
    "Cette information n'existe qu'en {language} ; ma réponse s'appuie donc sur cette version.",
  "reply.out_of_hours":
    "Nos agents sont disponibles {hours}. Laissez votre message ici et nous vous répondrons à notre retour, ou j'ouvre un dossier pour vous dès maintenant.",
  "reply.rate_limited":
    "Vous envoyez des messages très rapidement. Merci de patienter un instant avant de réessayer.",
  "reply.pii_removed":
    "Pour votre sécurité, j'ai retiré de votre message les données personnelles comme les numéros de carte ou de téléphone. Merci de ne pas les partager ici.",

  "widget.title": "Demander à la ville",
  "widget.intro":
    "Posez une question ou signalez un problème. Vous pouvez parler à une personne à tout moment.",
  "widget.inputLabel": "Votre message",
  "widget.placeholder": "Écrivez votre question…",
  "widget.send": "Envoyer",
  "widget.talkToPerson": "Parler à une personne",
  "widget.helpful": "Utile",
  "widget.notHelpful": "Pas utile",
  "widget.feedbackThanks": "Merci pour votre retour.",
  "widget.sources": "Sources",
  "widget.languageLabel": "Langue",
  "widget.reconnecting": "Connexion perdue, nouvelle tentative…",
  "widget.connectionLost":
    "Impossible de joindre le service. Votre message est conservé ; réessayez dans un instant.",
  "widget.errorGeneric": "Une erreur s'est produite. Veuillez réessayer.",
  "widget.you": "Vous",
  "widget.assistant": "Assistant",
  "widget.staff": "Agent",
  "widget.notice": "Information",
  "widget.openChat": "Ouvrir le chat",
  "widget.closeChat": "Fermer le chat",
  "widget.privacyNotice":
    "Nous conservons vos messages sans vos données personnelles, pour vous répondre et traiter vos signalements.",
  "widget.privacyLink": "Comment nous utilisons vos données",
};
