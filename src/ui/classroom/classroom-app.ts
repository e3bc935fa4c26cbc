// The classroom page: one device's way into a room, as a student, the facilitator or the projector. It keeps no
// game state of its own: it renders the screen the server sends and turns clicks into requests.

import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { ClientView } from '../../present/classroom-screens.ts';
import { isolate, language, t } from '../../present/i18n/i18n.ts';
import { talkModelOf } from '../../present/talk-wire.ts';
import { ClassroomClient, type Credentials, ensureHeaders } from '../../session/classroom-client.ts';
import type { Command, Reply } from '../../session/classroom-protocol.ts';
import type { Scenario } from '../../session/pass-and-play-rules.ts';
import { statementOf } from '../../session/talk-commands.ts';
import { h } from '../dom.ts';
import { chooseLanguage, showLanguage } from '../i18n/language.ts';
import { SettingsStore } from '../settings-store.ts';
import { type ConsoleActions, consolePage } from './console.page.ts';
import { type DealActions, DealsPanel, dealsPanel } from './deals.part.ts';
import { Asking } from './form.ts';
import {
  classroomJson,
  codeInPath,
  joinBase,
  joinLink,
  keep,
  keptFor,
  loopbackWarning,
  newKey,
  noServer,
  type OfferedRoom,
  roomsRunHere,
  roomsToOffer,
  seatInHash,
} from './links.ts';
import { openRoomPage, type RoomChoices, type ScenarioChoice } from './open-room.page.ts';
import { packPage } from './pack.page.ts';
import { projectorPage } from './projector.page.ts';
import { lobbyPage, type SeatActions, SeatScreen, seatPage } from './seat.page.ts';
import { type StartActions, startPage } from './start.page.ts';
import { type TalkActions, TalkPanel, talkPanel } from './talk.part.ts';

/** Pass-and-play, the replay and the comparison, loaded only when this device asks for one of them. */
const localGames = () => import('./local-games.ts');

export class ClassroomApp {
  private client: ClassroomClient<ClientView> | null = null;
  /** The seat page's situation room (one per turn) or debrief, for the device's current client. */
  private seat: SeatScreen | null = null;
  /** The seat's talk panel: what its forms hold and await, kept through every view of the device's client. */
  private talk = new TalkPanel(() => this.draw());
  /** The seat's deals and rulings panel: what its forms hold and await, kept like the talk panel. */
  private deals = new DealsPanel(() => this.draw());
  /** The seat's reason field: its count of characters, for the turn it belongs to. */
  private reason = { chars: 0, turn: -1, redraw: () => this.draw() };
  private ticking: ReturnType<typeof setInterval> | null = null;
  /** What the lobby says of this device's last request for a seat (waiting to be admitted, or why not). */
  private lobbyNote: string | null = null;
  /** Where students join (the join link and QR code): this page's address, or the server's network address. */
  private joinAt: string = location.origin;
  private addressAsked = false;
  /** When the link last came back after it was lost (the "back" line shows for a few seconds). */
  private backAt: number | null = null;
  private wasLost = false;
  /**
   * The last refusal of this device's request, said at the top of the page until its next request, or until the
   * room moves on (a new turn, a pause or resume, the seat handed over), when it may no longer hold.
   */
  private refusal: { text: string; standing: string } | null = null;
  /** The console's one status line: the answer to the facilitator's last action. */
  private consoleSaid: string | null = null;
  /** The page on screen, as a function of this device's state: drawn again on each view and clock tick. */
  private page: () => TemplateResult = () => html``;
  /** The element lit renders into: the root's only child while a classroom page is on screen. */
  private host: HTMLElement | null = null;
  private lobbyAsking = new Asking(() => this.draw());
  /** Set while the page turns to the room's language (the projector's). */
  private turning = false;

  constructor(
    private readonly root: HTMLElement,
    /** The bundled scenario, for a game on this device alone; one sentence when it cannot be loaded. */
    private readonly loadScenario: () => Promise<Scenario | string>,
  ) {}

