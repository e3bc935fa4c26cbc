// Time-travel replay: a game's record, stepped or scrubbed turn by turn, watched as any seat saw it, as the public
// saw it, or as the facilitator sees everything. Every screen is rebuilt from the record by the engine and the
// solo game's presenters. Keys: ← and → step; the controls are ordinary form controls for the accessible layer.
//
// The page is a lit-html template of where the replay stands (the record, the step, whose view), rendered into one
// host element on every change: the controls stay the same elements, so the focus stays on Earlier, Later or the
// slider while stepping, and an open "What if?" stays open with its ticked seats.

import { html, nothing, render, type TemplateResult } from 'lit-html';
import { dateShown } from '../../present/cite.ts';
import { direction, language, t } from '../../present/i18n/i18n.ts';
import { Lookup } from '../../present/lookup.ts';
import { readProblemText } from '../../present/read-problem.ts';
import { dealLine, dealTexts, rulingLine } from '../../present/room-deals.presenter.ts';
import { saidLine } from '../../present/talk.presenter.ts';
import { situationModel } from '../../present/turn.presenter.ts';
import { ClassroomClient } from '../../session/classroom-client.ts';
import { compilePass, playerView, publicPicture, type Scenario } from '../../session/pass-and-play-rules.ts';
import {
  dealsAtStep,
  decisionsAtStep,
  importRecord,
  type ReplayGame,
  recordJson,
  saidAtStep,
  stateAtStep,
  whatIfRecord,
} from '../../session/replay-rules.ts';
import { type SituationView, situationView } from '../views/situation.view.ts';
import { replayDeals } from './deals.part.ts';
import { keep, newKey } from './links.ts';
import { PassAndPlay } from './pass.page.ts';
import { publicPart } from './public.part.ts';
import { saidList } from './talk.part.ts';

/** A record handed over by the console ("Replay this game") or another page, for this tab only. */
export { REPLAY_HANDOVER } from './replay-handover.ts';

type ReplayState = ReturnType<typeof stateAtStep>;

export class ReplayViewer {
  private readonly c;
  private readonly lookup: Lookup;
  private game: ReplayGame | null = null;
  private step = 0;
  private as = 'public';
  /** What the page shows: the import form, or the record being replayed. */
  private page: () => TemplateResult = () => html``;
  /** The element lit renders into: the root's only child while the replay is on screen. */
  private readonly host = document.createElement('div');
  /** Why a file or the saved game did not open, or why a what-if did not start; null when nothing went wrong. */
  private importNotice: string | null = null;
  private whatIfNotice: string | null = null;
  /** A seat's screen as it stood, kept while the step and the seat stay, so a redraw does not rebuild it. */
  private seatScreen: { key: string; element: HTMLElement } | null = null;
  /** The arrow keys step the replay until a what-if game takes the page over. */
  private readonly keys = new AbortController();

  constructor(
    private readonly root: HTMLElement,
    private readonly scenario: Scenario,
    private readonly back: () => void,
  ) {
    this.c = compilePass(scenario);
    this.lookup = new Lookup(scenario);
    document.addEventListener(
      'keydown',
      (e) => {
        if (!this.game || e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement)
          return;
        // Later is the way the page reads: rightwards in English, leftwards in Arabic (the slider mirrors too).
        const later = direction() === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
        const earlier = later === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
        if (e.key === earlier) this.go(this.step - 1);
        else if (e.key === later) this.go(this.step + 1);
      },
      { signal: this.keys.signal },
    );
  }

  /** Opens a record's text; returns why not, in one sentence, or null. */
  open(json: string): string | null {
    const imported = importRecord(json, this.c);
    // The refusal in the page's language when the engine gave it as data (issue 20).
    if (!imported.ok) return imported.problem ? readProblemText(imported.problem) : imported.notice;
    this.game = imported.game;
    this.step = 0;
    this.whatIfNotice = null;
    this.show(() => this.replayTemplate());
    return null;
  }

