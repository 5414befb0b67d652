/**
 * @jest-environment jsdom
 */
/** The pane's pieces in jsdom, over the real Office adapter and the fake Excel holding the 000 sample. */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { App } from "../../src/taskpane/App";
import { officeHost } from "../../src/hosts/office/office-host";
import { SETTINGS_KEY } from "../../src/hosts/office/settings-store";
import { resetSession, runRefresh } from "../../src/commands/session";
import { buildReviewItems, filterItems, countByGroup } from "../../src/taskpane/review-items";
import { fixtureFromXlsx, modelFrom, SheetFixture } from "../fake-excel/from-xlsx";
import { installFakeOffice, FakeOffice } from "../fake-excel/install";
import { MONTHLY, seedAnalysis } from "../helpers";

let fixture: SheetFixture[];
beforeAll(async () => {
  fixture = await fixtureFromXlsx(MONTHLY);
});

let fake: FakeOffice;
beforeEach(() => {
  resetSession();
  fake = installFakeOffice(modelFrom(fixture));
});

async function show(ui: ReactElement): Promise<void> {
  await act(async () => {
    render(ui);
  });
  await screen.findByText("Indicators");
}

function saved(): Record<string, unknown> {
  return JSON.parse(String(fake.settings.get(SETTINGS_KEY) ?? "{}"));
}

describe("review items", () => {
  test("every red, amber, worsening and data-quality flag, grouped and filterable", async () => {
    const a = await seedAnalysis(MONTHLY);
    const items = buildReviewItems(a, {});
    const counts = countByGroup(items);
    expect(counts.red).toBe(7);
    expect(counts.amber).toBe(4);
    expect(counts.worsening).toBe(2);
    expect(counts["data-quality"]).toBeGreaterThanOrEqual(5);
    expect(filterItems(items, "red").every((i) => i.group === "red")).toBe(true);
    expect(filterItems(items, "all", "11.13").map((i) => i.about)).toEqual(
      expect.arrayContaining([
        "band",
        "trend",
        "numerator-denominator-mismatch",
        "missing-period",
        "small-denominator",
      ]),
    );
    const reviewed = buildReviewItems(a, { "3.1": [{ about: "band", note: "Known", value: 0.851, at: "" }] });
    expect(filterItems(reviewed, "open").some((i) => i.key === "3.1" && i.about === "band")).toBe(false);
    // A review made against another value no longer applies.
    const stale = buildReviewItems(a, { "3.1": [{ about: "band", note: "Old", value: 0.8, at: "" }] });
    expect(stale.find((i) => i.key === "3.1" && i.about === "band")?.review).toBeUndefined();
  });
});

describe("the task pane", () => {
  test("shows what was detected", async () => {
    await show(<App host={officeHost()} />);
    const facts = screen.getByText("Indicators").closest("dl");
    expect(facts).not.toBeNull();
    if (!facts) return;
    expect(within(facts).getByText("19")).toBeTruthy();
    expect(within(facts).getByText("May 18 to Oct 18 (6)")).toBeTruthy();
    expect(screen.getByLabelText("Scorecard sheet")).toHaveProperty("value", "Scorecard");
    expect(screen.getByLabelText(/^F: .*Current/)).toHaveProperty("value", "current");
  });

  test("refreshes with progress and a clear result, announced to screen readers", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("button", { name: "Refresh committee sheet" }));
    await screen.findByText(
      /Sheet 'Committee' written from 'Scorecard': 19 indicators, 5 green, 4 amber, 7 red, 3 not banded\./,
    );
    const live = screen
      .getAllByRole("status")
      .find((n) => n.getAttribute("aria-live") === "polite" && /19 indicators/.test(n.textContent ?? ""));
    expect(live).toBeDefined();
    expect(fake.model.sheets.map((s) => s.name)).toContain("Committee");
  });

  test("a refresh started from the ribbon updates the open pane", async () => {
    await show(<App host={officeHost()} />);
    await act(async () => {
      await runRefresh(officeHost(), "ribbon");
    });
    await screen.findByText("Refreshed from the ribbon");
    expect(screen.getByRole("tab", { name: /Review flags \(\d+\)/ })).toBeTruthy();
  });

  test("a correction of a column role is saved in the workbook", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.change(screen.getByLabelText(/^C: .*2017\/18/), { target: { value: "baseline" } });
    await waitFor(() => expect(saved()).toMatchObject({ columns: { baseline: "C" } }));
  });

  test("review: selecting a flag selects its cell; marking it reviewed keeps a note in the workbook", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("tab", { name: /Review flags/ }));
    const item = await screen.findByRole("button", {
      name: /^11\.13 .*Missing period\. Go to Scorecard K33$/,
    });
    fireEvent.click(item);
    await waitFor(() => expect(fake.model.selection).toEqual({ sheet: "Scorecard", address: "K33" }));
    fireEvent.click(screen.getByRole("button", { name: /Mark reviewed: 11\.13 .*Missing period/ }));
    fireEvent.change(screen.getByLabelText("Review note"), {
      target: { value: "August return not submitted" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save review" }));
    await screen.findByText("✓ Reviewed: August return not submitted");
    expect(saved()).toMatchObject({
      reviews: { "11.13": [{ about: "missing-period", note: "August return not submitted", value: 2.6 }] },
    });
  });

  test("settings: tolerance and committee sheet name are validated and saved", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    fireEvent.change(screen.getByLabelText(/Committee sheet name/), { target: { value: "Bad/Name" } });
    expect(screen.getByText(/none of/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save settings" })).toHaveProperty("disabled", true);
    fireEvent.change(screen.getByLabelText(/Committee sheet name/), { target: { value: "Paper" } });
    fireEvent.change(screen.getByLabelText(/Tolerance for single targets/), { target: { value: "10" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/Settings saved in this workbook/);
    expect(saved()).toMatchObject({ committeeSheet: "Paper", tolerance: { kind: "relative", amount: 0.1 } });
  });

  test("a refresh error is shown with its message", async () => {
    fake.model.sheets = fake.model.sheets.filter((s) => s.name === "Notes");
    await act(async () => {
      render(<App host={officeHost()} />);
    });
    fireEvent.click(screen.getByRole("button", { name: "Refresh committee sheet" }));
    await screen.findByText("Refresh failed");
    expect(screen.getAllByText(/Sheet 'Notes'/).length).toBeGreaterThan(0);
  });
});
