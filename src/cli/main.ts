/**
 * `scorecard analyse|build|demo`: the engine on .xlsx files. Exit codes: 0 success, 2 usage or an
 * unreadable file or layout, with a one-line message on stderr.
 */
import { readFileSync } from "node:fs";
import { analyse } from "../engine/assess";
import { parseSettingsJson, Settings, validateSettings } from "../engine/config";
import { LayoutError } from "../engine/layout";
import { BuildOutcome, buildCommitteeSheet } from "../hosts/file/build";
import { chooseSheet, openWorkbook, UserError } from "../hosts/file/workbook";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildNarrative } from "../engine/narrative";
import { parseArgs } from "./args";
import { toJson, toTable } from "./report";

const USAGE = `usage:
  scorecard analyse <file.xlsx> [--sheet NAME] [--config FILE] [--json]
  scorecard build <file.xlsx> (--out <out.xlsx> | --in-place) [--sheet NAME] [--config FILE]
  scorecard demo`;

function loadSettings(path: string | undefined): { settings: Settings; problems: string[] } {
  if (path === undefined) return validateSettings(undefined);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UserError(`Cannot read the config file ${path}`);
  }
  const result = parseSettingsJson(text);
  if (result.problems.length && result.problems[0].startsWith("The settings are not valid JSON")) {
    throw new UserError(`${path}: ${result.problems[0]}`);
  }
  return result;
}

async function analyseCommand(file: string, flags: Record<string, string | true>): Promise<void> {
  const { settings, problems } = loadSettings(typeof flags.config === "string" ? flags.config : undefined);
  for (const p of problems) process.stderr.write(`config: ${p}\n`);
  const wb = await openWorkbook(file);
  const sheet = typeof flags.sheet === "string" ? flags.sheet : settings.sourceSheet;
  const chosen = chooseSheet(wb, sheet);
  if (chosen.why) process.stderr.write(`${chosen.why}\n`);
  const analysis = analyse(chosen.grid, settings);
  if (flags.json) process.stdout.write(JSON.stringify(toJson(analysis), null, 2) + "\n");
  else process.stdout.write(toTable(analysis) + "\n");
}

async function buildCommand(file: string, flags: Record<string, string | true>): Promise<BuildOutcome> {
  const out = typeof flags.out === "string" ? flags.out : flags["in-place"] ? file : undefined;
  if (out === undefined) throw new UsageError("build needs --out <out.xlsx> or --in-place");
  if (typeof flags.out === "string" && flags["in-place"])
    throw new UsageError("use --out or --in-place, not both");
  const { settings, problems } = loadSettings(typeof flags.config === "string" ? flags.config : undefined);
  for (const p of problems) process.stderr.write(`config: ${p}\n`);
  const wb = await openWorkbook(file);
  const outcome = buildCommitteeSheet(
    wb,
    settings,
    typeof flags.sheet === "string" ? flags.sheet : undefined,
  );
  if (outcome.sourceWhy) process.stderr.write(`${outcome.sourceWhy}\n`);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  try {
    await wb.xlsx.writeFile(out);
  } catch (e) {
    throw new UserError(`Cannot write ${out}: ${(e as Error).message}`);
  }
  const s = outcome.committee.summary.bands;
  const lines = [
    `Wrote sheet '${outcome.sheetName}' to ${out}: ${outcome.analysis.indicators.length} indicators from sheet '${outcome.analysis.sheet}' (${s.green} green, ${s.amber} amber, ${s.red} red, ${s.none} not banded).`,
  ];
  if (outcome.renamedFrom) {
    lines.push(
      `A sheet named '${outcome.renamedFrom}' already exists and was not made by Scorecard, so it was left alone and '${outcome.sheetName}' was used.`,
    );
  }
  if (outcome.committee.carried || outcome.committee.retired) {
    lines.push(
      `Commentary carried over for ${outcome.committee.carried} indicator(s); ${outcome.committee.retired} kept as retired commentary.`,
    );
  }
  process.stdout.write(lines.join("\n") + "\n");
  return outcome;
}

async function demoCommand(): Promise<void> {
  const root = join(__dirname, "..", "..");
  const sample = join(root, "seeds", "monthly-scorecard.xlsx");
  const out = join(root, "out", "committee.xlsx");
  process.stdout.write(`Scorecard demo: building the committee sheet for the bundled sample ${sample}\n\n`);
  const { analysis } = await buildCommand(sample, { out });
  const n = buildNarrative(analysis);
  process.stdout.write(
    `\n${toTable(analysis)}\n\nPerforming well\n${n.performingWell.map((s) => `  • ${s}`).join("\n")}\n\nAreas for focus\n${n.areasForFocus.map((s) => `  • ${s}`).join("\n")}\n\nOpen ${out} in Excel or LibreOffice; npm run render -- ${out} makes a PNG of the committee sheet.\n`,
  );
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ["sheet", "config", "out"], ["json", "in-place", "help"]);
  } catch (e) {
    process.stderr.write(`scorecard: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  try {
    switch (args.command) {
      case "analyse":
      case "analyze":
        if (args.positional.length !== 1) throw new UsageError("analyse takes one .xlsx file");
        await analyseCommand(args.positional[0], args.flags);
        return 0;
      case "build":
        if (args.positional.length !== 1) throw new UsageError("build takes one .xlsx file");
        await buildCommand(args.positional[0], args.flags);
        return 0;
      case "demo":
        await demoCommand();
        return 0;
      default:
        if (args.flags.help) {
          process.stdout.write(USAGE + "\n");
          return 0;
        }
        throw new UsageError(args.command ? `unknown command '${args.command}'` : "no command given");
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`scorecard: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof UserError || e instanceof LayoutError) {
      process.stderr.write(`scorecard: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

class UsageError extends Error {}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`scorecard: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
