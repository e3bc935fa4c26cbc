/**
 * The screen models: what one scene shows, ready to render. The canvas scene and its DOM mirror are
 * both drawn from the same model, so they cannot disagree. Presenters build them from the
 * simulation's views; nothing here decides anything about the game.
 */

import type { Cited } from './cite.ts';
import type { DealLine, DealsModel } from './room-deals.presenter.ts';
import type { TalkModel } from './talk.presenter.ts';

/**
 * How tense the music is (mood.ts decides it). The same words as the audio's Mood (src/audio/cues.ts):
 * the game flow hands this one to the audio manager, so the compiler refuses a mood the audio cannot play.
 */
export type Mood = 'calm' | 'tense' | 'critical';

/** The title: the scenario once loaded, and whether there is a game to continue. */
export interface TitleModel {
  /** null while the scenario is still loading after the title appeared */
  scenario: { title: string; summary: string } | null;
  /** true when the scenario could not be loaded: no new game is possible */
  scenarioFailed: boolean;
  hasSave: boolean;
  /**
   * What the saved game is, once the scenario has loaded and the save could be read: the role (the actor's
   * name), the turn it is at (1-based) of how many, and whether the game has ended. The view words it in the
   * player's language. Null (or absent) before then, or when the save cannot be read.
   */
  saved?: { role: string; turn: number; turns: number; ended: boolean } | null;
  /** one sentence, e.g. why a saved game could not be continued */
  notice: string | null;
  /** the scenarios to choose from, by title, when the game bundles more than one (absent: no picker) */
  scenarios?: { id: string; title: string }[] | undefined;
  /** the id of the scenario the menu plays (the one chosen, or the only one) */
  chosen?: string | undefined;
}

export interface ActorCard {
  id: string;
  name: Cited;
  role: Cited;
  /** emblem key: a design of src/present/emblems.ts, named by the scenario */
  emblem: string;
  goals: { indicator: string; want: 'high' | 'low'; why: Cited }[];
}

export interface TurnLine {
  index: number;
  count: number;
  date: string;
  /** This game's own: true of this game. */
  title: Cited;
  summary: Cited;
  /** Where what history records for this date is not (or not yet) this game's: that history, shown marked as history. */
  history: { title: Cited; summary: Cited } | null;
}

export type Trend = 'up' | 'down' | 'steady' | 'unknown';

/** Whether a move is good or bad for the player's actor (by its goals), or neither. */
export type Tone = 'good' | 'bad' | 'neutral';

export interface CauseLine {
  text: string;
  /** shorter, for the advisers' notes: another actor's choice as its announcement, the player's own as "You: …" */
  brief: string;
  delta: number;
}

export interface IndicatorRow {
  id: string;
  label: string;
  meaning: Cited;
  min: number;
  max: number;
  /** null: this actor cannot know it */
  value: number | null;
  delta: number | null;
  trend: Trend;
  /** what moved it in the last resolved turn, as this actor can see */
  causes: CauseLine[];
  /** start, then the end of each turn; null when unknown */
  history: number[] | null;
  /** whether this actor wants it high or low, if it is one of its goals */
  want: 'high' | 'low' | null;
  /** the last move, good or bad for this actor by its goals; neutral without a goal or a move */
  tone: Tone;
}

/** An adviser's note on one goal that slipped: the indicator, and what moved it in words. */
export interface Counsel {
  indicator: string;
  text: string;
}

export interface NewsItem {
  kind: string;
  /** "News", "Statement", "Rumour", ... */
  kindLabel: string;
  headline: Cited;
  body: Cited | null;
  speaker: string | null;
  /** the speaker's actor id (the player's own announcements are ranked first at first sight) */
  actor: string | null;
  /** how far it moved the indicators this actor sees, in points up or down (what ranks it at first sight) */
  moved: number;
  /** misinformation, exposed to this actor since */
  exposed: boolean;
  counterfactual: boolean;
}

