/** The menu (Esc): resume, settings, the keys, and quitting to the title during a game. */
import { t } from '../../present/i18n/i18n.ts';
import type { MenuActions } from '../../present/screens.ts';
import { h } from '../dom.ts';
import { openModal } from './modal-dialog.ts';

/** The keys and what they do; a function, so that each string is read in the language of the moment. */
const keys = (): readonly [string, string][] => [
  [t('menu.key.digits'), t('menu.key.digitsDoes')],
  ['Enter', t('menu.key.enterDoes')],
  ['Tab', t('menu.key.tabDoes')],
  ['Esc', t('menu.key.escDoes')],
];

export function openMenuDialog(actions: MenuActions): HTMLDialogElement {
  const dialog = openModal({ id: 'menu-dialog', title: t('menu.title'), body: [] });
  const body = dialog.querySelector('.dialog__body');
  const item = (text: string, act: () => void) =>
    h('li', {}, h('button', { class: 'button', attrs: { type: 'button' }, text, on: { click: act } }));
  body?.append(
    h(
      'ul',
      { class: 'menu-list' },
      item(t('menu.resume'), () => dialog.close()),
      item(t('menu.settings'), () => {
        dialog.close();
        actions.openSettings();
      }),
      actions.quitToTitle &&
        item(t('menu.quit'), () => {
          dialog.close();
          actions.quitToTitle?.();
        }),
    ),
    h('h3', { text: t('menu.keys') }),
    h(
      'dl',
      { class: 'keys' },
      ...keys().flatMap(([key, what]) => [h('dt', {}, h('kbd', { text: key })), h('dd', { text: what })]),
    ),
  );
  dialog.querySelector<HTMLButtonElement>('.menu-list button')?.focus();
  return dialog;
}
