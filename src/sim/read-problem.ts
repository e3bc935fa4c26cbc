// Why a save or a record from outside cannot be used, as data (issue 20): a key and the place it names (a field's
// path, a command's number and turn, a scenario's id), beside the one English sentence the errors have always
// carried (the command line, the server's logs and replies read that). The screens say the problem in their own
// language from the data (src/present/read-problem.ts); the engine imports no words of the interface.
//
// The keys say whether the thing is a record or a save: a record read as part of a save is refused as the save
// (save.ts turns `record.*` into `save.*`), as the sentences always said.
import type { z } from 'zod';

export type ReadProblemKey =
  | 'record.not-record'
  | 'record.version'
  | 'record.damaged'
  | 'record.unknown-scenario'
  | 'record.scenario-changed'
  | 'record.command'
  | 'save.too-large'
  | 'save.not-json'
  | 'save.too-deep'
  | 'save.not-save'
  | 'save.checksum'
  | 'save.version'
  | 'save.damaged'
  | 'save.unknown-scenario'
  | 'save.scenario-changed'
  | 'save.command'
  | 'save.old-version'
  | 'save.key'
  | 'save.other-edition'
  | 'save.decisions-differ'
  | 'save.log-past'
  | 'save.unreadable';

/**
 * The problem and its place. Params by key: version: `version` (as the file has it, in JSON), `reads`; damaged:
 * `path` (the field, dotted; '' for the whole) and `detail` (the checker's English words); unknown-scenario and
 * scenario-changed: `scenario` (and `version`); command: `command` (1-based), `turn` (1-based), `detail` (the
 * engine's English refusal); key: `key`; other-edition: `scenario`, `version`; unreadable: `detail`.
 */
export interface ReadProblem {
  key: ReadProblemKey;
  params: Record<string, string | number>;
}

/** The problem's one English sentence: word for word what the errors have said since before issue 20. */
export function readProblemSentence({ key, params: p }: ReadProblem): string {
  const where = p.path ? `${p.path}: ${p.detail}` : `${p.detail}`;
  const what = key.startsWith('save.') ? 'save' : 'record';
  switch (key) {
    case 'record.not-record':
      return 'This is not a Crisis Table game record.';
    case 'record.version':
    case 'save.version':
      return `This ${what} is format version ${p.version}; this game reads version ${p.reads}.`;
    case 'record.damaged':
    case 'save.damaged':
      return `This ${what} is damaged: ${where}.`;
    case 'record.unknown-scenario':
    case 'save.unknown-scenario':
      return `This ${what} is of a scenario this game does not have (${p.scenario}).`;
    case 'record.scenario-changed':
    case 'save.scenario-changed':
      return `The scenario's content has changed since this ${what} was made (${p.scenario} ${p.version}).`;
    case 'record.command':
      return `Command ${p.command} (turn ${p.turn}) is refused: ${p.detail}`;
    case 'save.command':
      return `This save is damaged: command ${p.command} (turn ${p.turn}) is refused: ${p.detail}`;
    case 'save.too-large':
      return 'This is not a Crisis Table saved game: it is far too large.';
    case 'save.not-json':
      return 'This save is damaged: it is not valid JSON.';
    case 'save.too-deep':
      return 'This save is damaged: it is nested too deeply.';
    case 'save.not-save':
      return 'This is not a Crisis Table saved game.';
    case 'save.checksum':
      return 'This save is damaged: its checksum does not match.';
    case 'save.old-version':
      return `This save is format version ${p.version}, which this game cannot read.`;
    case 'save.key':
      return `This save is damaged: it holds a key named ${p.key}.`;
    case 'save.other-edition':
      return `This save was made with another edition of ${p.scenario} (${p.version}).`;
    case 'save.decisions-differ':
      return 'This save is damaged: its decisions do not lead to the game it holds.';
    case 'save.log-past':
      return 'This save is damaged: its log runs past the game it holds.';
    case 'save.unreadable':
      return `This save is damaged: ${p.detail}.`;
  }
}

/** A record's problem as a save's: the same place, said of the save. */
export function asSaveProblem(problem: ReadProblem): ReadProblem {
  if (!problem.key.startsWith('record.') || problem.key === 'record.not-record') return problem;
  return { key: `save.${problem.key.slice('record.'.length)}` as ReadProblemKey, params: problem.params };
}

/** Where a document fails its schema: the first issue's field (dotted) and the checker's words (commands.ts firstIssue). */
export function damagedAt(key: 'record.damaged' | 'save.damaged', error: z.ZodError): ReadProblem {
  const issue = error.issues[0];
  if (!issue) return { key, params: { path: '', detail: 'it is not a command' } };
  return { key, params: { path: issue.path.map(String).join('.'), detail: issue.message } };
}
