// A team's talk panel, on the seat page (and the lines of what was said, on the console too): publish a statement,
// to the public or openly to named seats; write a private message to one seat or several; read what this seat may
// read, who said it to whom and in which turn. The room's rule (none, statements only, everything; approval) is
// the model's, and the panel only shows the forms it leaves open.
//
// Nothing a team types is bound: lit patches the page in place on every view (another team deciding, the
// facilitator acting), so a half-typed message and its ticked seats stay; the fields are read when sent. What
// players wrote is shown as text only (lit escapes it), in whichever direction it is written (dir="auto").
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { formatNumber, isolate, t } from '../../present/i18n/i18n.ts';
import type { SaidLine, TalkModel } from '../../present/talk.presenter.ts';
import { Asking } from './form.ts';

export interface TalkActions {
  /**
   * `to`: the seats named; none, a statement to the public. `claim`: what the statement asserts, one of the claims
   * the model offers; none, a statement that asserts nothing the scenario counts. Answers the refusal in one
   * sentence, or null.
   */
  publish(text: string, to: string[], claim?: string): Promise<string | null>;
  message(text: string, to: string[]): Promise<string | null>;
}

/** What the panel keeps across views: each form's count of characters, and whether it waits for an answer. */
export class TalkPanel {
  chars = { statement: 0, message: 0 };
  readonly statement: Asking;
  readonly message: Asking;

  constructor(readonly redraw: () => void) {
    this.statement = new Asking(redraw);
    this.message = new Asking(redraw);
  }
}

/** The room's rule, in one or two sentences. */
export function talkRuleLine(model: Pick<TalkModel, 'level' | 'approve'>): string {
  const level =
    model.level === 'none'
      ? t('talk.rule.none')
      : model.level === 'statements'
        ? t('talk.rule.statements')
        : t('talk.rule.all');
  return model.level !== 'none' && model.approve ? `${level} ${t('talk.rule.approve')}` : level;
}

/** Who said it, to whom, in which turn: one line above the text. */
export function saidHead(line: SaidLine): string {
  const from = isolate(line.fromLabel);
  const to = line.toLabels.map(isolate).join(t('seat.nameSeparator'));
  if (line.kind === 'message') return t('talk.head.message', { turn: line.turn, from, to });
  return line.toPublic
    ? t('talk.head.public', { turn: line.turn, from })
    : t('talk.head.named', { turn: line.turn, from, to });
}