  async start(): Promise<void> {
    const code = codeInPath(location.pathname);
    const params = new URLSearchParams(location.search);
    if (params.has('pass')) {
      await this.showPass();
      return;
    }
    if (params.has('replay')) {
      await this.showReplay();
      return;
    }
    if (params.has('pack')) {
      const scenario = await this.loadScenario();
      if (typeof scenario === 'string') this.showStart(null, scenario);
      else {
        const pack = packPage(scenario, () => location.assign('/'));
        this.show(() => html`${pack}`);
      }
      return;
    }
    if (code && params.has('projector')) {
      await this.connect(code, { role: 'projector' });
      return;
    }
    const kept = code ? keptFor(code) : null;
    if (code && kept) {
      const refused = await this.connect(code, {}, kept);
      if (!refused) return;
      this.showStart(code, refused);
      return;
    }
    this.showStart(code, null);
  }

  private showStart(code: string | null, problem: string | null): void {
    const asking = new Asking(() => this.draw(), problem);
    const actions: StartActions = {
      // A link the facilitator handed to one team (/join/CODE#seat=pm&code=…) brings its members to that seat;
      // a seat code typed in does the same.
      join: (c, name, seatCode) => {
        const linked = seatInHash(location.hash);
        return this.connect(c, {
          role: 'student',
          ...(name ? { name } : {}),
          ...linked,
          ...(seatCode ? { seatCode } : {}),
        });
      },
      openRoom: () => void this.showOpenRoom(),
      pass: () => void this.showPass(),
      solo: () => location.assign('/'),
      // The language is this device's: remembered, then the page drawn again in it (the form keeps what was typed).
      language: (chosen) => void chooseLanguage(new SettingsStore(), chosen).then(() => this.draw()),
    };
    const page = () => startPage(actions, code, asking, this.offered);
    this.show(page);
    // A teacher coming back is offered the rooms this browser runs, once the server has said which it still knows.
    this.offering ??= roomsToOffer().then((rooms) => {
      this.offered = rooms;
    });
    void this.offering.then(() => {
      if (this.page === page) this.draw();
    });
  }

  /** The rooms this browser runs that the start page offers (asked of the server once per page load). */
  private offered: OfferedRoom[] = [];
  private offering: Promise<void> | null = null;

  private async showPass(): Promise<void> {
    const left = this.client;
    this.client = null;
    void left?.close();
    if (this.ticking) clearInterval(this.ticking);
    const [scenario, { PassAndPlay }] = await Promise.all([this.loadScenario(), localGames()]);
    if (typeof scenario === 'string') {
      this.showStart(null, scenario);
      return;
    }
    history.replaceState(null, '', '/class?pass');
    this.handOverRoot();
    new PassAndPlay(this.root, scenario, () => {
      history.replaceState(null, '', '/class');
      this.showStart(null, null);
    }).showSetup();
  }

  /** The replay: of a record the console handed over to this tab, else of a file or the game saved here. */
  private async showReplay(): Promise<void> {
    const [scenario, { REPLAY_HANDOVER, ReplayViewer }] = await Promise.all([
      this.loadScenario(),
      localGames(),
    ]);
    if (typeof scenario === 'string') {
      this.showStart(null, scenario);
      return;
    }
    this.handOverRoot();
    const viewer = new ReplayViewer(this.root, scenario, () => location.assign('/'));
    let handed: string | null = null;
    try {
      handed = sessionStorage.getItem(REPLAY_HANDOVER);
      sessionStorage.removeItem(REPLAY_HANDOVER);
    } catch {
      handed = null;
    }
    // From the solo debrief: the game saved on this device.
    if (!handed && new URLSearchParams(location.search).get('replay') === 'saved')
      handed = viewer.savedGame();
    const refused = handed ? viewer.open(handed) : null;
    if (!handed || refused) viewer.showImport(refused);
  }

