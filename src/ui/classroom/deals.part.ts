// A team's deals and requests for a ruling, on the seat page: propose one of the agreements its view says it may
// propose now, to that seat; answer a proposal made to it (accept or decline, with a reason if it likes); withdraw
// its own; read the standing, broken and past ones. Then a request for a ruling on an act no option covers, with
// its argument, and the rulings on its requests. What may be proposed, to whom, is the model's (the engine's
// mayPropose): the panel only lists it.
//
// Nothing a team types is bound: lit patches the page in place on every view, so a half-typed argument or reason
// stays; the fields are read when sent. What players wrote is shown as text only (lit escapes it), in its own
// direction (dir="auto").
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { formatNumber, isolate, t } from '../../present/i18n/i18n.ts';
import {
  type DealLine,
  type DealsModel,
  dealReasonShown,
  type RulingLine,
} from '../../present/room-deals.presenter.ts';
import { Asking } from './form.ts';

export interface DealActions {
  propose(agreement: string, to: string): Promise<string | null>;
  answer(n: number, accept: boolean, reason: string): Promise<string | null>;
  withdraw(n: number): Promise<string | null>;
  request(text: string, argument: string): Promise<string | null>;
}

/** What the panel keeps across views: the forms' counts, and whether each waits for an answer. */
export class DealsPanel {
  chars = { text: 0, argument: 0 };
  readonly propose: Asking;
  /** Answers and withdrawals share one line for their refusal: one is sent at a time. */
  readonly answer: Asking;
  readonly request: Asking;

  constructor(readonly redraw: () => void) {
    this.propose = new Asking(redraw);
    this.answer = new Asking(redraw);
    this.request = new Asking(redraw);
  }
}

/** Who proposed what to whom, in which turn: one line above the terms. */
export function dealHead(line: DealLine): string {
  return t('deal.head', {
    turn: line.turn,
    from: isolate(line.fromLabel),
    to: isolate(line.toLabel),
    label: line.label,
  });
}

/** Where a proposal stands, in one sentence. */
export function dealStatus(line: DealLine): string {
  switch (line.status) {
    case 'pending':
      return t('deal.status.pending', { to: isolate(line.toLabel) });
    case 'accepted':
      return line.byComputer ? t('deal.status.acceptedComputer') : t('deal.status.accepted');
    case 'declined':
      return line.byComputer ? t('deal.status.declinedComputer') : t('deal.status.declined');
    case 'withdrawn':
      return t('deal.status.withdrawn');
    case 'lapsed':
      return t('deal.status.lapsed');
    case 'broken':
      return t('deal.status.broken', {
        by: isolate(line.broken?.byLabel ?? ''),
        turn: line.broken?.turn ?? '',
      });
  }
}

/** One proposal: its line, its terms, where it stands, the answer's reason (as text), and any controls. */
export function dealItem(line: DealLine, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<li class="said" data-deal=${String(line.n)} data-status=${line.status} data-agreement=${line.agreement}>
    <p class="hint said-head">${dealHead(line)}</p>
    <p>${line.terms}</p>
    <p data-deal-status="">${dealStatus(line)}</p>
    ${
      line.reason !== null
        ? html`<p class="hint">${t('deal.answerReason')} <span dir="auto" data-deal-reason="">${dealReasonShown(line)}</span></p>`
        : nothing
    }
    ${extra}
  </li>`;
}

/** A list of proposals, or nothing when there are none. */
export function dealList(
  lines: readonly DealLine[],
  extra?: (l: DealLine) => TemplateResult | typeof nothing,
) {
  return html`<ol class="said-list" data-deal-list="">${repeat(
    lines,
    (l) => l.n,
    (l) => dealItem(l, extra ? extra(l) : nothing),
  )}</ol>`;
}

/** The ruling on a request, in one sentence (or that it waits). */
export function rulingSentence(line: RulingLine): string {
  const r = line.ruling;
  if (!r) return t('deal.ruling.waiting');
  const effect = r.effectLabel ?? '';
  if (r.verdict === 'refused') return t('deal.ruling.refused');
  if (r.verdict === 'allowed') return t('deal.ruling.allowed', { effect });
  return r.granted
    ? t('deal.ruling.rolledGranted', { odds: r.odds ?? '', roll: r.roll ?? '', effect })
    : t('deal.ruling.rolledFailed', { odds: r.odds ?? '', roll: r.roll ?? '', effect });
}

/** One request: what was asked and argued (as text), and the ruling with the facilitator's reason. */
export function rulingItem(
  line: RulingLine,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<li class="said" data-ruling=${String(line.n)} data-verdict=${line.ruling?.verdict ?? 'waiting'}
    data-granted=${String(line.ruling?.granted ?? false)}>
    <p class="hint said-head">${t('deal.ruling.head', { turn: line.turn, actor: isolate(line.actorLabel) })}</p>
    <p class="said-text" dir="auto" data-ruling-text="">${line.text}</p>
    <p class="hint">${t('deal.ruling.argument')}</p>
    <p dir="auto">${line.argument}</p>
    <p data-ruling-result="">${rulingSentence(line)}</p>
    ${
      line.ruling
        ? html`<p class="hint">${t('deal.ruling.reason')} <span dir="auto">${line.ruling.reason}</span></p>`
        : nothing
    }
    ${extra}
  </li>`;
}

