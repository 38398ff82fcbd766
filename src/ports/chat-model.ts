/** Where a reply is shown; SMS and voice need short answers. */
export type Surface = "web" | "sms" | "voice" | "teams";

/** One earlier message of the conversation, already redacted. */
export interface HistoryTurn {
  role: "citizen" | "assistant";
  text: string;
}

/**
 * A knowledge passage as the model sees it: only an opaque id (P1, P2…), never a URL, so a model
 * cannot cite anything the code did not hand it.
 */
export interface GroundingPassage {
  id: string;
  title: string;
  headingPath: string[];
  text: string;
  /** Language of the passage (ISO 639-1). */
  lang: string;
}

export interface CondenseRequest {
  /** The citizen's latest message (redacted). */
  message: string;
  /** Recent turns, oldest first. */
  history: HistoryTurn[];
  lang: string;
  /**
   * Write the question in this language instead of `lang`: the knowledge base has nothing in the
   * citizen's language, so the search runs on the default language's pages.
   */
  searchLang?: string;
  now: Date;
}

export interface CondensedQuestion {
  /** A question that can be understood without the history. */
  question: string;
  /** True when the message only made sense with the history. */
  followUp: boolean;
}

export interface AnswerRequest {
  /** The stand-alone question. */
  question: string;
  /** Language the citizen should be answered in (ISO 639-1). */
  lang: string;
  surface: Surface;
  passages: GroundingPassage[];
  history: HistoryTurn[];
  now: Date;
  /**
   * The question and history put word for word into the passages' language, when the passages are in
   * another language than the citizen's and no model translated the question: for choosing sentences
   * only. A model answers the question itself.
   */
  bridge?: { question: string; lang: string; history: HistoryTurn[] };
}

export interface AnswerDraft {
  /** Answer text; may still carry [P1]-style markers, which the caller strips. */
  text: string;
  /** Passage ids the answer relies on, in the order cited. */
  citedIds: string[];
  /** False when the passages do not cover the question. */
  covered: boolean;
}

export interface ModelCallOptions {
  signal?: AbortSignal;
  /** Receives answer text as it is produced (streaming); never called for a non-covered answer. */
  onToken?: (token: string) => void;
}

/** One message of a conversation as a summary sees it, already redacted. */
export interface TranscriptTurn {
  role: "citizen" | "assistant" | "staff";
  text: string;
}

export interface SummaryRequest {
  /** The conversation, oldest first, with contact details masked. */
  turns: TranscriptTurn[];
  /** The language staff read the summary in (ISO 639-1). */
  lang: string;
}

/** The assistant's language model, whichever provider sits behind it. */
export interface ChatModel {
  /** "offline" or the provider's model name; recorded with every reply. */
  readonly name: string;
  condenseQuestion(request: CondenseRequest, options?: ModelCallOptions): Promise<CondensedQuestion>;
  answerQuestion(request: AnswerRequest, options?: ModelCallOptions): Promise<AnswerDraft>;
  /**
   * A few short lines on what the citizen needs and where the conversation stands, for the staff
   * member taking it over. Absent on models that cannot write one (the offline answerer).
   */
  summarizeTranscript?(request: SummaryRequest, options?: ModelCallOptions): Promise<string[]>;
}
