/**
 * The council, found by the names people write: "Tower Hamlets", "London Borough of Tower Hamlets",
 * "Bristol City Council", "City of Bristol", "Hull", "St Helens". An unknown name gets the near ones,
 * and a scorecard's title or sheet name can suggest the council before the analyst chooses it.
 */
import type { NationalAuthority } from "./dataset";

export function normaliseName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bst\.?(?=\s)/g, "st")
    .replace(/\bsaint\b/g, "st")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const LEADING = /^(the )?((london|royal|metropolitan) )?(borough|district|city|county) (council )?of /;
const TRAILING =
  / ((metropolitan )?(borough|city|county|district|unitary) )?council( children s services)?$| children s services$/;

/** What people add around an authority's name: "London Borough of ...", "... County Council". */
function stripAffixes(n: string): string {
  const once = n.replace(TRAILING, "").replace(/^the /, "");
  return once === "city of london" ? once : once.replace(LEADING, "");
}

/** The names an authority answers to, normalised: its own, its core without ", City of", known short forms. */
export function namesOf(a: NationalAuthority): string[] {
  const full = normaliseName(a.name);
  const names = new Set([full]);
  const core = /^(.*), (city|county) of$/i.exec(a.name);
  if (core) {
    const c = normaliseName(core[1]);
    names.add(c).add(`${core[2].toLowerCase()} of ${c}`).add(`${c} ${core[2].toLowerCase()}`);
  }
  if (/^kingston upon hull/.test(full)) names.add("hull");
  if (full === "county durham") names.add("durham");
  if (full === "bournemouth christchurch and poole") names.add("bcp");
  return [...names];
}

export type CouncilLookup = { authority: NationalAuthority } | { near: NationalAuthority[] };

export function findCouncil(authorities: readonly NationalAuthority[], name: string): CouncilLookup {
  const n = normaliseName(name);
  const wanted = [n, stripAffixes(n)];
  const exact = authorities.find((a) => a.code === name.trim() || namesOf(a).some((x) => wanted.includes(x)));
  if (exact) return { authority: exact };
  return { near: nearCouncils(authorities, stripAffixes(n)) };
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** Up to five authorities whose name is a short edit away from, contains, or shares a word with the input. */
export function nearCouncils(authorities: readonly NationalAuthority[], n: string): NationalAuthority[] {
  if (!n) return [];
  const words = new Set(
    n.split(" ").filter((w) => w.length > 3 && !["north", "south", "east", "west"].includes(w)),
  );
  const scored = authorities.map((a) => {
    const names = namesOf(a);
    const d = Math.min(...names.map((x) => editDistance(n, x)));
    const shares = names.some((x) => x.includes(n) || x.split(" ").some((w) => words.has(w)));
    return { a, d, close: d <= Math.max(2, Math.floor(n.length / 4)) || shares };
  });
  return scored
    .filter((s) => s.close)
    .sort((x, y) => x.d - y.d || x.a.name.localeCompare(y.a.name))
    .slice(0, 5)
    .map((s) => s.a);
}

/** The one-line message for a name that is not an English authority. */
export function unknownCouncilMessage(name: string, near: readonly NationalAuthority[]): string {
  const list = near.map((a) => a.name);
  const hint = list.length
    ? ` Did you mean ${list.length === 1 ? list[0] : `one of: ${list.join("; ")}`}?`
    : ' Use the name the Department for Education gives it, such as "Tower Hamlets" or "Bristol, City of".';
  return `No English local authority is called "${name}".${hint}`;
}

/**
 * The authority a title or sheet name names, the longest name winning ("North Yorkshire" over "York").
 * Mixed-case text must write the name with capitals, so "reading the figures" is not Reading.
 */
export function councilInText(
  authorities: readonly NationalAuthority[],
  texts: readonly string[],
): NationalAuthority | undefined {
  let best: { a: NationalAuthority; length: number } | undefined;
  for (const text of texts) {
    const caps = text !== text.toUpperCase();
    const padded = ` ${normaliseName(text)} `;
    const words = ` ${text.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, " ")} `;
    for (const a of authorities) {
      for (const name of namesOf(a)) {
        if (!padded.includes(` ${name} `) || (best && best.length >= name.length)) continue;
        if (caps && !capitalised(words, name)) continue;
        best = { a, length: name.length };
      }
    }
  }
  return best?.a;
}

/** Whether the name's words appear in the text starting with a capital ("Tower Hamlets", "Kingston upon Hull"). */
function capitalised(words: string, name: string): boolean {
  const title = (w: string) => `${w[0].toUpperCase()}${w.slice(1)}`;
  const pattern = name
    .split(" ")
    .map(
      (w) =>
        `(?:${/^(and|upon|on|of|with|the|in|st)$/.test(w) ? `${w}|` : ""}${title(w)}|${w.toUpperCase()})`,
    )
    .join(" ");
  return new RegExp(` ${pattern} `).test(words);
}