function proposeForm(model: DealsModel, panel: DealsPanel, actions: DealActions): TemplateResult {
  const ask = async (form: HTMLFormElement) => {
    const field = form.elements.namedItem('offer');
    // The option's value names the agreement and the seat, not a place in the list: the list may change between views.
    const [agreement, to] = field instanceof HTMLSelectElement ? field.value.split(' ') : [];
    if (!agreement || !to) return t('deal.pick');
    return actions.propose(agreement, to);
  };
  return html`<form class="class-form" data-deal-form="propose" @submit=${panel.propose.submit(ask)}>
    <label class="field" for="deal-offer"><span>${t('deal.propose')}</span></label>
    <select id="deal-offer" name="offer">${model.mayPropose.map(
      (p) =>
        html`<option value=${`${p.agreement} ${p.to}`}>${t('deal.offer', {
          label: p.label,
          to: isolate(p.toLabel),
        })}</option>`,
    )}</select>
    <ul class="hint">${model.mayPropose.map(
      (p) => html`<li><strong>${p.label}</strong>: ${p.terms}</li>`,
    )}</ul>
    <p class="notice" role="alert" ?hidden=${!panel.propose.refused}>${panel.propose.refused ?? nothing}</p>
    <button class="button button--primary" type="submit" ?disabled=${panel.propose.pending}>${t('deal.proposeButton')}</button>
  </form>`;
}

/** Accept or decline a proposal made to this seat (with a reason), or withdraw one it made. */
function controls(line: DealLine, model: DealsModel, panel: DealsPanel, actions: DealActions) {
  if (!model.live || line.status !== 'pending' || line.side === null) return nothing;
  const run = (send: () => Promise<string | null>) => () => {
    if (panel.answer.pending) return;
    panel.answer.pending = true;
    panel.answer.refused = null;
    panel.redraw();
    void send().then((refused) => {
      panel.answer.pending = false;
      panel.answer.refused = refused;
      panel.redraw();
    });
  };
  if (line.side === 'from')
    return html`<button class="button button--quiet" type="button" data-deal-withdraw=${String(line.n)}
      ?disabled=${panel.answer.pending} @click=${run(() => actions.withdraw(line.n))}>${t('deal.withdraw')}</button>`;
  const id = `deal-reason-${line.n}`;
  const reason = () => {
    const field = document.getElementById(id);
    return field instanceof HTMLTextAreaElement ? field.value : '';
  };
  return html`<label class="field" for=${id}><span>${t('deal.reasonField')}</span></label>
    <textarea id=${id} rows="2" maxlength=${model.limits.reason} dir="auto"></textarea>
    <div class="console-actions">
      <button class="button button--primary" type="button" data-deal-accept=${String(line.n)}
        ?disabled=${panel.answer.pending} @click=${run(() => actions.answer(line.n, true, reason()))}>${t('deal.accept')}</button>
      <button class="button" type="button" data-deal-decline=${String(line.n)}
        ?disabled=${panel.answer.pending} @click=${run(() => actions.answer(line.n, false, reason()))}>${t('deal.decline')}</button>
    </div>`;
}

