import { Badge, Button, Link, mergeClasses, useArrowNavigationGroup } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { HINTS } from "./hints";
import { IndicatorName } from "./IndicatorName";
import { RagBadge } from "./RagBadge";
import { GROUP_TITLES, IndicatorCard, ReviewItem } from "./review-items";
import { INDICATOR_REVIEW, startingNote } from "./review-marks";
import { ReviewForm } from "./ReviewForm";
import { SpcBadge } from "./SpcBadge";
import { useStyles } from "./styles";

export interface ReviewCardProps {
  card: IndicatorCard;
  /** Plain words for terms met here for the first time on the list. */
  hints: { polarity: boolean; spc: boolean };
  onSelect: (sheet: string, address: string) => void;
  onReview: (card: IndicatorCard, note: string | null) => void;
}

function Flag({
  item,
  hint,
  onSelect,
}: {
  item: ReviewItem;
  hint: boolean;
  onSelect: ReviewCardProps["onSelect"];
}) {
  const s = useStyles();
  const own = item.review && item.review.about !== INDICATOR_REVIEW ? item.review : undefined;
  return (
    <li className={s.flag}>
      <Link
        as="button"
        className={s.link}
        onClick={() => onSelect(item.source.sheet, item.source.address)}
        aria-label={`${item.indicator}. ${item.label} (${item.source.address}). Go to ${item.source.sheet} ${item.source.address}`}
      >
        {item.label} ({item.source.address})
      </Link>
      <span className={s.reason}>{item.reason}</span>
      {hint && <span className={s.hint}>{HINTS.polarity}</span>}
      {own && <p className={s.note}>✓ Reviewed: {own.note}</p>}
    </li>
  );
}

/** The card's band and its other groups as badges. */
function CardBadges({ card }: { card: IndicatorCard }) {
  const s = useStyles();
  const others = card.groups.filter((g) => g !== "red" && g !== "amber");
  return (
    <div className={s.badges}>
      {card.band !== "none" && <RagBadge band={card.band} />}
      {others.map((g) => (
        <Badge key={g} appearance="outline" color="informative" shape="rounded">
          {GROUP_TITLES[g]}
        </Badge>
      ))}
    </div>
  );
}

/** The ways to a cell, one tab stop: the arrow keys move between the flags and the committee row. */
function FlagLinks({ card, hints, onSelect }: Pick<ReviewCardProps, "card" | "hints" | "onSelect">) {
  const s = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const polarityAt = hints.polarity ? card.items.findIndex((i) => i.about === "polarity-assumed") : -1;
  return (
    <div className={s.flagGroup} {...arrows}>
      <ul className={s.flags} aria-label={`Flags of ${card.indicator}`}>
        {card.items.map((i, n) => (
          <Flag key={i.id} item={i} hint={n === polarityAt} onSelect={onSelect} />
        ))}
      </ul>
      {card.committee && (
        <Link
          as="button"
          className={s.link}
          onClick={() => card.committee && onSelect(card.committee.sheet, card.committee.address)}
          aria-label={`Show in the committee sheet: ${card.indicator}`}
        >
          Show in the committee sheet
        </Link>
      )}
    </div>
  );
}

/** The one review of the whole indicator: the note, and the button that opens its form. */
function CardReview({ card, onReview }: Pick<ReviewCardProps, "card" | "onReview">) {
  const s = useStyles();
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) button.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const whole = card.marks.find((m) => m.about === INDICATOR_REVIEW);
  return (
    <>
      {whole && !editing && <p className={s.note}>✓ Reviewed: {whole.note}</p>}
      {editing ? (
        <ReviewForm
          indicator={card.indicator}
          initial={startingNote(card.marks)}
          reviewed={card.marks.length > 0}
          onDone={(note) => {
            setEditing(false);
            if (note !== undefined) onReview(card, note);
          }}
        />
      ) : (
        <div>
          <Button
            ref={button}
            onClick={() => setEditing(true)}
            aria-label={`${whole ? "Edit review of" : "Mark reviewed:"} ${card.indicator}`}
          >
            {whole ? "Edit review" : "Mark reviewed"}
          </Button>
        </div>
      )}
    </>
  );
}

/**
 * One indicator with all its flags: its band and flags as badges, each flag a link to its cell (one tab
 * stop with the way to its row in the committee sheet; the arrow keys move between them), and one
 * review for the whole indicator. Two tab stops.
 */
export function ReviewCard({ card, hints, onSelect, onReview }: ReviewCardProps) {
  const s = useStyles();
  return (
    <li
      className={mergeClasses(s.card, card.band !== "none" && s[card.band])}
      aria-labelledby={`card-${card.key}`}
    >
      <h3 className={s.cardTitle} id={`card-${card.key}`}>
        <IndicatorName label={card.name} />
      </h3>
      <CardBadges card={card} />
      <SpcBadge spc={card.spc} />
      {hints.spc && <p className={s.hint}>{HINTS.spc}</p>}
      <FlagLinks card={card} hints={hints} onSelect={onSelect} />
      <CardReview card={card} onReview={onReview} />
    </li>
  );
}
