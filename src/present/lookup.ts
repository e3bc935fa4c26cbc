/** Names and labels looked up in the scenario, for turning ids in the simulation's views into words. */
import type { Actor, Option, Scenario, ScenarioEvent } from '../scenario/types.ts';
import type { VisibleCause } from '../sim/view.ts';
import { type Cited, citer } from './cite.ts';
import { language, t } from './i18n/i18n.ts';
import type { ActorCard } from './screens.ts';

export class Lookup {
  readonly cite: ReturnType<typeof citer>;
  private readonly actors: Map<string, Actor>;
  /** By actor, then option id: no key is joined per look-up (a server looks options up for every seat at every turn). */
  private readonly options = new Map<string, Map<string, Option>>();
  private readonly events: Map<string, ScenarioEvent>;
  private readonly indicators: Map<string, string>;
  private readonly tensions: Map<string, number>;

  constructor(readonly scenario: Scenario) {
    this.cite = citer(scenario);
    this.actors = new Map(scenario.actors.map((a) => [a.id, a]));
    for (const d of scenario.decisions) {
      let byId = this.options.get(d.actor);
      if (byId === undefined) {
        byId = new Map();
        this.options.set(d.actor, byId);
      }
      // In the same order as the joined keys were set: a repeated id keeps the last, as before.
      for (const o of d.options) byId.set(o.id, o);
    }
    this.events = new Map(scenario.events.map((e) => [e.id, e]));
    this.indicators = new Map(scenario.indicators.map((i) => [i.id, i.label.text]));
    this.tensions = new Map(scenario.indicators.map((i) => [i.id, i.tension ?? 0]));
  }

  actorName(id: string): string {
    return this.actors.get(id)?.name.text ?? id;
  }

  option(actor: string, option: string): Option | undefined {
    return this.options.get(actor)?.get(option);
  }

  optionLabel(actor: string, option: string): string {
    return this.option(actor, option)?.label.text ?? option;
  }

  /** A statement claim's words, as the scenario gives them (`statementClaims`). */
  claimLabel(id: string): string {
    return this.scenario.statementClaims?.find((x) => x.id === id)?.label.text ?? id;
  }

  /** An agreement's short name, as the scenario gives it. */
  agreementLabel(id: string): string {
    return this.scenario.agreements?.find((a) => a.id === id)?.label.text ?? id;
  }

  /** What each party to an agreement undertakes, in the scenario's words. */
  agreementTerms(id: string): string {
    return this.scenario.agreements?.find((a) => a.id === id)?.terms.text ?? '';
  }

  /** What a party's breach of an agreement is, in the scenario's words (the `why` of its breach by that party). */
  breachWhy(agreement: string, by: string): string | null {
    const def = this.scenario.agreements?.find((a) => a.id === agreement);
    return def?.breaches.find((b) => b.by === by)?.why.text ?? null;
  }

  /** A ruling's effect, as the scenario's menu names it. */
  rulingEffectLabel(id: string): string {
    return this.scenario.rulingEffects?.find((r) => r.id === id)?.label.text ?? id;
  }

  /** An event's headline, as the scenario gives it. */
  eventHeadline(id: string): string {
    return this.events.get(id)?.headline.text ?? id;
  }

  indicatorLabel(id: string): string {
    return this.indicators.get(id) ?? id;
  }

  indicatorLabels(): Record<string, string> {
    return Object.fromEntries(this.indicators);
  }

  /** How far the indicator sets the music's tension (its `tension` weight in the scenario; 0 if none). */
  tension(id: string): number {
    return this.tensions.get(id) ?? 0;
  }

  /** The actor's emblem key: the design its scenario names, or its id (a geometric shape). */
  emblem(id: string): string {
    const actor = this.actors.get(id);
    return actor?.emblem ?? id;
  }

  /**
   * The actor's card, made once per language (a classroom builds every seat's screen at every turn, and the same
   * card is what the diff skips: issue 18). Shared, as cited lines are: a reader must not change one.
   */
  card(id: string): ActorCard {
    const key = `${language()}|${id}`;
    let card = this.cards.get(key);
    if (card === undefined) {
      card = this.makeCard(id);
      this.cards.set(key, card);
    }
    return card;
  }

  private readonly cards = new Map<string, ActorCard>();

  private makeCard(id: string): ActorCard {
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`no actor ${id} in the scenario`);
    return {
      id,
      name: this.cite(actor.name),
      role: this.cite(actor.role),
      emblem: this.emblem(id),
      goals: actor.goals.map((g) => ({ indicator: g.indicator, want: g.want, why: this.cite(g.why) })),
    };
  }

  /** A fact of the scenario by its id. */
  fact(id: string): Scenario['facts'][number] | undefined {
    this.facts ??= new Map(this.scenario.facts.map((f) => [f.id, f]));
    return this.facts.get(id);
  }

  private facts: Map<string, Scenario['facts'][number]> | undefined;

  briefing(id: string): Cited | null {
    const b = this.actors.get(id)?.briefing;
    return b ? this.cite(b) : null;
  }

  redLines(id: string): Cited[] {
    return (this.actors.get(id)?.redLines ?? []).map(this.cite);
  }

  /** A cause of an indicator change, in words, as the viewer may know it. */
  causeText(cause: VisibleCause): string {
    switch (cause.kind) {
      case 'decision':
        return `${this.actorName(cause.actor)}: ${this.optionLabel(cause.actor, cause.option)}`;
      case 'event': {
        const headline = this.events.get(cause.event)?.headline.text ?? cause.event;
        return cause.injected ? t('cause.injected', { headline }) : headline;
      }
      case 'override':
        return t('cause.override', { reason: cause.reason });
      case 'start':
        return t('cause.start');
      case 'agreement':
        return t('cause.agreement', {
          label: this.agreementLabel(cause.agreement),
          parties: cause.parties.map((a) => this.actorName(a)).join(t('seat.nameSeparator')),
        });
      case 'breach': {
        const label = this.agreementLabel(cause.agreement);
        const actor = this.actorName(cause.by);
        const why = this.breachWhy(cause.agreement, cause.by);
        return why === null
          ? t('cause.breach', { actor, label })
          : t('cause.breachWhy', { actor, label, why });
      }
      case 'ruling':
        return t('cause.ruling', {
          actor: this.actorName(cause.actor),
          label: this.rulingEffectLabel(cause.effect),
        });
      default:
        return t('cause.hidden');
    }
  }
}
