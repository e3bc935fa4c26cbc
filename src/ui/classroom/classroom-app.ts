// The classroom page: one device's way into a room, as a student, the facilitator or the projector. It keeps no
// game state of its own: it renders the screen the server sends and turns clicks into requests.
import type { ClientView, SeatClientView } from '../../present/classroom-screens.ts';
import { ClassroomClient, type Credentials, ensureHeaders } from '../../session/classroom-client.ts';
import type { Command, Reply } from '../../session/classroom-protocol.ts';
import type { Scenario } from '../../session/pass-and-play-rules.ts';
import { h } from '../dom.ts';
import { consolePage } from './console.page.ts';
import {
  classroomJson,
  codeInPath,
  joinBase,
  joinLink,
  keep,
  keptFor,
  loopbackWarning,
  NO_SERVER,
  newKey,
  roomsRunHere,
  seatInHash,
} from './links.ts';
import { openRoomPage, type RoomChoices, type ScenarioChoice } from './open-room.page.ts';
import { packPage } from './pack.page.ts';
import { projectorPage } from './projector.page.ts';
import { lobbyPage, type SeatActions, seatBar, seatPage } from './seat.page.ts';
import { startPage } from './start.page.ts';

/** Pass-and-play, the replay and the comparison, loaded only when this device asks for one of them. */
const localGames = () => import('./local-games.ts');

