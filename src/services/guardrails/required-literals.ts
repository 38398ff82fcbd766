/*
 * Finds literal strings a regular expression cannot match without: at least one of the returned strings occurs
 * in every match. The guardrails test these with String.includes before running (and so compiling) a rule,
 * which keeps hundreds of rules cheap on a cold start. Handles the regex subset the rules use.
 */

type Node =
  | { kind: "char"; value: string }
  | { kind: "zero" }
  | { kind: "other" }
  | { kind: "alt"; branches: Node[][] }
  | { kind: "seq"; items: Item[] };

interface Item {
  node: Node;
  min: number;
  max: number;
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Error(`unexpected ${this.src[this.i]} at ${this.i}`);
    return node;
  }

  private alternation(): Node {
    const branches: Node[][] = [[this.sequence()]];
    while (this.src[this.i] === "|") {
      this.i += 1;
      branches.push([this.sequence()]);
    }
    return branches.length === 1 ? branches[0]![0]! : { kind: "alt", branches };
  }

  private sequence(): Node {
    const items: Item[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const node = this.atom();
      const [min, max] = this.quantifier();
      items.push({ node, min, max });
    }
    return { kind: "seq", items };
  }

  private atom(): Node {
    const ch = this.src[this.i++]!;
    if (ch === "(") {
      let zeroWidth = false;
      if (this.src[this.i] === "?") {
        const rest = this.src.slice(this.i, this.i + 3);
        if (rest.startsWith("?:")) this.i += 2;
        else if (rest.startsWith("?=") || rest.startsWith("?!")) {
          this.i += 2;
          zeroWidth = true;
        } else if (rest === "?<=" || rest === "?<!") {
          this.i += 3;
          zeroWidth = true;
        } else if (rest.startsWith("?<")) this.i = this.src.indexOf(">", this.i) + 1;
      }
      const inner = this.alternation();
      if (this.src[this.i++] !== ")") throw new Error("unbalanced group");
      return zeroWidth ? { kind: "zero" } : inner;
    }
    if (ch === "[") {
      while (this.i < this.src.length && this.src[this.i] !== "]")
        this.i += this.src[this.i] === "\\" ? 2 : 1;
      this.i += 1;
      return { kind: "other" };
    }
    if (ch === "\\") {
      const next = this.src[this.i++]!;
      if ("bB".includes(next)) return { kind: "zero" };
      if ("pP".includes(next)) {
        this.i = this.src.indexOf("}", this.i) + 1;
        return { kind: "other" };
      }
      if (next === "u" || next === "x") {
        this.i += next === "u" ? 4 : 2;
        return { kind: "other" };
      }
      if ("wWsSdDnrtfv0".includes(next) || /[1-9]/.test(next)) return { kind: "other" };
      return { kind: "char", value: next };
    }
    if (ch === "^" || ch === "$") return { kind: "zero" };
    if (ch === ".") return { kind: "other" };
    return { kind: "char", value: ch };
  }

  private quantifier(): [number, number] {
    const ch = this.src[this.i];
    let bounds: [number, number] = [1, 1];
    if (ch === "?") bounds = [0, 1];
    else if (ch === "*") bounds = [0, Infinity];
    else if (ch === "+") bounds = [1, Infinity];
    else if (ch === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return bounds;
      const min = Number(m[1]);
      this.i += m[0].length - 1;
      bounds = [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity];
    } else return bounds;
    this.i += 1;
    if (this.src[this.i] === "?") this.i += 1;
    return bounds;
  }
}

/** One of these strings must occur; undefined when nothing is required. */
type Requirement = string[] | undefined;

function strength(req: string[]): number {
  return Math.min(...req.map((s) => s.trim().length)) * 100 - req.length;
}

function best(candidates: string[][]): Requirement {
  let chosen: string[] | undefined;
  for (const c of candidates) if (!chosen || strength(c) > strength(chosen)) chosen = c;
  return chosen;
}

function required(node: Node): Requirement {
  if (node.kind === "char") return [node.value];
  if (node.kind === "zero" || node.kind === "other") return undefined;
  if (node.kind === "alt") {
    const out: string[] = [];
    for (const branch of node.branches) {
      const req = required(branch[0]!);
      if (!req) return undefined;
      out.push(...req);
    }
    return out;
  }
  const candidates: string[][] = [];
  let run = "";
  const closeRun = () => {
    if (run) candidates.push([run]);
    run = "";
  };
  for (const item of node.items) {
    if (item.node.kind === "zero") continue;
    if (item.node.kind === "char" && item.min >= 1) {
      run += item.node.value;
      if (item.max !== 1) closeRun();
      continue;
    }
    closeRun();
    if (item.min >= 1) {
      const req = required(item.node);
      if (req) candidates.push(req);
    }
  }
  closeRun();
  return best(candidates);
}

/** Literal strings of which at least one occurs in any match of `source`; undefined when none can be found. */
export function findRequiredLiterals(source: string): string[] | undefined {
  const req = required(new Parser(source).parse());
  // Very short anchors (single letters, spaces) would pass almost every text; not worth checking.
  return req && strength(req) >= 200 ? [...new Set(req)] : undefined;
}
