import { Button, Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { Analysis } from "../engine/assess";
import { PolarityName, Settings, validateSettings } from "../engine/config";
import { useStyles } from "./styles";

export interface SettingsProps {
  settings: Settings;
  analysis?: Analysis;
  onSave: (s: Settings) => Promise<void>;
}

function num(text: string): number | null {
  const n = Number(text.replace(",", "."));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The rules councils differ on, each saved in the workbook. */
export function SettingsPanel({ settings, analysis, onSave }: SettingsProps) {
  const s = useStyles();
  const [draft, setDraft] = useState(settings);
  const [tolText, setTolText] = useState(String(Math.round(settings.tolerance.amount * 10000) / 100));
  const [matText, setMatText] = useState(String(Math.round(settings.trend.materialityPoints * 10000) / 100));
  const [smallText, setSmallText] = useState(String(settings.smallDenominator));
  const [status, setStatus] = useState("");
  const tol = num(tolText);
  const mat = num(matText);
  const small = num(smallText);
  const sheetOk = validateSettings({ committeeSheet: draft.committeeSheet }).problems.length === 0;
  const valid = tol !== null && mat !== null && small !== null && sheetOk;
  const save = async () => {
    if (tol === null || mat === null || small === null || !sheetOk) return;
    const next: Settings = {
      ...draft,
      tolerance: { kind: draft.tolerance.kind, amount: tol / 100 },
      trend: { ...draft.trend, materialityPoints: mat / 100 },
      smallDenominator: small,
    };
    try {
      await onSave(next);
      setStatus("Settings saved in this workbook. Refresh to apply them.");
    } catch (e) {
      setStatus(`Not saved: ${(e as Error).message}`);
    }
  };
  const setPolarity = (key: string, value: string) => {
    const { polarity: _old, ...rest } = draft.indicators[key] ?? {};
    const o = value ? { ...rest, polarity: value as PolarityName } : rest;
    const others = Object.entries(draft.indicators).filter(([k]) => k !== key);
    setDraft({
      ...draft,
      indicators: Object.fromEntries(Object.keys(o).length ? [...others, [key, o]] : others),
    });
  };
  return (
    <section className={s.section} aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={s.h2}>
        Rules
      </h2>
      <Field
        label="Tolerance for single targets"
        hint="A miss within this is amber, beyond it red."
        validationMessage={tol === null ? "Enter a number of 0 or more." : undefined}
      >
        <Input value={tolText} onChange={(_, d) => setTolText(d.value)} inputMode="decimal" />
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
        validationMessage={mat === null ? "Enter a number of 0 or more." : undefined}
      >
        <Input value={matText} onChange={(_, d) => setMatText(d.value)} inputMode="decimal" />
      </Field>
      <Field
        label="Small denominator (cases)"
        hint="Fewer cases than this are flagged."
        validationMessage={small === null ? "Enter a number of 0 or more." : undefined}
      >
        <Input value={smallText} onChange={(_, d) => setSmallText(d.value)} inputMode="numeric" />
      </Field>
      <Field
        label="Committee sheet name"
        validationMessage={sheetOk ? undefined : "1–31 characters, none of \\ / ? * [ ] :"}
      >
        <Input
          value={draft.committeeSheet}
          onChange={(_, d) => setDraft({ ...draft, committeeSheet: d.value })}
        />
      </Field>
      {analysis && analysis.indicators.length > 0 && (
        <>
          <h3 className={s.h3}>Polarity by indicator</h3>
          {analysis.indicators.map((i) => (
            <Field key={i.key} label={`${i.ref ?? ""} ${i.title}`.trim()} orientation="horizontal">
              <Select
                value={draft.indicators[i.key]?.polarity ?? ""}
                onChange={(_, d) => setPolarity(i.key, d.value)}
              >
                <option value="">Detected: {i.polarity}</option>
                <option value="higher">Higher is better</option>
                <option value="lower">Lower is better</option>
                <option value="range">Within a range</option>
                <option value="none">For information</option>
              </Select>
            </Field>
          ))}
        </>
      )}
      <div className={s.row}>
        <Button appearance="primary" onClick={save} disabled={!valid}>
          Save settings
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status}
      </div>
    </section>
  );
}
