// The one schema of a scenario. Everything else (types, JSON Schema for editors, validation) derives from it.
import { z } from 'zod';

/**
 * Names every plain JavaScript object already has (Object.prototype's, and prototype). Code that keeps ids as
 * keys of plain objects would find the inherited function instead of a missing entry, so no id may be one.
 * Spelled out rather than read from Object.prototype, so that a scenario is valid or not on every engine alike.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'prototype',
]);

/** Every id and every reference to one, so that the reserved names are refused in one place. */
export const Id = z
  .string()
  // First, and abort: a reserved name gets this one message, not also the format's (__proto__ fails both).
  .refine((id) => !RESERVED_IDS.has(id), {
    abort: true,
    error: (iss) =>
      `"${String(iss.input)}" cannot be an id: every JavaScript object has a property of that name; choose another`,
  })
  .regex(/^[a-z][A-Za-z0-9-]*$/, 'an id starts with a lower-case letter and has only letters, digits and -');

const Probability = z.number().min(0).max(1);

const TEXT_FIELDS = {
  text: z.string().trim().min(1, 'text is empty'),
  source: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  invention: z.literal(true).optional(),
  note: z.string().optional().describe('for authors: why this is an invention, or where in the source'),
};

const cited = (t: { source?: unknown; invention?: true | undefined }): boolean =>
  t.source !== undefined || t.invention === true;
const CITED = { message: 'a displayable text needs a source (a seed file name) or invention: true' };

/** Every displayable text carries its source (a seed file name) or is marked as an invention. */
export const Text = z.strictObject(TEXT_FIELDS).refine(cited, CITED);

export const Audience = z.union([z.literal('public'), z.array(Id).min(1)]);

/** A threshold map: every named indicator must pass. */
const Thresholds = z.record(Id, z.number());

export type Condition = {
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  atLeast?: Record<string, number>;
  atMost?: Record<string, number>;
  fact?: string;
  believes?: { actor: string; fact: string; is?: boolean };
  chose?: { actor: string; option: string; turn?: string };
  fired?: string;
  turn?: { from?: string; to?: string };
  posture?: { actor: string; is: string };
  chance?: number;
  /** An agreement of the scenario (its id) stands: accepted by a seat, not broken since. */
  agreed?: string;
};

const CONDITION_KEYS = [
  'all',
  'any',
  'not',
  'atLeast',
  'atMost',
  'fact',
  'believes',
  'chose',
  'fired',
  'turn',
  'posture',
  'chance',
  'agreed',
] as const;

/** For refine messages: which of the one-of keys an object has, so the author sees what to remove. */
const foundKeys = (input: unknown, keys: readonly string[]): string => {
  const found = keys.filter((k) => (input as Record<string, unknown> | null)?.[k] !== undefined);
  return found.length === 0 ? 'it has none' : `it has ${found.join(' and ')}`;
};

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(Condition).min(1).optional(),
      any: z.array(Condition).min(1).optional(),
      not: Condition.optional(),
      atLeast: Thresholds.optional(),
      atMost: Thresholds.optional(),
      fact: Id.optional(),
      believes: z.strictObject({ actor: Id, fact: Id, is: z.boolean().optional() }).optional(),
      chose: z.strictObject({ actor: Id, option: Id, turn: Id.optional() }).optional(),
      fired: Id.optional(),
      turn: z.strictObject({ from: Id.optional(), to: Id.optional() }).optional(),
      posture: z.strictObject({ actor: Id, is: Id }).optional(),
      chance: Probability.optional(),
      agreed: Id.optional(),
    })
    .refine((c) => CONDITION_KEYS.filter((k) => c[k] !== undefined).length === 1, {
      error: (iss) =>
        `a condition has exactly one of: ${CONDITION_KEYS.join(', ')}; ${foundKeys(iss.input, CONDITION_KEYS)}`,
    }),
);
// Named, so that the JSON Schema refers to #/definitions/Condition rather than __schema0.
z.globalRegistry.add(Condition, { id: 'Condition' });

export type Effect = {
  add?: Record<string, number>;
  set?: Record<string, number>;
  facts?: Record<string, boolean>;
  reveal?: { fact: string; to: 'public' | string[] };
  tell?: { fact: string; is: boolean; to: 'public' | string[]; by?: string };
  posture?: { actor: string; to: string };
  if?: Condition;
  then?: Effect[];
  else?: Effect[];
};

const EFFECT_KEYS = ['add', 'set', 'facts', 'reveal', 'tell', 'posture', 'if'] as const;