  showImport(problem: string | null = null): void {
    const saved = this.savedGame();
    // Asked for the game saved here (a debrief's "Replay this game") where none is: a classroom seat's debrief, say.
    const asked = new URLSearchParams(location.search).get('replay') === 'saved';
    this.importNotice = problem ?? (asked && !saved ? t('replay.noSave') : null);
    this.show(() => this.importTemplate(saved));
  }

  /** The game saved on this device by the solo game, if any. */
  savedGame(): string | null {
    try {
      return localStorage.getItem(`crisis-table.save.${this.c.scenario.meta.id}`);
    } catch {
      return null;
    }
  }

  private show(page: () => TemplateResult): void {
    this.page = page;
    this.draw();
  }

  private draw(): void {
    if (this.host.parentNode !== this.root) this.root.replaceChildren(this.host);
    render(this.page(), this.host);
  }

  private importTemplate(saved: string | null): TemplateResult {
    const notice = this.importNotice;
    const openFile = (event: Event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (!file) return;
      void file.text().then((text) => {
        const refused = this.open(text);
        if (refused) {
          this.importNotice = refused;
          this.draw();
        }
      });
    };
    const openSaved = (json: string) => {
      const refused = this.open(json);
      if (refused) this.showImport(refused);
    };
    return html`<main class="class-page">
      <h1>${t('replay.heading')}</h1>
      <p>${t('replay.intro')}</p>
      ${
        saved
          ? html`<button class="button button--primary" type="button" data-replay="saved"
              @click=${() => openSaved(saved)}>${t('replay.saved')}</button>`
          : nothing
      }
      <label class="field" for="replay-file"><span>${t('replay.file')}</span></label>
      <input id="replay-file" type="file" accept=".json,application/json" @change=${openFile}>
      <p class="notice" role="alert" ?hidden=${!notice}>${notice ?? ''}</p>
      <button class="button button--quiet" type="button" @click=${this.back}>${t('pass.back')}</button>
    </main>`;
  }

  private go(step: number): void {
    if (!this.game) return;
    const next = Math.max(0, Math.min(this.game.steps - 1, step));
    if (next === this.step) return;
    this.step = next;
    this.whatIfNotice = null;
    this.draw();
  }

  /** Where the step stands: the turn and its date, or where the game or its record ended. */
  private where(state: ReplayState, last: boolean): string {
    if (last) {
      return state.phase === 'ended'
        ? t('replay.ended', { ending: this.endingTitle(state) })
        : t('replay.recordEnds', { turn: state.world.turn + 1 });
    }
    const date = this.c.scenario.turns[this.step]?.date ?? '';
    return t('reading.turnOfDate', {
      turn: this.step + 1,
      total: this.c.scenario.turns.length,
      date: dateShown(date, this.c.scenario.turns),
    });
  }

  /** Whose view, Earlier, the slider and Later: the same elements on every step, so the focus stays on them. */
  private controls(game: ReplayGame, last: boolean): TemplateResult {
    const seats = [
      ['public', t('replay.asPublic')],
      ['facilitator', t('replay.asFacilitator')],
      ...this.c.playableIds.map((a) => [a, this.lookup.actorName(a)]),
    ];
    return html`<div class="replay-controls"><label for="replay-as">${t('replay.watchAs')}</label><select id="replay-as"
      @change=${(e: Event) => this.setAs((e.target as HTMLSelectElement).value)}>${seats.map(
        ([value, label]) => html`<option value=${value!} ?selected=${this.as === value}>${label}</option>`,
      )}</select><button class="button button--quiet" type="button" data-replay="prev" ?disabled=${this.step === 0}
      @click=${() => this.go(this.step - 1)}>${t('replay.earlier')}</button><input id="replay-step" type="range" min="0"
      max=${game.steps - 1} .value=${String(this.step)} aria-label=${t('replay.turn')}
      @input=${(e: Event) => this.go(Number((e.target as HTMLInputElement).value))}><button
      class="button button--quiet" type="button" data-replay="next" ?disabled=${last}
      @click=${() => this.go(this.step + 1)}>${t('replay.later')}</button></div>`;
  }

