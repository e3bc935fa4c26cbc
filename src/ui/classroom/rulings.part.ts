// The console's rulings and agreements: each request for a ruling waiting, with its act and argument (as text),
// and the facilitator's choice: allow it with one of the scenario's ruling effects, refuse it with a reason, or
// roll for it at stated odds (the draw is the record's, seeded); the rulings given, with the roll; and every
// proposal between seats, answered, broken or not. Each ruling is a command the engine checks.
//
// No field is bound: the facilitator's half-typed reason survives every view; the fields are read when sent.
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { t } from '../../present/i18n/i18n.ts';
import type { DealsModel, RulingLine } from '../../present/room-deals.presenter.ts';
import type { Command } from '../../session/classroom-protocol.ts';
import { dealList, rulingItem } from './deals.part.ts';

function fieldText(id: string): string {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement ||
    field instanceof HTMLSelectElement ||
    field instanceof HTMLTextAreaElement
    ? field.value
    : '';
}

/**
 * The ruling's command from the form's fields, or the one sentence why not. The odds are typed in percent (1 to
 * 99); the engine takes them as a chance.
 */
export function rulingCommand(
  n: number,
  fields: { verdict: string; effect: string; reason: string; odds: string },
): Command | string {
  const reason = fields.reason.trim();
  if (!reason) return t('deal.console.needsReason');
  if (fields.verdict === 'refused') return { type: 'ruling.give', n, verdict: 'refused', reason };
  if (!fields.effect) return t('deal.console.needsEffect');
  if (fields.verdict === 'allowed')
    return { type: 'ruling.give', n, verdict: 'allowed', effect: fields.effect, reason };
  const odds = Number(fields.odds);
  if (!Number.isInteger(odds) || odds < 1 || odds > 99) return t('deal.console.needsOdds');
  return { type: 'ruling.give', n, verdict: 'rolled', effect: fields.effect, reason, odds: odds / 100 };
}

function ruleForm(line: RulingLine, act: (command: Command) => void, say: (s: string) => void) {
  const id = (what: string) => `rule-${what}-${line.n}`;
  const give = () => {
    const command = rulingCommand(line.n, {
      verdict: fieldText(id('verdict')),
      effect: fieldText(id('effect')),
      reason: fieldText(id('reason')),
      odds: fieldText(id('odds')),
    });
    if (typeof command === 'string') say(command);
    else act(command);
  };
  return html`<div class="class-form" data-rule-form=${String(line.n)}>
    <label class="field" for=${id('verdict')}><span>${t('deal.console.verdict')}</span></label>
    <select id=${id('verdict')}>
      <option value="allowed">${t('deal.console.allow')}</option>
      <option value="refused">${t('deal.console.refuse')}</option>
      <option value="rolled">${t('deal.console.roll')}</option>
    </select>
    <label class="field" for=${id('effect')}><span>${t('deal.console.effect')}</span></label>
    <select id=${id('effect')}>${line.effects.map((e) => html`<option value=${e.id}>${e.label}</option>`)}</select>
    <label class="field" for=${id('odds')}><span>${t('deal.console.odds')}</span></label>
    <input id=${id('odds')} type="number" min="1" max="99" step="1" value="50" inputmode="numeric">
    <label class="field" for=${id('reason')}><span>${t('deal.console.reason')}</span></label>
    <textarea id=${id('reason')} rows="2" maxlength="500" dir="auto"></textarea>
    <button class="button button--primary" type="button" data-rule=${String(line.n)} @click=${give}>${t(
      'deal.console.give',
    )}</button>
  </div>`;
}

/** The console's block: requests waiting (with the form), rulings given, and every agreement. */
export function rulingsBlock(
  model: DealsModel | undefined,
  act: (command: Command) => void,
  say: (s: string) => void,
): TemplateResult | typeof nothing {
  if (!model) return nothing;
  const waiting = model.rulings.filter((r) => r.ruling === null);
  const given = model.rulings.filter((r) => r.ruling !== null);
  const list = (lines: RulingLine[], form: boolean) =>
    html`<ol class="said-list">${repeat(
      lines,
      (r) => r.n,
      (r) => rulingItem(r, form && model.live ? ruleForm(r, act, say) : nothing),
    )}</ol>`;
  return html`<section class="block" aria-labelledby="console-rulings" data-console-rulings="">
    <h2 id="console-rulings">${t('deal.console.rulings')}</h2>
    <h3>${t('deal.console.waiting')}</h3>
    ${waiting.length === 0 ? html`<p class="hint">${t('deal.console.noneWaiting')}</p>` : list(waiting, true)}
    <h3>${t('deal.console.given')}</h3>
    ${given.length === 0 ? html`<p class="hint">${t('deal.console.noneGiven')}</p>` : list(given, false)}
  </section>
  <section class="block" aria-labelledby="console-deals" data-console-deals="">
    <h2 id="console-deals">${t('deal.console.deals')}</h2>
    ${model.deals.length === 0 ? html`<p class="hint">${t('deal.console.noneDeals')}</p>` : dealList(model.deals)}
  </section>`;
}
