import { Link } from "@fluentui/react-components";
import type { Analysis } from "../engine/judge/assess";
import type { Band } from "../engine/judge/banding";
import { plural } from "../engine/words";
import { HINTS } from "./hints";
import { IndicatorName } from "./IndicatorName";
import { areasForFocus, bandCounts, FocusItem, periodLine, spcCounts } from "./overview-facts";
import { RagBadge } from "./RagBadge";
import { useStyles } from "./styles";

/** Areas for focus shown before "and N more": a short list a councillor's question starts from. */
export const FOCUS_SHOWN = 5;
const BANDS: Band[] = ["red", "amber", "green", "none"];

export interface ResultProps {
  analysis: Analysis;
  onSelect: (sheet: string, address: string) => void;
  onShowReview: () => void;
}

function Tally({ analysis }: { analysis: Analysis }) {
  const s = useStyles();
  const counts = bandCounts(analysis);
  return (
    <ul className={s.tally} aria-label="Indicators by band">
      {BANDS.filter((b) => b !== "none" || counts.none > 0).map((b) => (
        <li key={b}>
          <RagBadge band={b} count={counts[b]} size="large" />
        </li>
      ))}
    </ul>
  );
}

function SpcLine({ analysis }: { analysis: Analysis }) {
  const s = useStyles();
  const c = spcCounts(analysis);
  const periods = (analysis.allPeriods ?? analysis.periods).length;
  if (!c.read)
    return (
      <p className={s.hint}>
        SPC (statistical process control, which tells real change from noise) needs {c.minPoints} periods of
        an indicator; this sheet has {periods}.
      </p>
    );
  const kinds = [
    c.improvement && `${c.improvement} special cause improvement`,
    c.concern && `${c.concern} special cause concern`,
    c.neither && `${c.neither} special cause with no better direction`,
    `${c.common} common cause`,
  ].filter(Boolean);
  return (
    <>
      <p className={s.p}>
        SPC on {plural(c.read, "indicator")}: {kinds.join(", ")}.
      </p>
      <p className={s.hint}>{HINTS.spc}</p>
    </>
  );
}

function FocusLink({ item, onSelect }: { item: FocusItem; onSelect: ResultProps["onSelect"] }) {
  const s = useStyles();
  return (
    <li className={s.focusItem}>
      <RagBadge band={item.band} />
      <Link as="button" className={s.link} onClick={() => onSelect(item.cell.sheet, item.cell.address)}>
        <IndicatorName label={item.name} />
      </Link>
      <span className={s.reason}>
        {item.display} in {item.cell.address}
      </span>
    </li>
  );
}

/** The result first: the bands counted, special causes, the areas for focus each a link to its cell. */
export function ResultSummary({ analysis, onSelect, onShowReview }: ResultProps) {
  const s = useStyles();
  const focus = areasForFocus(analysis);
  const more = focus.length - FOCUS_SHOWN;
  return (
    <section className={s.section} aria-labelledby="result-heading">
      <h2 id="result-heading" className={s.h2}>
        {periodLine(analysis)}
      </h2>
      <Tally analysis={analysis} />
      <SpcLine analysis={analysis} />
      <h3 className={s.h3} id="focus-heading">
        Areas for focus
      </h3>
      {focus.length === 0 ? (
        <p className={s.p}>None: no indicator is red or amber.</p>
      ) : (
        <ul className={s.list} aria-labelledby="focus-heading">
          {focus.slice(0, FOCUS_SHOWN).map((f) => (
            <FocusLink key={f.key} item={f} onSelect={onSelect} />
          ))}
        </ul>
      )}
      {more > 0 && (
        <div>
          <Link as="button" className={s.link} onClick={onShowReview}>
            {plural(more, "more area")} for focus on the Review tab
          </Link>
        </div>
      )}
    </section>
  );
}
