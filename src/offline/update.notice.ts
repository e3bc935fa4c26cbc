// "A new version is ready": a calm notice at the foot of the page, in HTML (a landmark of its own, so that every
// part of the page is in one), with a Reload button that the keyboard reaches like any other. It takes no focus and
// blocks nothing: the player finishes what they are doing and reloads when they choose. In the page's language (the
// page has loaded it before a new version can be offered).
import { t } from '../present/i18n/i18n.ts';
import './offline.css';

const NOTICE_ID = 'update-notice';

/** Shows the notice once (a second offer replaces the first's action); `accept` runs on the player's word. */
export function offerUpdate(accept: () => void): void {
  document.getElementById(NOTICE_ID)?.remove();
  const notice = document.createElement('section');
  notice.id = NOTICE_ID;
  notice.className = 'update-notice';
  notice.setAttribute('aria-label', t('offline.newVersion'));
  const text = document.createElement('p');
  text.setAttribute('role', 'status');
  text.textContent = t('offline.ready');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('offline.reload');
  button.addEventListener('click', () => {
    button.disabled = true;
    text.textContent = t('offline.loading');
    accept();
  });
  notice.append(text, button);
  document.body.append(notice);
}
