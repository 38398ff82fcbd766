/** Injection markers that read the same in every language: chat-template tokens and role headers. */
export const MARKUP_INJECTION_RULES: string[] = [
  String.raw`<\|?(?:im_start|im_end|system|endoftext|assistant|user)\|?>`,
  String.raw`\[/?(?:inst|system|sys)\]`,
  "<</?sys>>|</?system>|</?instructions?>",
  String.raw`(?:^|\n)\s*(?:system|assistant|developer)\s*:`,
  String.raw`#{2,}\s*(?:system|instructions?|new task|override)\b`,
  String.raw`\b(?:begin|end) (?:of )?(?:system )?(?:prompt|instructions)\b`,
];
