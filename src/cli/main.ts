/**
 * `scorecard analyse|build|demo`: the engine on .xlsx files. Exit codes: 0 success, 2 usage or an
 * unreadable file or layout, with a one-line message on stderr (never a stack trace).
 */
import { mkdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { analyse } from "../engine/judge/assess";
import { LayoutError } from "../engine/read/layout";
import { buildNarrative } from "../engine/paper/narrative";
import { realTarget, writeFileAtomic } from "../hosts/file/atomic-write";
import { buildWorkbookFile, FileBuildOutcome } from "../hosts/file/build-file";
import { commentaryKept, paperCounts } from "../engine/paper/paper-summary";
import { chooseSheet, UserError } from "../hosts/file/workbook";
import { WorkbookPackage } from "../hosts/file/workbook-package";
import { parseArgs } from "./args";
import { loadSettings } from "./load-settings";
import { explain } from "./explain";
import { nationalLines, withCouncil, withNational } from "./national";
import { toJson, toTable } from "./report";

const USAGE = `usage:
  scorecard analyse <file.xlsx> [--sheet NAME] [--config FILE] [--council NAME] [--json | --explain]
  scorecard build <file.xlsx> (--out <out.xlsx> | --in-place) [--sheet NAME] [--config FILE] [--council NAME]
  scorecard build <a.xlsx> <b.xlsx> ... (--out-dir DIR | --in-place) [--sheet NAME] [--config FILE] [--council NAME]
  scorecard demo`;

async function analyseCommand(file: string, flags: Record<string, string | true>): Promise<void> {
  if (flags.json && flags.explain) throw new UsageError("use --json or --explain, not both");
  const loaded = loadSettings(typeof flags.config === "string" ? flags.config : undefined, (p) =>
    process.stderr.write(`config: ${p}\n`),
  );
  const settings = await withCouncil(loaded.settings, flags.council);
  const pkg = WorkbookPackage.open(file);
  const sheet = typeof flags.sheet === "string" ? flags.sheet : settings.sourceSheet;
  const chosen = await chooseSheet(pkg, sheet);
  if (chosen.why) process.stderr.write(`${chosen.why}\n`);
  const analysis = await withNational(analyse(chosen.grid, settings));
  if (flags.json) process.stdout.write(JSON.stringify(toJson(analysis), null, 2) + "\n");
  else if (flags.explain) process.stdout.write(explain(analysis) + "\n");
  else {
    const national =
      settings.council || analysis.indicators.some((i) => i.national) ? nationalLines(analysis) : [];
    process.stdout.write(
      [toTable(analysis), ...(national.length ? ["", ...national] : [])].join("\n") + "\n",
    );
  }
}

type Flags = Record<string, string | true>;

const MACRO_EXT = /\.xlsm$/i;

/** Where a build of `file` goes, checked before any work is done. */
function outputFor(file: string, flags: Flags, many: boolean): string {
  if (flags["in-place"] && (flags.out || flags["out-dir"]))
    throw new UsageError("use --in-place, or --out/--out-dir, not both");
  if (flags["in-place"]) return file;
  if (typeof flags["out-dir"] === "string") return join(flags["out-dir"], basename(file));
  if (typeof flags.out === "string") {
    if (many) throw new UsageError("several workbooks need --out-dir DIR or --in-place, not --out");
    return flags.out;
  }
  throw new UsageError(
    many ? "build needs --out-dir DIR or --in-place" : "build needs --out <out.xlsx> or --in-place",
  );
}

function ensureFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "ENOTDIR" || code === "EEXIST"
        ? `Cannot write into ${dir}: part of that path is a file, not a folder.`
        : `Cannot create the folder ${dir} (${code ?? "error"}).`,
    );
  }
  if (!statSync(dir).isDirectory())
    throw new UserError(`Cannot write into ${dir}: it is a file, not a folder.`);
}

