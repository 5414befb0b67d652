/**
 * @jest-environment jsdom
 */
/**
 * The national comparison, under Settings: the Department's figures load when it first opens; the council is chosen from the
 * Department's list (or taken from the title) and kept in the workbook; automatic matches are listed to
 * undo, suggestions to confirm or change, and every choice is saved in the workbook's settings.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import type { Analysis } from "../../src/engine/judge/assess";
import { Settings, validateSettings } from "../../src/engine/config";
import { officeHost } from "../../src/hosts/office/office-host";
import { SETTINGS_KEY } from "../../src/hosts/office/settings-store";
import { resetSession } from "../../src/commands/session";
import { App } from "../../src/taskpane/App";
import { NationalPanel } from "../../src/taskpane/NationalPanel";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { installFakeOffice } from "../fake-excel/install";
import { MONTHLY, QUARTERLY, seedAnalysis } from "../helpers";

configure({ asyncUtilTimeout: 10000 });

/** The panel as the pane holds it: what it saves comes back as its settings. */
function Harness({ analysis, start, saves }: { analysis: Analysis; start: Settings; saves: Settings[] }) {
  const [settings, setSettings] = useState(start);
  const onSave = async (s: Settings) => {
    saves.push(s);
    setSettings(s);
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <NationalPanel analysis={analysis} settings={settings} onSave={onSave} />
    </FluentProvider>
  );
}

async function open(analysis: Analysis, start = validateSettings({}).settings): Promise<Settings[]> {
  const saves: Settings[] = [];
  await act(async () => {
    render(<Harness analysis={analysis} start={start} saves={saves} />);
  });
  await screen.findByLabelText("Your council");
  return saves;
}

const group = (name: RegExp) => {
  const heading = screen.getByRole("heading", { name });
  return within(screen.getByRole("list", { name: heading.textContent ?? "" }));
};

test("choosing the council shows its figures beside each applied match", async () => {
  const saves = await open(await seedAnalysis(QUARTERLY));
  expect(screen.getByRole("heading", { name: "Applied automatically (5)" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Suggested: confirm or choose (5)" })).toBeTruthy();
  expect(group(/^Applied/).getByText("2024-25: England 22.6%.")).toBeTruthy();
  fireEvent.change(screen.getByLabelText("Your council"), { target: { value: "211" } });
  await waitFor(() => expect(saves.at(-1)?.council).toBe("Tower Hamlets"));
  await screen.findByText(
    "2024-25: Tower Hamlets 24.5% (worse than England); England 22.6%; London 19.4%; neighbours' median 18.4%; rank 131 of 153.",
  );
  expect(
    screen.getByText(/^Compared with England, London and its ten statistical neighbours/).textContent,
  ).toContain("Hackney, Islington, Newham");
  expect(
    screen.getByText(/^Contains public sector information licensed under the Open Government Licence v3\.0/),
  ).toBeTruthy();
});

test("an applied match can be undone, a suggestion confirmed, and both taken back", async () => {
  const saves = await open(await seedAnalysis(QUARTERLY));
  fireEvent.click(
    screen.getByRole("button", {
      name: "Undo: Reference CSC2: % of re-referrals within 12 months of a previous referral is not Re-referrals within 12 months",
    }),
  );
  await waitFor(() => expect(saves.at(-1)?.national).toEqual({ CSC2: null }));
  expect(group(/^No national measure/).getByText(/^Reference CSC2:/)).toBeTruthy();
  const label =
    "Reference CP3: % of children becoming subject to a CP plan for a second or subsequent time within two years";
  expect(screen.getByLabelText(`National measure for ${label}`)).toHaveProperty(
    "value",
    "repeat-child-protection",
  );
  fireEvent.click(screen.getByRole("button", { name: `Confirm the national measure for ${label}` }));
  await waitFor(() => expect(saves.at(-1)?.national).toEqual({ CSC2: null, CP3: "repeat-child-protection" }));
  expect(group(/^Confirmed by you/).getByText(/^Reference CP3:/)).toBeTruthy();
  // An ambiguous age group: the analyst picks the other candidate.
  const cl1 = "Reference CL1: % of care leavers not in employment, education or training";
  fireEvent.change(screen.getByLabelText(`National measure for ${cl1}`), {
    target: { value: "care-leavers-neet-17-18" },
  });
  fireEvent.click(screen.getByRole("button", { name: `Confirm the national measure for ${cl1}` }));
  await waitFor(() => expect(saves.at(-1)?.national?.CL1).toBe("care-leavers-neet-17-18"));
  fireEvent.click(
    screen.getByRole("button", {
      name: "Back to the suggestion for Reference CSC2: % of re-referrals within 12 months of a previous referral",
    }),
  );
  await waitFor(() =>
    expect(saves.at(-1)?.national).toEqual({
      CP3: "repeat-child-protection",
      CL1: "care-leavers-neet-17-18",
    }),
  );
  expect(screen.getByRole("heading", { name: "Applied automatically (5)" })).toBeTruthy();
  expect(
    await screen.findByText(
      "Reference CSC2: % of re-referrals within 12 months of a previous referral: back to the suggestion.",
    ),
  ).toBeTruthy();
});

test("the title suggests the council", async () => {
  const a = await seedAnalysis(MONTHLY);
  const titled = {
    ...a,
    title: "London Borough of Tower Hamlets: Children's Social Care Performance Scorecard",
  };
  const saves = await open(titled);
  fireEvent.click(screen.getByRole("button", { name: "Use Tower Hamlets" }));
  await waitFor(() => expect(saves.at(-1)?.council).toBe("Tower Hamlets"));
  expect(screen.queryByRole("button", { name: "Use Tower Hamlets" })).toBeNull();
});

test("a saved council that is not an authority's is said, with the near ones", async () => {
  await open(await seedAnalysis(MONTHLY), validateSettings({ council: "Tower Hamlet" }).settings);
  expect(
    await screen.findByText(
      'No English local authority is called "Tower Hamlet". Did you mean Tower Hamlets?',
    ),
  ).toBeTruthy();
});

test("in the pane: under Settings, the council is kept in the workbook's settings", async () => {
  resetSession();
  const fake = installFakeOffice(modelFrom(await fixtureFromXlsx(MONTHLY)));
  await act(async () => {
    render(<App host={officeHost()} />);
  });
  await screen.findByRole("list", { name: "Indicators by band" });
  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  fireEvent.change(await screen.findByLabelText("Your council"), { target: { value: "211" } });
  await waitFor(() =>
    expect(JSON.parse(String(fake.settings.get(SETTINGS_KEY) ?? "{}"))).toMatchObject({
      council: "Tower Hamlets",
    }),
  );
  // The 000 sample's counts and care leavers' measures are suggestions only: nothing applied unasked.
  expect(screen.queryByRole("heading", { name: /^Applied automatically/ })).toBeNull();
  expect(screen.getByRole("heading", { name: "Suggested: confirm or choose (5)" })).toBeTruthy();
});
