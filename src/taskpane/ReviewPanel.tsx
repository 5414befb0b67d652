import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { plural } from "../engine/words";
import { HINTS } from "./hints";
import { ReviewCard } from "./ReviewCard";
import {
  GROUP_TITLES,
  IndicatorCard,
  ReviewFilter,
  ReviewGroup,
  countByGroup,
  filterCards,
} from "./review-items";
import { useStyles } from "./styles";

export interface ReviewProps {
  cards: IndicatorCard[];
  onSelect: (sheet: string, address: string) => void;
  onReview: (card: IndicatorCard, note: string | null) => void;
}

const GROUPS: ReviewGroup[] = ["red", "amber", "worsening", "data-quality", "checks"];

/** Counts in plain English: "7 red, 4 amber, 1 analyst check". */
export function countsLine(counts: Record<ReviewGroup, number>): string {
  return GROUPS.filter((g) => counts[g] > 0)
    .map((g) =>
      g === "checks" ? plural(counts[g], "analyst check") : `${counts[g]} ${GROUP_TITLES[g].toLowerCase()}`,
    )
    .join(", ");
}

/** The cards on which each plain-words hint appears: the first that uses the word. */
function hintsFor(cards: IndicatorCard[]) {
  const polarity = cards.find((c) => c.items.some((i) => i.about === "polarity-assumed"))?.key;
  const spc = cards.find((c) => c.spc)?.key;
  return (key: string) => ({ polarity: key === polarity, spc: key === spc });
}

function Summary({ cards }: { cards: IndicatorCard[] }) {
  const s = useStyles();
  const items = cards.flatMap((c) => c.items);
  const counts = countByGroup(items);
  const open = cards.filter((c) => !c.reviewed).length;
  if (!cards.length)
    return <p className={s.p}>Nothing to review: no red, amber, worsening or data-quality flags.</p>;
  return (
    <>
      <p className={s.p}>
        {plural(cards.length, "indicator")} with {plural(items.length, "flag")}, {open} not yet reviewed:{" "}
        {countsLine(counts)}.
      </p>
      {counts.checks > 0 && <p className={s.hint}>{HINTS.checks}</p>}
    </>
  );
}

/** What to show: a choice of group and a search over refs and words. */
function Filters(p: {
  cards: IndicatorCard[];
  filter: ReviewFilter;
  query: string;
  setFilter: (f: ReviewFilter) => void;
  setQuery: (q: string) => void;
}) {
  const s = useStyles();
  const counts = countByGroup(p.cards.flatMap((c) => c.items));
  return (
    <div className={s.filters}>
      <Field label="Show">
        <Select className={s.fill} value={p.filter} onChange={(_, d) => p.setFilter(d.value as ReviewFilter)}>
          <option value="all">All</option>
          <option value="open">Not reviewed</option>
          <option value="special-cause">Special cause</option>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {GROUP_TITLES[g]} ({counts[g]})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Find">
        <Input
          className={s.fill}
          value={p.query}
          onChange={(_, d) => p.setQuery(d.value)}
          placeholder="Ref or words"
        />
      </Field>
    </div>
  );
}

/** Nothing matches: say what was asked for, and one button back to every flag. */
function NoMatch({
  filter,
  query,
  onShowAll,
}: {
  filter: ReviewFilter;
  query: string;
  onShowAll: () => void;
}) {
  const s = useStyles();
  return (
    <div className={s.card} role="status">
      <Text>
        No flags match{query.trim() ? ` “${query.trim()}”` : ""}
        {filter !== "all" ? " with this choice of what to show" : ""}.
      </Text>
      <div>
        <Button onClick={onShowAll}>Show all flags</Button>
      </div>
    </div>
  );
}

/** Every indicator with a red, amber, worsening or data-quality flag: one card each, the most serious first. */
export function ReviewPanel({ cards, onSelect, onReview }: ReviewProps) {
  const s = useStyles();
  const [filter, setFilter] = useState<ReviewFilter>("all");
  const [query, setQuery] = useState("");
  const shown = filterCards(cards, filter, query);
  const hint = hintsFor(shown);
  const showAll = () => {
    setQuery("");
    setFilter("all");
  };
  return (
    <section className={s.section} aria-labelledby="review-heading">
      <h2 id="review-heading" className={s.h2}>
        Review
      </h2>
      <Summary cards={cards} />
      <Filters cards={cards} filter={filter} query={query} setFilter={setFilter} setQuery={setQuery} />
      {cards.length > 0 && shown.length === 0 && (
        <NoMatch filter={filter} query={query} onShowAll={showAll} />
      )}
      {shown.length > 0 && (
        <p className={s.hint}>
          <span aria-live="polite">{plural(shown.length, "indicator")} shown.</span> {HINTS.keyboard}
        </p>
      )}
      <ul className={s.list} aria-label="Indicators with flags">
        {shown.map((c) => (
          <ReviewCard key={c.key} card={c} hints={hint(c.key)} onSelect={onSelect} onReview={onReview} />
        ))}
      </ul>
    </section>
  );
}