  /**
   * The console's "Compare the groups": every room this browser runs (rooms still playing too), fetched with their
   * keys and set side by side on one page in a new tab.
   */
  private async compareRooms(): Promise<string | null> {
    const rooms = roomsRunHere();
    if (rooms.length < 2) return t('class.compareSecond');
    const scenario = await this.loadScenario();
    if (typeof scenario === 'string') return scenario;
    const groups: { label: string; json: string }[] = [];
    for (const room of rooms.slice(0, 8)) {
      const response = await fetch(`/api/rooms/${room.code}/export?format=json`, {
        headers: { 'X-Facilitator-Key': room.key! },
      }).catch(() => null);
      if (response?.ok)
        // The comparison is a page of its own, in English until it is translated: its labels stay English too.
        groups.push({ label: `Room ${room.code}`, json: await response.text() });
    }
    const { compareHtml, compareRecords, compilePass } = await localGames();
    const c = compilePass(scenario);
    const compared = compareRecords(c, groups);
    if (!compared.ok) return compared.notice;
    const url = URL.createObjectURL(
      new Blob([compareHtml(scenario, compared.comparison)], { type: 'text/html' }),
    );
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return null;
  }

  /** The console's "Replay this game": the room's record, fetched with the key, opened in a new tab. */
  private async replayRoom(code: string): Promise<string | null> {
    const key = this.client?.key;
    if (!key) return t('class.replayOnlyFacilitator');
    const [response, { REPLAY_HANDOVER }] = await Promise.all([
      fetch(`/api/rooms/${code}/export?format=json`, {
        headers: { 'X-Facilitator-Key': key },
      }).catch(() => null),
      localGames(),
    ]);
    if (!response?.ok) return t('class.noRecord');
    const text = await response.text();
    // A tab opened from this one starts with a copy of its session storage: the record goes with it, nowhere else.
    sessionStorage.setItem(REPLAY_HANDOVER, text);
    window.open('/class.html?replay', '_blank');
    sessionStorage.removeItem(REPLAY_HANDOVER);
    return null;
  }

  private async showOpenRoom(): Promise<void> {
    const answer = await fetch('/api/scenarios').catch(() => null);
    const scenarios = answer?.ok ? await classroomJson<ScenarioChoice[]>(answer) : null;
    if (!Array.isArray(scenarios)) {
      // A static build (vite preview, any web server): no classroom server answers here.
      this.showStart(null, answer ? noServer() : t('class.noAnswer'));
      return;
    }
    // Drawn once for the page: a redraw never changes the seed under the facilitator.
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000;
    const asking = new Asking(() => this.draw());
    this.show(() =>
      openRoomPage(
        scenarios,
        seed,
        asking,
        (choices) => this.openRoom(choices),
        () => this.showStart(null, null),
      ),
    );
  }

  private async openRoom(choices: RoomChoices): Promise<string | null> {
    const client = this.newClient();
    try {
      const welcome = await client.open({ ...choices, key: newKey() });
      history.replaceState(null, '', `/class/${welcome.code}`);
      return null;
    } catch (e) {
      return oneSentence(e);
    }
  }

  /** Joins a room; returns why not, in one sentence, or null once in. */
  private async connect(
    code: string,
    options: Record<string, unknown>,
    kept?: Credentials,
  ): Promise<string | null> {
    if (!/^[A-HJ-NP-Z]{6}$/.test(code)) return t('class.codeSix');
    const seatCode = options.seatCode;
    if (typeof seatCode === 'string' && !/^[A-HJ-NP-Z]{8}$/.test(seatCode)) return t('seat.codeEight');
    const key = typeof options.key === 'string' ? options.key : kept?.key;
    const ensured = await fetch(`/api/rooms/${code}/ensure`, {
      method: 'POST',
      headers: ensureHeaders(key),
    }).catch(() => null);
    if (ensured && (await classroomJson(ensured.clone())) === null) return noServer();
    if (ensured?.status === 404) return t('class.noRoom', { code: isolate(code) });
    // An ended game stays a record that only its facilitator may open: the others are told it ended, not that it is gone.
    if (ensured?.status === 410) return t('class.roomEnded', { code: isolate(code) });
    // A record this server cannot bring back (another version of the scenario, or one that does not replay).
    if (ensured?.status === 409) return t('class.roomBroken', { code: isolate(code) });
    const client = this.newClient();
    try {
      await client.join(code, options, kept);
      if (options.role !== 'projector') history.replaceState(null, '', `/class/${code}`);
      return null;
    } catch (e) {
      this.client = null;
      return oneSentence(e);
    }
  }

