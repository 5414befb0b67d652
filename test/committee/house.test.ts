/**
 * The paper's room stays easy to live in: no function in src/engine/paper longer than a screen (60
 * lines, blank lines and comments not counted), and buildCommitteePlan a composition of the parts.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { ROOT } from "../helpers";

const PAPER = join(ROOT, "src", "engine", "paper");
const MAX_LINES = 60;

interface Fn {
  file: string;
  line: number;
  name: string;
  lines: number;
}

/** Lines of code in a function: blank lines and comments not counted. */
export function codeLines(text: string): number {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((l) => l.trim() && !l.trim().startsWith("//")).length;
}

function functionsOf(file: string, text: string): Fn[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Fn[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && "body" in n && n.body) {
      const name = n.name ? n.name.getText(src) : "(anonymous)";
      out.push({
        file,
        name,
        line: src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1,
        lines: codeLines(text.slice(n.getStart(src), n.getEnd())),
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

const all = readdirSync(PAPER)
  .filter((f) => f.endsWith(".ts"))
  .flatMap((f) => functionsOf(f, readFileSync(join(PAPER, f), "utf8")));

describe("the paper's code", () => {
  test(`has no function longer than ${MAX_LINES} lines`, () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((f) => f.lines > MAX_LINES)).toEqual([]);
  });

  test("the check counts code, not comments or blank lines, and finds a long function", () => {
    const long = `function f() {\n${"  x++;\n\n  // why\n".repeat(61)}}\n`;
    expect(codeLines(long)).toBe(63);
    expect(functionsOf("x.ts", long).map((f) => f.lines)).toEqual([63]);
  });

  test("buildCommitteePlan composes the paper's parts", () => {
    const text = readFileSync(join(PAPER, "committee.ts"), "utf8");
    const build = all.find((f) => f.file === "committee.ts" && f.name === "buildCommitteePlan");
    expect(build?.lines).toBeLessThanOrEqual(15);
    for (const part of [
      "titlePart",
      "summaryCounts",
      "matrixPart",
      "summaryLists",
      "tablePart",
      "notesPart",
      "setAsidePart",
    ])
      expect({ part, composed: new RegExp(`\\b${part}\\(p`).test(text) }).toEqual({ part, composed: true });
  });
});
