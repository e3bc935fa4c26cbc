/**
 * Entry point of the classroom page (class.html, served at /class and /join/CODE by `npm run serve`): a student's
 * seat, the facilitator's console or the projector, all rendered from what the classroom server sends.
 */
import './ui/styles.css';
import './ui/classroom/classroom.css';
import { registerOffline } from './offline/register-offline.ts';
import { ClassroomApp } from './ui/classroom/classroom-app.ts';
import { offlineRoomNote } from './ui/classroom/offline-room.part.ts';
import { requireElement } from './ui/dom-layer.ts';
import { applyPalette } from './ui/theme.ts';

applyPalette();
// The scenario is loaded only for a game on this device: a classroom device gets its screens from the server.
const loadScenario = async () => {
  const { loadBundledScenario } = await import('./game/session/session-module.ts');
  const loaded = loadBundledScenario();
  return loaded.ok ? loaded.scenario : `The scenario cannot be loaded: ${loaded.problem}`;
};
void new ClassroomApp(requireElement('classroom'), loadScenario).start();
// Play without a network (src/offline/); offline, a room needs the server, which the note says until the start page holds it.
registerOffline();
requireElement('classroom').before(offlineRoomNote());
