// A refused command in the viewer's language (issue 20): the engine's refusal by its key (src/sim/refusal-keys.ts),
// with the scenario's names for the ids it names, in the viewer's digits. The engine's English sentence stays what
// logs and the command line read.
import type { Refusal } from '../sim/commands.ts';
import type { RefusalKey, RefusalSaid } from '../sim/refusal-keys.ts';
import { agreementRefusals } from './refusals/agreement-refusals.ts';
import { commandRefusals } from './refusals/command-refusals.ts';
import { engineRefusals } from './refusals/engine-refusals.ts';
import { rulingRefusals } from './refusals/ruling-refusals.ts';
import { seatRefusals } from './refusals/seat-refusals.ts';
import { talkRefusals } from './refusals/talk-refusals.ts';
import { type RefusalNames, type RefusalTable, Words } from './refusals/words.ts';

export type { RefusalNames } from './refusals/words.ts';

const TABLES: RefusalTable<RefusalKey> = {
  ...engineRefusals,
  ...commandRefusals,
  ...seatRefusals,
  ...talkRefusals,
  ...agreementRefusals,
  ...rulingRefusals,
};

/** The refusal in one line of the current language; `names` says the scenario's ids (a Lookup does). */
export function refusalText(r: Pick<Refusal, 'said'>, names: RefusalNames): string {
  return saidText(r.said, names);
}

export function saidText({ key, params }: RefusalSaid, names: RefusalNames): string {
  return TABLES[key](new Words(params, names));
}
