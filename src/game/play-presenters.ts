/**
 * The presenters of the game's screens after the title, for the game flow: a lazy chunk loaded with the session
 * (GameFlow.prepare), so that the title does not wait for them.
 */
export { citer } from '../present/cite.ts';
export { dealsModel } from '../present/deals.presenter.ts';
export { debriefModel } from '../present/debrief.presenter.ts';
export { Lookup } from '../present/lookup.ts';
export { briefingModel, perspectiveModel } from '../present/opening.presenter.ts';
export { resolutionFirstSight, withReadingBudget } from '../present/reading.presenter.ts';
export { refusalText } from '../present/refusal-text.ts';
export { talkModel } from '../present/talk.presenter.ts';
export { resolutionModel, situationModel } from '../present/turn.presenter.ts';
// The bounds of what the player writes: with the presenters, so that the title's chunk does not carry them (and with
// them a static import that would pull the game's own chunk, and Phaser, into the class page).
export { TALK_LIMITS } from '../session/talk-limits.ts';
