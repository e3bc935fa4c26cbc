// Why a save or a record cannot be used, in the viewer's language (issue 20): one line by key, naming the place the
// engine's data names (src/sim/read-problem.ts): the field, the command and its turn, the scenario. Words the engine
// or the schema checker wrote in English (a command's refusal, a field's fault) are kept, marked as theirs.
import type { ReadProblem } from '../sim/read-problem.ts';
import { t } from './i18n/i18n.ts';

/** The problem in one line. Each key is written out at its call: the i18n check finds keys by their literal text. */
export function readProblemText({ key, params: p }: ReadProblem): string {
  switch (key) {
    case 'record.not-record':
      return t('readProblem.record.notRecord');
    case 'record.version':
      return t('readProblem.record.version', { version: p.version ?? '', reads: p.reads ?? '' });
    case 'record.damaged':
      return p.path
        ? t('readProblem.record.damaged', { path: p.path, detail: p.detail ?? '' })
        : t('readProblem.record.damagedWhole', { detail: p.detail ?? '' });
    case 'record.unknown-scenario':
      return t('readProblem.record.unknownScenario', { scenario: p.scenario ?? '' });
    case 'record.scenario-changed':
      return t('readProblem.record.scenarioChanged', {
        scenario: p.scenario ?? '',
        version: p.version ?? '',
      });
    case 'record.command':
      return t('readProblem.record.command', {
        command: p.command ?? '',
        turn: p.turn ?? '',
        detail: p.detail ?? '',
      });
    case 'save.too-large':
      return t('readProblem.save.tooLarge');
    case 'save.not-json':
      return t('readProblem.save.notJson');
    case 'save.too-deep':
      return t('readProblem.save.tooDeep');
    case 'save.not-save':
      return t('readProblem.save.notSave');
    case 'save.checksum':
      return t('readProblem.save.checksum');
    case 'save.version':
      return t('readProblem.save.version', { version: p.version ?? '', reads: p.reads ?? '' });
    case 'save.damaged':
      return p.path
        ? t('readProblem.save.damaged', { path: p.path, detail: p.detail ?? '' })
        : t('readProblem.save.damagedWhole', { detail: p.detail ?? '' });
    case 'save.unknown-scenario':
      return t('readProblem.save.unknownScenario', { scenario: p.scenario ?? '' });
    case 'save.scenario-changed':
      return t('readProblem.save.scenarioChanged', { scenario: p.scenario ?? '', version: p.version ?? '' });
    case 'save.command':
      return t('readProblem.save.command', {
        command: p.command ?? '',
        turn: p.turn ?? '',
        detail: p.detail ?? '',
      });
    case 'save.old-version':
      return t('readProblem.save.oldVersion', { version: p.version ?? '' });
    case 'save.key':
      return t('readProblem.save.key', { key: p.key ?? '' });
    case 'save.other-edition':
      return t('readProblem.save.otherEdition', { scenario: p.scenario ?? '', version: p.version ?? '' });
    case 'save.decisions-differ':
      return t('readProblem.save.decisionsDiffer');
    case 'save.log-past':
      return t('readProblem.save.logPast');
    case 'save.unreadable':
      return t('readProblem.save.unreadable', { detail: p.detail ?? '' });
  }
}

/** Why a solo game cannot go on, as the session says it (src/session/solo-rules.ts SoloRefusal). */
export type SoloRefusalSeen =
  | { kind: 'no-save' }
  | { kind: 'no-seat' }
  | { kind: 'unreadable' }
  | { kind: 'save'; problem: ReadProblem };

/** The title's notice for a solo save that cannot go on, in the viewer's language; what to do next included. */
export function soloRefusalText(refusal: SoloRefusalSeen): string {
  switch (refusal.kind) {
    case 'no-save':
      return t('readProblem.solo.noSave');
    case 'no-seat':
      return t('readProblem.solo.noSeat');
    case 'unreadable':
      return t('readProblem.solo.unreadable');
    case 'save':
      return t('readProblem.solo.startNew', { problem: readProblemText(refusal.problem) });
  }
}
