/**
 * Microsoft's real Office.js in jsdom, as Excel on the web hosts it: the page loads `office.js` from
 * node_modules/@microsoft/office-js/dist, which loads `excel-web-16.00.js` and talks to its host by
 * posting messages to `window.parent` (XdmCommunicationManager in excel-web-16.00.js). This file plays
 * the host at that transport: the activation handshake (ContextActivationManager_getAppContextAsync),
 * event registrations, the settings bag (DdaMethod 76, refused over 32 KB with 9057 as Office.Settings
 * documents), the ribbon's command event (appCommandInvoked) and its completion (DdaMethod 94), and every
 * context.sync (DdaMethod 93, a rich-API ProcessQuery), answered by RichApiHost over a simulated
 * workbook. Every request and response is measured as the serialised message the library posted or
 * receives, and one over 5 MB is refused with the library's own codes (5103, 5104).
 */
import fs from "fs";
import path from "path";
import { JSDOM, ResourceLoader, VirtualConsole } from "jsdom";
import { FakeWorkbookModel } from "../fake-excel/fake-excel";
import { RequestBody, RichApiHost } from "./rich-api";

const DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const HOST_ORIGIN = "https://excel.officeapps.live.com";
const PAGE = "https://localhost:3000/taskpane.html";
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Office.Settings: "A maximum of 32KB is available for the settings of each add-in" (error 9057). */
export const SETTINGS_LIMIT = 32 * 1024;
const DISPATCH = { settingsSave: 76, richApi: 93, commandCompleted: 94 } as const;
const OOE = { requestTooLarge: 5103, responseTooLarge: 5104, settingsTooLarge: 9057 } as const;

export interface Exchange {
  /** Characters of the message the library posted, and of the one it got back. */
  request: number;
  response: number;
  body: RequestBody;
  error?: string;
}

interface XdmMessage {
  _messageType: number;
  _actionName: string;
  _conversationId: string;
  _correlationId: number;
  _data: unknown;
  _actionType?: number;
}

export interface PageOptions {
  model: FakeWorkbookModel;
  /** The settings bag as the document holds it: key -> JSON text. */
  settings?: Record<string, string>;
  requirements?: Record<string, number>;
  /** Scripts of the page after office.js, in order: code, or a promise of code still loading. */
  scripts?: { code: string | Promise<string>; defer?: boolean }[];
  /** Called when office.js registers for the ribbon's command event, the earliest Excel can deliver it. */
  onCommandRegistration?: () => void;
}

export interface CommandCompletion {
  id: string;
  status: number;
}

