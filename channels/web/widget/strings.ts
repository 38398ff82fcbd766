/** Every text the widget shows; the server injects them per language from src/i18n. */
export interface WidgetStrings {
  title: string;
  intro: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  talkToPerson: string;
  helpful: string;
  notHelpful: string;
  feedbackThanks: string;
  sources: string;
  languageLabel: string;
  reconnecting: string;
  connectionLost: string;
  errorGeneric: string;
  you: string;
  assistant: string;
  staff: string;
  notice: string;
  openChat: string;
  closeChat: string;
  privacyNotice: string;
  privacyLink: string;
}

export const ENGLISH_FALLBACK: WidgetStrings = {
  title: "Ask the city",
  intro: "Ask a question or report a problem. You can talk to a person at any time.",
  inputLabel: "Your message",
  placeholder: "Type your question…",
  send: "Send",
  talkToPerson: "Talk to a person",
  helpful: "Helpful",
  notHelpful: "Not helpful",
  feedbackThanks: "Thank you for your feedback.",
  sources: "Sources",
  languageLabel: "Language",
  reconnecting: "Connection lost, trying again…",
  connectionLost: "We could not reach the service. Your message was kept; try again in a moment.",
  errorGeneric: "Something went wrong. Please try again.",
  you: "You",
  assistant: "Assistant",
  staff: "Staff",
  notice: "Update",
  openChat: "Open chat",
  closeChat: "Close chat",
  privacyNotice:
    "We keep your messages with personal details removed, to answer you and handle your reports.",
  privacyLink: "How we use your data",
};