export interface OptionRow {
  id: string;
  /** the digit that picks it */
  key: number;
  label: string;
  description: Cited;
  /** the description cut to one short line, for the first sight of the decision */
  line: string;
  open: boolean;
  /** why it is closed, in words from the scenario (null when open) */
  closed: string | null;
}

/** Where an actor's strength lies on the map (from the scenario's actor places). */
export interface MapPlace {
  actor: string;
  label: string;
  /** emblem key, as in ActorCard */
  emblem: string;
  /** a place id from the scenario; the art knows where to draw it, or leaves it out */
  place: string;
  note: Cited;
}

export interface PerspectiveModel {
  kind: 'perspective';
  actors: ActorCard[];
  selected: string | null;
  indicatorLabels: Record<string, string>;
}

export interface BriefingModel {
  kind: 'briefing';
  actor: ActorCard;
  briefing: Cited | null;
  redLines: Cited[];
  turn: TurnLine;
  indicatorLabels: Record<string, string>;
}

export interface SituationModel {
  kind: 'situation';
  actor: ActorCard;
  turn: TurnLine;
  news: NewsItem[];
  /** earlier news, oldest first, for the journal */
  earlier: { turn: number; items: NewsItem[] }[];
  indicators: IndicatorRow[];
  /**
   * what the actor holds about each fact it has heard or seen something of: `status`, how far it credits it;
   * `heard`, every claim heard about it, side by side, with who made it and when
   */
  beliefs: { statement: Cited; status: string; heard: string[] }[];
  /** the advisers' notes: goals that slipped in the last turn, in words, the largest slip first */
  counsel: Counsel[];
  decision: { prompt: Cited; options: OptionRow[]; selected: string | null } | null;
  mood: Mood;
  places: MapPlace[];
  /**
   * Endings checked every turn that the indicators this actor sees are near: a true sentence each, nearest
   * first (empty when none is near). Optional so that models built elsewhere need not say so.
   */
  warnings?: EndingWarning[];
  /** Where actors acted in the last resolved turn (their announced choices and statements): for the map. */
  mapThisTurn?: MapActed[];
  /**
   * The proposals made to this actor that wait for its answer, oldest first, by name: the first sight says so
   * (reading.presenter.ts). Absent when none waits.
   */
  awaiting?: { n: number; from: string; agreement: string }[];
  /**
   * The solo player's talk panel: what it may read of what was said, and its forms; with why its last statement or
   * message was refused, in one sentence. Absent where the room has its own panel (a classroom seat) or none.
   */
  talk?: TalkModel;
  talkRefused?: string | null;
  /** The solo player's agreements: what it may propose, and what became of its proposals and those made to it. */
  deals?: DealsModel;
}

/** A warning that the game may end in one of the endings checked every turn. */
export interface EndingWarning {
  /** the indicators not yet at their thresholds */
  indicators: string[];
  /** the ending's title */
  ending: string;
  /** e.g. "Political process is 18; at 12 or below the game ends in “Chaos at Home”." */
  text: string;
}

/** A place of the map where actors acted in the last resolved turn. */
export interface MapActed {
  /** a place id from the scenario, as in MapPlace */
  place: string;
  /** the actors who acted there, by name, e.g. "Prime Minister, United States" */
  label: string;
  /** how many things they did or said there: the number on the marker */
  count: number;
  /** what the place is: the scenario's notes on it of the actors who acted there, joined by "; " */
  where: string;
}

export interface ResolutionModel {
  kind: 'resolution';
  actor: ActorCard;
  turn: TurnLine;
  choice: string | null;
  news: NewsItem[];
  changes: IndicatorRow[];
  ended: boolean;
  mood: Mood;
  /**
   * The words this screen may show at first sight: what the next situation room leaves of the decision's reading
   * (reading.presenter.ts sets it; without it, the share the situation room is allowed at most is assumed).
   */
  readingBudget?: number;
}

