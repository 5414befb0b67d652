/**
 * @jest-environment jsdom
 */
/** The pane's SPC pieces: the badge's words for screen readers, and the special-cause filter. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { analyse } from "../../src/engine/judge/assess";
import { validateSettings } from "../../src/engine/config";
import { ReviewPanel } from "../../src/taskpane/ReviewPanel";
import {
  buildReviewItems,
  filterCards,
  filterItems,
  groupByIndicator,
} from "../../src/taskpane/review-items";
import { spcSampleGrid } from "../../scripts/spc-sample";

const analysis = analyse(spcSampleGrid(), validateSettings(undefined).settings);
const items = buildReviewItems(analysis, {});
const cards = groupByIndicator(items);

test("the special-cause filter keeps exactly the items of indicators with special cause", () => {
  const special = new Set(
    analysis.indicators.filter((a) => a.spc && a.spc.variation !== "common-cause").map((a) => a.key),
  );
  const shown = filterItems(items, "special-cause");
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(items.length);
  for (const i of shown) expect(special.has(i.key)).toBe(true);
  for (const i of items) if (special.has(i.key)) expect(shown).toContain(i);
});

test("the review list shows each indicator's SPC reading in words, explains SPC once, and filters by special cause", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPanel cards={cards} onSelect={() => undefined} onReview={() => undefined} />
    </FluentProvider>,
  );
  // "% care leavers EET (4)" fell below its lower limit: a concern, below the average, failing its target.
  const concern = analysis.indicators.find((a) => a.ref === "1.4");
  expect(concern?.spc).toMatchObject({ variation: "special-cause-concern", assurance: "fail" });
  expect(
    screen.getAllByRole("img", {
      name: "SPC variation: Concern, below the average. Assurance: Fail.",
    }).length,
  ).toBeGreaterThan(0);
  // MDC's icons beside the words: a ring in MDC's colour, the letter inside; the words carry the meaning.
  const common = screen.getAllByRole("img", {
    name: "SPC variation: Common cause. Assurance: Hit and miss.",
  })[0];
  expect(common.textContent).toMatch(/SPC: .*Common cause · .*Hit and miss/);
  const rings = [...common.querySelectorAll("circle")].map((c) => c.getAttribute("stroke"));
  expect(rings).toEqual(["#BFBFBF", "#BFBFBF"]);
  expect(common.querySelector("text")?.textContent).toBe("?");
  const concernBadge = screen.getAllByRole("img", {
    name: "SPC variation: Concern, below the average. Assurance: Fail.",
  })[0];
  expect([...concernBadge.querySelectorAll("text")].map((t) => t.textContent)).toEqual(["L", "F"]);
  expect(concernBadge.querySelector("circle")?.getAttribute("stroke")).toBe("#FF6600");
  // The plain words for SPC where it first appears, and only there.
  expect(screen.getAllByText(/^SPC \(statistical process control\) tells real change/)).toHaveLength(1);

  // One Mark reviewed per indicator; each card shows its SPC reading once.
  const marks = () => screen.getAllByRole("button", { name: /^Mark reviewed: / });
  expect(marks()).toHaveLength(cards.length);
  fireEvent.change(screen.getByLabelText("Show"), { target: { value: "special-cause" } });
  const shown = filterCards(cards, "special-cause");
  expect(shown.length).toBeGreaterThan(0);
  expect(marks()).toHaveLength(shown.length);
  expect(marks().length).toBeLessThan(cards.length);
  const list = screen.getByRole("list", { name: "Indicators with flags" });
  expect(within(list).queryAllByText(/Common cause/)).toEqual([]);
  expect(within(list).getAllByRole("img", { name: /^SPC variation: / })).toHaveLength(shown.length);
});