/** One thing said: its line, its text (as text), and whether it waits for approval. */
export function saidItem(line: SaidLine, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<li class="said" data-said=${String(line.n)} data-kind=${line.kind}
    data-waiting=${String(line.waiting)} data-hidden=${String(line.hidden !== null)}>
    <p class="hint said-head">${saidHead(line)}${
      line.waiting ? html` <span class="badge">${t('talk.waiting')}</span>` : nothing
    }</p>
    <p class="said-text" dir="auto">${line.text}</p>
    ${line.claim !== null ? html`<p class="hint" data-said-claim="">${t('talk.asserts', { claim: line.claim })}</p>` : nothing}
    ${line.hidden !== null ? html`<p class="hint">${t('talk.hiddenBecause', { reason: line.hidden })}</p>` : nothing}
    ${extra}
  </li>`;
}

/** What was said, as a list of its lines (the replay's, the debrief's), or nothing when nothing was. */
export function saidList(heading: string, lines: readonly SaidLine[]): TemplateResult | typeof nothing {
  if (lines.length === 0) return nothing;
  return html`<section class="block" data-said-section=""><h2>${heading}</h2><ol class="said-list" data-said-list="">${repeat(
    lines,
    (l) => l.n,
    (l) => saidItem(l),
  )}</ol></section>`;
}

/** The seats a form may name, as checkboxes (never bound: what was ticked stays through every view). */
function seatBoxes(form: 'statement' | 'message', model: TalkModel): TemplateResult {
  return html`${repeat(
    model.seats,
    (s) => s.actor,
    (s) => html`<label class="talk-seat" for=${`talk-${form}-to-${s.actor}`}><input type="checkbox" name="to"
      id=${`talk-${form}-to-${s.actor}`} value=${s.actor}> ${s.label}</label>`,
  )}`;
}

function textOf(form: HTMLFormElement): { text: string; to: string[]; claim?: string } {
  const field = form.elements.namedItem('text');
  const text = field instanceof HTMLTextAreaElement ? field.value : '';
  const to = [...form.querySelectorAll<HTMLInputElement>('input[name="to"]:checked')].map((i) => i.value);
  const chosen = form.elements.namedItem('claim');
  const claim = chosen instanceof HTMLSelectElement && chosen.value !== '' ? chosen.value : undefined;
  return claim ? { text, to, claim } : { text, to };
}

/**
 * What a statement may assert, where the scenario lets this seat make a claim now: a list whose first choice is
 * none. Its words are the scenario's; the hint says that the claim, not the wording, is what others hear.
 */
function claimField(model: TalkModel): TemplateResult | typeof nothing {
  if (model.claims.length === 0) return nothing;
  return html`<label class="field" for="talk-statement-claim"><span>${t('talk.claim')}</span></label>
    <select id="talk-statement-claim" name="claim" data-claim="" aria-describedby="talk-statement-claim-hint">
      <option value="">${t('talk.claimNone')}</option>
      ${repeat(
        model.claims,
        (x) => x.id,
        (x) => html`<option value=${x.id} dir="auto">${x.label}</option>`,
      )}
    </select>
    <p class="hint" id="talk-statement-claim-hint">${t('talk.claimHint')}</p>`;
}

function talkForm(
  kind: 'statement' | 'message',
  model: TalkModel,
  panel: TalkPanel,
  send: (text: string, to: string[], claim?: string) => Promise<string | null>,
): TemplateResult {
  const max = kind === 'statement' ? model.limits.statement : model.limits.message;
  const asking = kind === 'statement' ? panel.statement : panel.message;
  const id = `talk-${kind}-text`;
  const typed = (event: Event) => {
    panel.chars[kind] = (event.target as HTMLTextAreaElement).value.length;
    panel.redraw();
  };
  const ask = async (form: HTMLFormElement) => {
    const { text, to, claim } = textOf(form);
    if (kind === 'message' && to.length === 0) return t('talk.pickSeat');
    const refused = await send(text, to, claim);
    // Sent: the form is emptied (its defaults are empty and unticked: nothing in it is bound).
    if (refused === null) {
      form.reset();
      panel.chars[kind] = 0;
    }
    return refused;
  };
  return html`<form class="class-form talk-form" data-talk-form=${kind} @submit=${asking.submit(ask)}>
    <label class="field" for=${id}><span>${kind === 'statement' ? t('talk.statement') : t('talk.message')}</span></label>
    <textarea id=${id} name="text" rows="3" maxlength=${max} required dir="auto"
      aria-describedby=${`${id}-count`} @input=${typed}></textarea>
    <p class="hint" id=${`${id}-count`} data-count="">${t('talk.count', {
      used: formatNumber(panel.chars[kind]),
      max: formatNumber(max),
    })}</p>
    <fieldset class="fieldset talk-to"><legend>${
      kind === 'statement' ? t('talk.statementTo') : t('talk.messageTo')
    }</legend>${seatBoxes(kind, model)}</fieldset>
    ${kind === 'statement' ? claimField(model) : nothing}
    <p class="hint">${kind === 'statement' ? t('talk.statementHint') : t('talk.messageHint')}</p>
    <p class="notice" role="alert" ?hidden=${!asking.refused}>${asking.refused ?? nothing}</p>
    <button class="button button--primary" type="submit" ?disabled=${asking.pending}>${
      kind === 'statement' ? t('talk.publish') : t('talk.send')
    }</button>
  </form>`;
}

/**
 * The seat's panel: the rule, the forms it leaves open, and what this seat may read, newest first. `refused`: why
 * the last statement or message was refused, where the answer comes with the model (the solo game) rather than as
 * a reply to the form.
 */
export function talkPanel(
  model: TalkModel,
  panel: TalkPanel,
  actions: TalkActions,
  refused: string | null = null,
): TemplateResult {
  return html`<section class="block talk" aria-labelledby="talk-heading" data-talk=${model.level}
    data-approve=${String(model.approve)}>
    <h2 id="talk-heading">${t('talk.heading')}</h2>
    <p data-talk-rule="">${talkRuleLine(model)}</p>
    ${
      // Said once: not again here when a form already says it.
      refused && !panel.statement.refused && !panel.message.refused
        ? html`<p class="notice" role="alert" data-talk-refused="">${refused}</p>`
        : nothing
    }
    ${model.canStatement ? talkForm('statement', model, panel, actions.publish) : nothing}
    ${model.canMessage ? talkForm('message', model, panel, actions.message) : nothing}
    <h3>${t('talk.heard')}</h3>
    ${
      model.said.length === 0
        ? html`<p class="hint">${t('talk.nothing')}</p>`
        : html`<ol class="said-list" data-said-list="">${repeat(
            model.said,
            (l) => l.n,
            (l) => saidItem(l),
          )}</ol>`
    }
  </section>`;
}
