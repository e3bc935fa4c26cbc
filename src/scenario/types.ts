// The validated scenario, as the simulation sees it. Type-only: the simulation never loads zod or YAML.
import type { z } from 'zod';
import type * as S from './schema.ts';

export type { Condition, Effect } from './schema.ts';
export type Scenario = z.output<typeof S.Scenario>;
export type Text = z.output<typeof S.Text>;
export type Audience = z.output<typeof S.Audience>;
export type Indicator = z.output<typeof S.Indicator>;
export type Actor = z.output<typeof S.Actor>;
export type Goal = z.output<typeof S.Goal>;
export type Fact = z.output<typeof S.Fact>;
export type Turn = z.output<typeof S.Turn>;
export type Decision = z.output<typeof S.Decision>;
export type Option = z.output<typeof S.Option>;
export type ScenarioEvent = z.output<typeof S.Event>;
export type Outcome = z.output<typeof S.Outcome>;
export type EndingSentence = z.output<typeof S.EndingSentence>;
export type EndingPart = z.output<typeof S.EndingPart>;
export type EndingText = z.output<typeof S.EndingText>;
export type HistoryDay = z.output<typeof S.HistoryDay>;
export type HistoryEntry = z.output<typeof S.HistoryEntry>;
export type Agreement = z.output<typeof S.Agreement>;
export type RulingEffect = z.output<typeof S.RulingEffect>;
export type StatementClaim = z.output<typeof S.StatementClaim>;