export const Effect: z.ZodType<Effect> = z.lazy(() =>
  z
    .strictObject({
      add: z.record(Id, z.number()).optional(),
      set: z.record(Id, z.number()).optional(),
      facts: z.record(Id, z.boolean()).optional(),
      reveal: z.strictObject({ fact: Id, to: Audience }).optional(),
      tell: z.strictObject({ fact: Id, is: z.boolean(), to: Audience, by: Id.optional() }).optional(),
      posture: z.strictObject({ actor: Id, to: Id }).optional(),
      if: Condition.optional(),
      then: z.array(Effect).optional(),
      else: z.array(Effect).optional(),
    })
    .refine((e) => EFFECT_KEYS.filter((k) => e[k] !== undefined).length === 1, {
      error: (iss) =>
        `an effect has exactly one of: ${EFFECT_KEYS.join(', ')} (if goes with then/else); ${foundKeys(iss.input, EFFECT_KEYS)}`,
    })
    .refine((e) => (e.if === undefined) === (e.then === undefined && e.else === undefined), {
      message: 'then and else go with if, and if needs then or else',
    }),
);
z.globalRegistry.add(Effect, { id: 'Effect' });

// A source is listed as a reader would look it up: the document's own title, outlet, author and date, as the
// document gives them. Outlet, author and address are optional because a document that names none must not be
// given one. Every source has a date: an undated document says so ("undated; ...") with what places it in
// time. A scenario that leaves the date out gets a default that says the scenario does not record it (not that
// the document is undated); bundled scenarios give it, and tests/scenario/sources.test.ts checks that they do.
export const Source = z.strictObject({
  file: z.string().min(1).describe('the seed file name, as cited in source: fields'),
  title: z.string().min(1).describe("the document's own title, as it gives it"),
  outlet: z.string().min(1).optional().describe('the outlet or site, only where the document names it'),
  author: z.string().min(1).optional().describe('the author or byline, only where the document gives one'),
  date: z
    .string()
    .min(1)
    .default('date not recorded in the scenario')
    .describe(
      'the date the document gives; where it gives none, "undated; " and what places it in time, from the document',
    ),
  url: z.url().optional().describe('the address of the document, only where it gives one'),
  kind: z.string().min(1).describe('encyclopedia, news report, think-tank analysis, ...'),
  perspective: z.string().min(1).describe('how to read it: neutral reference, an argument, ...'),
});

export const Meta = z.strictObject({
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version is MAJOR.MINOR.PATCH'),
  title: Text,
  summary: Text,
  language: z.string().min(2),
  sources: z.array(Source).min(1),
});

export const Indicator = z.strictObject({
  id: Id,
  label: Text,
  meaning: Text,
  min: z.number().default(0),
  max: z.number().default(100),
  start: z.number(),
  visibility: Audience.default('public').describe('who sees its value; others see it as unknown'),
  tension: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe(
      'for the views, not a rule: the music grows tense as this indicator nears its max, its share of the range times this weight',
    ),
});

export const Goal = z.strictObject({
  indicator: Id,
  want: z.enum(['high', 'low']),
  weight: z.number().positive(),
  why: Text,
});

export const Posture = z.strictObject({ id: Id, label: Text });

/** Where an actor's strength lies, for the map; the views know where to draw each place id. */
export const Place = z.strictObject({
  at: Id.describe(
    "a place on the scenario's map: a key of map.places or inset.places in the folder's art/map.yaml",
  ),
  what: Text.describe('what the actor has there'),
});

export const Actor = z.strictObject({
  id: Id,
  name: Text,
  role: Text,
  playable: z.boolean(),
  emblem: z
    .string()
    .optional()
    .describe(
      'an emblem design for the views, never a photograph: column, crowd, rings, rosette, star, seal, mountains, globe, sail, megaphone; another key (or none: the id) gets a geometric shape',
    ),
  places: z.array(Place).default([]).describe('where the actor is strong, for the map'),
  briefing: Text.optional(),
  goals: z.array(Goal).default([]),
  redLines: z.array(Text).default([]),
  postures: z.array(Posture).min(1),
  posture: Id.describe('the posture at the start'),
  knowledge: z
    .record(Id, z.boolean())
    .default({})
    .describe('what the actor believes at the start, fact by fact'),
  policy: z
    .strictObject({ temperature: z.number().positive().default(8) })
    .default({ temperature: 8 })
    .describe('how a computer plays this actor: higher temperature, more varied choices'),
});

/**
 * A source's words that an actor made or accepted a claim about a fact (`creditedBy`), or rejected it
 * (`doubtedBy`). The only ground, besides evidence and the actor's own choices in a game, on which an actor
 * credits or doubts what it hears: never its goals, never whose ally the speaker is. Always cited, never invented.
 */
