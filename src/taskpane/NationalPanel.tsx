/**
 * The national comparison in the pane: the council, chosen once (suggested from the scorecard's title)
 * and kept in the workbook, and each indicator's match to a measure of the Department's, to confirm,
 * change or undo. The Department's figures and the engine's national code arrive on first use as a
 * chunk of their own (NationalKit); this file holds only the pane's own controls.
 */
import { Button, Field, Select, Spinner, Text } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import type { NationalAuthority } from "../engine/judge/national/dataset";
import type { IndicatorMatch } from "../engine/judge/national/matches";
import { loadNationalKit, NationalKit } from "../national/load-dataset";
import { indicatorLabel } from "./indicator-label";
import { IndicatorName } from "./IndicatorName";
import { useStyles } from "./styles";

export interface NationalPanelProps {
  analysis?: Analysis;
  settings: Settings;
  onSave: (s: Settings) => Promise<void>;
}

type Load =
  { state: "loading" } | { state: "ready"; kit: NationalKit } | { state: "failed"; message: string };

function useKit(): [Load, () => void] {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad({ state: "loading" });
    loadNationalKit().then(
      (kit) => live && setLoad({ state: "ready", kit }),
      (e: unknown) => live && setLoad({ state: "failed", message: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return [load, () => setAttempt((n) => n + 1)];
}

type Save = (next: Settings, done: string) => Promise<void>;

export function NationalPanel({ analysis, settings, onSave }: NationalPanelProps) {
  const s = useStyles();
  const [load, retry] = useKit();
  const [status, setStatus] = useState("");
  const save: Save = (next, done) =>
    onSave(next).then(
      () => setStatus(done),
      (e: unknown) => setStatus(`Not saved: ${(e as Error).message}`),
    );
  return (
    <section className={s.section} aria-labelledby="national-heading">
      <h2 id="national-heading" className={s.h2}>
        National comparison
      </h2>
      <Text size={200}>
        The Department for Education&apos;s published figures for England, your region and your statistical
        neighbours, beside the indicators they match. Your choices are kept in this workbook.
      </Text>
      {load.state === "loading" && <Spinner size="tiny" label="Loading the Department's figures…" />}
      {load.state === "failed" && (
        <div role="alert" className={s.row}>
          <Text>The Department&apos;s figures could not be loaded ({load.message}).</Text>
          <Button onClick={retry}>Try again</Button>
        </div>
      )}
      {load.state === "ready" && (
        <>
          <CouncilPicker kit={load.kit} analysis={analysis} settings={settings} save={save} />
          {analysis && <Matches kit={load.kit} analysis={analysis} settings={settings} save={save} />}
          <Text className={s.reason}>{load.kit.dataset.attribution}</Text>
        </>
      )}
      <div role="status" aria-live="polite" className={s.reason}>
        {status}
      </div>
    </section>
  );
}

interface PartProps {
  kit: NationalKit;
  analysis?: Analysis;
  settings: Settings;
  save: Save;
}

/** The council the settings name, or the message for a name the Department does not use. */
function chosenCouncil(
  kit: NationalKit,
  name: string | undefined,
): { council?: NationalAuthority; problem?: string } {
  if (!name) return {};
  const found = kit.findCouncil(kit.dataset.authorities, name);
  return "authority" in found
    ? { council: found.authority }
    : { problem: kit.unknownCouncilMessage(name, found.near) };
}

function CouncilPicker({ kit, analysis, settings, save }: PartProps) {
  const s = useStyles();
  const ds = kit.dataset;
  const { council, problem } = chosenCouncil(kit, settings.council);
  const sorted = useMemo(() => [...ds.authorities].sort((a, b) => a.name.localeCompare(b.name)), [ds]);
  const titled =
    analysis && !settings.council
      ? kit.councilInText(ds.authorities, [analysis.title ?? "", analysis.sheet])
      : undefined;
  const choose = (a: NationalAuthority) =>
    save({ ...settings, council: a.name }, `Council set to ${a.name}.`);
  const clear = () => {
    const { council: _gone, ...rest } = settings;
    return save(rest, "Council cleared: only England's figures are shown.");
  };
  return (
    <>
      <Field
        label="Your council"
        validationMessage={problem}
        hint="As the Department for Education names it."
      >
        <Select
          className={s.fill}
          value={council?.code ?? ""}
          onChange={(_, d) => {
            const a = ds.authorities.find((x) => x.code === d.value);
            void (a ? choose(a) : clear());
          }}
        >
          <option value="">None chosen: England only</option>
          {sorted.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      {titled && (
        <div className={s.row}>
          <Text>The scorecard&apos;s title names {titled.name}.</Text>
          <Button size="small" onClick={() => void choose(titled)}>
            Use {titled.name}
          </Button>
        </div>
      )}
      {council && <CouncilFacts kit={kit} council={council} />}
    </>
  );
}

function CouncilFacts({ kit, council }: { kit: NationalKit; council: NationalAuthority }) {
  const s = useStyles();
  const ds = kit.dataset;
  const region = ds.regions.find((r) => r.code === council.region)?.name ?? "its region";
  const names = council.neighbours.map((c) => ds.authorities.find((a) => a.code === c)?.name ?? c);
  return (
    <Text className={s.reason}>
      Compared with England, {region} and its ten statistical neighbours ({ds.neighbourModel}):{" "}
      {names.join(", ")}. A rank counts from the best (or the highest, where neither is better) among the
      authorities with a published figure.
    </Text>
  );
}

const GROUPS: { how: IndicatorMatch["how"]; title: string }[] = [
  { how: "applied", title: "Applied automatically" },
  { how: "suggested", title: "Suggested: confirm or choose" },
  { how: "confirmed", title: "Confirmed by you" },
  { how: "declined", title: "No national measure (your choice)" },
];

function Matches({ kit, analysis, settings, save }: PartProps & { analysis: Analysis }) {
  const s = useStyles();
  const matches = useMemo(
    () => kit.resolveMatches(analysis.indicators, settings.national),
    [kit, analysis, settings.national],
  );
  const code = chosenCouncil(kit, settings.council).council?.code ?? null;
  const shown = matches.filter((m) => m.how !== "none");
  if (!shown.length)
    return <Text>No indicator of this scorecard reads as one of the Department&apos;s measures.</Text>;
  return (
    <>
      {GROUPS.map(({ how, title }) => {
        const group = shown.filter((m) => m.how === how);
        if (!group.length) return null;
        return (
          <div key={how} className={s.section}>
            <h3 className={s.h3} id={`national-${how}`}>
              {title} ({group.length})
            </h3>
            <ul className={s.list} aria-labelledby={`national-${how}`}>
              {group.map((m) => (
                <MatchItem key={m.key} match={m} kit={kit} code={code} settings={settings} save={save} />
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

interface MatchItemProps {
  match: IndicatorMatch;
  kit: NationalKit;
  code: string | null;
  settings: Settings;
  save: Save;
}

function MatchItem({ match, kit, code, settings, save }: MatchItemProps) {
  const s = useStyles();
  const name = kit.measureById(match.measure ?? match.suggestion.candidates[0] ?? "")?.name;
  // The key is the reference where the indicator has one; set apart from the measure as elsewhere.
  const named = indicatorLabel({ ref: match.key === match.title ? null : match.key, title: match.title });
  const label = named.spoken;
  const use = (id: string | null) =>
    save(
      kit.chooseMatch(settings, match.key, id),
      `${label}: ${id ? kit.measureById(id)?.name : "no national measure"}.`,
    );
  const forget = () => save(kit.forgetMatch(settings, match.key), `${label}: back to the suggestion.`);
  return (
    <li className={s.item}>
      <Text weight="semibold">
        <IndicatorName label={named} />
      </Text>
      {match.measure && <Text>is the Department&apos;s “{name}”</Text>}
      {match.measure && <Figures kit={kit} measure={match.measure} code={code} />}
      {match.how === "suggested" && <Text className={s.reason}>{match.suggestion.why}</Text>}
      <div className={s.row}>
        {match.how === "applied" && (
          <Button size="small" aria-label={`Undo: ${label} is not ${name}`} onClick={() => void use(null)}>
            Undo
          </Button>
        )}
        {(match.how === "suggested" || match.how === "confirmed") && (
          <MeasureChoice kit={kit} match={match} label={label} onChoose={(id) => void use(id)} />
        )}
        {(match.how === "confirmed" || match.how === "declined") && (
          <Button
            size="small"
            aria-label={`Back to the suggestion for ${label}`}
            onClick={() => void forget()}
          >
            Back to the suggestion
          </Button>
        )}
      </div>
    </li>
  );
}

interface MeasureChoiceProps {
  kit: NationalKit;
  match: IndicatorMatch;
  label: string;
  onChoose: (id: string | null) => void;
}

function MeasureChoice({ kit, match, label, onChoose }: MeasureChoiceProps) {
  const s = useStyles();
  const first = match.suggestion.candidates;
  const [value, setValue] = useState(match.measure ?? first[0] ?? "");
  const others = kit.MEASURES.filter((m) => !first.includes(m.id));
  return (
    <>
      <Select
        size="small"
        className={s.fill}
        aria-label={`National measure for ${label}`}
        value={value}
        onChange={(_, d) => setValue(d.value)}
      >
        {[...first.map((id) => kit.measureById(id)), ...others].map(
          (m) =>
            m && (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ),
        )}
        <option value="">No national measure</option>
      </Select>
      <Button
        size="small"
        appearance="primary"
        aria-label={`Confirm the national measure for ${label}`}
        onClick={() => onChoose(value || null)}
      >
        Confirm
      </Button>
    </>
  );
}

function Figures({ kit, measure, code }: { kit: NationalKit; measure: string; code: string | null }) {
  const s = useStyles();
  const c = kit.compareNational(kit.dataset, measure, code);
  if (!c) return null;
  const f = (v: number | null) => kit.formatNational(v, c.measure);
  const v = c.versus.england;
  const versus = v ? ` (${v === "same" ? "the same as" : `${v} than`} England)` : "";
  const council = kit.dataset.authorities.find((a) => a.code === code);
  const parts = [
    ...(council ? [`${council.name} ${f(c.council)}${versus}`] : []),
    `England ${f(c.england)}`,
    ...(council
      ? [
          `${c.regionName ?? "Region"} ${f(c.region)}`,
          `neighbours' median ${f(c.neighbours)}`,
          ...(c.rank !== null ? [`rank ${c.rank} of ${c.of}`] : []),
        ]
      : []),
  ];
  return (
    <Text className={s.reason}>
      {c.period}: {parts.join("; ")}.
    </Text>
  );
}
