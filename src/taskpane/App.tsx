import { FluentProvider, Tab, TabList, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { runRefresh } from "../commands/session";
import type { Settings } from "../engine/config";
import type { AddinHost } from "../hosts/office/addin-host";
import { NationalPanel } from "./NationalPanel";
import { OverviewPanel } from "./OverviewPanel";
import { summaryLine } from "./ResultBar";
import { ReviewPanel } from "./ReviewPanel";
import { buildReviewItems, groupByIndicator, IndicatorCard } from "./review-items";
import { clearIndicatorReview, markIndicatorReviewed } from "./review-marks";
import { SettingsPanel } from "./SettingsPanel";
import { useSession } from "./use-session";
import { useStyles } from "./styles";
import { useView } from "./use-view";
import { viewKey } from "./view-key";

type TabName = "overview" | "review" | "settings";

export function App({ host }: { host: AddinHost }) {
  const s = useStyles();
  const session = useSession();
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

  // After every refresh, from here or from the ribbon: its result replaces what detection read, the
  // settings are reloaded (reviews may be cleared), and a screen reader hears what happened.
  useEffect(() => {
    if (session.running || !session.finishedAt) return;
    if (session.error) {
      setResultKey(currentKey);
      setAnnounce(`Refresh failed. ${session.error}`);
      afterRefresh(session, settings);
    } else if (session.outcome) {
      const next = host.loadSettings();
      setResultKey(viewKey(next.settings, session.outcome.analysis.sheet));
      setLoaded(next);
      afterRefresh(session, next.settings);
      setAnnounce(summaryLine(session));
    }
    // Only a finished refresh moves this; the settings and key it reads are those of that moment.
  }, [session, host]);

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

  const cards = useMemo(() => {
    if (!analysis) return [];
    const plan = session.outcome?.analysis === analysis ? session.outcome.committee.plan : undefined;
    return groupByIndicator(buildReviewItems(analysis, settings.reviews, plan));
  }, [analysis, settings.reviews, session.outcome]);

  const select = (sheet: string, address: string) => {
    host.select(sheet, address).then(
      () => setAnnounce(`Selected ${sheet} ${address}.`),
      (e: unknown) => setAnnounce(`Could not select ${sheet} ${address}: ${(e as Error).message}`),
    );
  };
  const review = (card: IndicatorCard, note: string | null) => {
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
  const open = cards.filter((c) => !c.reviewed).length;

  return (
    <FluentProvider theme={host.darkTheme() ? webDarkTheme : webLightTheme}>
      <main className={s.root}>
        {/* Office already names the pane: the heading is for screen readers, not a second brand bar. */}
        <h1 className={s.visuallyHidden}>Committee paper from the KPI scorecard</h1>
        {loaded.problems.map((p) => (
          <p key={p} role="alert" className={s.p}>
            {p}
          </p>
        ))}
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
          <Tab
            value="settings"
            id="tab-settings"
            aria-label={unsaved ? "Settings, unsaved changes" : "Settings"}
          >
            {unsaved ? "Settings •" : "Settings"}
          </Tab>
        </TabList>
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
          {/* Kept mounted, so what was typed and not saved survives a look at another tab. */}
          <div hidden={tab !== "settings"}>
            <SettingsPanel
              settings={settings}
              analysis={analysis}
              onSave={save}
              onUnsavedChange={setUnsaved}
            />
          </div>
          {/* Mounted when shown, so the Department's figures load the first time Settings opens. */}
          {tab === "settings" && <NationalPanel analysis={analysis} settings={settings} onSave={save} />}
        </div>
        <div role="status" aria-live="polite" className={s.visuallyHidden}>
          {announce}
        </div>
      </main>
    </FluentProvider>
  );
}
