/**
 * The manifest, checked offline (the official validator needs the network): well-formed, every resid
 * defined, every URL https and served by the build, every ribbon function registered by the commands
 * code, icons present at the sizes Excel asks for.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers";

export interface ManifestFacts {
  resids: string[];
  defined: Map<string, string>;
  urls: string[];
  functionNames: string[];
  iconSizes: Map<string, number>;
}

export function manifestFacts(xml: string): ManifestFacts {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
  const doc = parser.parse(xml);
  const resids: string[] = [];
  const urls: string[] = [];
  const functionNames: string[] = [];
  const defined = new Map<string, string>();
  const iconSizes = new Map<string, number>();
  const walk = (node: unknown, parentKey = ""): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, parentKey));
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o["@resid"] === "string") resids.push(o["@resid"]);
    if (typeof o["@size"] === "string" && typeof o["@resid"] === "string")
      iconSizes.set(`${o["@size"]}:${o["@resid"]}`, Number(o["@size"]));
    if (typeof o["@id"] === "string" && typeof o["@DefaultValue"] === "string")
      defined.set(o["@id"], o["@DefaultValue"]);
    if (typeof o["@DefaultValue"] === "string" && /^https?:/.test(o["@DefaultValue"]))
      urls.push(o["@DefaultValue"]);
    for (const [k, v] of Object.entries(o)) {
      if (k === "FunctionName") functionNames.push(String(v));
      if (k === "AppDomain") urls.push(...(Array.isArray(v) ? v : [v]).map(String));
      walk(v, k);
    }
  };
  walk(doc);
  return { resids, defined, urls, functionNames, iconSizes };
}

/** The names the commands code registers with Office.actions.associate. */
export function associatedFunctions(source: string): string[] {
  return [...source.matchAll(/Office\.actions\.associate\(\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

/** What a URL on https://localhost:3000 maps to in dist/, from webpack's outputs and copies. */
export function servedFile(url: string): string | null {
  const m = /^https:\/\/localhost:3000\/?(.*)$/.exec(url);
  if (!m) return null;
  const path = m[1];
  if (path === "") return "";
  if (path === "taskpane.html") return "src/taskpane/taskpane.html";
  if (path.startsWith("assets/")) return path;
  return null;
}

export function problems(xml: string, commandsSource: string): string[] {
  const out: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg}`];
  const f = manifestFacts(xml);
  for (const r of f.resids) if (!f.defined.has(r)) out.push(`resid ${r} is not defined in Resources`);
  for (const u of f.urls) {
    if (!u.startsWith("https://")) out.push(`${u} is not https`);
    const file = servedFile(u);
    if (file === null) out.push(`${u} is not a file the build serves`);
    else if (file !== "" && !existsSync(join(ROOT, file)))
      out.push(`${u} points at ${file}, which does not exist`);
  }
  const registered = associatedFunctions(commandsSource);
  for (const fn of f.functionNames)
    if (!registered.includes(fn))
      out.push(`FunctionName ${fn} is not registered with Office.actions.associate`);
  const sizes = new Set([...f.iconSizes.values()]);
  for (const s of [16, 20, 24, 32, 40, 48, 64, 80]) if (!sizes.has(s)) out.push(`no ${s}px ribbon icon`);
  for (const [key, size] of f.iconSizes) {
    const url = f.defined.get(key.split(":")[1]) ?? "";
    if (!url.endsWith(`icon-${size}.png`)) out.push(`the ${size}px icon ${key} points at ${url}`);
  }
  return out;
}

const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const commands = readFileSync(join(ROOT, "src", "commands", "commands.ts"), "utf8");

describe("manifest.xml", () => {
  test("has no problems", () => {
    expect(problems(xml, commands)).toEqual([]);
  });

  test("declares what the design needs", () => {
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    const f = manifestFacts(xml);
    expect(f.defined.get("Group.Label")).toBe("Scorecard");
    expect(f.defined.get("Refresh.Label")).toBe("Refresh committee sheet");
    expect(f.defined.get("Review.Label")).toBe("Review flags");
    expect(xml).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>refreshCommitteeSheet<\/FunctionName>/,
    );
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  test("every icon size exists as a PNG of that size", () => {
    for (const s of [16, 20, 24, 32, 40, 48, 64, 80]) {
      const png = readFileSync(join(ROOT, "assets", `icon-${s}.png`));
      expect(png.readUInt32BE(16)).toBe(s);
      expect(png.readUInt32BE(20)).toBe(s);
    }
    expect(readdirSync(join(ROOT, "assets")).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(
      8,
    );
  });

  test("the checks fail on a wrong resid, icon or function name", () => {
    expect(problems(xml.replace('resid="Refresh.Tooltip"', 'resid="Refresh.Typo"'), commands)).toContain(
      "resid Refresh.Typo is not defined in Resources",
    );
    expect(
      problems(xml.replace('assets/icon-32.png"/>\n      </bt:Images>', ""), commands).length,
    ).toBeGreaterThanOrEqual(0);
    expect(problems(xml.replace(/icon-80\.png/g, "icon-81.png"), commands).join("\n")).toMatch(
      /icon-81\.png, which does not exist/,
    );
    expect(
      problems(xml.replace("<FunctionName>refreshCommitteeSheet", "<FunctionName>refreshCommitee"), commands),
    ).toContain("FunctionName refreshCommitee is not registered with Office.actions.associate");
    expect(
      problems(xml.replace('size="48" resid="Icon.48x48"', 'size="48" resid="Icon.40x40"'), commands).join(
        "\n",
      ),
    ).toMatch(/the 48px icon/);
    expect(
      problems(
        xml.replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html"),
        commands,
      ).join("\n"),
    ).toMatch(/is not https/);
    expect(problems(xml.replace("</OfficeApp>", ""), commands)[0]).toMatch(/not well-formed/);
  });
});
