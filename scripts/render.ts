/** npm run render -- <file.xlsx> [outDir]: the committee sheet through LibreOffice to PDF and PNG. */
import { join } from "node:path";
import { renderCommitteeSheet } from "../src/hosts/file/render";

async function main(): Promise<void> {
  const [file, outDir] = process.argv.slice(2);
  if (!file) {
    console.error("usage: npm run render -- <file.xlsx> [outDir]");
    process.exit(2);
  }
  const r = await renderCommitteeSheet(file, outDir ?? join("out", "render"));
  console.log(`PDF: ${r.pdf}`);
  for (const p of r.pngs) console.log(`PNG: ${p}`);
}

main().catch((e: unknown) => {
  console.error(`render: ${(e as Error).message}`);
  process.exit(2);
});
