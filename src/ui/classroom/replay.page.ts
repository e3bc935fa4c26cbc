// Time-travel replay: a game's record, stepped or scrubbed turn by turn, watched as any seat saw it, as the public
// saw it, or as the facilitator sees everything. Every screen is rebuilt from the record by the engine and the
// solo game's presenters. Keys: ← and → step; the controls are ordinary form controls for the accessible layer.

import { render, type TemplateResult } from 'lit-html';
import { dateShown } from '../../present/cite.ts';
import { Lookup } from '../../present/lookup.ts';
import { situationModel } from '../../present/turn.presenter.ts';
import { ClassroomClient } from '../../session/classroom-client.ts';
import { compilePass, playerView, publicPicture, type Scenario } from '../../session/pass-and-play-rules.ts';
import {
  decisionsAtStep,
  importRecord,
  type ReplayGame,
  recordJson,
  stateAtStep,
  whatIfRecord,
} from '../../session/replay-rules.ts';
import { h } from '../dom.ts';
import { situationView } from '../views/situation.view.ts';
import { keep, newKey } from './links.ts';
import { PassAndPlay } from './pass.page.ts';
import { publicPart } from './public.part.ts';

/** A record handed over by the console ("Replay this game") or another page, for this tab only. */
export { REPLAY_HANDOVER } from './replay-handover.ts';

export class ReplayViewer {
  private readonly c;
  private readonly lookup: Lookup;
  private game: ReplayGame | null = null;
  private step = 0;
  private as = 'public';

  constructor(
    private readonly root: HTMLElement,
    private readonly scenario: Scenario,
    private readonly back: () => void,
  ) {
    this.c = compilePass(scenario);
    this.lookup = new Lookup(scenario);
    document.addEventListener('keydown', (e) => {
      if (!this.game || e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === 'ArrowLeft') this.go(this.step - 1);
      else if (e.key === 'ArrowRight') this.go(this.step + 1);
    });
  }

  /** Opens a record's text; returns why not, in one sentence, or null. */
  open(json: string): string | null {
    const imported = importRecord(json, this.c);
    if (!imported.ok) return imported.notice;
    this.game = imported.game;
    this.step = 0;
    this.render();
    return null;
  }

  showImport(problem: string | null = null): void {
    const saved = this.savedGame();
    // Asked for the game saved here (a debrief's "Replay this game") where none is: a classroom seat's debrief, say.
    const asked = new URLSearchParams(location.search).get('replay') === 'saved';
    const notice =
      problem ??
      (asked && !saved
        ? 'No game is saved on this device to replay. A classroom game’s record is with the facilitator, whose console replays it; a record (.json) opens here.'
        : null);
    const status = h('p', { class: 'notice', attrs: { role: 'alert' }, text: notice ?? '' });
    status.hidden = !notice;
    const input = h('input', {
      id: 'replay-file',
      attrs: { type: 'file', accept: '.json,application/json' },
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      void file.text().then((text) => {
        const refused = this.open(text);
        if (refused) {
          status.textContent = refused;
          status.hidden = false;
        }
      });
    });
    this.root.replaceChildren(
      h(
        'main',
        { class: 'class-page' },
        h('h1', { text: 'Replay a game' }),
        h('p', {
          text: 'Step through a game turn by turn, as any seat saw it, as the public saw it, or as the facilitator sees everything.',
        }),
        saved &&
          h('button', {
            class: 'button button--primary',
            attrs: { type: 'button', 'data-replay': 'saved' },
            text: 'Replay the game saved on this device',
            on: {
              click: () => {
                const refused = this.open(saved);
                if (refused) this.showImport(refused);
              },
            },
          }),
        h(
          'label',
          { class: 'field', attrs: { for: 'replay-file' } },
          h('span', { text: 'A record (.json) from a room or npm run report' }),
        ),
        input,
        status,
        h('button', {
          class: 'button button--quiet',
          attrs: { type: 'button' },
          text: 'Back',
          on: { click: this.back },
        }),
      ),
    );
  }