export const Basis = z.strictObject({
  actor: Id.describe('the actor the source speaks of'),
  is: z.boolean().describe('the claim: that the fact is true (true) or false (false)'),
  from: Id.optional().describe(
    "only the claim as this actor makes it (the factions take Tehran's directives from Tehran); omitted: whoever makes it",
  ),
  source: z.string().min(1).describe('the source document (a seed file name) that says so'),
  quote: z.string().trim().min(1, 'quote is empty').describe("the source's own words, as they stand in it"),
});

export const Fact = z.strictObject({
  id: Id,
  statement: Text,
  truth: z.boolean().describe('what is true in the game world at the start'),
  knownBy: Audience.optional().describe('who knows the truth from the start'),
  creditedBy: z
    .array(Basis)
    .default([])
    .describe('who, a source says, made or accepted the claim: they credit it when they hear it'),
  doubtedBy: z
    .array(Basis)
    .default([])
    .describe('who, a source says, rejected the claim: they doubt it when they hear it'),
});

export const Turn = z.strictObject({
  id: Id,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'),
  dateText: Text.optional().describe(
    'where the sources give no day: the date as shown and exported instead of the day ("late December 2021"); `date` still orders the turns',
  ),
  title: Text.describe(
    "what happened on this date in history; shown as this game's own where presupposes holds",
  ),
  summary: Text.describe(
    "what happened on this date in history; shown as this game's own where presupposes holds",
  ),
  presupposes: Condition.optional().describe(
    'what the title and summary take for granted (fired: event, chose: ..., fact: ...), judged on the game world when the turn opens; where it does not hold, the game shows the anyGame texts and gives title and summary as history',
  ),
  titleAnyGame: Text.optional().describe(
    'with presupposes: a title true of any game, shown where the presupposition fails',
  ),
  summaryAnyGame: Text.optional().describe(
    'with presupposes (required): a summary true of any game, shown where the presupposition fails',
  ),
});

export const Preference = z.strictObject({ when: Condition, bonus: z.number() });

export const Option = z.strictObject({
  id: Id,
  label: Text,
  description: Text,
  available: Condition.optional().describe('when the option can be chosen; omitted: always'),
  effects: z.array(Effect).default([]),
  posture: Id.optional().describe('the posture the actor takes by choosing it'),
  announce: Text.optional().describe('what everyone sees of this choice; omitted: it stays secret'),
  announceAnyDay: Text.optional().describe(
    "with announce: what everyone sees of this choice on a date the history does not record it for this actor, without the source's words (omitted: the announce, as this game's act)",
  ),
  historical: z.boolean().default(false).describe('what the real actor did, per the sources'),
  policy: z
    .strictObject({ bias: z.number().default(0), prefer: z.array(Preference).default([]) })
    .default({ bias: 0, prefer: [] }),
});

export const Decision = z.strictObject({
  id: Id,
  actor: Id,
  turns: z.union([z.literal('all'), z.array(Id).min(1)]),
  prompt: Text,
  options: z.array(Option).min(1),
});

export const Event = z.strictObject({
  id: Id,
  kind: z.enum(['news', 'statement', 'rumour', 'intel', 'report']),
  counterfactual: z.boolean().default(false).describe('true for a plausible event that did not happen'),
  speaker: Id.optional().describe('the actor who makes the statement'),
  audience: Audience,
  turns: z.strictObject({ from: Id.optional(), to: Id.optional() }).optional(),
  when: Condition.optional(),
  once: z.boolean().default(true),
  headline: Text,
  body: Text.optional(),
  claim: z
    .strictObject({ fact: Id, is: z.boolean() })
    .optional()
    .describe('the fact this event asserts; a false claim is misinformation'),
  effects: z.array(Effect).default([]),
});

/**
 * One part (a sentence or a paragraph) of an ending's text, with what it takes for granted about the game that
 * reached the ending: shown only where `presupposes` holds in that game's world. Omitted: true of every game
 * that reaches the ending (its condition is all it rests on).
 */
export const EndingSentence = z
  .strictObject({
    ...TEXT_FIELDS,
    presupposes: Condition.optional().describe(
      'what this part takes for granted about the game (fired: event, chose: ..., atMost: ...), judged on the game world at its end; where it does not hold, the part is not shown',
    ),
  })
  .refine(cited, CITED);

