import { FluentProvider, Tab, TabList, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { runRefresh } from "../commands/session";
import type { Settings } from "../engine/config";
import type { Analysis } from "../engine/judge/assess";
import type { AddinHost } from "../hosts/office/addin-host";
import { NationalPanel, preloadPanels, ReviewPanel, SettingsPanel } from "./deferred";
import { OverviewPanel } from "./OverviewPanel";
import { summaryLine } from "./ResultBar";
import { buildReviewItems, groupByIndicator, IndicatorCard } from "./review-items";
import { clearIndicatorReview, markIndicatorReviewed } from "./review-marks";
import type { SettingsProps } from "./SettingsPanel";
import { useSession } from "./use-session";
import { useStyles } from "./styles";
import { useView } from "./use-view";
import { viewKey } from "./view-key";

type TabName = "overview" | "review" | "settings";
type Loaded = ReturnType<AddinHost["loadSettings"]>;
type Session = ReturnType<typeof useSession>;

/**
 * After every refresh, from here or from the ribbon: its result replaces what detection read, the
 * settings are reloaded (reviews may be cleared), and a screen reader hears what happened.
 */
function useAfterRefresh(
  host: AddinHost,
  session: Session,
  current: { key: string; settings: Settings },
  on: {
    afterRefresh: (s: Session, settings: Settings) => void;
    setResultKey: (k: string) => void;
    setLoaded: (l: Loaded) => void;
    setAnnounce: (a: string) => void;
  },
) {
  useEffect(() => {
    if (session.running || !session.finishedAt) return;
    if (session.error) {
      on.setResultKey(current.key);
      on.setAnnounce(`Refresh failed. ${session.error}`);
      on.afterRefresh(session, current.settings);
    } else if (session.outcome) {
      const next = host.loadSettings();
      on.setResultKey(viewKey(next.settings, session.outcome.analysis.sheet));
      on.setLoaded(next);
      on.afterRefresh(session, next.settings);
      on.setAnnounce(summaryLine(session));
    }
    // Only a finished refresh moves this; the settings and key it reads are those of that moment.
  }, [session, host]);
}

/** Marking an indicator reviewed (or clearing it), saved in the workbook and announced. */
function useReview(
  settings: Settings,
  save: (s: Settings) => Promise<void>,
  setAnnounce: (a: string) => void,
) {
  return (card: IndicatorCard, note: string | null) => {
    const next =
      note === null
        ? clearIndicatorReview(settings, card.key)
        : markIndicatorReviewed(settings, card.key, {
            note,
            value: card.value,
            at: new Date().toISOString(),
          });
    save(next).then(
      () =>
        setAnnounce(
          note === null
            ? `Review cleared: ${card.indicator}.`
            : `Marked reviewed: ${card.indicator}. The note prints in the committee paper at the next refresh.`,
        ),
      (e: unknown) => setAnnounce(`Review not saved: ${(e as Error).message}`),
    );
  };
}

function ViewTabs({
  tab,
  setTab,
  open,
  unsaved,
}: {
  tab: TabName;
  setTab: (t: TabName) => void;
  open: number;
  unsaved: boolean;
}) {
  const s = useStyles();
  return (
    <TabList
      className={s.tabs}
      size="small"
      selectedValue={tab}
      onTabSelect={(_, d) => setTab(d.value as TabName)}
      aria-label="Views"
    >
      <Tab value="overview" id="tab-overview">
        Overview
      </Tab>
      <Tab value="review" id="tab-review" aria-label={`Review (${open}), indicators not yet reviewed`}>
        Review ({open})
      </Tab>
      <Tab value="settings" id="tab-settings" aria-label={unsaved ? "Settings, unsaved changes" : "Settings"}>
        {unsaved ? "Settings •" : "Settings"}
      </Tab>
    </TabList>
  );
}

/** Saving settings, changing them from a panel, and selecting a cell: each told to a screen reader. */
function useHostActions(host: AddinHost, setLoaded: (l: Loaded) => void, setAnnounce: (a: string) => void) {
  const save = useCallback(
    async (next: Settings) => {
      await host.saveSettings(next);
      setLoaded({ settings: next, problems: [] });
    },
    [host],
  );
  const change = (next: Settings) => {
    save(next).catch((e: unknown) => setAnnounce(`Settings not saved: ${(e as Error).message}`));
  };
  const select = (sheet: string, address: string) => {
    host.select(sheet, address).then(
      () => setAnnounce(`Selected ${sheet} ${address}.`),
      (e: unknown) => setAnnounce(`Could not select ${sheet} ${address}: ${(e as Error).message}`),
    );
  };
  return { save, change, select };
}

/** The review cards of what is shown, with the committee rows of the refresh that read it. */
function useCards(analysis: Analysis | undefined, settings: Settings, session: Session): IndicatorCard[] {
  return useMemo(() => {
    if (!analysis) return [];
    const plan = session.outcome?.analysis === analysis ? session.outcome.committee.plan : undefined;
    return groupByIndicator(buildReviewItems(analysis, settings.reviews, plan));
  }, [analysis, settings.reviews, session.outcome]);
}

function Problems({ problems }: { problems: string[] }) {
  const s = useStyles();
  return (
    <>
      {problems.map((p) => (
        <p key={p} role="alert" className={s.p}>
          {p}
        </p>
      ))}
    </>
  );
}

function SettingsTab({ shown, ...p }: SettingsProps & { shown: boolean }) {
  return (
    <>
      {/* Kept mounted, so what was typed and not saved survives a look at another tab. */}
      <div hidden={!shown}>
        <SettingsPanel {...p} />
      </div>
      {/* Mounted when shown, so the Department's figures load the first time Settings opens. */}
      {shown && <NationalPanel analysis={p.analysis} settings={p.settings} onSave={p.onSave} />}
    </>
  );
}

export function App({ host }: { host: AddinHost }) {
  const s = useStyles();
  const session = useSession();
  // The tabs not shown on opening are fetched straight after the first render (deferred.tsx).
  useEffect(() => void preloadPanels().catch(() => undefined), []);
  const [tab, setTab] = useState<TabName>("overview");
  const [loaded, setLoaded] = useState(() => host.loadSettings());
  const [announce, setAnnounce] = useState("");
  const [unsaved, setUnsaved] = useState(false);
  // The reading the last refresh's message belongs to: once the choice changes, it is old news.
  const [resultKey, setResultKey] = useState<string | null>(null);
  const settings = loaded.settings;
  const { view, afterRefresh } = useView(host, loaded);
  const analysis = view.analysis;
  const currentKey = viewKey(settings, settings.sourceSheet ?? analysis?.sheet);
  useAfterRefresh(
    host,
    session,
    { key: currentKey, settings },
    { afterRefresh, setResultKey, setLoaded, setAnnounce },
  );

  const { save, change, select } = useHostActions(host, setLoaded, setAnnounce);
  const cards = useCards(analysis, settings, session);
  const review = useReview(settings, save, setAnnounce);
  const open = cards.filter((c) => !c.reviewed).length;

  return (
    <FluentProvider theme={host.darkTheme() ? webDarkTheme : webLightTheme}>
      <main className={s.root}>
        {/* Office already names the pane: the heading is for screen readers, not a second brand bar. */}
        <h1 className={s.visuallyHidden}>Committee paper from the KPI scorecard</h1>
        <Problems problems={loaded.problems} />
        <ViewTabs tab={tab} setTab={setTab} open={open} unsaved={unsaved} />
        <div role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === "overview" && (
            <OverviewPanel
              view={view}
              settings={settings}
              session={session.running || resultKey === currentKey ? session : undefined}
              running={session.running}
              onRefresh={() => void runRefresh(host, "pane")}
              onChangeSettings={change}
              onSelect={select}
              onShowReview={() => setTab("review")}
            />
          )}
          {tab === "review" && <ReviewPanel cards={cards} onSelect={select} onReview={review} />}
          <SettingsTab
            shown={tab === "settings"}
            settings={settings}
            analysis={analysis}
            onSave={save}
            onUnsavedChange={setUnsaved}
          />
        </div>
        <div role="status" aria-live="polite" className={s.visuallyHidden}>
          {announce}
        </div>
      </main>
    </FluentProvider>
  );
}