  /** The game saved on this device by the solo game, if any. */
  savedGame(): string | null {
    try {
      return localStorage.getItem(`crisis-table.save.${this.c.scenario.meta.id}`);
    } catch {
      return null;
    }
  }

  private go(step: number): void {
    if (!this.game) return;
    const next = Math.max(0, Math.min(this.game.steps - 1, step));
    if (next === this.step) return;
    this.step = next;
    this.render();
  }

  private render(): void {
    const game = this.game!;
    const state = stateAtStep(game, this.step);
    const last = this.step === game.steps - 1;
    document.body.dataset.replayStep = String(this.step);
    const where = last
      ? state.phase === 'ended'
        ? `Where the game ended: ${this.endingTitle(state)}`
        : `Where the record ends: turn ${state.world.turn + 1}`
      : `Turn ${this.step + 1} of ${this.c.scenario.turns.length}: ${dateShown(this.c.scenario.turns[this.step]?.date ?? '', this.c.scenario.turns)}`;
    const select = h(
      'select',
      { id: 'replay-as', on: { change: () => this.setAs(select.value) } },
      h('option', {
        attrs: { value: 'public', selected: this.as === 'public' },
        text: 'The public (the projector)',
      }),
      h('option', {
        attrs: { value: 'facilitator', selected: this.as === 'facilitator' },
        text: 'The facilitator: everything',
      }),
      ...this.c.playableIds.map((a) =>
        h('option', { attrs: { value: a, selected: this.as === a }, text: this.lookup.actorName(a) }),
      ),
    );
    const range = h('input', {
      id: 'replay-step',
      attrs: { type: 'range', min: 0, max: game.steps - 1, value: this.step, 'aria-label': 'Turn' },
      on: { input: () => this.go(Number(range.value)) },
    });
    const controls = h(
      'div',
      { class: 'replay-controls' },
      h('label', { attrs: { for: 'replay-as' }, text: 'Watch as ' }),
      select,
      h('button', {
        class: 'button button--quiet',
        attrs: { type: 'button', 'data-replay': 'prev', disabled: this.step === 0 },
        text: '← Earlier',
        on: { click: () => this.go(this.step - 1) },
      }),
      range,
      h('button', {
        class: 'button button--quiet',
        attrs: { type: 'button', 'data-replay': 'next', disabled: last },
        text: 'Later →',
        on: { click: () => this.go(this.step + 1) },
      }),
    );
    const heading = h('h1', { attrs: { 'data-replay-where': '' }, text: where });
    const whatIf = !last && this.whatIfForm();
    this.root.replaceChildren(
      h(
        'main',
        {
          class: 'class-page class-replay',
          // Which record this is: its seed and how many commands it holds, the same as in its file.
          dataset: {
            recordSeed: String(game.record.seed),
            recordCommands: String(game.record.entries.length),
          },
        },
        h('p', { class: 'eyebrow', text: `Replay · ${this.c.scenario.meta.title.text}` }),
        heading,
        controls,
        whatIf,
        this.body(state),
      ),
    );
  }

  /** The ending reached, by its title (the step that shows it names it, as the debrief does). */
  private endingTitle(state: ReturnType<typeof stateAtStep>): string {
    return publicPicture(this.c, state).outcome?.title.text ?? 'no ending';
  }