/** A part said one of several ways: the first variant whose presupposition holds is shown; none holds, none is. */
export const EndingVariants = z.strictObject({
  variants: z
    .array(EndingSentence)
    .min(1)
    .describe(
      'tried in order; the first whose presupposes holds is shown. A last variant without presupposes is shown where no earlier one holds',
    ),
});

export const EndingPart = z.union([EndingSentence, EndingVariants]);

/**
 * An ending's summary or debrief: its parts in order, each shown only where what it presupposes holds in the game
 * (src/sim/ending-text.ts). A single text is one part that presupposes nothing beyond the ending's condition.
 */
export const EndingText = z.union([Text, z.array(EndingPart).min(1)]);

export const Outcome = z.strictObject({
  id: Id,
  title: Text,
  summary: EndingText.describe(
    'what the ending is, in parts; the parts without presupposes also describe it where another ending was reached',
  ),
  debrief: EndingText.describe('the ending explained, in parts: each shown only where it holds in the game'),
  recorded: Text.optional().describe(
    "where this ending is the one history recorded: what the sources say happened, shown beside the model's historical path",
  ),
  check: z.enum(['every-turn', 'at-end']),
  from: Id.optional().describe('with every-turn: the first turn it is checked'),
  when: Condition.optional().describe('omitted: always (only for the last at-end outcome)'),
  outlookOf: z
    .string()
    .min(1)
    .optional()
    .describe("the source file whose argued outlook this ending is; omitted: the game's own ending"),
});

/**
 * What one playable actor really did on one turn's date, per the sources: `did` (a cited text; never an invention,
 * since it states history) or `notReported: true` (the sources report nothing of that actor on that date).
 * `options`: the game's options that stand for what it did, so that the debrief can say a player chose as the
 * real actor did. Nothing here says who launched the drones: that stays unknown (`context` of the day says so).
 */
export const HistoryEntry = z
  .strictObject({
    did: Text.optional().describe(
      'what the real actor did on this date, with its source (a short exact quote where possible); never an invention',
    ),
    notReported: z
      .literal(true)
      .optional()
      .describe('the sources report nothing this actor did on this date'),
    options: z
      .array(Id)
      .min(1)
      .optional()
      .describe("with did: the actor's options in the game that stand for what it did"),
    note: z.string().optional().describe('for authors: where in the source, or what was looked for'),
  })
  .refine((e) => (e.did === undefined) !== (e.notReported === undefined), {
    error: (iss) =>
      `a history entry has exactly one of did and notReported: true; ${foundKeys(iss.input, ['did', 'notReported'])}`,
  })
  .refine((e) => e.options === undefined || e.did !== undefined, {
    message: 'options go with did: they stand for what the real actor did',
  });

/**
 * One turn's date in history: what each playable actor did that day (an actor left out was not reported), and
 * what the sources say of the day as a whole where the debrief needs it (the attack: who launched it is unknown).
 */
export const HistoryDay = z.strictObject({
  turn: Id,
  context: Text.optional().describe('what the sources say of the day as a whole, shown with every actor'),
  actors: z
    .record(Id, HistoryEntry)
    .default({})
    .describe('playable actor id -> what it did on this date; an actor left out: not reported'),
  expect: z
    .array(
      z.strictObject({
        indicator: Id,
        move: z.enum(['up', 'down']),
        because: Text.refine((t) => t.source !== undefined, {
          message:
            'what the sources report of the day needs a source (a seed file name), never invention: true',
        }),
      }),
    )
    .default([])
    .describe(
      "how an indicator moves over this turn on the model's historical path, as the sources report the day: the check that the model answers to history",
    ),
});

export const GlossaryEntry = z.strictObject({ term: z.string().min(1), definition: Text });

export const Person = z.strictObject({
  id: Id,
  name: z.string().min(1),
  actor: Id.optional(),
  description: Text,
});

const Minutes = z.number().int().min(1).max(600);

/** A lesson or workshop plan: its steps' minutes add up to the plan's. */
export const TeachingPlan = z.strictObject({
  id: Id,
  title: Text,
  minutes: Minutes,
  steps: z.array(z.strictObject({ minutes: Minutes, text: Text })).min(1),
});

/**
 * The teacher's pack: learning goals, lesson and workshop plans, a hot-wash script, and discussion questions for
 * each ending (`about`: an outcome id) and for `perpetrator` and `misinformation`. The role cards are the actors'
 * own texts. Pedagogy may be invention: true; a text that states a fact cites its source, as everywhere.
 */
