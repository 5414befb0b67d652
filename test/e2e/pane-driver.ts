/**
 * Driving the production pane in Chromium: open it over a fixture at a given width, run axe-core, count
 * the keyboard's tab stops. Shared by the browser test and the screenshot script.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import type { SheetFixture } from "../fake-excel/from-xlsx";
import { ROOT } from "../helpers";
import { fakeOfficeBundle } from "./harness";

/** Office's narrowest task pane, and the widest Excel on the web allows (Office.TaskPane.setWidth). */
export const WIDTHS = [320, 500] as const;
export const HEIGHT = 700;

/** Waits until fn's answer equals the expected one (or gives the last answer after ~5 s). */
export async function poll<T>(fn: () => Promise<T>, expected: T): Promise<T> {
  let last = await fn();
  for (let i = 0; i < 50 && JSON.stringify(last) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await fn();
  }
  return last;
}

export async function openPane(
  browser: Browser,
  url: string,
  fixture: SheetFixture[],
  width: number,
  errors: string[],
  settings?: string,
): Promise<Page> {
  // Reduced motion: Fluent's transitions end at once, so a picture never catches a button mid-fade.
  const page = await browser.newPage({ viewport: { width, height: HEIGHT }, reducedMotion: "reduce" });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(
    ([f, s]) => {
      const w = window as unknown as { __SCORECARD_FIXTURE__: unknown; __SCORECARD_SETTINGS__?: string };
      w.__SCORECARD_FIXTURE__ = f;
      if (s) w.__SCORECARD_SETTINGS__ = s;
    },
    [fixture, settings] as const,
  );
  const fake = fakeOfficeBundle();
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: fake }),
  );
  await page.goto(`${url}/taskpane.html`);
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { html: string; target: unknown[] }[];
}

/**
 * The one finding judged a false positive: axe's aria-hidden-focus on Fluent's focus sentinels
 * (data-tabster-dummy), focusable and aria-hidden on purpose so that Tab can wrap out of a focus trap;
 * Tabster's maintainers and Accessibility Insights treat exactly these as a false positive of this rule.
 */
function realNodes(v: AxeViolation): AxeViolation["nodes"] {
  return v.id === "aria-hidden-focus"
    ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy"))
    : v.nodes;
}

/** axe-core's moderate, serious and critical findings on the page as it is now, and any sideways scroll. */
export async function axeProblems(page: Page, state: string): Promise<string[]> {
  const axe = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axe });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } };
    return (await w.axe.run({ resultTypes: ["violations"] })).violations;
  });
  const width = page.viewportSize()?.width ?? 0;
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  return violations
    .map((v) => ({ ...v, nodes: realNodes(v) }))
    .filter((v) => v.nodes.length > 0 && v.impact !== "minor" && v.impact !== null)
    .map(
      (v) =>
        `${state} at ${width} px: ${v.id} (${v.impact}, ${v.nodes.length}) ${JSON.stringify(v.nodes).slice(0, 400)}`,
    )
    .concat(wide > width ? [`${state}: the page is ${wide} px wide in a ${width} px pane`] : []);
}

/**
 * The keyboard's tab stops after `start`, as Tab visits them, each named by the indicator card it
 * sits in ("" outside the cards), until focus leaves the tab panel or comes round again.
 */
export async function tabStops(page: Page, start: Locator): Promise<string[]> {
  await start.focus();
  const stops: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest("[role=tabpanel]")) return null;
      const path: string[] = [];
      for (let n: Element | null = el; n && n !== document.body; n = n.parentElement)
        path.unshift(`${n.tagName}:${Array.prototype.indexOf.call(n.parentElement?.children ?? [], n)}`);
      const card = el.closest("li[aria-labelledby^='card-']")?.getAttribute("aria-labelledby") ?? "";
      return { id: path.join("/"), card };
    });
    if (!at || seen.has(at.id)) break;
    seen.add(at.id);
    stops.push(at.card);
  }
  return stops;
}

/** Every "rows a–b" or "rows a-b" the page says, so a test can refuse one that runs backwards. */
export async function rowRanges(page: Page): Promise<[number, number][]> {
  const text = await page.evaluate(() => document.body.innerText);
  return [...text.matchAll(/rows (\d+)\s*[-–]\s*(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The options of a select whose words would be cut when chosen: wider than the box leaves for text. */
export function clippedOptions(select: Locator): Promise<string[]> {
  return select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement("canvas").getContext("2d");
    if (!ctx) return ["no canvas"];
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [...el.options].map((o) => o.text).filter((t) => ctx.measureText(t).width > room);
  });
}