  private replayTemplate(): TemplateResult {
    const game = this.game!;
    const state = stateAtStep(game, this.step);
    const last = this.step === game.steps - 1;
    document.body.dataset.replayStep = String(this.step);
    // Which record this is: its seed and how many commands it holds, the same as in its file.
    return html`<main class="class-page class-replay" data-record-seed=${String(game.record.seed)}
      data-record-commands=${String(game.record.entries.length)}>
      <p class="eyebrow">${t('replay.eyebrow', { title: this.c.scenario.meta.title.text })}</p>
      <h1 data-replay-where="">${this.where(state, last)}</h1>
      ${this.controls(game, last)}
      ${last ? nothing : this.whatIfForm()}
      ${this.body(state)}
    </main>`;
  }

  /** The ending reached, by its title (the step that shows it names it, as the debrief does). */
  private endingTitle(state: ReplayState): string {
    return publicPicture(this.c, state).outcome?.title.text ?? t('pass.noEnding');
  }

  /** The seats ticked in the what-if form: the form's own state, like a typed text. */
  private whatIfPlayers(): string[] {
    return [...this.host.querySelectorAll<HTMLInputElement>('[data-whatif-seat]:checked')].map(
      (b) => b.value,
    );
  }

  private startWhatIf(): void {
    const fork = whatIfRecord(this.game!, this.step, this.whatIfPlayers());
    if (!fork.ok) {
      this.whatIfNotice = fork.notice;
      this.draw();
      return;
    }
    // The what-if game has the page from here: the replay no longer steps on arrow keys, nor draws.
    this.keys.abort();
    render(nothing, this.host);
    new PassAndPlay(this.root, this.scenario, this.back).playWhatIf(fork.record, this.game!);
  }

  /** The same fork, as a room a class plays on from: its facilitator is this browser, the teams join with the code. */
  private async openRoom(): Promise<void> {
    const players = this.whatIfPlayers();
    const seats = Object.fromEntries(
      this.c.playableIds.map((a) => [a, players.includes(a) ? 'person' : 'computer']),
    );
    // The room's language and this device's are the page's: a refusal comes in it, and the projector reads it too.
    const client = new ClassroomClient({ endpoint: location.origin, keep, language: language() });
    try {
      const welcome = await client.open({
        scenario: this.c.scenario.meta.id,
        seed: this.game!.record.seed,
        seats,
        autoResolve: true,
        key: newKey(),
        fork: { record: recordJson(this.game!), turn: this.step },
        language: language(),
      });
      location.assign(`/class/${welcome.code}`);
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      this.whatIfNotice = t('replay.noRoom', { why: why ?? '' });
      this.draw();
    }
  }

  /** What if: play on from the turn shown, at the seats chosen, the computer at the others. */
  private whatIfForm(): TemplateResult {
    const notice = this.whatIfNotice;
    // No `open` bound: the form stays open, or closed, as the reader left it while they step.
    return html`<details class="block more" data-whatif="">
      <summary>${t('replay.whatIf')}</summary>
      <p>${t('replay.whatIfIntro')}</p>
      ${this.c.playableIds.map(
        (a) =>
          html`<div class="field--check"><input id=${`whatif-${a}`} type="checkbox" value=${a}
            data-whatif-seat=${a}><label for=${`whatif-${a}`}>${this.lookup.actorName(a)}</label></div>`,
      )}
      <p class="notice" role="alert" ?hidden=${!notice}>${notice ?? ''}</p>
      <button class="button button--primary" type="button" data-whatif-start=""
        @click=${() => this.startWhatIf()}>${t('replay.playOn')}</button>
      <button class="button" type="button" data-whatif-room=""
        @click=${() => void this.openRoom()}>${t('replay.asRoom')}</button>
    </details>`;
  }

  private setAs(as: string): void {
    this.as = as;
    this.draw();
  }