/**
 * A source document of the scenario, for the credits and the debrief, as a reader would look it up: its own
 * title, outlet, author and date, as it gives them.
 */
export interface SourceCredit {
  file: string;
  title: string;
  /** only where the document names them */
  outlet?: string | undefined;
  author?: string | undefined;
  url?: string | undefined;
  /** as the document gives it, or "undated; ..." with what places it in time */
  date: string;
  kind: string;
  perspective: string;
}

/** A glossary term or a person of the who's who, with where it comes from (a source file, or invented). */
export interface ReferenceEntry {
  name: string;
  text: string;
  cite: string;
}

export interface Reference {
  people: readonly ReferenceEntry[];
  glossary: readonly ReferenceEntry[];
}

/** One turn's date: what this player chose beside what the real actor did that day, per the sources. */
export interface HistoryRow {
  date: string;
  /** the turn's title as history tells it, e.g. "Friday 5 November: clashes at the Green Zone" */
  title: string;
  /** the option this player chose; null: no decision that turn, or the game had ended before it */
  yours: string | null;
  /** what "Your choice" shows: the option, "No decision (no option was open)" or "The game had ended" */
  yoursText: string;
  /** the reason the player or team gave with that choice, as it typed it (cleaned by the engine); absent: none */
  reason?: string;
  /** what the real actor did, cited; null: not reported in the sources */
  real: Cited | null;
  /** what the "real actor" column shows: the text, or "Not reported in the sources" */
  realText: string;
  /** true: the player took an option that stands for what the real actor did; false: another; null: no comparison */
  same: boolean | null;
  /** "As the real actor did", "Not what the real actor did", or "" */
  sameText: string;
  /** what the sources say of the day as a whole (on 7 November: who launched the drones is unknown) */
  context: Cited | null;
}

/** One indicator that decided the ending: its final value against the threshold of an outcome's condition. */
export interface DecidingLine {
  indicator: string;
  label: string;
  value: number;
  /** true of this game, e.g. "Political process stood at 10: this ending comes at 12 or below" */
  text: string;
}

/** A decision or event that moved a deciding indicator towards the ending, with its date. */
export interface ChainLine {
  date: string;
  /** what it was: "Your decision", "Event brought in by the facilitator", "Facilitator's override", ... */
  kind: string;
  text: string;
  /** its moves of the deciding indicators, in the direction that led to the ending, e.g. "State authority −6" */
  effects: string;
}

/** One of the player's own goals: did the indicator move the way the actor wanted over the game? */
export interface GoalLine {
  indicator: string;
  label: string;
  want: 'high' | 'low';
  /** "you wanted it high" */
  wantText: string;
  start: number | null;
  end: number | null;
  /** null: the actor could not see it */
  met: boolean | null;
  /** "Met: from 50 to 62" ... in words */
  text: string;
  why: Cited;
}

export interface ChartSeries {
  id: string;
  label: string;
  min: number;
  max: number;
  /** start, then the end of each turn; null when unknown */
  history: number[] | null;
  /** the deciding thresholds on this indicator, to draw as lines (e.g. "this ending: 12 or below") */
  thresholds: { value: number; text: string }[];
  /**
   * The historical path (the model): this indicator when the same scenario and seed are replayed with every seat
   * taking its historical option where one is open. Null when unknown to the player or not computed.
   */
  historical: number[] | null;
}

/** A key event of this game, drawn on the chart at the point its turn ended. */
export interface ChartMarker {
  /** index into the chart's points (0 is the start) */
  point: number;
  /** 1, 2, 3: the chart's marker and the list agree */
  number: number;
  date: string;
  headline: string;
}

