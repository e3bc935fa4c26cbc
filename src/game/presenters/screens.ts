/**
 * The screen models: what one scene shows, ready to render. The canvas scene and its DOM mirror are
 * both drawn from the same model, so they cannot disagree. Presenters build them from the
 * simulation's views; nothing here decides anything about the game.
 */
import type { Mood } from '../../audio/cues.ts';
import type { SourceCredit } from '../../ui/dialogs/credits.dialog.ts';
import type { Cited } from './cite.ts';

export interface ActorCard {
  id: string;
  name: Cited;
  role: Cited;
  /** emblem key for src/game/art/emblems.ts */
  emblem: string;
  goals: { indicator: string; want: 'high' | 'low'; why: Cited }[];
}

export interface TurnLine {
  index: number;
  count: number;
  date: string;
  title: Cited;
  summary: Cited;
}

export type Trend = 'up' | 'down' | 'steady' | 'unknown';

export interface CauseLine {
  text: string;
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
}

export interface NewsItem {
  kind: string;
  /** "News", "Statement", "Rumour", ... */
  kindLabel: string;
  headline: Cited;
  body: Cited | null;
  speaker: string | null;
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
  open: boolean;
}

export interface MapPlace {
  actor: string;
  label: string;
  where: 'green-zone' | 'green-zone-gate' | 'baghdad' | 'erbil' | 'east-border' | 'south';
  note: string;
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
  beliefs: { statement: Cited; status: string }[];
  /** the advisers' notes: goals that slipped in the last turn, in words */
  counsel: string[];
  decision: { prompt: Cited; options: OptionRow[]; selected: string | null } | null;
  mood: Mood;
  places: MapPlace[];
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
}

export interface PathStepRow {
  date: string;
  title: string;
  yours: string | null;
  historical: boolean;
}

export interface DebriefModel {
  kind: 'debrief';
  actor: ActorCard;
  outcome: { title: Cited; summary: Cited; debrief: Cited } | null;
  otherOutlooks: { title: Cited; summary: Cited }[];
  why: { text: string; effects: string }[];
  indicators: IndicatorRow[];
  dates: string[];
  path: PathStepRow[];
  historicalOptions: { label: string; description: Cited }[];
  sources: SourceCredit[];
}

export type ScreenModel = PerspectiveModel | BriefingModel | SituationModel | ResolutionModel | DebriefModel;