/** Builds one workbook and writes it atomically; returns the lines to print. */
async function buildOne(
  file: string,
  out: string,
  flags: Flags,
): Promise<{ outcome: FileBuildOutcome; lines: string[] }> {
  const settings = await withCouncil(
    loadSettings(typeof flags.config === "string" ? flags.config : undefined, () => undefined).settings,
    flags.council,
  );
  const macro = MACRO_EXT.test(file);
  if (macro !== MACRO_EXT.test(out) && /\.xls[xm]$/i.test(out))
    throw new UserError(
      macro
        ? `${file} has macros; write it to an .xlsm file so Excel keeps them (not ${out}).`
        : `${out} would be a macro-enabled name for a workbook without macros; use .xlsx.`,
    );
  const outcome = await buildWorkbookFile(
    file,
    settings,
    typeof flags.sheet === "string" ? flags.sheet : undefined,
  );
  ensureFolder(dirname(resolve(out)));
  writeFileAtomic(out, outcome.bytes);
  const lines = [
    `Wrote sheet '${outcome.sheetName}' to ${out} from sheet '${outcome.analysis.sheet}': ${paperCounts(outcome.analysis, outcome.committee)}.`,
  ];
  if (outcome.sourceWhy) lines.unshift(outcome.sourceWhy);
  if (outcome.chartsSheet && outcome.chartCount)
    lines.push(
      `Drew ${outcome.chartCount} XmR chart${outcome.chartCount === 1 ? "" : "s"} of the areas for focus on sheet '${outcome.chartsSheet}'${outcome.chartsOmitted ? ` (${outcome.chartsOmitted} more not charted; red before amber)` : ""}.`,
    );
  if (outcome.renamedFrom) {
    lines.push(
      `A sheet named '${outcome.renamedFrom}' already exists and was not made by Scorecard, so it was left alone and '${outcome.sheetName}' was used.`,
    );
  }
  lines.push(...commentaryKept(outcome.committee));
  if (settings.council) lines.push(nationalLines(await withNational(outcome.analysis))[0]);
  if (outcome.truncated.length)
    lines.push(
      `Text in ${outcome.truncated.join(", ")} was longer than Excel's 32,767 characters and was cut (it ends in "…").`,
    );
  if (outcome.cappedRows.length)
    lines.push(
      `${outcome.cappedRows.length === 1 ? "Row" : "Rows"} ${outcome.cappedRows.join(", ")} ${outcome.cappedRows.length === 1 ? "was" : "were"} capped at Excel's maximum height of 409 pt.`,
    );
  return { outcome, lines };
}

async function buildCommand(files: string[], flags: Flags): Promise<number> {
  if (!files.length) throw new UsageError("build takes one or more .xlsx files");
  const many = files.length > 1;
  const outs = files.map((f) => outputFor(f, flags, many));
  // Settings problems are reported once, before any workbook; an unknown council stops the run here.
  const loaded = loadSettings(typeof flags.config === "string" ? flags.config : undefined, (p) =>
    process.stderr.write(`config: ${p}\n`),
  );
  await withCouncil(loaded.settings, flags.council);
  if (!many) {
    const { lines } = await buildOne(files[0], outs[0], flags);
    process.stdout.write(lines.join("\n") + "\n");
    return 0;
  }
  const seen = new Set<string>();
  for (const o of outs) {
    const key = realTarget(o).toLowerCase();
    if (seen.has(key))
      throw new UsageError(`two workbooks would be written to ${o}; give each a different name`);
    seen.add(key);
  }
  const failed: string[] = [];
  let built = 0;
  for (let i = 0; i < files.length; i++) {
    const tag = `[${i + 1}/${files.length}] ${files[i]}`;
    try {
      const { lines } = await buildOne(files[i], outs[i], flags);
      built++;
      process.stdout.write(`${tag}: ${lines.join(" ")}\n`);
    } catch (e) {
      if (!(e instanceof UserError || e instanceof LayoutError)) throw e;
      failed.push(files[i]);
      process.stdout.write(`${tag}: FAILED: ${oneLine(e.message)}\n`);
    }
  }
  process.stdout.write(
    `Built ${built} of ${files.length} workbooks${failed.length ? `; ${failed.length} failed (${failed.join(", ")}), each left untouched` : ""}.\n`,
  );
  return failed.length ? 2 : 0;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ");
}

async function demoCommand(): Promise<void> {
  const root = projectRoot();
  // Thirteen years of one authority's published figures (scripts/build-demo-sample.ts): long enough for
  // SPC and the XmR charts to show.
  const sample = join(root, "seeds", "annual-scorecard.xlsx");
  const out = join(root, "out", "committee.xlsx");
  process.stdout.write(`Scorecard demo: building the committee sheet for the bundled sample ${sample}\n\n`);
  const { outcome, lines } = await buildOne(sample, out, {});
  process.stdout.write(lines.join("\n") + "\n");
  const { analysis } = outcome;
  const n = buildNarrative(analysis);
  process.stdout.write(
    `\n${toTable(analysis)}\n\nPerforming well\n${n.performingWell.map((s) => `  • ${s}`).join("\n")}\n\nAreas for focus\n${n.areasForFocus.map((s) => `  • ${s}`).join("\n")}\n\nOpen ${out} in Excel or LibreOffice; npm run render -- ${out} makes a PNG of the committee sheet.\n`,
  );
}

/** The project folder, from src/cli (tsx) or from the bundle in out/cli. */
function projectRoot(): string {
  return join(__dirname, "..", "..");
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(
      argv,
      ["sheet", "config", "out", "out-dir", "council"],
      ["json", "explain", "in-place", "help"],
    );
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
        return await buildCommand(args.positional, args.flags);
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
      process.stderr.write(`scorecard: ${oneLine(e.message)}\n`);
      return 2;
    }
    // Anything else is a bug, but the analyst still gets one line, and the details only on request.
    process.stderr.write(
      `scorecard: unexpected error: ${oneLine((e as Error).message ?? String(e))} (set SCORECARD_DEBUG=1 for details)\n`,
    );
    if (process.env.SCORECARD_DEBUG) process.stderr.write(`${(e as Error).stack ?? ""}\n`);
    return 2;
  }
}

class UsageError extends Error {}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`scorecard: unexpected error: ${oneLine(String((e as Error).message ?? e))}\n`);
      process.exitCode = 2;
    },
  );
}
