// What the classroom page needs only for a game on this device (pass-and-play, a replay, the comparison of groups):
// the rules, the session machine and XState. Imported on demand, so a phone joining a room does not download them.
export { compareHtml } from '../../present/compare-html.ts';
export { compilePass } from '../../session/pass-and-play-rules.ts';
export { compareRecords } from '../../session/replay-rules.ts';
export { PassAndPlay } from './pass.page.ts';
export { REPLAY_HANDOVER, ReplayViewer } from './replay.page.ts';
