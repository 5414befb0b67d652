import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Analysis, Assessment } from "../engine/judge/assess";
import { PolarityName, Settings, validateSettings } from "../engine/config";
import { HINTS } from "./hints";
import { indicatorLabel } from "./indicator-label";
import { IndicatorName } from "./IndicatorName";
import { useStyles } from "./styles";

export interface SettingsProps {
  settings: Settings;
  analysis?: Analysis;
  onSave: (s: Settings) => Promise<void>;
  /** Told whenever the form starts or stops differing from what is saved. */
  onUnsavedChange?: (unsaved: boolean) => void;
}

const POLARITY_WORDS: Record<PolarityName, string> = {
  higher: "higher is better",
  lower: "lower is better",
  range: "within a range",
  none: "for information",
};

function num(text: string): number | null {
  const n = Number(text.replace(",", "."));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

const percentText = (fraction: number) => String(Math.round(fraction * 10000) / 100);
// Percentages typed as text come back through /100 with float noise (2.9 / 100 is not 0.029).
const near = (n: number) => Math.round(n * 1e9) / 1e9;
const NO_CHOICE = { excludeIndicators: [], excludeSections: [] };

/** What the form edits, as one comparable string: the rest of the settings are not the form's. */
function edited(x: Settings): string {
  return JSON.stringify([
    x.committeeSheet,
    { ...x.tolerance, amount: near(x.tolerance.amount) },
    { ...x.trend, materialityPoints: near(x.trend.materialityPoints) },
    x.smallDenominator,
    x.indicators,
    x.committee ?? NO_CHOICE,
  ]);
}

/** The form's state: the draft, the numbers as typed, whether they are valid and differ from what is saved. */
function useSettingsDraft(settings: Settings) {
  const [draft, setDraft] = useState(settings);
  const [tolText, setTolText] = useState(percentText(settings.tolerance.amount));
  const [matText, setMatText] = useState(percentText(settings.trend.materialityPoints));
  const [smallText, setSmallText] = useState(String(settings.smallDenominator));
  const tol = num(tolText);
  const mat = num(matText);
  const small = num(smallText);
  const sheetOk = validateSettings({ committeeSheet: draft.committeeSheet }).problems.length === 0;
  const valid = tol !== null && mat !== null && small !== null && sheetOk;
  // Only what this form edits is laid over the settings as they are now: reviews marked and columns
  // pinned elsewhere since the form opened are kept.
  const merged = (): Settings => ({
    ...settings,
    committeeSheet: draft.committeeSheet,
    tolerance: { kind: draft.tolerance.kind, amount: near((tol ?? 0) / 100) },
    trend: { ...draft.trend, materialityPoints: near((mat ?? 0) / 100) },
    smallDenominator: small ?? 0,
    indicators: draft.indicators,
    committee: draft.committee,
  });
  const unsaved = !valid || edited(merged()) !== edited(settings);
  const text = { tolText, setTolText, matText, setMatText, smallText, setSmallText };
  return { draft, setDraft, text, tol, mat, small, sheetOk, valid, unsaved, merged };
}

type Draft = ReturnType<typeof useSettingsDraft>;

function ToleranceFields({ form }: { form: Draft }) {
  const { draft, setDraft, text } = form;
  return (
    <>
      <Field
        label="Tolerance for single targets"
        hint="A miss within this is amber, beyond it red."
        validationMessage={form.tol === null ? "Enter a number of 0 or more." : undefined}
      >
        <Input value={text.tolText} onChange={(_, d) => text.setTolText(d.value)} inputMode="decimal" />
      </Field>
      <RadioGroup
        aria-label="Tolerance is measured as"
        value={draft.tolerance.kind}
        onChange={(_, d) =>
          setDraft({
            ...draft,
            tolerance: { ...draft.tolerance, kind: d.value === "points" ? "points" : "relative" },
          })
        }
      >
        <Radio value="relative" label="% of the target" />
        <Radio value="points" label="percentage points (or units)" />
      </RadioGroup>
    </>
  );
}

function TrendFields({ form }: { form: Draft }) {
  const { draft, setDraft, text } = form;
  return (
    <>
      <Field label="Direction of travel">
        <RadioGroup
          value={draft.trend.sensitivity}
          onChange={(_, d) =>
            setDraft({
              ...draft,
              trend: {
                ...draft.trend,
                sensitivity: d.value === "any-change" ? "any-change" : "significance",
              },
            })
          }
        >
          <Radio value="significance" label="Only significant or material changes move the arrow" />
          <Radio value="any-change" label="Every change moves the arrow" />
        </RadioGroup>
      </Field>
      <Field
        label="Materiality (percentage points)"
        hint="Without counts, smaller changes are stable."
        validationMessage={form.mat === null ? "Enter a number of 0 or more." : undefined}
      >
        <Input value={text.matText} onChange={(_, d) => text.setMatText(d.value)} inputMode="decimal" />
      </Field>
    </>
  );
}

function OtherRuleFields({ form }: { form: Draft }) {
  const { draft, setDraft, text } = form;
  return (
    <>
      <Field
        label="Small denominator (cases)"
        hint="Fewer cases than this are flagged."
        validationMessage={form.small === null ? "Enter a number of 0 or more." : undefined}
      >
        <Input value={text.smallText} onChange={(_, d) => text.setSmallText(d.value)} inputMode="numeric" />
      </Field>
      <Field
        label="Committee sheet name"
        validationMessage={form.sheetOk ? undefined : "1–31 characters, none of \\ / ? * [ ] :"}
      >
        <Input
          value={draft.committeeSheet}
          onChange={(_, d) => setDraft({ ...draft, committeeSheet: d.value })}
        />
      </Field>
    </>
  );
}

/** The draft's choices of what goes to committee, and each indicator's polarity, as small edits. */
function paperChoices({ draft, setDraft }: Draft) {
  const choice = draft.committee ?? NO_CHOICE;
  const include = (list: "excludeIndicators" | "excludeSections", item: string, yes: boolean) => {
    const rest = choice[list].filter((x) => x !== item);
    setDraft({ ...draft, committee: { ...choice, [list]: yes ? rest : [...rest, item] } });
  };
  const sectionOut = (section: string | null) => section !== null && choice.excludeSections.includes(section);
  const setPolarity = (key: string, value: string) => {
    const { polarity: _old, ...rest } = draft.indicators[key] ?? {};
    const o = value ? { ...rest, polarity: value as PolarityName } : rest;
    const others = Object.entries(draft.indicators).filter(([k]) => k !== key);
    setDraft({
      ...draft,
      indicators: Object.fromEntries(Object.keys(o).length ? [...others, [key, o]] : others),
    });
  };
  return { choice, include, sectionOut, setPolarity };
}

type Choices = ReturnType<typeof paperChoices>;

function IndicatorChoice({ i, form, c }: { i: Assessment; form: Draft; c: Choices }) {
  const s = useStyles();
  const name = indicatorLabel(i);
  const out = c.sectionOut(i.section);
  return (
    <div className={s.indicator} role="group" aria-label={name.spoken}>
      <Text weight="semibold">
        <IndicatorName label={name} />
      </Text>
      <Checkbox
        label={out ? "In the paper (its section is left out)" : "In the paper"}
        disabled={out}
        checked={!out && !c.choice.excludeIndicators.includes(i.key)}
        onChange={(_, d) => c.include("excludeIndicators", i.key, d.checked === true)}
      />
      <Field label="Polarity" size="small">
        <Select
          size="small"
          value={form.draft.indicators[i.key]?.polarity ?? ""}
          onChange={(_, d) => c.setPolarity(i.key, d.value)}
        >
          <option value="">As read: {POLARITY_WORDS[i.polarity]}</option>
          <option value="higher">Higher is better</option>
          <option value="lower">Lower is better</option>
          <option value="range">Within a range</option>
          <option value="none">For information</option>
        </Select>
      </Field>
    </div>
  );
}

/** What goes to committee: sections and indicators ticked, and each indicator's polarity. */
function PaperChoice({ analysis, form }: { analysis: Analysis; form: Draft }) {
  const s = useStyles();
  const c = paperChoices(form);
  return (
    <>
      <h3 className={s.h3}>The committee paper</h3>
      <Text size={200}>Untick what should not go to committee. Every indicator is still reviewed here.</Text>
      {analysis.sections.length > 0 && (
        <div className={s.roles} role="group" aria-label="Sections in the paper">
          {analysis.sections.map((x) => (
            <Checkbox
              key={x}
              label={`Section: ${x}`}
              checked={!c.choice.excludeSections.includes(x)}
              onChange={(_, d) => c.include("excludeSections", x, d.checked === true)}
            />
          ))}
        </div>
      )}
      <h3 className={s.h3}>By indicator</h3>
      <p className={s.hint}>{HINTS.polarity}</p>
      {analysis.indicators.map((i) => (
        <IndicatorChoice key={i.key} i={i} form={form} c={c} />
      ))}
    </>
  );
}

/** The rules councils differ on, each saved in the workbook. */
export function SettingsPanel({ settings, analysis, onSave, onUnsavedChange }: SettingsProps) {
  const s = useStyles();
  const form = useSettingsDraft(settings);
  const { valid, unsaved } = form;
  const [status, setStatus] = useState("");
  useEffect(() => onUnsavedChange?.(unsaved), [unsaved, onUnsavedChange]);
  const save = async () => {
    if (!valid) return;
    try {
      await onSave(form.merged());
      setStatus("Saved in this workbook. Refresh to apply.");
    } catch (e) {
      setStatus(`Not saved: ${(e as Error).message}`);
    }
  };
  return (
    <section className={s.section} aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={s.h2}>
        Rules
      </h2>
      <ToleranceFields form={form} />
      <TrendFields form={form} />
      <OtherRuleFields form={form} />
      {analysis && analysis.indicators.length > 0 && <PaperChoice analysis={analysis} form={form} />}
      <div className={s.sticky}>
        <Button appearance="primary" onClick={save} disabled={!valid || !unsaved}>
          Save settings
        </Button>
        <span role="status" aria-live="polite">
          {!valid ? "Correct the marked fields to save." : unsaved ? "Unsaved changes." : status}
        </span>
      </div>
    </section>
  );
}