export const Teaching = z.strictObject({
  goals: z.array(Text).min(1),
  plans: z.array(TeachingPlan).min(1),
  hotWash: z.array(Text).default([]),
  notes: z
    .array(Text)
    .default([])
    .describe(
      'notes for the teacher: how the game models what the sources leave open, and what to say of it',
    ),
  questions: z.array(z.strictObject({ about: Id, items: z.array(Text).min(1) })).default([]),
});

/**
 * An agreement one seat may propose to another (src/sim/agreements.ts): its terms, who may propose it to whom,
 * when, what it does once accepted, and what breaks it at what cost. Judged and applied by the engine like any
 * option: conditions and effects are the scenario's one language.
 */
export const Agreement = z.strictObject({
  id: Id,
  label: Text.describe('a short name for it, as a seat sees it in its list'),
  terms: Text.describe('what each party undertakes'),
  pairs: z
    .array(z.strictObject({ from: Id, to: Id }))
    .min(1)
    .describe('who may propose it (from) to whom (to): playable actors'),
  when: Condition.optional().describe(
    'when it may be proposed and accepted, judged on the game world; omitted: always',
  ),
  public: z
    .boolean()
    .default(false)
    .describe('once accepted, every seat and the projector see it; false: only its parties'),
  effects: z
    .array(Effect)
    .default([])
    .describe('what acceptance does, applied when the turn it was accepted in resolves'),
  breaches: z
    .array(
      z.strictObject({
        by: Id.describe('the party whose act breaks it'),
        when: Condition.describe(
          "the act, judged at each resolution while it stands; a chose without a turn reads that turn's choices",
        ),
        why: Text.describe('what the breach is, in words'),
        effects: z.array(Effect).default([]).describe('what the breach costs'),
      }),
    )
    .default([]),
  policy: z
    .record(Id, z.number())
    .default({})
    .describe(
      "actor -> a bias the computer adds to its weighing of the terms (the sources' stance of that actor)",
    ),
  note: z.string().optional().describe('for authors: where the sources speak of it, or why it is invented'),
});

/**
 * One effect the facilitator may grant on a seat's request for a ruling (the matrix-game way): a menu, so that a
 * ruling moves the world only as the scenario allows.
 */
export const RulingEffect = z.strictObject({
  id: Id,
  label: Text,
  actors: z.array(Id).min(1).optional().describe('the seats it may be granted to; omitted: any'),
  effects: z.array(Effect).min(1),
});

/**
 * What a seat's statement may assert (src/sim/talk.ts): a claim about one of the scenario's facts that a statement
 * of its speaker can carry. Said, it is heard like an event's claim by the statement's audience, who take it on the
 * grounds the fact cites (creditedBy, doubtedBy, with `from` the speaker): the speaker's credibility is data.
 */
export const StatementClaim = z.strictObject({
  id: Id,
  speaker: Id.describe('the playable actor whose statements may carry it'),
  label: Text.describe('what the statement asserts, as the seat picks it'),
  claim: z.strictObject({ fact: Id, is: z.boolean() }),
  when: Condition.optional().describe(
    'when a statement may carry it, judged on the game world; omitted: always',
  ),
});

export const Scenario = z.strictObject({
  meta: Meta,
  indicators: z.array(Indicator).min(1),
  actors: z.array(Actor).min(1),
  facts: z.array(Fact).default([]),
  turns: z.array(Turn).min(1),
  decisions: z.array(Decision).default([]),
  events: z.array(Event).default([]),
  outcomes: z.array(Outcome).min(1),
  glossary: z.array(GlossaryEntry).default([]),
  people: z.array(Person).default([]),
  history: z
    .array(HistoryDay)
    .default([])
    .describe('turn by turn, what the real actors did on that date; a turn left out: nothing reported'),
  teaching: Teaching.optional().describe("the teacher's pack: goals, plans, hot-wash, discussion questions"),
  // Optional, not defaulted: a scenario without them keeps its content digest, so its saves still load.
  agreements: z
    .array(Agreement)
    .optional()
    .describe('agreements seats may propose to each other (src/sim/agreements.ts)'),
  rulingEffects: z
    .array(RulingEffect)
    .optional()
    .describe('the effects the facilitator may grant on a request for a ruling (src/sim/rulings.ts)'),
  statementClaims: z
    .array(StatementClaim)
    .optional()
    .describe("the claims a seat's statement may carry, which move beliefs as an event's claim does"),
});

/** The top-level keys a scenario file may hold; a scenario is split over files by these keys. */
export const SCENARIO_KEYS = Object.keys(Scenario.shape) as (keyof typeof Scenario.shape)[];

/** One file of a scenario: any subset of the keys, for editor completion. */
export const ScenarioFile = Scenario.partial();
