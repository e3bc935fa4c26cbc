/**
 * Settings: volume, music/effects balance, mute, captions, text size, motion, language. Applied as they change; a
 * new language is remembered and then applied by `onLanguage` (the solo game reloads the page in it).
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import {
  formatNumber,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  language,
  t,
} from '../../present/i18n/i18n.ts';
import { type MotionSetting, type Settings, type SettingsStore, TEXT_SCALES } from '../settings-store.ts';
import { openModal, renderBody } from './modal-dialog.ts';

/** A slider of a share (0–1) in steps of 5 %, its value said as a percentage beside it and to assistive technology. */
function slider(
  store: SettingsStore,
  key: 'volume' | 'music' | 'effects',
  label: string,
  redraw: () => void,
): TemplateResult {
  const id = `setting-${key}`;
  const value = Math.round(store.value[key] * 100);
  const onInput = (event: Event) => {
    store.update({ [key]: Number((event.target as HTMLInputElement).value) / 100 } as Partial<Settings>);
    redraw();
  };
  return html`<div class="field field--range"><label for=${id}>${label}</label><input id=${id} type="range" min="0"
    max="100" step="5" .value=${String(value)} aria-valuetext=${t('settings.percent', { value })}
    @input=${onInput}><output for=${id}>${formatNumber(value / 100, { percent: true })}</output></div>`;
}

function checkbox(store: SettingsStore, key: 'muted' | 'captions', label: string): TemplateResult {
  const id = `setting-${key}`;
  const onChange = (event: Event) =>
    store.update({ [key]: (event.target as HTMLInputElement).checked } as Partial<Settings>);
  return html`<div class="field field--check"><input id=${id} type="checkbox" .checked=${store.value[key]}
    @change=${onChange}><label for=${id}>${label}</label></div>`;
}

function select<T extends string | number>(
  id: string,
  label: string,
  options: readonly { value: T; text: string; lang?: string }[],
  current: T,
  onChange: (value: T) => void,
): TemplateResult {
  const changed = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    const picked = options.find((o) => String(o.value) === value);
    if (picked) onChange(picked.value);
  };
  return html`<div class="field"><label for=${id}>${label}</label><select id=${id} @change=${changed}>${options.map(
    (o) =>
      html`<option value=${String(o.value)} ?selected=${o.value === current} lang=${o.lang ?? nothing}>${o.text}</option>`,
  )}</select></div>`;
}

/** Reloads the page in the new language: the solo game's screens are drawn again from the start in it. */
const reload = () => location.reload();

export function openSettingsDialog(
  store: SettingsStore,
  onLanguage: (chosen: Language) => void = reload,
): HTMLDialogElement {
  const motions: { value: MotionSetting; text: string }[] = [
    { value: 'system', text: t('settings.motionSystem') },
    { value: 'reduced', text: t('settings.motionReduced') },
    { value: 'full', text: t('settings.motionFull') },
  ];
  // Each language under its own name, which is the same in every language.
  const languages = LANGUAGES.map((l) => ({ value: l, text: LANGUAGE_NAMES[l], lang: l }));
  const body = (): TemplateResult =>
    html`<fieldset class="fieldset"><legend>${t('settings.sound')}</legend>${slider(
      store,
      'volume',
      t('settings.volume'),
      redraw,
    )}${slider(store, 'music', t('settings.music'), redraw)}${slider(store, 'effects', t('settings.effects'), redraw)}${checkbox(
      store,
      'muted',
      t('settings.mute'),
    )}${checkbox(store, 'captions', t('settings.captions'))}</fieldset><fieldset class="fieldset"><legend>${t(
      'settings.display',
    )}</legend>${select(
      'setting-text-scale',
      t('settings.textSize'),
      TEXT_SCALES.map((s) => ({ value: s as number, text: formatNumber(s, { percent: true }) })),
      store.value.textScale,
      (textScale) => store.update({ textScale }),
    )}${select('setting-motion', t('settings.motion'), motions, store.value.motion, (motion) =>
      store.update({ motion }),
    )}${select('setting-language', t('settings.language'), languages, language(), (chosen) => {
      store.update({ language: chosen });
      // Stored before the page reloads in it, or the reload could read the old language.
      void store.saved().then(() => onLanguage(chosen));
    })}</fieldset><p class="hint">${t('settings.saved')}</p>`;
  // A slider's percentage follows it as it moves: the contents drawn again from the settings, patched in place.
  const redraw = () => renderBody(dialog, body());
  const dialog = openModal({ id: 'settings-dialog', title: t('settings.title'), body: body() });
  return dialog;
}