  private body(state: ReplayState): TemplateResult {
    if (this.as === 'public') {
      return html`<section aria-label=${t('replay.publicPicture')}>${publicPart(publicPicture(this.c, state), this.lookup)}</section>${this.said({ public: true })}`;
    }
    if (this.as === 'facilitator') return html`${this.everything(state)}${this.said({ facilitator: true })}`;
    return html`<section aria-label=${t('replay.asSeat', { actor: this.lookup.actorName(this.as) })}>${this.seatElement(state)}</section>${this.said({ actor: this.as })}`;
  }

  /** What was said in this turn, as the viewer chosen could read it (the seat, the public, or everything). */
  private said(viewer: Parameters<typeof saidAtStep>[2]): TemplateResult | typeof nothing {
    const mine = 'actor' in viewer ? viewer.actor : null;
    const lines = saidAtStep(this.game!, this.step, viewer).map((s) =>
      saidLine(
        s,
        (a) => this.lookup.actorName(a),
        mine,
        (id) => this.lookup.claimLabel(id),
      ),
    );
    return html`${saidList(t('replay.said'), lines)}${this.deals(viewer)}`;
  }

  /** The proposals and requests for a ruling of this turn, as the viewer chosen could see them. */
  private deals(viewer: Parameters<typeof dealsAtStep>[2]): TemplateResult {
    const { agreements, rulings } = dealsAtStep(this.game!, this.step, viewer);
    const texts = dealTexts(this.c);
    const mine = 'actor' in viewer ? viewer.actor : null;
    return replayDeals(
      agreements.map((a) => dealLine(a, texts, mine)),
      rulings.map((r) => rulingLine(r, texts)),
    );
  }

  /** The facilitator's view: the public picture, every indicator, and what each actor decided in this turn. */
  private everything(state: ReplayState): TemplateResult {
    const decided = decisionsAtStep(this.game!, this.step);
    return html`<section aria-label=${t('replay.everything')}>${publicPart(publicPicture(this.c, state), this.lookup)}
      <h2>${t('replay.everyIndicator')}</h2>
      <ul>${this.c.scenario.indicators.map(
        (i) =>
          html`<li>${t('public.indicator', { label: i.label.text, value: state.world.indicators[i.id] ?? i.start })}</li>`,
      )}</ul>
      <h2>${t('replay.decided')}</h2>
      ${
        decided.length === 0
          ? html`<p>${t('replay.noDecision')}</p>`
          : html`<ul>${decided.map(
              (d) =>
                html`<li>${t('replay.decision', {
                  actor: this.lookup.actorName(d.actor),
                  option: this.lookup.optionLabel(d.actor, d.option),
                  by:
                    d.by === 'person'
                      ? t('replay.bySeat')
                      : d.by === 'computer'
                        ? t('replay.byComputer')
                        : d.by,
                })}${
                  d.reason === undefined
                    ? nothing
                    : html`<br><span class="hint" data-reason="">${t('replay.reason')}<bdi dir="auto">${d.reason}</bdi></span>`
                }</li>`,
            )}</ul>`
      }
    </section>`;
  }

  /** A seat's own screen as it stood, with the option it then chose marked, and nothing to press. */
  private seatElement(state: ReplayState): HTMLElement {
    const key = `${this.step}|${this.as}`;
    if (this.seatScreen?.key === key) return this.seatScreen.element;
    const chosen = decisionsAtStep(this.game!, this.step).find((d) => d.actor === this.as)?.option ?? null;
    const screen: SituationView = situationView(
      situationModel(playerView(this.c, state, this.as), this.lookup, chosen),
      () => undefined,
    );
    // Never rendered again (a new step or seat builds a new one), so these changes to its element stay.
    for (const b of screen.element.querySelectorAll<HTMLButtonElement>('[data-option]')) b.disabled = true;
    screen.element.querySelector('[data-intent="confirm-decision"]')?.remove();
    this.seatScreen = { key, element: screen.element };
    return screen.element;
  }
}
