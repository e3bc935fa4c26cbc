// The projector: only the public picture, readable from the back of a classroom. The code and link to join, the
// turn and date, the clock, the public news, the indicators the public may see, and which seats have decided —
// by seat, never the choice, and never a student's name.

import { turnDate } from '../../present/cite.ts';
import type { ProjectorClientView } from '../../present/classroom-screens.ts';
import { wallNews, wallSeatName } from '../../present/projector.presenter.ts';
import { h } from '../dom.ts';
import { qrSvg } from './qr.ts';

// The wall is a grid that fills 1920×1080 (classroom.css, "The projector's wall"): the turn and the news on the
// left, the way to join and the seats on the right, the public indicators under the news. Which headlines fit, and
// how many more there are, is the presenter's (src/present/projector.presenter.ts).
export function projectorPage(view: ProjectorClientView, joinUrl: string, now: number): HTMLElement {
  const v = view.view;
  const news = wallNews(v);
  const ended = v.outcome !== null;
  return h(
    'main',
    { class: 'class-page class-projector', dataset: { ended: String(ended) } },
    h(
      'section',
      { class: 'projector-turn', attrs: { 'aria-label': 'The turn' } },
      h(
        'div',
        { class: 'projector-turn-line' },
        h('h1', {
          text:
            v.status === 'setup'
              ? 'The game starts soon'
              : `Turn ${v.turn.index + 1} of ${v.turn.count} · ${turnDate(v.turn)}`,
        }),
        v.paused && h('p', { class: 'projector-paused', text: 'Paused' }),
        view.deadlineAt !== null &&
          !ended &&
          h('p', {
            class: 'projector-clock',
            attrs: { 'data-clock': '' },
            text: clockText(view.deadlineAt, now),
          }),
      ),
      v.outcome && h('p', { class: 'projector-outcome-lead', text: 'The game has ended:' }),
      v.outcome
        ? h('p', { class: 'projector-outcome' }, h('strong', { text: v.outcome.title.text }))
        : v.status !== 'setup' && h('p', { class: 'projector-title', text: v.turn.title.text }),
    ),
    h(
      'section',
      { class: 'projector-news', attrs: { 'aria-labelledby': 'projector-news-h' } },
      h('h2', { class: 'visually-hidden', attrs: { id: 'projector-news-h' }, text: 'News' }),
      news.none
        ? h('p', { text: 'No news yet.' })
        : h(
            'ul',
            {},
            ...news.shown.map((n) =>
              h(
                'li',
                {},
                h('span', { text: n.text }),
                n.counterfactual && h('span', { class: 'badge', text: ' (did not happen in history)' }),
              ),
            ),
          ),
      news.moreText &&
        h('p', { class: 'projector-more', dataset: { more: String(news.more) }, text: news.moreText }),
    ),
    h(
      'div',
      { class: 'projector-side' },
      h(
        'section',
        { class: 'projector-join-box', attrs: { 'aria-label': 'Join the game' } },
        h(
          'p',
          { class: 'projector-join' },
          'Join at ',
          h('span', { class: 'projector-url' }, ...urlParts(joinUrl.replace(/^https?:\/\//, ''))),
        ),
        h('p', {
          class: 'projector-code',
          attrs: { 'aria-label': `Code ${view.code.split('').join(' ')}` },
          text: view.code,
        }),
        h('div', { class: 'projector-qr' }, qrSvg(joinUrl, `QR code to join room ${view.code}`)),
      ),
      h(
        'section',
        { class: 'projector-seats', attrs: { 'aria-label': 'Who has decided' } },
        !ended &&
          h('p', {
            class: 'projector-seats-key',
            attrs: { 'aria-hidden': 'true' },
            text: '✓ decided · … deciding',
          }),
        h(
          'ul',
          {},
          ...view.seats.map((s) =>
            h(
              'li',
              { class: `projector-seat projector-seat--${s.status}`, dataset: { seat: s.actor } },
              h('span', {
                class: 'projector-seat-mark',
                attrs: { 'aria-hidden': 'true' },
                text: seatMark(s.status),
              }),
              h('span', { text: wallSeatName(s.label) }),
              h('span', { class: 'visually-hidden', text: seatWord(s.status) }),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'projector-indicators', attrs: { 'aria-label': 'Public indicators' } },
      ...v.indicators
        .filter((i) => i.value !== null)
        .map((i) =>
          h(
            'div',
            { class: 'projector-indicator' },
            h('span', { class: 'projector-indicator-label', text: i.label.text }),
            h('meter', {
              attrs: { min: i.min, max: i.max, value: i.value ?? 0, 'aria-label': i.label.text },
            }),
            h('span', { class: 'projector-value', text: String(i.value) }),
          ),
        ),
    ),
  );
}

/** The address, breakable only before its path: "127.0.0.1:5200" above "/join/CODE". */
function urlParts(address: string): (string | HTMLElement)[] {
  const slash = address.indexOf('/');
  if (slash < 0) return [address];
  return [
    h('span', { class: 'projector-url-part', text: address.slice(0, slash) }),
    h('wbr', {}),
    h('span', { class: 'projector-url-part', text: address.slice(slash) }),
  ];
}

function seatMark(status: string): string {
  return status === 'submitted' ? '✓' : status === 'deciding' ? '…' : '·';
}

function seatWord(status: string): string {
  return status === 'submitted' ? ': decided' : status === 'deciding' ? ': deciding' : '';
}

export function clockText(deadlineAt: number, now: number): string {
  const left = Math.max(0, Math.round((deadlineAt - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
}
