import type { Messages } from "./en";

export const de: Messages = {
  "language.name": "Deutsch",

  "reply.emergency":
    "Das klingt nach einem Notfall. Rufen Sie sofort {number} an. Über diesen Chat kann keine Hilfe geschickt werden, warten Sie also bitte nicht auf eine Antwort hier.",
  "reply.crisis":
    "Es tut mir leid, dass es Ihnen so geht. Sie können jetzt gleich mit jemandem sprechen: unter {helpline}, rund um die Uhr, kostenlos und vertraulich. Wenn Sie oder jemand anderes in akuter Gefahr sind, rufen Sie {number} an.",
  "reply.injection":
    "Ich kann nur bei Fragen zu den Leistungen der Stadt helfen. Meine Arbeitsweise kann ich nicht ändern, und meine Anweisungen gebe ich nicht weiter. Was möchten Sie wissen?",
  "reply.abuse":
    "Ich möchte Ihnen helfen, kann aber bei Drohungen oder Beleidigungen nicht weitermachen. Wenn Sie Ihre Nachricht anders formulieren, helfe ich gern.",
  "reply.handoff_offered":
    "Soll ich Ihr Anliegen an eine Mitarbeiterin oder einen Mitarbeiter weitergeben? Die Antwort kommt hier im Chat.",
  "reply.handoff":
    "Ich habe dieses Gespräch an das Team der Stadt weitergegeben. Eine Mitarbeiterin oder ein Mitarbeiter antwortet Ihnen hier während der Bürozeiten (Montag bis Donnerstag 8:30–17:00 Uhr, Freitag 8:30–16:30 Uhr); die Antwort kann also erst am nächsten Arbeitstag kommen. Sie können diese Seite schließen: Die Antwort wartet hier auf Sie, wenn Sie auf diesem Gerät zurückkehren.",
  "reply.with_staff":
    "Eine Mitarbeiterin oder ein Mitarbeiter kümmert sich um dieses Gespräch und antwortet Ihnen hier.",
  "reply.handoff_closed":
    "Gerade arbeitet niemand aus dem Team der Stadt; es ist {opens} wieder da. Ich kann trotzdem helfen: Beschreiben Sie das Problem, dann lege ich einen Vorgang an, den das Team bearbeitet, oder sagen Sie „Rückruf“, dann sorge ich dafür, dass Sie angerufen werden.",
  "reply.handoff_timeout":
    "Es tut mir leid: Innerhalb von {minutes} Minuten war niemand aus dem Team der Stadt frei, um Ihr Gespräch zu übernehmen. Ich kann trotzdem helfen: Beschreiben Sie das Problem, dann lege ich einen Vorgang an, den das Team bearbeitet, oder sagen Sie „Rückruf“, dann sorge ich dafür, dass Sie angerufen werden.",
  "reply.staff_joined": "{name} vom Team der Stadt ist dem Gespräch beigetreten.",
  "reply.handed_back":
    "Das Team der Stadt hat das Gespräch verlassen. Ich bin wieder der automatische Assistent – wie kann ich helfen?",
  "reply.conversation_closed":
    "Das Team der Stadt hat dieses Gespräch beendet. Wenn Sie noch etwas brauchen, schreiben Sie einfach erneut; dann beginnt ein neues Gespräch.",
  "reply.clarification":
    "Können Sie mir etwas mehr erzählen? Ein kurzer Satz dazu, was Sie brauchen, hilft mir, die richtige Antwort zu finden.",
  "reply.greeting":
    "Guten Tag! Fragen Sie mich zu den Leistungen der Stadt oder melden Sie ein Problem – ich helfe gern.",
  "reply.thanks": "Gern geschehen! Kann ich sonst noch helfen?",
  "reply.hazard_notice": "Wenn gerade jemand in Gefahr ist, rufen Sie {number} an.",
  "reply.acknowledged": "In Ordnung. Kann ich Ihnen noch bei etwas anderem helfen?",
  "reply.opinion":
    "Meinungen, Empfehlungen oder Vorhersagen kann ich nicht geben. Ich beantworte Fragen zu den Leistungen der Stadt anhand ihrer offiziellen Seiten oder helfe Ihnen, ein Problem zu melden.",
  "reply.out_of_scope":
    "Dafür ist nicht die Stadt zuständig, sondern der Staat (Reisepässe, Visa, nationale Steuern, Renten, Führerscheine und Ähnliches); dessen offizielle Website oder Hotline hilft weiter. Fragen Sie mich gern alles zu den Leistungen der Stadt.",
  "reply.no_answer":
    "Dazu habe ich in unserer Wissensdatenbank nichts gefunden. Ich kann Sie mit einer Person verbinden oder ein Anliegen für Sie anlegen.",
  "reply.error":
    "Entschuldigung, bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal oder bitten Sie um ein Gespräch mit einer Person.",
  "reply.other_language":
    "Diese Information gibt es nur auf {language}, deshalb stützt sich meine Antwort auf diese Fassung.",
  "reply.out_of_hours":
    "Unsere Mitarbeitenden sind {hours} erreichbar. Hinterlassen Sie hier Ihre Nachricht, dann melden wir uns, oder ich lege jetzt gleich ein Anliegen für Sie an.",
  "reply.rate_limited":
    "Sie senden sehr schnell viele Nachrichten. Bitte warten Sie einen Moment, bevor Sie es erneut versuchen.",
  "reply.pii_removed":
    "Zu Ihrem Schutz habe ich persönliche Daten wie Karten- oder Telefonnummern aus Ihrer Nachricht entfernt. Bitte teilen Sie sie hier nicht.",

  "widget.title": "Fragen Sie die Stadt",
  "widget.intro":
    "Stellen Sie eine Frage oder melden Sie ein Problem. Sie können jederzeit mit einer Person sprechen.",
  "widget.inputLabel": "Ihre Nachricht",
  "widget.placeholder": "Ihre Frage…",
  "widget.send": "Senden",
  "widget.talkToPerson": "Mit einer Person sprechen",
  "widget.helpful": "Hilfreich",
  "widget.notHelpful": "Nicht hilfreich",
  "widget.feedbackThanks": "Danke für Ihre Rückmeldung.",
  "widget.sources": "Quellen",
  "widget.languageLabel": "Sprache",
  "widget.reconnecting": "Verbindung unterbrochen, neuer Versuch…",
  "widget.connectionLost":
    "Der Dienst ist gerade nicht erreichbar. Ihre Nachricht ist gespeichert; versuchen Sie es gleich noch einmal.",
  "widget.errorGeneric": "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.",
  "widget.you": "Sie",
  "widget.assistant": "Assistent",
  "widget.staff": "Team der Stadt",
  "widget.notice": "Hinweis",
  "widget.openChat": "Chat öffnen",
  "widget.closeChat": "Chat schließen",
  "widget.privacyNotice":
    "Wir speichern Ihre Nachrichten ohne persönliche Daten, um Ihnen zu antworten und Meldungen zu bearbeiten.",
  "widget.privacyLink": "Wie wir Ihre Daten verwenden",
};
