// A seat's deals panel (the solo game's "More", pass-and-play's turn): propose one of the agreements the engine lets
// the seat propose now, answer a proposal made to it (accept or decline, with a reason), withdraw its own, and read
// what became of each, with the answer's reason. What may be proposed is the model's (the engine's `mayPropose`);
// the panel only sends what was picked. Nothing typed is bound, so a half-typed reason stays through every redraw.
// The reasons are shown as text only (lit escapes them), in whichever direction they are written.
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import {
  type DealLine,
  type DealsModel,
  dealActs,
  dealHeadText,
  dealReasonBy,
  dealStatusText,
  dealsStanding,
} from '../../present/deals.presenter.ts';
import { formatNumber, t } from '../../present/i18n/i18n.ts';

export interface DealActions {
  propose(agreement: string, to: string): void;
  answer(n: number, accept: boolean, reason: string): void;
  withdraw(n: number): void;
}

/** The proposal form: each agreement the seat may propose now, to whom, with its terms; one is picked. */
function proposeForm(model: DealsModel, actions: DealActions): TemplateResult {
  const offers = model.mayPropose.map((o) => ({ ...o, key: `${o.agreement}/${o.to}` }));
  if (offers.length === 0) return html`<p class="hint" data-deal-none="">${t('solo.deal.noOffers')}</p>`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const picked = form.querySelector<HTMLInputElement>('input[name="offer"]:checked');
    const offer = offers.find((o) => o.key === picked?.value);
    if (offer) actions.propose(offer.agreement, offer.to);
  };
  return html`<form class="class-form deal-propose" data-deal-propose="" @submit=${submit}>
    <fieldset class="fieldset"><legend>${t('solo.deal.proposeLegend')}</legend>${repeat(
      offers,
      (o) => o.key,
      (o, i) => html`<div class="deal-offer"><label for=${`deal-offer-${i}`}><input type="radio" name="offer"
        id=${`deal-offer-${i}`} value=${o.key} required data-deal-offer=${o.key}> ${t('solo.deal.offer', {
          label: o.label,
          to: o.toLabel,
        })}</label><p class="hint" dir="auto">${o.terms}</p></div>`,
    )}</fieldset>
    <button class="button button--primary" type="submit">${t('solo.deal.propose')}</button>
  </form>`;
}

/** Accept or decline a proposal made to the seat, with a reason if it gives one. */
function answerForm(line: DealLine, maxReason: number, actions: DealActions): TemplateResult {
  const id = `deal-reason-${line.n}`;
  const answer = (accept: boolean) => (event: Event) => {
    const form = (event.currentTarget as HTMLElement).closest('form');
    const field = form?.elements.namedItem('reason');
    actions.answer(line.n, accept, field instanceof HTMLTextAreaElement ? field.value : '');
  };
  return html`<form class="class-form deal-answer" data-deal-answer=${String(line.n)}
    @submit=${(e: Event) => e.preventDefault()}>
    <label class="field" for=${id}><span>${t('solo.deal.reasonLabel', { max: formatNumber(maxReason) })}</span></label>
    <textarea id=${id} name="reason" rows="2" maxlength=${maxReason} dir="auto"></textarea>
    <button class="button button--primary" type="button" data-deal-accept="" @click=${answer(true)}>${t(
      'solo.deal.accept',
    )}</button>
    <button class="button" type="button" data-deal-decline="" @click=${answer(false)}>${t('solo.deal.decline')}</button>
  </form>`;
}

/** One proposal: who proposed it to whom, its terms, where it stands, the answer's reason, and what the seat may do. */
export function dealItem(line: DealLine, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<li class="deal" data-deal=${String(line.n)} data-status=${line.status}>
    <p class="hint deal-head">${dealHeadText(line)}</p>
    <p class="deal-label" dir="auto"><strong>${line.label}</strong></p>
    <p class="hint deal-terms" dir="auto">${line.terms}</p>
    <p class="deal-status" data-deal-status="">${dealStatusText(line)}</p>
    ${
      line.reason !== null
        ? html`<p class="deal-reason" data-deal-reason=""><span class="hint">${dealReasonBy(line)}</span> <span
            dir="auto">${line.reason}</span></p>`
        : nothing
    }
    ${extra}
  </li>`;
}

/** The panel, where the seat's room allows proposals; `maxReason`: the engine's bound on an answer's reason. */
export function dealsPanel(model: DealsModel, maxReason: number, actions: DealActions): TemplateResult {
  return html`<section class="block deals" aria-labelledby="deals-heading" data-deals="">
    <h2 id="deals-heading">${t('solo.deal.heading')}</h2>
    <p class="hint">${t('solo.deal.intro')}</p>
    <p data-deal-standing="">${t('solo.deal.standing', { count: dealsStanding(model) })}</p>
    ${proposeForm(model, actions)}
    ${
      model.deals.length === 0
        ? html`<p class="hint">${t('solo.deal.nothing')}</p>`
        : html`<ol class="deal-list" data-deal-list="">${repeat(
            model.deals,
            (l) => l.n,
            (l) => {
              const acts = dealActs(model, l);
              return dealItem(
                l,
                acts.answer
                  ? answerForm(l, maxReason, actions)
                  : acts.withdraw
                    ? html`<button class="button" type="button" data-deal-withdraw=${String(l.n)}
                        @click=${() => actions.withdraw(l.n)}>${t('solo.deal.withdraw')}</button>`
                    : nothing,
              );
            },
          )}</ol>`
    }
  </section>`;
}
