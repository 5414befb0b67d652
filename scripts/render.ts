/**
 * npm run render -- <file.xlsx> [outDir] [--charts]: the committee sheet (or, with --charts, the XmR
 * charts sheet) through LibreOffice to PDF and PNG.
 */
import { join } from "node:path";
import { renderChartsSheet, renderCommitteeSheet } from "../src/hosts/file/render";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const charts = args.includes("--charts");
  const [file, outDir] = args.filter((a) => a !== "--charts");
  if (!file) {
    console.error("usage: npm run render -- <file.xlsx> [outDir] [--charts]");
    process.exit(2);
  }
  const r = await (charts ? renderChartsSheet : renderCommitteeSheet)(file, outDir ?? join("out", "render"));
  console.log(`PDF: ${r.pdf}`);
  for (const p of r.pngs) console.log(`PNG: ${p}`);
}

main().catch((e: unknown) => {
  console.error(`render: ${(e as Error).message}`);
  process.exit(2);
});
