// The projector: only the public picture, readable from the back of a classroom. The code and link to join, the
// turn and date, the clock, the public news, the indicators the public may see, and which seats have decided —
// by seat, never the choice, and never a student's name.

import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { turnDate } from '../../present/cite.ts';
import type { ProjectorClientView } from '../../present/classroom-screens.ts';
import { formatNumber, isolate, t } from '../../present/i18n/i18n.ts';
import { wallNews, wallSeatName } from '../../present/projector.presenter.ts';
import { wallStatements } from '../../present/talk.presenter.ts';
import { wallDealsBlock } from './deals.part.ts';
import { memoQr } from './qr.ts';

// The wall is a grid that fills 1920×1080 (classroom.css, "The projector's wall"): the turn and the news on the
// left, the way to join and the seats on the right, the public indicators under the news. Which headlines fit, and
// how many more there are, is the presenter's (src/present/projector.presenter.ts).
export function projectorPage(view: ProjectorClientView, joinUrl: string, now: number): TemplateResult {
  const v = view.view;
  const news = wallNews(v);
  const ended = v.outcome !== null;
  const heading =
    v.status === 'setup'
      ? t('projector.startsSoon')
      : t('projector.turn', { turn: v.turn.index + 1, total: v.turn.count, date: isolate(turnDate(v.turn)) });
  return html`<main class="class-page class-projector" data-ended=${String(ended)}>
    <section class="projector-turn" aria-label=${t('projector.turnRegion')}>
      <div class="projector-turn-line">
        <h1>${heading}</h1>
        ${v.paused ? html`<p class="projector-paused">${t('projector.paused')}</p>` : nothing}
        ${
          view.deadlineAt !== null && !ended
            ? html`<p class="projector-clock" data-clock="">${clockText(view.deadlineAt, now)}</p>`
            : nothing
        }
      </div>
      ${v.outcome ? html`<p class="projector-outcome-lead">${t('projector.ended')}</p>` : nothing}
      ${
        v.outcome
          ? html`<p class="projector-outcome"><strong>${v.outcome.title.text}</strong></p>`
          : v.status !== 'setup'
            ? html`<p class="projector-title">${v.turn.title.text}</p>`
            : nothing
      }
    </section>
    <section class="projector-news" aria-labelledby="projector-news-h">
      <h2 class="visually-hidden" id="projector-news-h">${t('projector.news')}</h2>
      ${
        news.none
          ? html`<p>${t('projector.noNews')}</p>`
          : html`<ul>${news.shown.map(
              (n) =>
                html`<li><span>${n.text}</span>${
                  n.counterfactual
                    ? html`<span class="badge">${t('projector.counterfactual')}</span>`
                    : nothing
                }</li>`,
            )}</ul>`
      }
      ${news.moreText ? html`<p class="projector-more" data-more=${String(news.more)}>${news.moreText}</p>` : nothing}
      ${statementsBlock(view)}
      ${wallDealsBlock(view.deals)}
    </section>
    <div class="projector-side">
      <section class="projector-join-box" aria-label=${t('projector.joinRegion')}>
        <p class="projector-join">${t('projector.joinAt')} <span class="projector-url" dir="ltr">${urlParts(joinUrl.replace(/^https?:\/\//, ''))}</span></p>
        <p class="projector-code" dir="ltr" aria-label=${t('projector.codeLabel', { letters: view.code.split('').join(' ') })}>${view.code}</p>
        <div class="projector-qr">${memoQr(joinUrl, t('projector.qr', { code: isolate(view.code) }))}</div>
      </section>
      <section class="projector-seats" aria-label=${t('projector.seatsRegion')}>
        ${ended ? nothing : html`<p class="projector-seats-key" aria-hidden="true">${t('projector.seatsKey')}</p>`}
        <ul>${repeat(
          view.seats,
          (s) => s.actor,
          (s) => html`<li class=${`projector-seat projector-seat--${s.status}`} data-seat=${s.actor}>
            <span class="projector-seat-mark" aria-hidden="true">${seatMark(s.status)}</span>
            <span>${wallSeatName(s.label)}</span>
            <span class="visually-hidden">${seatWord(s.status)}</span>
          </li>`,
        )}</ul>
      </section>
    </div>
    <section class="projector-indicators" aria-label=${t('projector.indicators')}>
      ${v.indicators
        .filter((i) => i.value !== null)
        .map(
          (i) => html`<div class="projector-indicator">
            <span class="projector-indicator-label">${i.label.text}</span>
            <meter min=${i.min} max=${i.max} value=${i.value ?? 0} aria-label=${i.label.text}></meter>
            <span class="projector-value">${formatNumber(i.value ?? 0)}</span>
          </div>`,
        )}
    </section>
  </main>`;
}

/**
 * The newest approved public statements, by seat (the public view holds no other: never a message, never one
 * waiting or hidden). Nothing at all while there is none, so the news keeps the wall.
 */
function statementsBlock(view: ProjectorClientView): TemplateResult | typeof nothing {
  const labels = new Map(view.seats.map((s) => [s.actor, wallSeatName(s.label)]));
  const lines = wallStatements(view.view.said, (actor) => labels.get(actor) ?? actor);
  if (lines.length === 0) return nothing;
  return html`<div class="projector-statements" data-projector-statements="">
    <h2>${t('projector.statements')}</h2>
    <ul>${repeat(
      lines,
      (l) => l.n,
      (l) =>
        html`<li data-said=${String(l.n)}><strong>${l.fromLabel}</strong>: <span dir="auto">${l.text}</span></li>`,
    )}</ul>
  </div>`;
}

/** The address, breakable only before its path: "127.0.0.1:5200" above "/join/CODE". */
function urlParts(address: string): TemplateResult {
  const slash = address.indexOf('/');
  if (slash < 0) return html`${address}`;
  return html`<span class="projector-url-part">${address.slice(0, slash)}</span><wbr><span class="projector-url-part">${address.slice(slash)}</span>`;
}

function seatMark(status: string): string {
  return status === 'submitted' ? '✓' : status === 'deciding' ? '…' : '·';
}

function seatWord(status: string): string {
  return status === 'submitted'
    ? t('projector.decided')
    : status === 'deciding'
      ? t('projector.deciding')
      : '';
}

export function clockText(deadlineAt: number, now: number): string {
  const left = Math.max(0, Math.round((deadlineAt - now) / 1000));
  const time = `${formatNumber(Math.floor(left / 60))}:${formatNumber(left % 60, { digits: 2 })}`;
  return t('clock.left', { time: isolate(time) });
}
