/** The menu (Esc): resume, settings, the keys, and quitting to the title during a game. */
import { html, nothing } from 'lit-html';
import { t } from '../../present/i18n/i18n.ts';
import type { MenuActions } from '../../present/screens.ts';
import { openModal } from './modal-dialog.ts';

/** The keys and what they do; a function, so that each string is read in the language of the moment. */
const keys = (): readonly [string, string][] => [
  [t('menu.key.digits'), t('menu.key.digitsDoes')],
  ['Enter', t('menu.key.enterDoes')],
  ['Tab', t('menu.key.tabDoes')],
  ['Esc', t('menu.key.escDoes')],
];

export function openMenuDialog(actions: MenuActions): HTMLDialogElement {
  const item = (text: string, act: () => void) =>
    html`<li><button class="button" type="button" @click=${act}>${text}</button></li>`;
  const dialog: HTMLDialogElement = openModal({
    id: 'menu-dialog',
    title: t('menu.title'),
    body: html`<ul class="menu-list">${item(t('menu.resume'), () => dialog.close())}${item(
      t('menu.settings'),
      () => {
        dialog.close();
        actions.openSettings();
      },
    )}${
      actions.quitToTitle
        ? item(t('menu.quit'), () => {
            dialog.close();
            actions.quitToTitle?.();
          })
        : nothing
    }</ul><h3>${t('menu.keys')}</h3><dl class="keys">${keys().map(
      ([key, what]) => html`<dt><kbd>${key}</kbd></dt><dd>${what}</dd>`,
    )}</dl>`,
  });
  dialog.querySelector<HTMLButtonElement>('.menu-list button')?.focus();
  return dialog;
}
