import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from "@fluentui/react-components";
import { reportedPeriod } from "../engine/judge/as-at";
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import { ROLES, Role } from "../engine/read/roles";
import { cutText } from "../engine/text-cut";
import type { SessionState } from "../commands/session";
import { LayoutPins } from "./LayoutPins";
import { ResultBar } from "./ResultBar";
import { useStyles } from "./styles";
import { viewKey } from "./view-key";

export const ROLE_LABELS: Record<Role, string> = {
  ref: "Reference",
  measure: "Measure",
  numerator: "Numerator",
  denominator: "Denominator",
  current: "Current value",
  periodType: "Period type",
  period: "Period (series)",
  previous: "Last year",
  baseline: "Baseline",
  min: "Minimum target",
  upper: "Upper target",
  target: "Target",
  polarity: "Polarity",
  dataQuality: "Data quality",
  owner: "Owner",
  frequency: "Frequency",
  commentary: "Commentary",
  benchmark: "Benchmark",
  unit: "Unit",
  previousRag: "Previous RAG",
  previousDirection: "Previous direction",
};

export interface OverviewProps {
  analysis?: Analysis;
  detectionError?: string;
  /** True while what is shown came from the last refresh; once the sheet is read again its message is old news. */
  fromRefresh: boolean;
  sheetNames: string[];
  settings: Settings;
  session: SessionState;
  onRefresh: () => void;
  onChangeSettings: (s: Settings) => void;
}

function targetsModels(a: Analysis): string {
  const counts = new Map<string, number>();
  for (const i of a.indicators) counts.set(i.targets.kind, (counts.get(i.targets.kind) ?? 0) + 1);
  const names: Record<string, string> = {
    "min-upper": "minimum/upper",
    single: "single target",
    range: "range",
    none: "no target",
  };
  return [...counts.entries()].map(([k, n]) => `${names[k]} ${n}`).join(", ");
}

/** The header label just above a column's own ("Six Month Trend" above "May 18"), to tell columns apart. */
function parentOf(label: string, own: string): string | undefined {
  const parts = label.split(" / ");
  const parent = parts.length > 1 && parts[parts.length - 1] === own ? parts[parts.length - 2] : undefined;
  return parent ? `Under "${cutText(parent, 50, "…")}"` : undefined;
}

export function OverviewPanel(p: OverviewProps) {
  const s = useStyles();
  const a = p.analysis;
  const source = p.settings.sourceSheet ?? a?.sheet ?? "";
  const setRole = (letter: string, role: string) => {
    const columns: Settings["columns"] = Object.fromEntries(
      Object.entries(p.settings.columns).filter(([r, l]) => l !== letter && r !== role),
    );
    if (role) columns[role as Role] = letter;
    p.onChangeSettings({ ...p.settings, columns });
  };
  const periods = a?.allPeriods ?? a?.periods ?? [];
  const latest = periods[periods.length - 1];
  // What the last refresh said stands only while what is shown is its result: once the sheet has been
  // read again (another sheet, pins, a period) it would describe something else.
  const session: SessionState =
    p.fromRefresh || p.session.running ? p.session : { running: false, notices: [] };
  return (
    <section className={s.section} aria-labelledby="overview-heading">
      <h2 id="overview-heading" className={s.h2}>
        Committee sheet
      </h2>
      <div className={s.row}>
        <Button appearance="primary" onClick={p.onRefresh} disabled={p.session.running}>
          Refresh committee sheet
        </Button>
      </div>
      <ResultBar session={session} />
      {p.detectionError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Cannot read this sheet</MessageBarTitle>
            {p.detectionError}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Scorecard sheet" hint="The sheet Scorecard reads. It is never changed.">
        <Select
          value={source}
          onChange={(_, d) =>
            p.onChangeSettings({
              ...p.settings,
              sourceSheet: d.value,
              columns: {},
              headerRows: undefined,
              asAt: undefined,
            })
          }
        >
          {!p.settings.sourceSheet && !a && <option value="">The active sheet</option>}
          {p.sheetNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      {a && periods.length > 0 && (
        <Field label="Report as at" hint="Build the paper as at an earlier period, as when re-issuing one.">
          <Select
            value={p.settings.asAt ?? ""}
            onChange={(_, d) => p.onChangeSettings({ ...p.settings, asAt: d.value || undefined })}
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
      {a && (
        <>
          <h2 className={s.h2}>What was read</h2>
          <dl className={s.facts}>
            <dt className={s.dt}>Reporting period</dt>
            <dd className={s.dd}>
              {a.reportingPeriod ??
                (reportedPeriod(a) ? `${reportedPeriod(a)} (the latest period)` : "not stated in the sheet")}
            </dd>
            <dt className={s.dt}>Indicators</dt>
            <dd className={s.dd}>{a.indicators.length}</dd>
            <dt className={s.dt}>Sections</dt>
            <dd className={s.dd}>{a.sections.length}</dd>
            <dt className={s.dt}>Periods</dt>
            <dd className={s.dd}>
              {a.periods.length
                ? `${a.periods[0]} to ${a.periods[a.periods.length - 1]} (${a.periods.length})`
                : "none"}
            </dd>
            <dt className={s.dt}>Targets</dt>
            <dd className={s.dd}>{targetsModels(a)}</dd>
            <dt className={s.dt}>Header</dt>
            <dd className={s.dd}>
              {a.header.top === a.header.bottom
                ? `row ${a.header.top}`
                : `rows ${a.header.top}–${a.header.bottom}`}
            </dd>
          </dl>
        </>
      )}
      {(a || p.detectionError || (p.session.error && p.fromRefresh)) && (
        <LayoutPins
          key={`${viewKey(p.settings)} ${a ? `${a.header.top}-${a.header.bottom}` : "none"}`}
          settings={p.settings}
          analysis={a}
          onApply={p.onChangeSettings}
        />
      )}
      {a && (
        <>
          <h3 className={s.h3}>Column roles</h3>
          <Text size={200}>
            Correct a column if it was read wrongly; corrections are saved in the workbook and used by the
            ribbon too.
          </Text>
          <div className={s.roles}>
            {a.columns
              .filter((c) => c.own)
              .map((c) => (
                <Field key={c.letter} label={`${c.letter}: ${c.own}`} hint={parentOf(c.label, c.own)}>
                  <Select value={c.role ?? ""} onChange={(_, d) => setRole(c.letter, d.value)}>
                    <option value="">Not used</option>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                        {c.pinned && c.role === r ? " (set by you)" : ""}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
          </div>
          {Object.keys(p.settings.columns).length > 0 && (
            <div>
              <Button onClick={() => p.onChangeSettings({ ...p.settings, columns: {} })}>
                Reset column roles
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