  private newClient(): ClassroomClient<ClientView> {
    void this.client?.close();
    if (this.ticking) clearInterval(this.ticking);
    const client = new ClassroomClient<ClientView>({ endpoint: location.origin, keep, language: language() });
    this.askAddress();
    this.client = client;
    this.seat = new SeatScreen(this.seatActions());
    this.talk = new TalkPanel(() => this.draw());
    this.deals = new DealsPanel(() => this.draw());
    client.subscribe(() => {
      if (this.client === client) this.onView(client);
    });
    // The clocks on screen count down between the server's views: the page is drawn again each second, and lit
    // changes only the text that changed.
    this.ticking = setInterval(() => {
      if (this.client === client && client.view && client.view.kind !== 'lobby') this.draw();
    }, 1000);
    return client;
  }

  /** A new view (or a new word on the link): the page is the view's, drawn in place. */
  private onView(client: ClassroomClient<ClientView>): void {
    if (client.removed) {
      if (this.ticking) clearInterval(this.ticking);
      document.body.dataset.classView = 'removed';
      this.show(() => removedPage());
      return;
    }
    const view = client.view;
    if (!view) return;
    document.body.dataset.classView = view.kind;
    // The projector reads the room's language (the facilitator chose it), whatever this device's is: the page
    // turns to it, then is drawn again.
    const roomLanguage = client.welcome?.language;
    if (view.kind === 'projector' && roomLanguage && roomLanguage !== language() && !this.turning) {
      this.turning = true;
      void showLanguage(roomLanguage).then(() => {
        this.turning = false;
        if (this.client === client) this.draw();
      });
    }
    if (this.refusal && this.refusal.standing !== standing(view)) this.refusal = null;
    this.show(() => this.viewPage(client));
  }

  /** The page of the client's current view, at this moment (the clocks). */
  private viewPage(client: ClassroomClient<ClientView>): TemplateResult {
    if (client.removed) return removedPage();
    const view = client.view;
    if (!view) return html``;
    const now = Date.now();
    // The room stopped because the server cannot save: said on every screen, as a refusal is.
    const notices = html`${
      client.halted
        ? html`<p class="notice class-refusal class-halted" role="alert">${client.halted}</p>`
        : nothing
    }${this.refusal ? html`<p class="notice class-refusal" role="alert">${this.refusal.text}</p>` : nothing}`;
    if (view.kind === 'console') {
      const joinUrl = joinLink(view.code, this.joinAt);
      const state = {
        joinUrl,
        said: this.consoleSaid,
        warning: loopbackWarning(location.origin, this.joinAt),
      };
      return html`${this.linkNotices(client.status, now)}${notices}${consolePage(view, state, this.consoleActions(view.code))}`;
    }
    if (view.kind === 'projector') {
      return html`${this.linkNotices(client.status, now)}${notices}${projectorPage(view, joinLink(view.code, this.joinAt), now)}`;
    }
    if (view.kind === 'lobby') {
      return html`${notices}${lobbyPage(view, this.seatActions(), this.lobbyNote, this.lobbyAsking)}`;
    }
    this.seat ??= new SeatScreen(this.seatActions());
    const shown = this.seat.show(view);
    // A new turn (or the ending) opens at its top, with the focus on its heading: once, not on every update.
    if (shown.fresh) this.arrived = shown.heading;
    else if (shown.refocus) this.refocus = shown.refocus;
    const talk = html`${talkPanel(talkModelOf(view.talk), this.talk, this.talkActions(view.actor))}${
      view.deals ? dealsPanel(view.deals, this.deals, this.dealActions(view.actor)) : nothing
    }`;
    return html`${notices}${seatPage(view, now, client.status, shown, talk, this.reason)}`;
  }

  /** The heading of a screen that has just arrived, to scroll to and focus once it is drawn. */
  private arrived: HTMLElement | null = null;
  /** The control that takes the focus back once drawn (the same control in a turn's room built again). */
  private refocus: HTMLElement | null = null;

