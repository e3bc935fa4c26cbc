/**
 * Entry point of the classroom page (class.html, served at /class and /join/CODE by `npm run serve`): a student's
 * seat, the facilitator's console or the projector, all rendered from what the classroom server sends.
 */
import './ui/styles.css';
import './ui/classroom/classroom.css';
import { BUNDLED_SCENARIOS, bundledById } from './game/session/scenario-registry.ts';
import { registerOffline } from './offline/register-offline.ts';
import { t } from './present/i18n/i18n.ts';
import { ClassroomApp } from './ui/classroom/classroom-app.ts';
import { offlineRoomNote } from './ui/classroom/offline-room.part.ts';
import { requireElement } from './ui/dom-layer.ts';
import { startLanguage } from './ui/i18n/language.ts';
import { SettingsStore } from './ui/settings-store.ts';
import { applyPalette } from './ui/theme.ts';

applyPalette();
// The device's language (its strings are a chunk of their own) before the first page is drawn in it.
const chosenLanguage = await startLanguage(new SettingsStore());
// The scenario is loaded only for a game on this device: a classroom device gets its screens from the server.
// It is the link's (?scenario=id, as on the solo page) or else the first the game bundles.
const loadScenario = async () => {
  const wanted = new URLSearchParams(location.search).get('scenario');
  const entry = wanted === null ? BUNDLED_SCENARIOS[0] : bundledById(BUNDLED_SCENARIOS, wanted);
  if (!entry) return t('title.scenarioNotIncluded', { id: wanted ?? '' });
  // In the device's language: pass-and-play, the replay and the teacher's pack read their own words.
  const loaded = await entry.load(chosenLanguage);
  if (loaded.ok) return loaded.scenario;
  console.warn(loaded.problem);
  return t('title.scenarioNotLoaded', { title: entry.title });
};
void new ClassroomApp(requireElement('classroom'), loadScenario).start();
// Play without a network (src/offline/); offline, a room needs the server, which the note says until the start page holds it.
registerOffline();
requireElement('classroom').before(offlineRoomNote());
