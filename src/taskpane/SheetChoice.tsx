import { Field, Select } from "@fluentui/react-components";
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import { useStyles } from "./styles";

export interface SheetChoiceProps {
  analysis?: Analysis;
  settings: Settings;
  sheetNames: string[];
  onChangeSettings: (s: Settings) => void;
}

/** A sheet chosen afresh: its own header and columns are found, not the last sheet's pins. */
export function chooseSheet(settings: Settings, sheet: string): Settings {
  return { ...settings, sourceSheet: sheet, columns: {}, headerRows: undefined, asAt: undefined };
}

/** Which sheet is read, and the period the paper reports. */
export function SheetChoice({ analysis, settings, sheetNames, onChangeSettings }: SheetChoiceProps) {
  const s = useStyles();
  const periods = analysis?.allPeriods ?? analysis?.periods ?? [];
  const latest = periods[periods.length - 1];
  return (
    <div className={s.section}>
      <Field label="Sheet to read" hint="The sheet that holds the indicators. It is never changed.">
        <Select
          value={settings.sourceSheet ?? analysis?.sheet ?? ""}
          onChange={(_, d) => onChangeSettings(chooseSheet(settings, d.value))}
        >
          {!settings.sourceSheet && !analysis && <option value="">The active sheet</option>}
          {sheetNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      {analysis && periods.length > 0 && (
        <Field label="Report as at" hint="Build the paper as at an earlier period, as when re-issuing one.">
          <Select
            value={settings.asAt ?? ""}
            onChange={(_, d) => onChangeSettings({ ...settings, asAt: d.value || undefined })}
          >
            <option value="">The latest period ({latest})</option>
            {periods
              .slice(0, -1)
              .reverse()
              .map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
