/**
 * Replaces every `{{name}}` in one pass. A name without a value, or a value left empty, is an error:
 * an unfilled placeholder must never reach a model. Values are not scanned again, so text from
 * passages or citizens cannot inject placeholders of its own.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const filled = template.replace(/\{\{\s*([a-zA-Z][\w]*)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value.trim() === "")
      throw new Error(`prompt placeholder "${name}" has no value`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`prompt values without a placeholder: ${unused.join(", ")}`);
  return filled;
}