class Loader extends ResourceLoader {
  constructor(private readonly pageScripts: Map<string, string | Promise<string>>) {
    super();
  }
  override fetch(url: string): ReturnType<ResourceLoader["fetch"]> {
    const u = new URL(url);
    const own = this.pageScripts.get(u.pathname);
    const file = path.join(DIST, u.pathname.replace(/^\/office-js\//, ""));
    const body: Promise<Buffer> =
      own !== undefined
        ? Promise.resolve(own).then((c) => Buffer.from(c))
        : !file.startsWith(DIST) || !fs.existsSync(file)
          ? Promise.reject(new Error(`404 ${url}`))
          : Promise.resolve(fs.readFileSync(file));
    return Object.assign(body, { abort: () => undefined });
  }
}

export class OfficePage {
  readonly dom: JSDOM;
  readonly host: RichApiHost;
  readonly exchanges: Exchange[] = [];
  /** The settings bag as the document holds it now. */
  settings: Record<string, string>;
  readonly completions: CommandCompletion[] = [];
  readonly errors: string[] = [];
  settingsSaves = 0;
  private commandHandlers: { conversation: string; name: string }[] = [];
  private nextCommand = 1;

  constructor(private readonly options: PageOptions) {
    this.host = new RichApiHost(options.model);
    this.settings = { ...(options.settings ?? {}) };
    const scripts = new Map<string, string | Promise<string>>();
    // A watcher first, so that a test can tell whether Office.onReady had fired at a given moment.
    const watcher = { code: "Office.onReady(function () { window.officeReadyFired = true; });" };
    const tags = [watcher, ...(options.scripts ?? [])].map(
      (s: PageOptions["scripts"] extends (infer T)[] | undefined ? T : never, i) => {
        const name = `/page-${i}.js`;
        scripts.set(name, s.code);
        return `<script src="${name}"${s.defer ? " defer" : ""}></script>`;
      },
    );
    const console = new VirtualConsole();
    console.on("jsdomError", (e) => this.errors.push(e.message));
    const html = `<!doctype html><html><head><script src="/office-js/office.js"></script>${tags.join("")}</head><body><div id="container"></div></body></html>`;
    const query = "?_host_Info=Excel$Web$16.01$en-GB$$$$0";
    const hash = `#&_xdm_Info=conversation$control$${HOST_ORIGIN}`;
    this.dom = new JSDOM(html, {
      url: PAGE + query + hash,
      runScripts: "dangerously",
      resources: new Loader(scripts),
      virtualConsole: console,
      pretendToBeVisual: true,
      beforeParse: (w) => {
        // jsdom has no document.domain, which office.js reads when it checks its host.
        Object.defineProperty(w.document, "domain", { value: "localhost" });
        // The page is top-level here, so window.parent is the window itself: its postMessage is Excel's.
        w.postMessage = (message: string) => this.receive(message);
      },
    });
  }

  get window(): Window & typeof globalThis & { Office: typeof Office; Excel: typeof Excel } {
    return this.dom.window as unknown as Window &
      typeof globalThis & { Office: typeof Office; Excel: typeof Excel };
  }

  /** Whether Office.onReady has fired on the page. */
  get officeReady(): boolean {
    return (this.dom.window as unknown as { officeReadyFired?: boolean }).officeReadyFired === true;
  }

  /** Resolves once office.js is loaded and Office.onReady has fired. */
  async ready(): Promise<void> {
    const deadline = Date.now() + 20000;
    while (!this.window.Office?.onReady) {
      if (Date.now() > deadline) throw new Error(`office.js did not load: ${this.errors.join("; ")}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await this.window.Office.onReady();
  }

  /** The add-in code under test calls the page's Office and Excel, as it does inside Excel. */
  installGlobals(): void {
    const g = globalThis as unknown as { Office: unknown; Excel: unknown; OfficeExtension: unknown };
    const w = this.window as unknown as { Office: unknown; Excel: unknown; OfficeExtension: unknown };
    g.Office = w.Office;
    g.Excel = w.Excel;
    g.OfficeExtension = w.OfficeExtension;
  }

  /** Runs a script on the page now, as a script that has just arrived. */
  inject(code: string): void {
    const d = this.dom.window.document;
    const script = d.createElement("script");
    script.textContent = code;
    d.head.appendChild(script);
  }

  /** Excel delivers the ribbon button's ExecuteFunction action to the registered handler. */
  pressRibbon(functionName: string): string {
    const handler = this.commandHandlers[0];
    if (!handler) throw new Error("office.js has not registered for the ribbon's command event");
    const id = `command-${this.nextCommand++}`;
    const source = { id: "Scorecard.Refresh", source: { id: "Scorecard.Refresh" } };
    this.send({
      _messageType: 1,
      _actionName: handler.name,
      _conversationId: handler.conversation,
      _correlationId: 0,
      _data: [id, functionName, JSON.stringify(source)],
      _responseType: 1,
    });
    return id;
  }

  /** Closes the page (its timers with it) and takes its Office and Excel off the test's globals. */
  close(): void {
    this.dom.window.close();
    const g = globalThis as { Office?: unknown; Excel?: unknown; OfficeExtension?: unknown };
    if (g.Excel === this.window.Excel) {
      delete g.Office;
      delete g.Excel;
      delete g.OfficeExtension;
    }
  }

  private send(message: Record<string, unknown>): void {
    const data = JSON.stringify({ _origin: HOST_ORIGIN, _serializerVersion: 1, ...message });
    setTimeout(() => {
      const w = this.dom.window;
      w.dispatchEvent(new w.MessageEvent("message", { data, origin: HOST_ORIGIN }));
    }, 0);
    this.lastResponseLength = data.length;
  }

  private lastResponseLength = 0;

  private reply(m: XdmMessage, data: unknown, errorCode = 0): number {
    this.send({
      _messageType: 1,
      _actionName: m._actionName,
      _conversationId: m._conversationId,
      _correlationId: m._correlationId,
      _data: data,
      _errorCode: errorCode,
      _responseType: 0,
    });
    return this.lastResponseLength;
  }

  private receive(raw: string): void {
    const m = JSON.parse(raw) as XdmMessage;
    if (m._actionType === 1) return this.register(m);
    if (m._actionType === 2) return void this.reply(m, { Error: 0 });
    switch (m._actionName) {
      case "ContextActivationManager_getAppContextAsync":
        return void this.reply(m, this.appContext());
      case "ContextActivationManager_notifyHost":
        return void this.reply(m, null);
      case "executeMethod":
        return void this.executeMethod(m, raw.length);
      default:
        this.errors.push(`Excel was sent an unknown message '${m._actionName}'`);
    }
  }

  private register(m: XdmMessage): void {
    if (m._actionName === "appCommandInvoked") {
      this.commandHandlers.push({ conversation: m._conversationId, name: m._actionName });
      this.reply(m, { Error: 0 });
      this.options.onCommandRegistration?.();
      return;
    }
    this.reply(m, { Error: 0 });
  }

  private appContext(): Record<string, unknown> {
    return {
      _id: "control",
      _appName: 16,
      _appVersion: "16.0",
      _appUILocale: "en-GB",
      _dataLocale: "en-GB",
      _docUrl: "https://contoso.sharepoint.com/scorecard.xlsx",
      _clientMode: 1,
      _settings: Object.entries(this.settings),
      _reason: 1,
      _osfControlType: 0,
      _eToken: "",
      _correlationId: "correlation",
      _appInstanceId: "control",
      _appMinorVersion: 0,
      _requirementMatrix: JSON.stringify(
        this.options.requirements ?? { ExcelApi: 1.17, SharedRuntime: 1.1, RibbonApi: 1.1 },
      ),
      _hostFullVersion: "16.0.18000.10000",
    };
  }

  private async executeMethod(m: XdmMessage, requestLength: number): Promise<void> {
    const data = m._data as {
      DdaMethod?: { DispatchId: number };
      ArrayData?: unknown[];
      DdaSettingsMethod?: unknown;
    };
    const dispatch = data.DdaMethod?.DispatchId;
    if (dispatch === DISPATCH.richApi) return this.richApi(m, data.ArrayData ?? [], requestLength);
    if (dispatch === DISPATCH.settingsSave) return void this.saveSettings(m, data as Record<string, unknown>);
    if (dispatch === DISPATCH.commandCompleted) {
      const d = data as unknown as Record<string, unknown>;
      this.completions.push({ id: String(d.Id ?? d[0]), status: Number(d.Status ?? d[1]) });
      return void this.reply(m, { Version: 1, Error: 0 });
    }
    this.errors.push(`Excel was asked for DdaMethod ${String(dispatch)}, which it does not model`);
    this.reply(m, { Version: 1, Error: 5001 });
  }

  private saveSettings(m: XdmMessage, data: Record<string, unknown>): void {
    this.settingsSaves++;
    const request = data.DdaSettingsMethod as { Properties?: [string, string][] } | undefined;
    const properties = request?.Properties ?? [];
    const size = properties.reduce((n, [k, v]) => n + k.length + String(v).length, 0);
    if (size > SETTINGS_LIMIT) return void this.reply(m, { Version: 1, Error: OOE.settingsTooLarge });
    this.settings = Object.fromEntries(properties);
    this.reply(m, { Version: 1, Error: 0 });
  }

  private async richApi(m: XdmMessage, array: unknown[], requestLength: number): Promise<void> {
    const body = JSON.parse(String(array[4])) as RequestBody;
    const exchange: Exchange = { request: requestLength, response: 0, body };
    this.exchanges.push(exchange);
    if (requestLength > PAYLOAD_LIMIT) {
      exchange.error = "RequestPayloadSizeLimitExceeded";
      exchange.response = this.reply(m, { Version: 1, Error: OOE.requestTooLarge });
      return;
    }
    let response: Awaited<ReturnType<RichApiHost["execute"]>>;
    try {
      response = await this.host.execute(body);
    } catch (e) {
      // A fault of the simulation itself: answered, so that the test fails instead of waiting.
      this.errors.push(`The simulated Excel failed: ${(e as Error).stack ?? String(e)}`);
      response = {
        Results: [],
        Error: { Code: "GeneralException", Message: String(e), HttpStatusCode: 500, ActionIndex: -1 },
      };
    }
    if (response.Error) exchange.error = response.Error.Code;
    const text = JSON.stringify(response);
    if (text.length > PAYLOAD_LIMIT) {
      exchange.error = "ResponsePayloadSizeLimitExceeded";
      exchange.response = this.reply(m, { Version: 1, Error: OOE.responseTooLarge });
      return;
    }
    exchange.response = this.reply(m, { Version: 1, Error: 0, Data: [200, [], text] });
  }
}
