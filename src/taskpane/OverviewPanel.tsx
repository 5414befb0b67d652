import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Spinner,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { SessionState } from "../commands/session";
import type { Settings } from "../engine/config";
import type { Analysis } from "../engine/judge/assess";
import { LayoutPins, ReadingPanel } from "./deferred";
import { readingLine } from "./overview-facts";
import { ResultBar } from "./ResultBar";
import { ResultSummary } from "./ResultSummary";
import { chooseSheet, SheetChoice } from "./SheetChoice";
import { SheetProblem } from "./SheetProblem";
import { useStyles } from "./styles";
import type { View } from "./use-view";

export interface OverviewProps {
  view: View;
  settings: Settings;
  /** The last refresh, while what is shown is its result (or while it runs). */
  session?: SessionState;
  running: boolean;
  onRefresh: () => void;
  onChangeSettings: (s: Settings) => void;
  onSelect: (sheet: string, address: string) => void;
  onShowReview: () => void;
}

/** The sections opened for the analyst: the reading when the engine doubts it, the pins when nothing reads. */
function useOpenItems(p: OverviewProps): [string[], (items: string[]) => void] {
  const [open, setOpen] = useState<string[]>([]);
  const { analysis, alternative, error } = p.view;
  const doubt = analysis !== undefined && analysis.reading.level !== "high";
  const pinned = p.settings.headerRows !== undefined || Object.keys(p.settings.columns).length > 0;
  const stuck = !analysis && error !== undefined && (alternative === null || pinned);
  useEffect(() => {
    if (doubt) setOpen((o) => (o.includes("reading") ? o : [...o, "reading"]));
  }, [doubt, analysis]);
  useEffect(() => {
    if (stuck) setOpen((o) => (o.includes("pins") ? o : [...o, "pins"]));
  }, [stuck]);
  return [open, setOpen];
}

function RefreshRow(p: OverviewProps) {
  const s = useStyles();
  const readable = p.view.analysis !== undefined && !p.view.reading;
  return (
    <>
      <div className={s.row}>
        <Button appearance="primary" onClick={p.onRefresh} disabled={!readable || p.running}>
          Refresh committee sheet
        </Button>
        {p.view.reading && <Spinner size="tiny" label="Reading the sheet…" />}
      </div>
      {!p.view.analysis && !p.view.reading && (
        <p className={s.hint}>Refresh is available once a sheet reads as a scorecard.</p>
      )}
    </>
  );
}

/** Why the sheet did not read, the sheet it might be, and the choice of another sheet. */
function SheetFailure(p: OverviewProps) {
  const sheet = p.settings.sourceSheet;
  return (
    <>
      <SheetProblem
        sheet={sheet}
        present={sheet === undefined || p.view.sheetNames.includes(sheet)}
        alternative={p.view.alternative}
        emptyWorkbook={p.view.emptyWorkbook}
        onUse={(name) => p.onChangeSettings(chooseSheet(p.settings, name))}
      />
      <SheetChoice
        settings={p.settings}
        sheetNames={p.view.sheetNames}
        onChangeSettings={p.onChangeSettings}
      />
    </>
  );
}

/** How the sheet was read, with the engine's doubt in its header. */
function ReadingItem({ analysis, ...p }: OverviewProps & { analysis: Analysis }) {
  const s = useStyles();
  return (
    <AccordionItem value="reading">
      <AccordionHeader as="h2" className={s.accordionHeader}>
        {readingLine(analysis)} — {analysis.reading.level === "high" ? "check" : "please check"}
      </AccordionHeader>
      <AccordionPanel>
        <ReadingPanel analysis={analysis} settings={p.settings} onChangeSettings={p.onChangeSettings} />
      </AccordionPanel>
    </AccordionItem>
  );
}

function SheetItem({ analysis, ...p }: OverviewProps & { analysis: Analysis }) {
  const s = useStyles();
  return (
    <AccordionItem value="sheet">
      <AccordionHeader as="h2" className={s.accordionHeader}>
        Sheet and period
      </AccordionHeader>
      <AccordionPanel>
        <div className={s.accordionPanel}>
          <SheetChoice
            analysis={analysis}
            settings={p.settings}
            sheetNames={p.view.sheetNames}
            onChangeSettings={p.onChangeSettings}
          />
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

/** Where nothing reads: what was found, and the pins that say where the table is. */
function PinsItem(p: OverviewProps) {
  const s = useStyles();
  const sheet = p.settings.sourceSheet;
  return (
    <AccordionItem value="pins">
      <AccordionHeader as="h2" className={s.accordionHeader}>
        Say where the table is
      </AccordionHeader>
      <AccordionPanel>
        <div className={s.accordionPanel}>
          <p className={s.hint}>What was found: {p.view.error}</p>
          <LayoutPins
            key={JSON.stringify([sheet ?? null, p.settings.headerRows ?? null])}
            settings={p.settings}
            onApply={p.onChangeSettings}
          />
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

/** The Overview: the result first; how the sheet was read, and the choice of sheet, one click away. */
export function OverviewPanel(p: OverviewProps) {
  const s = useStyles();
  const [open, setOpen] = useOpenItems(p);
  const { analysis, error } = p.view;
  const failed = !analysis && error !== undefined;
  return (
    <div className={s.section}>
      <RefreshRow {...p} />
      {p.session && <ResultBar session={p.session} brief={failed} />}
      {failed && <SheetFailure {...p} />}
      {analysis && <ResultSummary analysis={analysis} onSelect={p.onSelect} onShowReview={p.onShowReview} />}
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems.map(String))}>
        {analysis && <ReadingItem {...p} analysis={analysis} />}
        {analysis && <SheetItem {...p} analysis={analysis} />}
        {failed && <PinsItem {...p} />}
      </Accordion>
    </div>
  );
}
