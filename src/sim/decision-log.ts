// A game's decisions as a table, one row per decision: the turn and its date (as a day that orders the turns, and
// as the game shows it: "late December 2021" where the sources give no day), the actor, the option, whether the
// real actor did that on that date (from the scenario's history), and who took it: the seat's player or team,
// the computer, or the facilitator's clock; last, the reason the seat gave with it, if any (a column added at the
// end, so that a reader of the older columns keeps them). It holds no name, only actors and seats. As CSV it opens
// in a spreadsheet, and it parses back into the same rows.
import type { CompiledScenario } from './compile.ts';
import type { GameState } from './state.ts';
import type { Decider } from './world.ts';

export interface DecisionRow {
  /** 1-based, as the screens count turns. */
  turn: number;
  /** The turn's date (ISO), which orders the turns; where the sources give no day, an approximate one. */
  date: string;
  /** The date as the game shows it: the turn's `dateText` where the sources give no day ("late December 2021"),
   * otherwise the same date as `date`. */
  dateShown: string;
  turnId: string;
  actor: string;
  option: string;
  label: string;
  /** yes / no: from the options that stand for what the real actor did that day; `no option for it`: the sources
   * say what it did, and no option of the game stands for it; `not reported`: the sources say nothing of it. */
  asInHistory: 'yes' | 'no' | 'no option for it' | 'not reported';
  by: 'seat' | 'computer' | 'facilitator';
  /** The reason the seat gave with its decision, as cleaned; absent when it gave none. Shown as text, never markup. */
  reason?: string;
}

const BY: Record<Decider, DecisionRow['by']> = {
  person: 'seat',
  computer: 'computer',
  facilitator: 'facilitator',
};

export const DECISION_COLUMNS = [
  'turn',
  'date',
  'date_shown',
  'turn_id',
  'actor',
  'option',
  'label',
  'as_in_history',
  'by',
  'reason',
];

/** The columns before `reason` was added: a log written then still parses. */
const OLD_COLUMNS = DECISION_COLUMNS.slice(0, -1);

export function decisionRows(c: CompiledScenario, state: GameState): DecisionRow[] {
  const history = new Map(c.scenario.history.map((d) => [d.turn, d]));
  return state.world.log.map((d) => {
    const turn = c.scenario.turns[d.turn];
    const entry = turn ? history.get(turn.id)?.actors[d.actor] : undefined;
    const asInHistory: DecisionRow['asInHistory'] =
      !entry || entry.notReported
        ? 'not reported'
        : !entry.options
          ? 'no option for it'
          : entry.options.includes(d.option)
            ? 'yes'
            : 'no';
    return {
      turn: d.turn + 1,
      date: turn?.date ?? '',
      dateShown: turn?.dateText?.text ?? turn?.date ?? '',
      turnId: turn?.id ?? '',
      actor: d.actor,
      option: d.option,
      label: c.optionById.get(d.actor)?.get(d.option)?.label.text ?? d.option,
      asInHistory,
      by: BY[d.by],
      ...(d.reason === undefined ? {} : { reason: d.reason }),
    };
  });
}

/** A field as CSV writes it (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A reason as the CSV holds it. A team typed it, and a spreadsheet would run a cell starting with = + - or @ as a
 * formula: such a reason is written after an apostrophe (which spreadsheets take as "text"), and read back without.
 */
const FORMULA_LIKE = /^'*[=+\-@]/;

function reasonCell(reason: string | undefined): string {
  if (reason === undefined) return '';
  return FORMULA_LIKE.test(reason) ? `'${reason}` : reason;
}

function reasonOf(cell: string | undefined): string | undefined {
  if (!cell) return undefined;
  return cell.startsWith("'") && FORMULA_LIKE.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function decisionCsv(rows: readonly DecisionRow[]): string {
  const lines = [DECISION_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.turn,
        r.date,
        r.dateShown,
        r.turnId,
        r.actor,
        r.option,
        r.label,
        r.asInHistory,
        r.by,
        reasonCell(r.reason),
      ]
        .map(field)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The rows of a decision log's CSV; throws one sentence naming the line that is not one. */
export function parseDecisionCsv(text: string): DecisionRow[] {
  const records = parseCsv(text);
  const header = records.shift()?.join(',');
  const old = header === OLD_COLUMNS.join(',');
  const columns = old ? OLD_COLUMNS.length : DECISION_COLUMNS.length;
  if (!old && header !== DECISION_COLUMNS.join(',')) {
    throw new Error(`Line 1 is not the decision log's header (${DECISION_COLUMNS.join(',')}).`);
  }
  return records.map((f, i) => {
    const turn = Number(f[0]);
    const asInHistory = f[7] as DecisionRow['asInHistory'];
    const by = f[8] as DecisionRow['by'];
    if (
      f.length !== columns ||
      !Number.isInteger(turn) ||
      !['yes', 'no', 'no option for it', 'not reported'].includes(asInHistory) ||
      !['seat', 'computer', 'facilitator'].includes(by)
    ) {
      throw new Error(`Line ${i + 2} is not a decision: ${columns} fields are expected.`);
    }
    const reason = reasonOf(f[9]);
    return {
      turn,
      date: f[1]!,
      dateShown: f[2]!,
      turnId: f[3]!,
      actor: f[4]!,
      option: f[5]!,
      label: f[6]!,
      asInHistory,
      by,
      ...(reason === undefined ? {} : { reason }),
    };
  });
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else value += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(value);
      value = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(value);
      records.push(record);
      record = [];
      value = '';
    } else value += ch;
  }
  if (value !== '' || record.length > 0) {
    record.push(value);
    records.push(record);
  }
  return records;
}
