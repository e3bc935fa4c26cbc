// A record handed to a replay page in a new tab. A tab opened from this one starts with a copy of its session
// storage, so the record goes with that tab and nowhere else: it is removed here as soon as the tab has it.

/** The session-storage key the replay page reads once (classroom-app.ts showReplay) and then removes. */
export const REPLAY_HANDOVER = 'crisis-table.replay';

/**
 * Opens the replay of a record in a new tab; where the browser keeps tabs from opening (a blocked pop-up), the
 * replay opens in this tab instead, and Back returns here.
 */
export function openReplay(json: string): void {
  try {
    sessionStorage.setItem(REPLAY_HANDOVER, json);
  } catch {
    // Storage refused: the replay page then offers to open a file, which "Save the record" gives.
  }
  const tab = window.open('/class.html?replay', '_blank');
  if (tab) {
    try {
      sessionStorage.removeItem(REPLAY_HANDOVER);
    } catch {
      // Nothing was kept.
    }
    return;
  }
  location.assign('/class.html?replay');
}
