/**
 * The two settings of the national comparison, read with the same promises as the rest of config.ts:
 * `council`, a name (matched against the Department's list where the dataset is at hand, not here), and
 * `national`, indicator key -> the measure the analyst confirmed, or null where they said it has none.
 */
import { isMeasureId } from "./measure-ids";

/** Which council's published figures sit beside England's. */
export interface NationalSettings {
  council?: string;
  national?: Record<string, string | null>;
}

export function readCouncil(v: unknown, problems: string[]): string | undefined {
  if (typeof v === "string" && v.trim() && v.length <= 100) return v.trim();
  problems.push(
    `council: expected the name of an English local authority, such as "Tower Hamlets", found ${JSON.stringify(v)}; none is used.`,
  );
  return undefined;
}

export function readNationalMatches(v: unknown, problems: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    problems.push(
      `national: expected an object of indicator -> measure id (or null for none), found ${JSON.stringify(v)}; the suggestions are used.`,
    );
    return out;
  }
  for (const [key, id] of Object.entries(v)) {
    if (id === null || (typeof id === "string" && isMeasureId(id))) out[key] = id;
    else
      problems.push(
        `national.${key}: ${JSON.stringify(id)} is not a national measure; the suggestion is used.`,
      );
  }
  return out;
}
