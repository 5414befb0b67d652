/**
 * Config validation names the key and the problem for every documented key, and the list of known
 * keys it prints has them all. The documented keys are read from the README's example config, so a
 * key documented there and forgotten here fails.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SETTING_KEYS, validateSettings } from "../../src/engine/config";
import { loadSettings } from "../../src/cli/load-settings";
import { ROOT } from "../helpers";

function documentedKeys(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /A config file \(`--config`\)[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("README has no example config");
  return Object.keys(JSON.parse(block) as object);
}

function warnings(config: unknown): string[] {
  const file = join(mkdtempSync(join(tmpdir(), "sc-config-")), "config.json");
  writeFileSync(file, JSON.stringify(config));
  const seen: string[] = [];
  loadSettings(file, (p) => seen.push(p));
  return seen;
}

describe("config messages", () => {
  test("every documented key is known, and the example config reads without a problem", () => {
    const keys = documentedKeys();
    expect(keys).toEqual(expect.arrayContaining(["headerRows", "asAt", "committee", "sourceSheet"]));
    expect(SETTING_KEYS).toEqual(expect.arrayContaining(keys));
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const example = JSON.parse(
      /A config file \(`--config`\)[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? "",
    );
    expect(validateSettings(example).problems).toEqual([]);
  });

  test.each(["headerRows", "asAt", "committee", "sourceSheet"])(
    "a bad %s is reported by its name and its problem, never as an unknown setting",
    (key) => {
      const seen = warnings({ [key]: [] });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(new RegExp(`^${key}: expected .*found \\[\\]`));
      expect(seen.join("\n")).not.toMatch(/unknown setting/);
    },
  );

  test("every known key with a value of the wrong kind: one message naming the key and what was found", () => {
    for (const key of SETTING_KEYS) {
      const { problems } = validateSettings({ [key]: [] });
      expect({ key, problems: problems.length }).toEqual({ key, problems: 1 });
      expect(problems[0]).toMatch(new RegExp(`^${key}: .*\\[\\]`));
    }
  });

  test("an unknown key is named with every known key listed", () => {
    const seen = warnings({ colour: "blue" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^unknown setting "colour" is ignored \(known: /);
    for (const key of documentedKeys()) expect(seen[0]).toContain(key);
  });
});
