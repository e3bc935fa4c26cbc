// What the classroom page says when the network is gone: a room lives on the classroom server, so joining or running
// one needs it and the network, while the games on this device (pass-and-play, the replay, the teacher's pack) come
// from the build the service worker keeps. The start page ("join or run a room") is meant to hold this note beside
// its forms; until it does, src/classroom.ts puts it at the top of the page.
import { t } from '../../present/i18n/i18n.ts';
import { h } from '../dom.ts';
import './offline-room.css';

/**
 * The note, shown while the browser is offline and hidden while it is online; it follows the browser's online and
 * offline events for as long as it is in the page.
 */
export function offlineRoomNote(): HTMLElement {
  const text = h('p', { class: 'notice', attrs: { role: 'status' } });
  // A landmark of its own (axe: region), named for what it says.
  const note = h('section', { class: 'offline-room', attrs: { 'aria-label': t('offline.region') } }, text);
  const update = () => {
    const offline = navigator.onLine === false;
    note.hidden = !offline;
    // Written when it appears, so that a screen reader hears it then (a status is read when it changes).
    text.textContent = offline ? t('offline.roomNeedsServer') : '';
  };
  update();
  addEventListener('online', update);
  addEventListener('offline', update);
  return note;
}