function requestForm(model: DealsModel, panel: DealsPanel, actions: DealActions): TemplateResult {
  const typed = (which: 'text' | 'argument') => (event: Event) => {
    panel.chars[which] = (event.target as HTMLTextAreaElement).value.length;
    panel.redraw();
  };
  const ask = async (form: HTMLFormElement) => {
    const value = (name: string) => {
      const field = form.elements.namedItem(name);
      return field instanceof HTMLTextAreaElement ? field.value : '';
    };
    const refused = await actions.request(value('text'), value('argument'));
    if (refused === null) {
      form.reset();
      panel.chars = { text: 0, argument: 0 };
    }
    return refused;
  };
  const count = (used: number, max: number) =>
    t('deal.count', { used: formatNumber(used), max: formatNumber(max) });
  return html`<form class="class-form" data-deal-form="ruling" @submit=${panel.request.submit(ask)}>
    <label class="field" for="ruling-text"><span>${t('deal.ruling.act')}</span></label>
    <textarea id="ruling-text" name="text" rows="2" maxlength=${model.limits.rulingText} required dir="auto"
      aria-describedby="ruling-text-count" @input=${typed('text')}></textarea>
    <p class="hint" id="ruling-text-count">${count(panel.chars.text, model.limits.rulingText)}</p>
    <label class="field" for="ruling-argument"><span>${t('deal.ruling.argumentField')}</span></label>
    <textarea id="ruling-argument" name="argument" rows="4" maxlength=${model.limits.rulingArgument} required
      dir="auto" aria-describedby="ruling-argument-count" @input=${typed('argument')}></textarea>
    <p class="hint" id="ruling-argument-count">${count(panel.chars.argument, model.limits.rulingArgument)}</p>
    <p class="notice" role="alert" ?hidden=${!panel.request.refused}>${panel.request.refused ?? nothing}</p>
    <button class="button button--primary" type="submit" ?disabled=${panel.request.pending}>${t('deal.ruling.send')}</button>
  </form>`;
}

/** The seat's two panels: its deals, then its requests for a ruling. */
export function dealsPanel(model: DealsModel, panel: DealsPanel, actions: DealActions): TemplateResult {
  const open = model.deals.filter((d) => d.status === 'pending');
  const rest = model.deals.filter((d) => d.status !== 'pending');
  return html`<section class="block deals" aria-labelledby="deals-heading" data-deals="">
      <h2 id="deals-heading">${t('deal.heading')}</h2>
      ${
        model.live && model.mayPropose.length > 0
          ? proposeForm(model, panel, actions)
          : html`<p class="hint">${model.live ? t('deal.noneToPropose') : t('deal.notNow')}</p>`
      }
      <h3>${t('deal.open')}</h3>
      <p class="notice" role="alert" ?hidden=${!panel.answer.refused}>${panel.answer.refused ?? nothing}</p>
      ${
        open.length === 0
          ? html`<p class="hint">${t('deal.noneOpen')}</p>`
          : dealList(open, (l) => controls(l, model, panel, actions))
      }
      <h3>${t('deal.past')}</h3>
      ${rest.length === 0 ? html`<p class="hint">${t('deal.nonePast')}</p>` : dealList(rest)}
    </section>
    <section class="block rulings" aria-labelledby="rulings-heading" data-rulings="">
      <h2 id="rulings-heading">${t('deal.ruling.heading')}</h2>
      <p class="hint">${t('deal.ruling.hint')}</p>
      ${model.live ? requestForm(model, panel, actions) : nothing}
      ${
        model.rulings.length === 0
          ? html`<p class="hint">${t('deal.ruling.none')}</p>`
          : html`<ol class="said-list">${repeat(
              model.rulings,
              (r) => r.n,
              (r) => rulingItem(r),
            )}</ol>`
      }
    </section>`;
}

/**
 * The projector's wall: the public agreements accepted or broken, by their parties, large enough for the back of
 * the room. Nothing at all while there is none.
 */
export function wallDealsBlock(lines: readonly DealLine[] | undefined): TemplateResult | typeof nothing {
  if (!lines || lines.length === 0) return nothing;
  return html`<div class="projector-statements" data-projector-deals="">
    <h2>${t('deal.wall')}</h2>
    <ul>${repeat(
      lines,
      (l) => l.n,
      (l) =>
        html`<li data-deal=${String(l.n)} data-status=${l.status}><strong>${l.label}</strong>: ${t(
          'deal.wallLine',
          {
            from: isolate(l.fromLabel),
            to: isolate(l.toLabel),
          },
        )} ${dealStatus(l)}</li>`,
    )}</ul>
  </div>`;
}

/** The replay's lines for one turn: the proposals and requests for a ruling made in it, or nothing. */
export function replayDeals(deals: readonly DealLine[], rulings: readonly RulingLine[]): TemplateResult {
  return html`${
    deals.length === 0
      ? nothing
      : html`<section class="block" data-replay-deals=""><h2>${t('deal.heading')}</h2>${dealList(deals)}</section>`
  }${
    rulings.length === 0
      ? nothing
      : html`<section class="block" data-replay-rulings=""><h2>${t('deal.console.rulings')}</h2><ol
          class="said-list">${repeat(
            rulings,
            (r) => r.n,
            (r) => rulingItem(r),
          )}</ol></section>`
  }`;
}