  private consoleActions(code: string): ConsoleActions {
    return {
      send: (command) => this.command(command),
      manage: (message) => this.request('device', message),
      download: (format) => this.download(code, format),
      replay: () => this.replayRoom(code),
      compare: () => this.compareRooms(),
      say: (answer) => {
        this.consoleSaid = null;
        void answer.then((said) => {
          this.consoleSaid = said;
          this.draw();
        });
      },
    };
  }

  /** Asks the server once where students reach it; the console and projector then show that address. */
  private askAddress(): void {
    if (this.addressAsked) return;
    this.addressAsked = true;
    void fetch('/api/address')
      .then((r) => (r.ok ? classroomJson<{ urls?: unknown }>(r) : null))
      .catch(() => null)
      .then((answer) => {
        const urls = Array.isArray(answer?.urls) ? answer.urls.filter((u) => typeof u === 'string') : [];
        const base = joinBase(location.origin, urls);
        if (base === this.joinAt) return;
        this.joinAt = base;
        if (this.client?.view) this.draw();
      });
  }

  /**
   * Says on the console and the projector when the server is gone (they would look live through an outage) and
   * when it is back, for a few seconds (the clock's redraw each second takes it away). Two live regions always in
   * the page, so each change of their text is announced once.
   */
  private linkNotices(status: ClassroomClient['status'], now: number): TemplateResult {
    const lost = status === 'reconnecting' || status === 'closed';
    if (lost) {
      this.wasLost = true;
      this.backAt = null;
    } else if (this.wasLost) {
      this.wasLost = false;
      this.backAt = now;
    }
    const lostText = status === 'reconnecting' ? t('class.linkLost') : t('class.linkGone');
    const back = this.backAt !== null && now - this.backAt < 8000;
    return html`<p class="notice class-link class-link--lost" role="alert" ?hidden=${!lost}>${lost ? lostText : ''}</p><p
      class="notice class-link class-link--back" role="status" ?hidden=${!back}>${back ? t('class.linkBack') : ''}</p>`;
  }

