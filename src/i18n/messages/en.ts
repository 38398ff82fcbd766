/** English is the source of keys; every other language must translate each of them. */
export const en = {
  "language.name": "English",

  "reply.emergency":
    "This sounds like an emergency. Call {number} now. This chat cannot send help, so please don't wait for an answer here.",
  "reply.crisis":
    "I'm sorry you're going through this. You can talk to someone right now at {helpline}, day or night, free and in confidence. If you or someone else is in immediate danger, call {number}.",
  "reply.injection":
    "I can only help with questions about city services, and I can't change how I work or share my instructions. What would you like to know?",
  "reply.abuse":
    "I want to help, but I can't continue with threats or insults. If you rephrase your message, I'll do my best to help.",
  "reply.handoff_offered":
    "Would you like me to pass this to a member of staff? They will reply here in this chat.",
  "reply.handoff":
    "I've passed this conversation on to the city team. A member of staff will reply here in office hours (Monday to Thursday 8:30–17:00, Friday 8:30–16:30), so it may take until the next working day. You can close this page: the reply will be waiting here when you come back on this device.",
  "reply.with_staff": "A member of staff is looking after this conversation and will reply here.",
  "reply.handoff_closed":
    'Nobody from the city team is working right now; they are back {opens}. I can still help: describe the problem and I will open a case for the team to follow up, or say "call me back" and I will arrange for someone to phone you.',
  "reply.handoff_timeout":
    'I\'m sorry: nobody from the city team was free to take your conversation within {minutes} minutes. I can still help: describe the problem and I will open a case for the team to follow up, or say "call me back" and I will arrange for someone to phone you.',
  "reply.staff_joined": "{name} from the city team has joined the conversation.",
  "reply.handed_back":
    "The member of staff has left the conversation. I'm the automated assistant again; how can I help?",
  "reply.conversation_closed":
    "The city team has closed this conversation. If you need anything else, just write again and a new conversation will start.",
  "reply.clarification":
    "Could you tell me a little more? A short sentence about what you need helps me find the right answer.",
  "reply.greeting": "Hello! Ask me about city services or report a problem, and I'll do my best to help.",
  "reply.thanks": "You're welcome! Is there anything else I can help with?",
  "reply.hazard_notice": "If anyone is in danger right now, call {number}.",
  "reply.acknowledged": "All right. Is there anything else I can help you with?",
  "reply.opinion":
    "I can't give opinions, recommendations or forecasts. I can answer questions about the city's services from its official pages, or help you report a problem.",
  "reply.out_of_scope":
    "That is not something the city council handles: it is a matter for the national government (passports, visas, national taxes, state pensions, driving licences and the like), whose official website or helpline can help. Ask me anything about city services.",
  "reply.no_answer":
    "I couldn't find this in our knowledge base. I can connect you with a person or open a case for you.",
  "reply.error":
    "Sorry, something went wrong on our side. Please try again in a moment, or ask to talk to a person.",
  "reply.other_language":
    "This information is only available in {language}, so I've answered from that version.",
  "reply.out_of_hours":
    "Our staff are available {hours}. Leave your message here and we'll reply when we're back, or I can open a case for you now.",
  "reply.rate_limited": "You're sending messages very quickly. Please wait a moment before trying again.",
  "reply.pii_removed":
    "For your safety I've removed personal details such as card or phone numbers from your message. Please don't share them here.",

  "widget.title": "Ask the city",
  "widget.intro": "Ask a question or report a problem. You can talk to a person at any time.",
  "widget.inputLabel": "Your message",
  "widget.placeholder": "Type your question…",
  "widget.send": "Send",
  "widget.talkToPerson": "Talk to a person",
  "widget.helpful": "Helpful",
  "widget.notHelpful": "Not helpful",
  "widget.feedbackThanks": "Thank you for your feedback.",
  "widget.sources": "Sources",
  "widget.languageLabel": "Language",
  "widget.reconnecting": "Connection lost, trying again…",
  "widget.connectionLost": "We could not reach the service. Your message was kept; try again in a moment.",
  "widget.errorGeneric": "Something went wrong. Please try again.",
  "widget.you": "You",
  "widget.assistant": "Assistant",
  "widget.staff": "Staff",
  "widget.notice": "Update",
  "widget.openChat": "Open chat",
  "widget.closeChat": "Close chat",
  "widget.privacyNotice":
    "We keep your messages with personal details removed, to answer you and handle your reports.",
  "widget.privacyLink": "How we use your data",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
