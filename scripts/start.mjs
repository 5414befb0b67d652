// npm start: sideload the add-in. On Windows and Mac, office-addin-debugging does it (it is fetched on
// demand, as it cannot be a dependency here); elsewhere, the steps for Excel on the web are printed and
// the https dev server is started.
import { spawn } from "node:child_process";

const desktop = process.platform === "win32" || process.platform === "darwin";
const run = (cmd, args) => spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });

if (desktop) {
  run("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml"]).on("exit", (code) =>
    process.exit(code ?? 0),
  );
} else {
  console.log(`Scorecard: sideloading into Excel on the web
  1. This starts the dev server on https://localhost:3000 (trust its certificate once in your browser).
  2. Open a workbook in Excel on the web, then Home > Add-ins > More Add-ins > My Add-ins >
     Upload My Add-in, and choose manifest.xml from this folder.
  3. The Scorecard group appears on the Home tab: "Refresh committee sheet" and "Review flags".
`);
  run("npm", ["run", "dev-server"]).on("exit", (code) => process.exit(code ?? 0));
}