  /** The room's record (JSON) or decision log (CSV), fetched with the facilitator's key and saved as a file. */
  private async download(code: string, format: 'json' | 'csv' | 'html'): Promise<string | null> {
    const key = this.client?.key;
    if (!key) return t('class.exportOnlyFacilitator');
    // The report in the console's language; the record and the CSV are the same in every language.
    const inLanguage = format === 'html' ? `&language=${language()}` : '';
    const response = await fetch(`/api/rooms/${code}/export?format=${format}${inLanguage}`, {
      headers: { 'X-Facilitator-Key': key },
    }).catch(() => null);
    if (!response?.ok) return t('class.noExport');
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { attrs: { href: url, download: `crisis-table-${code}.${format}` } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return null;
  }

  private seatActions(): SeatActions {
    return {
      propose: (option) => void this.request('proposal', { kind: 'set', option }),
      confirm: (reason) =>
        void this.request(
          'proposal',
          reason === undefined ? { kind: 'confirm' } : { kind: 'confirm', reason },
        ),
      takeSeat: (actor) =>
        void this.request('seat', { seat: actor }).then((refused) => {
          // Waiting to be admitted is said in the lobby until the device is in, through every new view.
          this.lobbyNote = refused;
          this.draw();
        }),
      seatCode: (seatCode) => this.request('seat', { seatCode }),
    };
  }

  /** The seat speaks as itself: the room checks that the device holds that seat (the engine, that it may speak). */
  private talkActions(actor: string): TalkActions {
    return {
      publish: (text, to, claim) => this.command(statementOf(actor, text, to, claim)),
      message: (text, to) => this.command({ type: 'message.send', actor, to, text }),
    };
  }

  /** The seat proposes, answers, withdraws and asks for rulings as itself (the room checks the device's seat). */
  private dealActions(actor: string): DealActions {
    return {
      propose: (agreement, to) => this.command({ type: 'agreement.propose', actor, to, agreement }),
      answer: (n, accept, reason) =>
        this.command(
          reason.trim()
            ? { type: 'agreement.answer', actor, n, accept, reason }
            : { type: 'agreement.answer', actor, n, accept },
        ),
      withdraw: (n) => this.command({ type: 'agreement.withdraw', actor, n }),
      request: (text, argument) => this.command({ type: 'ruling.request', actor, text, argument }),
    };
  }

  private async command(command: Command): Promise<string | null> {
    return this.request('command', { command });
  }

  /** Sends a request; a refusal is said at the top of the page (page state) until the next request. */
  private async request(type: string, message: unknown): Promise<string | null> {
    const client = this.client;
    if (this.refusal) {
      this.refusal = null;
      this.draw();
    }
    const reply: Reply | undefined = await client?.request(type, message).catch((e: unknown) => ({
      ok: false as const,
      code: 'fault',
      message: oneSentence(e),
    }));
    if (!reply || reply.ok) return null;
    // The link's own refusal (no room heard the request) is the page's to say, in the page's language.
    const link = client?.status === 'reconnecting' ? t('seat.reconnecting') : t('seat.notConnected');
    const text = reply.code === 'offline' ? link : reply.message;
    if (this.client === client && client?.view) {
      this.refusal = { text, standing: standing(client.view) };
      this.draw();
    }
    return text;
  }

  /** Puts a page on screen: from now on each redraw renders `page` into the host, patching the DOM in place. */
  private show(page: () => TemplateResult): void {
    this.page = page;
    this.draw();
  }

  private draw(): void {
    if (!this.host || this.host.parentNode !== this.root) {
      // A page that is not a template (pass-and-play, the replay) may have had the root: lit starts afresh.
      this.host = document.createElement('div');
      this.host.className = 'class-host';
      this.root.replaceChildren(this.host);
    }
    const fallback = this.focusFallback();
    render(this.page(), this.host);
    const refocus = this.refocus;
    this.refocus = null;
    if (refocus?.isConnected) refocus.focus({ preventScroll: true });
    else fallback();
    const arrived = this.arrived;
    this.arrived = null;
    if (arrived?.isConnected) {
      window.scrollTo(0, 0);
      arrived.focus({ preventScroll: true });
    }
  }

  /**
   * Lit keeps every element the new page still has, and the focus with it. When the focused control itself goes
   * (a fired inject's "Fire now", a seat's "Give to the computer"), the focus goes to the nearest control that is
   * still there beside it, not to the page's top.
   */
  private focusFallback(): () => void {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !this.host?.contains(focused)) return () => undefined;
    const around: HTMLElement[] = [];
    for (let e = focused.parentElement; e && e !== this.host; e = e.parentElement) around.push(e);
    return () => {
      if (focused.isConnected) return;
      for (const e of around) {
        const near = e.isConnected ? e.querySelector<HTMLElement>(FOCUSABLE) : null;
        if (near) {
          near.focus({ preventScroll: true });
          return;
        }
      }
    };
  }

  /** Pass-and-play and the replay draw the root themselves: no template page stays on it, nor redraws. */
  private handOverRoot(): void {
    this.page = () => html``;
    if (this.host) render(nothing, this.host);
    this.host = null;
    this.root.replaceChildren();
  }
}

const FOCUSABLE =
  'button:not([disabled]), summary, a[href], input:not([disabled]), select:not([disabled]), textarea';

function removedPage(): TemplateResult {
  return html`<main class="class-page"><p class="notice" role="alert">${t('class.removed')}</p></main>`;
}

/**
 * Where the room stands for this device, as far as a refusal is concerned: a refusal said before a new turn, a
 * pause or resume, or the seat handed over may no longer hold, and goes.
 */
function standing(view: ClientView): string {
  if (view.kind === 'seat') return JSON.stringify([view.situation.turn.index, view.paused, view.holder]);
  if (view.kind === 'console' || view.kind === 'projector')
    return JSON.stringify([view.view.turn.index, view.view.paused]);
  return view.kind;
}

function oneSentence(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/not found/i.test(text)) return t('class.noRoomWithCode');
  return text.split('\n')[0] || t('class.noAnswer');
}
