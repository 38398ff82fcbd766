import type { Messages } from "./en";

export const es: Messages = {
  "language.name": "Español",

  "reply.emergency":
    "Parece una emergencia. Llame ahora mismo al {number}. Este chat no puede enviar ayuda, así que no espere una respuesta aquí.",
  "reply.crisis":
    "Siento mucho que esté pasando por esto. Puede hablar ahora mismo con alguien en el {helpline}, a cualquier hora, de forma gratuita y confidencial. Si usted u otra persona está en peligro inmediato, llame al {number}.",
  "reply.injection":
    "Solo puedo ayudar con preguntas sobre los servicios municipales, y no puedo cambiar mi forma de funcionar ni compartir mis instrucciones. ¿Qué le gustaría saber?",
  "reply.abuse":
    "Quiero ayudarle, pero no puedo continuar si hay amenazas o insultos. Si reformula su mensaje, haré todo lo posible por ayudarle.",
  "reply.handoff_offered":
    "¿Quiere que pase su consulta a una persona del equipo municipal? Le responderá aquí, en este chat.",
  "reply.handoff":
    "He pasado esta conversación al equipo municipal. Una persona del equipo le responderá aquí en horario de oficina (de lunes a jueves de 8:30 a 17:00, viernes de 8:30 a 16:30), así que la respuesta puede llegar el siguiente día laborable. Puede cerrar esta página: la respuesta le esperará aquí cuando vuelva desde este dispositivo.",
  "reply.with_staff":
    "Una persona del equipo municipal está atendiendo esta conversación y le responderá aquí.",
  "reply.handoff_closed":
    "Ahora no hay nadie del equipo municipal trabajando; vuelven {opens}. Aun así puedo ayudarle: describa el problema y abriré un caso para que el equipo lo siga, o diga «llámenme» y haré que alguien le llame.",
  "reply.handoff_timeout":
    "Lo siento: nadie del equipo municipal ha podido atender su conversación en {minutes} minutos. Aun así puedo ayudarle: describa el problema y abriré un caso para que el equipo lo siga, o diga «llámenme» y haré que alguien le llame.",
  "reply.staff_joined": "{name}, del equipo municipal, se ha unido a la conversación.",
  "reply.handed_back":
    "La persona del equipo municipal ha salido de la conversación. Vuelvo a ser el asistente automático: ¿en qué puedo ayudarle?",
  "reply.conversation_closed":
    "El equipo municipal ha cerrado esta conversación. Si necesita algo más, escriba de nuevo y empezará una conversación nueva.",
  "reply.clarification":
    "¿Podría contarme un poco más? Una frase corta sobre lo que necesita me ayuda a encontrar la respuesta adecuada.",
  "reply.greeting":
    "¡Hola! Pregúnteme sobre los servicios municipales o comunique un problema y haré lo posible por ayudarle.",
  "reply.thanks": "¡De nada! ¿Puedo ayudarle en algo más?",
  "reply.hazard_notice": "Si alguien está en peligro ahora mismo, llame al {number}.",
  "reply.acknowledged": "De acuerdo. ¿Puedo ayudarle en algo más?",
  "reply.opinion":
    "No puedo dar opiniones, recomendaciones ni previsiones. Puedo responder preguntas sobre los servicios de la ciudad a partir de sus páginas oficiales o ayudarle a avisar de un problema.",
  "reply.out_of_scope":
    "Eso no lo gestiona el ayuntamiento, sino la administración del Estado (pasaportes, visados, impuestos nacionales, pensiones, permisos de conducir, etc.); su web oficial o su teléfono de información pueden ayudarle. Pregúnteme lo que quiera sobre los servicios de la ciudad.",
  "reply.no_answer":
    "No he encontrado esta información en nuestra base de conocimiento. Puedo ponerle en contacto con una persona o abrir una solicitud por usted.",
  "reply.error":
    "Lo sentimos, algo ha fallado por nuestra parte. Inténtelo de nuevo en un momento o pida hablar con una persona.",
  "reply.other_language":
    "Esta información solo está disponible en {language}, así que he respondido a partir de esa versión.",
  "reply.out_of_hours":
    "Nuestro personal atiende {hours}. Deje aquí su mensaje y le responderemos a la vuelta, o puedo abrir ahora una solicitud por usted.",
  "reply.rate_limited": "Está enviando mensajes muy rápido. Espere un momento antes de volver a intentarlo.",
  "reply.pii_removed":
    "Por su seguridad, he quitado de su mensaje datos personales como números de tarjeta o de teléfono. Por favor, no los comparta aquí.",

  "widget.title": "Pregunte al ayuntamiento",
  "widget.intro":
    "Haga una pregunta o comunique un problema. Puede hablar con una persona en cualquier momento.",
  "widget.inputLabel": "Su mensaje",
  "widget.placeholder": "Escriba su pregunta…",
  "widget.send": "Enviar",
  "widget.talkToPerson": "Hablar con una persona",
  "widget.helpful": "Útil",
  "widget.notHelpful": "No es útil",
  "widget.feedbackThanks": "Gracias por su opinión.",
  "widget.sources": "Fuentes",
  "widget.languageLabel": "Idioma",
  "widget.reconnecting": "Se ha perdido la conexión, reintentando…",
  "widget.connectionLost":
    "No hemos podido conectar con el servicio. Su mensaje se ha guardado; inténtelo de nuevo en un momento.",
  "widget.errorGeneric": "Algo ha salido mal. Inténtelo de nuevo.",
  "widget.you": "Usted",
  "widget.assistant": "Asistente",
  "widget.staff": "Personal municipal",
  "widget.notice": "Aviso",
  "widget.openChat": "Abrir chat",
  "widget.closeChat": "Cerrar chat",
  "widget.privacyNotice":
    "Guardamos sus mensajes sin sus datos personales, para responderle y tramitar sus avisos.",
  "widget.privacyLink": "Cómo usamos sus datos",
};
