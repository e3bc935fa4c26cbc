/**
 * Plays the game with the keyboard only, as a player would (browser tests and the web bench): Tab
 * and Enter on the title, digits to pick, Enter to confirm. The driver reads the page only to know
 * which digit is open this turn.
 */
import type { Page } from 'playwright-core';

/**
 * Waits until a scene is drawn and its HTML is in place (the DOM layer marks it). Locators, not
 * page.waitForSelector: that returns an element handle which keeps the element (and the detached
 * view it belonged to) alive in the page, and the heap bench would count it as the game's leak.
 */
export async function sceneReady(page: Page, scene: string, timeout = 20_000): Promise<void> {
  await page.locator(`body[data-scene-ready="${scene}"]`).waitFor({ state: 'attached', timeout });
}

export interface PlayOptions {
  /** 1-based digit of the perspective */
  perspective: number;
  /** stop in the situation room after this many turns (default: play to the end) */
  turns?: number;
  /** called when a scene is ready, e.g. for screenshots */
  onScene?: (scene: string, turn: number) => Promise<void>;
}

export async function startNewGameByKeyboard(page: Page): Promise<void> {
  await sceneReady(page, 'title');
  // The heading has focus; Tab reaches the first menu button. Skip "Continue" if there is a save.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    const intent = await page.evaluate(() => document.activeElement?.getAttribute('data-intent'));
    if (intent === 'new-game') break;
  }
  await page.keyboard.press('Enter');
  // With a saved game, New game first asks before it replaces it: a player who plays again says yes. The question
  // may open a moment after the key (the title waits for the game's code), so wait for it or for the next screen.
  const ask = page.locator('#new-game-dialog');
  const next = page.locator('body[data-scene="perspective"]');
  await ask
    .or(next)
    .first()
    .waitFor({ state: 'visible', timeout: 20_000 })
    .catch(() => undefined);
  if (await ask.isVisible().catch(() => false))
    await ask.getByRole('button', { name: 'Start a new game' }).click();
}

/** From the title to the debrief (or to the situation room after `turns` turns); returns turns played. */
export async function playByKeyboard(page: Page, options: PlayOptions): Promise<number> {
  const on = options.onScene ?? (async () => {});
  await startNewGameByKeyboard(page);
  await sceneReady(page, 'perspective');
  await page.keyboard.press(String(options.perspective));
  await page.locator('button[data-actor][aria-pressed="true"]').waitFor();
  await on('perspective', 0);
  await page.keyboard.press('Enter');
  await sceneReady(page, 'briefing');
  await on('briefing', 0);
  await page.keyboard.press('Enter');
  return playTurns(page, options, 0);
}

export async function playTurns(
  page: Page,
  options: Pick<PlayOptions, 'turns' | 'onScene'>,
  played: number,
): Promise<number> {
  const on = options.onScene ?? (async () => {});
  let turn = played;
  for (;;) {
    await sceneReady(page, 'situation');
    if (options.turns !== undefined && turn >= options.turns) return turn;
    await on('situation', turn);
    const digit = await page.evaluate(
      () => document.querySelector('button[data-option]:not([disabled]) kbd')?.textContent ?? null,
    );
    if (digit) {
      await page.keyboard.press(digit);
      await page.locator('button[data-option][aria-pressed="true"]').waitFor();
    }
    await page.keyboard.press('Enter');
    await sceneReady(page, 'resolution');
    await on('resolution', turn);
    turn += 1;
    const last = (await page.textContent('[data-intent="next"]')) === 'See the outcome';
    await page.keyboard.press('Enter');
    if (last) {
      await sceneReady(page, 'debrief');
      await on('debrief', turn);
      return turn;
    }
  }
}
