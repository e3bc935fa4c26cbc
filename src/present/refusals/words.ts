// What a refusal's table reads its parameters with: each id said by the scenario's name in the viewer's language
// (an id the scenario does not have, as a client may send, is said as it came: the engine kept it to one clean line).
import type { RefusalKey, RefusalParams } from '../../sim/refusal-keys.ts';
import { formatNumber, t } from '../i18n/i18n.ts';

/** The scenario's names: a Lookup (src/present/lookup.ts) is one. */
export interface RefusalNames {
  actorName(id: string): string;
  optionLabel(actor: string, option: string): string;
  indicatorLabel(id: string): string;
  agreementLabel(id: string): string;
  claimLabel(id: string): string;
  rulingEffectLabel(id: string): string;
  eventHeadline(id: string): string;
}

export class Words {
  constructor(
    readonly params: RefusalParams,
    readonly names: RefusalNames,
  ) {}

  /** A parameter as text (an id said as it is, a number in plain digits: use `number` for the viewer's). */
  text(name: string): string {
    const value = this.params[name];
    return Array.isArray(value) ? value.join(', ') : String(value ?? '');
  }

  /**
   * A number (a count, a bound, an item's or a turn's number) in the viewer's digits, without grouping: the
   * engine's English sentence writes "1000", not "1,000".
   */
  number(name: string): string {
    const value = this.params[name];
    return formatNumber(typeof value === 'number' ? value : Number(value ?? 0), { digits: 1 });
  }

  actor(name: string): string {
    return this.names.actorName(this.text(name));
  }

  /** A list of actors, by their names, in the viewer's way of listing. */
  actors(name: string): string {
    const value = this.params[name];
    const ids = Array.isArray(value) ? value : [String(value ?? '')];
    return ids.map((id) => this.names.actorName(id)).join(t('refusal.listSeparator'));
  }

  /** The option `name` of the actor in `actorName` (default `actor`). */
  option(name = 'option', actorName = 'actor'): string {
    return this.names.optionLabel(this.text(actorName), this.text(name));
  }

  indicator(name = 'indicator'): string {
    return this.names.indicatorLabel(this.text(name));
  }

  agreement(name = 'agreement'): string {
    return this.names.agreementLabel(this.text(name));
  }

  claim(name = 'claim'): string {
    return this.names.claimLabel(this.text(name));
  }

  effect(name = 'effect'): string {
    return this.names.rulingEffectLabel(this.text(name));
  }

  event(name = 'event'): string {
    return this.names.eventHeadline(this.text(name));
  }
}

/** A module's refusals: one function per key, each with its key written out (the i18n check finds literals). */
export type RefusalTable<K extends RefusalKey> = { readonly [key in K]: (w: Words) => string };

/** The issuer of a command (`by`, `bySeat`: issuerParams in src/sim/commands.ts), as a refusal names it. */
export function issuerText(w: Words): string {
  switch (w.text('by')) {
    case 'facilitator':
      return t('refusal.issuer.facilitator');
    case 'computer':
      return t('refusal.issuer.computer', { seat: w.actor('bySeat') });
    default:
      return t('refusal.issuer.person', { seat: w.actor('bySeat') });
  }
}