export interface DebriefChart {
  /** one per point: "Start", then each turn's date in full (for the table and the screen reader) */
  dates: string[];
  /** the same, short, for the axis: "Start", "10 Oct", ... */
  axis: string[];
  series: ChartSeries[];
  markers: ChartMarker[];
  /** the indicator shown first: the first that decided the ending, else the first goal */
  selected: string;
  /** the dashed line's name on the chart */
  historicalLabel: string;
  /** what the dashed line is, in words (a model's result, not a measurement); "" when there is none */
  historicalNote: string;
}

export interface DebriefModel {
  kind: 'debrief';
  actor: ActorCard;
  /** `origin`: the source whose argued outlook the ending is, in words; null: the game's own ending. */
  /** `summary`, `debrief`: the parts of the ending's texts that hold in this game, as passages with their citations. */
  outcome: { title: Cited; summary: Cited[]; debrief: Cited[]; origin: string | null } | null;
  /** `summary`: what each other ending is, in the parts that take nothing about a game for granted. */
  otherOutlooks: { title: Cited; summary: Cited[]; origin: string | null }[];
  /** What the other endings are: a source's outlooks, the game's own, or both. */
  outlooksNote: string;
  /** why this ending: a lead sentence, the indicators that decided it, and what moved them there */
  why: { lead: string; deciding: DecidingLine[]; chain: ChainLine[] };
  goals: GoalLine[];
  chart: DebriefChart;
  indicators: IndicatorRow[];
  dates: string[];
  /** this game beside history, date by date */
  history: HistoryRow[];
  sources: SourceCredit[];
  /** Deals made and broken, with each answer's reason, and the statements whose claims were heard. */
  deals?: DealsDebrief;
}

export type ScreenModel = PerspectiveModel | BriefingModel | SituationModel | ResolutionModel | DebriefModel;

/**
 * The accessible mirror of the canvas: each scene hands it the model it draws, and the DOM layer
 * (src/ui) renders the same model as HTML. Declared here, where both read it, so that the scenes
 * need not import the DOM layer nor the DOM layer the scenes.
 */
/** The menu's actions: the menu dialog is the DOM layer's, what it does is the game flow's. */
export interface MenuActions {
  openSettings: () => void;
  /** present only during a game: the game is saved after every turn, so quitting loses nothing */
  quitToTitle?: (() => void) | undefined;
}

/**
 * What the page gives the game flow: the DOM layer's dialogs and its live region. main.ts wires them in, so
 * that the flow (src/game) does not import the DOM layer (src/ui), nor the DOM layer the flow.
 */
export interface PageServices {
  announce(text: string): void;
  openSettings(): void;
  openCredits(sources: readonly SourceCredit[] | null, reference: Reference | null): void;
  openMenu(actions: MenuActions): void;
}

export interface ScreenMirror {
  /**
   * The views of the screens after the title, loaded once (a lazy chunk): the game flow waits for them with the
   * session, before any of those screens is shown.
   */
  loadScreens(): Promise<void>;
  /** Shows the HTML of a screen; returns how to re-render it in place when its model changes. */
  showScreen<M extends ScreenModel>(model: M): (next: M) => void;
  showTitle(model: TitleModel): (next: TitleModel) => void;
  /** Shows the loading screen; returns how to report progress (0..1, and what is being done). */
  showLoading(): (fraction: number, what: string) => void;
  /** Marks the scene as drawn and interactive (tests and the bench wait for this). */
  markReady(scene: string): void;
}

/** A statement whose claim its audience heard: what moved beliefs, as the debrief tells it. */
export interface MovedLine {
  n: number;
  turn: number;
  /** "Turn 2 · Prime Minister, to the public" */
  head: string;
  /** What the statement asserted, as the scenario words the claim. */
  claim: string;
  text: string;
  /** How the player's actor took the claim when it heard it; null: it did not hear it (its own, or not yet heard). */
  took: string | null;
}

/** The debrief's "Deals made and broken": every proposal the seat saw, oldest first, and the statements that claimed. */
export interface DealsDebrief {
  lines: DealLine[];
  moved: MovedLine[];
}