  /** What if: play on from the turn shown, at the seats chosen, the computer at the others. */
  private whatIfForm(): HTMLElement {
    const boxes = this.c.playableIds.map((a) =>
      h('input', { id: `whatif-${a}`, attrs: { type: 'checkbox', value: a, 'data-whatif-seat': a } }),
    );
    const status = h('p', { class: 'notice', attrs: { role: 'alert' } });
    status.hidden = true;
    const start = () => {
      const players = boxes.filter((b) => b.checked).map((b) => b.value);
      const fork = whatIfRecord(this.game!, this.step, players);
      if (!fork.ok) {
        status.textContent = fork.notice;
        status.hidden = false;
        return;
      }
      new PassAndPlay(this.root, this.scenario, this.back).playWhatIf(fork.record, this.game!);
    };
    // The same fork, as a room a class plays on from: its facilitator is this browser, the teams join with the code.
    const openRoom = async () => {
      const players = boxes.filter((b) => b.checked).map((b) => b.value);
      const seats = Object.fromEntries(
        this.c.playableIds.map((a) => [a, players.includes(a) ? 'person' : 'computer']),
      );
      const client = new ClassroomClient({ endpoint: location.origin, keep });
      try {
        const welcome = await client.open({
          scenario: this.c.scenario.meta.id,
          seed: this.game!.record.seed,
          seats,
          autoResolve: true,
          key: newKey(),
          fork: { record: recordJson(this.game!), turn: this.step },
        });
        location.assign(`/class/${welcome.code}`);
      } catch (e) {
        const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
        status.textContent = `No room could be opened here (a room needs npm run serve): ${why}`;
        status.hidden = false;
      }
    };
    return h(
      'details',
      { class: 'block more', attrs: { 'data-whatif': '' } },
      h('summary', { text: 'What if? Play on from this turn with other decisions' }),
      h('p', {
        text: 'Choose the seats you play from here; the computer plays the others. The end sets your game beside this one.',
      }),
      ...this.c.playableIds.map((a, i) =>
        h(
          'div',
          { class: 'field--check' },
          boxes[i]!,
          h('label', { attrs: { for: `whatif-${a}` }, text: this.lookup.actorName(a) }),
        ),
      ),
      status,
      h('button', {
        class: 'button button--primary',
        attrs: { type: 'button', 'data-whatif-start': '' },
        text: 'Play on from here',
        on: { click: start },
      }),
      h('button', {
        class: 'button',
        attrs: { type: 'button', 'data-whatif-room': '' },
        text: 'Or open it as a new room, for a class to play on (on the classroom server)',
        on: { click: () => void openRoom() },
      }),
    );
  }

  private setAs(as: string): void {
    this.as = as;
    this.render();
    document.getElementById('replay-as')?.focus();
  }

  private body(state: ReturnType<typeof stateAtStep>): HTMLElement {
    const game = this.game!;
    if (this.as === 'public')
      return h(
        'section',
        { attrs: { 'aria-label': 'The public picture' } },
        publicNodes(publicPart(publicPicture(this.c, state), this.lookup)),
      );
    if (this.as === 'facilitator') {
      const decided = decisionsAtStep(game, this.step);
      return h(
        'section',
        { attrs: { 'aria-label': 'Everything' } },
        publicNodes(publicPart(publicPicture(this.c, state), this.lookup)),
        h('h2', { text: 'Every indicator' }),
        h(
          'ul',
          {},
          ...this.c.scenario.indicators.map((i) =>
            h('li', { text: `${i.label.text}: ${state.world.indicators[i.id] ?? i.start}` }),
          ),
        ),
        h('h2', { text: 'What each actor decided in this turn' }),
        decided.length === 0
          ? h('p', { text: 'No decision of this turn is in the record yet.' })
          : h(
              'ul',
              {},
              ...decided.map((d) =>
                h('li', {
                  text: `${this.lookup.actorName(d.actor)}: ${this.lookup.optionLabel(d.actor, d.option)} (${d.by === 'person' ? 'the seat' : d.by})`,
                }),
              ),
            ),
      );
    }
    // A seat's own screen as it stood, with the option it then chose marked, and nothing to press.
    const chosen = decisionsAtStep(game, this.step).find((d) => d.actor === this.as)?.option ?? null;
    const screen = situationView(
      situationModel(playerView(this.c, state, this.as), this.lookup, chosen),
      () => undefined,
    );
    for (const b of screen.element.querySelectorAll<HTMLButtonElement>('[data-option]')) b.disabled = true;
    screen.element.querySelector('[data-intent="confirm-decision"]')?.remove();
    return h(
      'section',
      { attrs: { 'aria-label': `As ${this.lookup.actorName(this.as)} saw it` } },
      screen.element,
    );
  }
}

/** The public picture's template as nodes, for this page's element builder. */
function publicNodes(part: TemplateResult): DocumentFragment {
  const nodes = document.createDocumentFragment();
  render(part, nodes);
  return nodes;
}
