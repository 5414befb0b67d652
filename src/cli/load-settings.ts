/**
 * Reading a settings file as people actually save them: UTF-8 with or without a byte-order mark, or
 * UTF-16 (what Notepad and PowerShell's Out-File write). Keys the add-in does not know are warned
 * about (a typo otherwise silently does nothing), and two roles pinned to one column are refused.
 */
import { readFileSync } from "node:fs";
import { parseSettingsJson, Settings, SETTING_KEYS, validateSettings } from "../engine/config";
import { UserError } from "../hosts/file/workbook";

export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString("utf8");
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  if (buf[0] === 0xfe && buf[1] === 0xff) return swap16(buf.subarray(2)).toString("utf16le");
  // UTF-16 without a mark: JSON starts with an ASCII character, so one of the first two bytes is 0.
  if (buf.length >= 2 && buf[0] !== 0 && buf[1] === 0) return buf.toString("utf16le");
  if (buf.length >= 2 && buf[0] === 0 && buf[1] !== 0) return swap16(buf).toString("utf16le");
  return buf.toString("utf8");
}

function swap16(buf: Buffer): Buffer {
  const out = Buffer.alloc(buf.length - (buf.length % 2));
  for (let i = 0; i + 1 < buf.length; i += 2) {
    out[i] = buf[i + 1];
    out[i + 1] = buf[i];
  }
  return out;
}

export function loadSettings(
  path: string | undefined,
  warn: (problem: string) => void,
): { settings: Settings; problems: string[] } {
  if (path === undefined) return validateSettings(undefined);
  let text: string;
  try {
    text = decodeText(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "ENOENT"
        ? `No such config file: ${path}`
        : `Cannot read the config file ${path} (${code ?? "error"})`,
    );
  }
  text = text.replace(/^\uFEFF/, "");
  const result = parseSettingsJson(text);
  if (result.problems.length && result.problems[0].startsWith("The settings are not valid JSON")) {
    throw new UserError(`${path}: ${result.problems[0]}`);
  }
  const raw = JSON.parse(text) as unknown;
  const problems = [...result.problems];
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    // The engine's table of readers is the list: a new setting needs no list kept here.
    const known = new Set<string>(SETTING_KEYS);
    for (const key of Object.keys(raw)) {
      if (!known.has(key))
        problems.push(`unknown setting "${key}" is ignored (known: ${SETTING_KEYS.join(", ")}).`);
    }
  }
  const byColumn = new Map<string, string[]>();
  for (const [role, letter] of Object.entries(result.settings.columns)) {
    if (typeof letter !== "string") continue;
    byColumn.set(letter, [...(byColumn.get(letter) ?? []), role]);
  }
  for (const [letter, roles] of byColumn) {
    if (roles.length > 1)
      throw new UserError(
        `${path}: column ${letter} is pinned to more than one role (${roles.join(", ")}); give each role its own column.`,
      );
  }
  for (const p of problems) warn(p);
  return { settings: result.settings, problems };
}
