// Time-travel replay in the browser: a record imported from a file, stepped by keyboard to turn 3, watched as a
// seat (its screen as it stood, nothing to press), as the public, and to where the game ended.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { saveJson } from '../../src/sim/save.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame, playTurns } from '../helpers/play.ts';
import { SHOTS } from './support/game-page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A finished game (seed 8, the pm's seat played), opened in the replay page from a file. */
async function openReplay(): Promise<{ page: Page; game: LiveGame; errors: string[] }> {
  const c = await bundledScenario();
  const game = playTurns(new LiveGame(c, 8).start(['pm']), [0, 2, 1]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}/class.html?replay`);
  await page.locator('#replay-file').setInputFiles({
    name: 'game.json',
    mimeType: 'application/json',
    buffer: Buffer.from(saveJson(game.record)),
  });
  return { page, game, errors };
}

describe('time-travel replay', () => {
  it('steps an imported record to turn 3 and shows it as a seat, as the public, and at its end', async () => {
    const { page, game, errors } = await openReplay();
    const c = game.c;
    expect(game.ended).toBe(true);
    const where = page.locator('[data-replay-where]');
    await expect.poll(() => where.textContent()).toBe('Turn 1 of 10: 10 October 2021');
    await page.locator('body').press('ArrowRight');
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => where.textContent()).toMatch(/^Turn 3 of 10: /);

    await page.locator('#replay-as').selectOption('pm');
    // The seat's own screen at turn 3, with the option it chose then marked, and nothing to press.
    expect(await page.locator('main h1').nth(1).textContent()).toMatch(/^Turn 3 of 10/);
    const chosen = game.state.world.log.find((d) => d.turn === 2 && d.actor === 'pm')!.option;
    expect(await page.locator(`[data-option="${chosen}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-option]:not([disabled])').count()).toBe(0);
    expect(await page.locator('[data-intent="confirm-decision"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'replay-turn-3-pm.png') });

    await page.locator('#replay-as').selectOption('public');
    expect(await page.getByRole('heading', { name: 'Public news' }).count()).toBe(1);
    await page.locator('#replay-step').fill(String(game.state.world.turn + 1));
    // The last step names the ending the record reached.
    const ending = c.scenario.outcomes.find((o) => o.id === game.state.world.outcome?.id)!.title.text;
    await expect.poll(() => where.textContent()).toBe(`Where the game ended: ${ending}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the focus on Later, Earlier and the slider while the keyboard steps the replay', async () => {
    const { page, errors } = await openReplay();
    const where = page.locator('[data-replay-where]');
    await expect.poll(() => where.textContent()).toBe('Turn 1 of 10: 10 October 2021');
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement;
        return e
          ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}[${e.getAttribute('data-replay') ?? ''}]`
          : '';
      });
    // Later, pressed three times from the keyboard: the page is drawn again each time, the button stays focused.
    await page.locator('[data-replay="next"]').focus();
    for (const turn of [2, 3, 4]) {
      await page.keyboard.press('Enter');
      await expect.poll(() => where.textContent()).toMatch(new RegExp(`^Turn ${turn} of 10: `));
      expect(await focused()).toBe('button[next]');
    }
    // Earlier, with the space bar.
    await page.locator('[data-replay="prev"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => where.textContent()).toMatch(/^Turn 3 of 10: /);
    expect(await focused()).toBe('button[prev]');
    // The slider steps with its own arrow keys, and keeps the focus too.
    await page.locator('#replay-step').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => where.textContent()).toMatch(/^Turn 4 of 10: /);
    expect(await focused()).toBe('input#replay-step[]');
    expect(await page.locator('#replay-step').inputValue()).toBe('3');
    // An open "What if?" with a ticked seat stays open and ticked while the replay steps on.
    await page.locator('[data-whatif] summary').click();
    await page.locator('[data-whatif-seat="pm"]').check();
    await page.locator('[data-replay="next"]').click();
    await expect.poll(() => where.textContent()).toMatch(/^Turn 5 of 10: /);
    expect(await page.locator('[data-whatif]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('[data-whatif-seat="pm"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('forks at turn 4, plays on to an ending, and sets the new game beside the original', async () => {
    const { page, errors } = await openReplay();
    await page.locator('#replay-step').fill('3');
    await expect.poll(() => page.locator('[data-replay-where]').textContent()).toMatch(/^Turn 4 of 10/);
    await page.locator('[data-whatif] summary').click();
    await page.locator('[data-whatif-seat="pm"]').check();
    await page.locator('[data-whatif-start]').click();
    // One player from turn 4: hand-over, the pm's screen, a decision, the turn's outcome, and again, to the end.
    for (let turn = 0; turn < 12; turn++) {
      const screen = await page.waitForFunction(() => {
        const s = document.body.dataset.passScreen;
        return s === 'handOver' || s === 'resolved' || s === 'ended' ? s : null;
      });
      const value = await screen.jsonValue();
      if (value === 'ended') break;
      if (value === 'resolved') {
        await page.locator('[data-pass="next"]').click();
        continue;
      }
      expect(await page.locator('h1').textContent()).toContain('Prime Minister');
      await page.locator('[data-pass="show"]').click();
      await page.locator('[data-option]:not([disabled])').last().click();
      await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
    }
    await page.waitForSelector('body[data-pass-screen="ended"]');
    const beside = page.locator('[data-beside-origin]');
    expect(await beside.textContent()).toMatch(/The original game ended in: .+\. This one: .+\./);
    await page.screenshot({ path: join(SHOTS, 'what-if-beside-origin.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('says so when asked for the game saved on this device and there is none (a classroom seat’s debrief)', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/class.html?replay=saved`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^No game is saved on this device to replay\./);
    expect(await alert.isVisible()).toBe(true);
    expect(await page.locator('#replay-file').count()).toBe(1);
    await page.close();
  });

  it('refuses a file that is not a record in one sentence', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}/class.html?replay`);
    await page
      .locator('#replay-file')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/\.$/);
    expect((await alert.textContent())?.split('\n')).toHaveLength(1);
    await page.close();
  });
});
