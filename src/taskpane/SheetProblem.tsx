import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { plural } from "../engine/words";

/** Another sheet of the workbook that reads as a scorecard: undefined while still looking, null if none. */
export type Alternative = { sheet: string; indicators: number } | null | undefined;

export interface SheetProblemProps {
  /** The sheet that did not read, or undefined for the active sheet. */
  sheet?: string;
  /** False where the chosen sheet is no longer in the workbook. */
  present: boolean;
  alternative: Alternative;
  emptyWorkbook: boolean;
  onUse: (sheet: string) => void;
}

function headline(p: SheetProblemProps): string {
  const name = p.sheet === undefined ? "The active sheet" : `The sheet '${p.sheet}'`;
  return p.present ? `${name} is not a scorecard.` : `${name} is no longer in this workbook.`;
}

/**
 * A sheet that does not read, said in one sentence, with the way on: the sheet that does read (one
 * click), or, where none does, how to start. Never a dead end.
 */
export function SheetProblem(p: SheetProblemProps) {
  if (p.emptyWorkbook) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This workbook is empty.</MessageBarTitle>
          To start, open your team&apos;s scorecard workbook, or paste its table here: a row for each
          indicator with its reference or name, its latest value and its target. Then choose its sheet below.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const alt = p.alternative;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{headline(p)}</MessageBarTitle>
        {alt === undefined && <Spinner size="extra-tiny" label="Looking for a sheet that reads as one…" />}
        {alt && `The sheet '${alt.sheet}' reads as one, with ${plural(alt.indicators, "indicator")}.`}
        {alt === null && "No other sheet reads as one either: say below where the table is."}
      </MessageBarBody>
      {alt && (
        <MessageBarActions>
          <Button appearance="primary" size="small" onClick={() => p.onUse(alt.sheet)}>
            Use &apos;{alt.sheet}&apos;
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