export class ClassroomApp {
  private client: ClassroomClient<ClientView> | null = null;
  private seat: { key: string; update(v: SeatClientView): void } | null = null;
  private ticking: ReturnType<typeof setInterval> | null = null;
  /** What the lobby says of this device's last request for a seat (waiting to be admitted, or why not). */
  private lobbyNote: string | null = null;
  /** Where students join (the join link and QR code): this page's address, or the server's network address. */
  private joinAt: string = location.origin;
  private addressAsked = false;
  /** The console's and projector's word on the link to the server: lost (an alert), back (a status). */
  private readonly linkLost = h('p', {
    class: 'notice class-link class-link--lost',
    attrs: { role: 'alert' },
  });
  private readonly linkBack = h('p', {
    class: 'notice class-link class-link--back',
    attrs: { role: 'status' },
  });
  /** When the link last came back after it was lost (the "back" line shows for a few seconds). */
  private backAt: number | null = null;
  private wasLost = false;

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
      else this.show(packPage(scenario, () => location.assign('/')));
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
    this.show(
      startPage(
        {
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
        },
        code,
        problem,
      ),
    );
  }

  private async showPass(): Promise<void> {
    const left = this.client;
    this.client = null;
    void left?.close();
    this.linkLost.hidden = true;
    this.linkBack.hidden = true;
    if (this.ticking) clearInterval(this.ticking);
    const [scenario, { PassAndPlay }] = await Promise.all([this.loadScenario(), localGames()]);
    if (typeof scenario === 'string') {
      this.showStart(null, scenario);
      return;
    }
    history.replaceState(null, '', '/class?pass');
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
    if (rooms.length < 2) return 'Open a second room in this browser to compare groups.';
    const scenario = await this.loadScenario();
    if (typeof scenario === 'string') return scenario;
    const groups: { label: string; json: string }[] = [];
    for (const room of rooms.slice(0, 8)) {
      const response = await fetch(`/api/rooms/${room.code}/export?format=json`, {
        headers: { 'X-Facilitator-Key': room.key! },
      }).catch(() => null);
      if (response?.ok) groups.push({ label: `Room ${room.code}`, json: await response.text() });
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
    if (!key) return 'Only the facilitator may replay the room.';
    const [response, { REPLAY_HANDOVER }] = await Promise.all([
      fetch(`/api/rooms/${code}/export?format=json`, {
        headers: { 'X-Facilitator-Key': key },
      }).catch(() => null),
      localGames(),
    ]);
    if (!response?.ok) return 'The server did not give the record; try again.';
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
      this.showStart(null, answer ? NO_SERVER : 'The server did not answer; try again.');
      return;
    }
    this.show(
      openRoomPage(
        scenarios,
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
    if (!/^[A-HJ-NP-Z]{6}$/.test(code)) return 'A code is six letters, as the big screen shows it.';
    const seatCode = options.seatCode;
    if (typeof seatCode === 'string' && !/^[A-HJ-NP-Z]{8}$/.test(seatCode))
      return 'A seat code is eight letters, as the teacher gave it.';
    const key = typeof options.key === 'string' ? options.key : kept?.key;
    const ensured = await fetch(`/api/rooms/${code}/ensure`, {
      method: 'POST',
      headers: ensureHeaders(key),
    }).catch(() => null);
    if (ensured && (await classroomJson(ensured.clone())) === null) return NO_SERVER;
    if (ensured?.status === 404) return `There is no room ${code}: check the code on the big screen.`;
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
    const client = new ClassroomClient<ClientView>({ endpoint: location.origin, keep });
    this.askAddress();
    this.client = client;
    this.seat = null;
    client.subscribe(() => {
      if (this.client === client) this.render(client);
    });
    // The clocks on screen count down between the server's views; one timer, for the link on screen.
    this.ticking = setInterval(() => {
      if (client.view && client.view.kind !== 'lobby') this.render(client, true);
    }, 1000);
    return client;
  }

  private render(client: ClassroomClient<ClientView>, tick = false): void {
    if (client.removed) {
      if (this.ticking) clearInterval(this.ticking);
      document.body.dataset.classView = 'removed';
      this.show(
        h(
          'main',
          { class: 'class-page' },
          h('p', {
            class: 'notice',
            attrs: { role: 'alert' },
            text: 'The facilitator removed this device from the room.',
          }),
        ),
      );
      return;
    }
    const view = client.view;
    if (!view) return;
    document.body.dataset.classView = view.kind;
    if (view.kind === 'console') {
      if (tick) return;
      this.show(
        consolePage(
          view,
          (command) => this.command(command),
          joinLink(view.code, this.joinAt),
          (format) => this.download(view.code, format),
          () => this.replayRoom(view.code),
          () => this.compareRooms(),
          (message) => this.request('device', message),
        ),
        true,
      );
      const warning = loopbackWarning(location.origin, this.joinAt);
      if (warning) {
        this.root
          .querySelector('.console-head')
          ?.after(h('p', { class: 'notice class-loopback', attrs: { role: 'note' }, text: warning }));
      }
    } else if (view.kind === 'projector') {
      this.show(projectorPage(view, joinLink(view.code, this.joinAt), Date.now()), true);
    } else if (view.kind === 'lobby') {
      this.show(lobbyPage(view, this.seatActions(), this.lobbyNote));
    } else {
      this.renderSeat(view, client.status, tick);
    }
    if (view.kind === 'console' || view.kind === 'projector') this.showLink(client.status);
    // The room stopped because the server cannot save: said on every screen, as a refusal is.
    if (client.halted && !this.root.querySelector('.class-halted')) {
      const text = client.halted;
      this.root.prepend(
        h('p', { class: 'notice class-refusal class-halted', attrs: { role: 'alert' }, text }),
      );
    }
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
        if (this.client) this.render(this.client);
      });
  }

  /**
   * Says on the console and the projector when the server is gone (they would look live through an outage) and
   * when it is back. Two live regions beside the page, kept across redraws, so each change is announced once.
   */
  private showLink(status: ClassroomClient['status']): void {
    if (!this.linkLost.isConnected) this.root.before(this.linkLost, this.linkBack);
    const lost = status === 'reconnecting' || status === 'closed';
    const lostText =
      status === 'reconnecting'
        ? 'The classroom server does not answer: nothing moves until it is back, and this page comes back by itself.'
        : 'The classroom server has not come back: reload this page once it runs again.';
    if (lost) {
      this.wasLost = true;
      this.backAt = null;
      if (this.linkLost.textContent !== lostText) this.linkLost.textContent = lostText;
    } else if (this.wasLost) {
      this.wasLost = false;
      this.backAt = Date.now();
      // The console may not redraw for a while: the "back" line goes by itself.
      setTimeout(() => {
        const view = document.body.dataset.classView;
        if (this.client && (view === 'console' || view === 'projector')) this.showLink(this.client.status);
      }, 8100);
    }
    this.linkLost.hidden = !lost;
    if (!lost && this.linkLost.textContent) this.linkLost.textContent = '';
    const back = this.backAt !== null && Date.now() - this.backAt < 8000;
    this.linkBack.hidden = !back;
    const backText = back ? 'The classroom server is back.' : '';
    if (this.linkBack.textContent !== backText) this.linkBack.textContent = backText;
  }

  private renderSeat(view: SeatClientView, link: string, tick: boolean): void {
    const bar = seatBar(view, Date.now(), link);
    // A new page (and no refusal left from the one before, such as "The game is paused." after Resume) whenever
    // what the team may do changes: the turn, its status, a pause, who holds the seat.
    const key = JSON.stringify([
      view.situation.turn.index,
      view.status,
      view.paused,
      view.holder,
      view.outcome,
      view.situation.decision?.options.map((o) => o.open),
    ]);
    if (this.seat?.key === key) {
      this.root.querySelector('.seat-bar')?.replaceWith(bar);
      if (!tick) this.seat.update(view);
      return;
    }
    const page = seatPage(view, this.seatActions());
    this.seat = { key, update: page.update };
    this.show(h('div', {}, bar, page.element));
  }

  /** The room's record (JSON) or decision log (CSV), fetched with the facilitator's key and saved as a file. */
  private async download(code: string, format: 'json' | 'csv' | 'html'): Promise<string | null> {
    const key = this.client?.key;
    if (!key) return 'Only the facilitator may export the room.';
    const response = await fetch(`/api/rooms/${code}/export?format=${format}`, {
      headers: { 'X-Facilitator-Key': key },
    }).catch(() => null);
    if (!response?.ok) return 'The server did not give the export; try again.';
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
      confirm: () => void this.request('proposal', { kind: 'confirm' }),
      takeSeat: (actor) =>
        void this.request('seat', { seat: actor }).then((refused) => {
          // Waiting to be admitted is said in the lobby until the device is in, through every new view.
          this.lobbyNote = refused;
          if (this.client) this.render(this.client);
        }),
      seatCode: (seatCode) => this.request('seat', { seatCode }),
    };
  }

  private async command(command: Command): Promise<string | null> {
    return this.request('command', { command });
  }

  private async request(type: string, message: unknown): Promise<string | null> {
    const reply: Reply | undefined = await this.client?.request(type, message).catch((e: unknown) => ({
      ok: false as const,
      code: 'fault',
      message: oneSentence(e),
    }));
    if (!reply || reply.ok) return null;
    const alert = h('p', { class: 'notice class-refusal', attrs: { role: 'alert' }, text: reply.message });
    this.root.querySelector('.class-refusal')?.remove();
    this.root.prepend(alert);
    return reply.message;
  }

  private show(element: HTMLElement, keepLink = false): void {
    // The link's word belongs to the console and the projector (their render keeps it); any other page hides it.
    if (!keepLink) {
      this.linkLost.hidden = true;
      this.linkBack.hidden = true;
    }
    this.root.replaceChildren(element);
  }
}

function oneSentence(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/not found/i.test(text)) return 'There is no room with this code: check it on the big screen.';
  return text.split('\n')[0] || 'The server did not answer; try again.';
}
