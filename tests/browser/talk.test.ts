// Talk in a real room (issue 19): a facilitator, a projector and three teams' phones, each its own browser context.
// Two teams write to each other privately and a third never sees it; a public statement waits for the
// facilitator's approval, then reaches the projector; the facilitator hides a message and mutes a device, whose
// next message is refused in one sentence; a half-typed message survives another team deciding; a decision's
// reason and what was said reach the after-action report.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium.ts';
import { classServer, type ServerProcess } from '../server/support.ts';

let browser: Browser;
let server: ServerProcess;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  ({ server, base } = await classServer('crisis-talk-', inject('distDir')));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

async function device(width: number, height: number, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(base + path);
  return page;
}

/** Picks the first open option, gives the reason, and confirms: the team's decision for this turn. */
async function decideWithReason(page: Page, reason: string): Promise<void> {
  const option = page.locator('[data-option]:not([disabled])').first();
  const id = await option.getAttribute('data-option');
  await option.click();
  await page.locator(`[data-option="${id}"][aria-pressed="true"]`).waitFor();
  await page.locator('#decision-reason').fill(reason);
  await page.locator('[data-intent="confirm-decision"]:not([disabled])').click();
  await page.locator('[data-seat-status="submitted"]').waitFor();
}

/** Writes to the seats named, with the panel's form of that kind. */
async function say(page: Page, kind: 'statement' | 'message', text: string, to: string[]): Promise<void> {
  await page.locator(`#talk-${kind}-text`).fill(text);
  for (const seat of to) await page.locator(`#talk-${kind}-to-${seat}`).check();
  await page.locator(`[data-talk-form="${kind}"] button[type="submit"]`).click();
}

/**
 * What an accessibility check of the talk panels finds: a field without a label, an id used twice, a list item
 * outside a list. (The project has no axe-core; these are the rules of axe's that the panels could break.)
 */
function a11yProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const panels = document.querySelectorAll('[data-talk], [data-console-talk], .decision-reason');
    for (const panel of panels)
      for (const field of panel.querySelectorAll<HTMLInputElement>('input, textarea, select'))
        if (!field.labels || field.labels.length === 0 || !field.labels[0]!.textContent?.trim())
          problems.push(`no label: ${field.outerHTML.slice(0, 80)}`);
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    for (const id of new Set(ids))
      if (ids.filter((x) => x === id).length > 1) problems.push(`id twice: ${id}`);
    for (const li of document.querySelectorAll('li'))
      if (!li.parentElement?.matches('ul, ol'))
        problems.push(`li outside a list: ${li.textContent?.slice(0, 40)}`);
    for (const list of document.querySelectorAll('[data-talk] [aria-describedby]'))
      for (const id of list.getAttribute('aria-describedby')!.split(' '))
        if (!document.getElementById(id)) problems.push(`described by nothing: ${id}`);
    return problems;
  });
}

describe('talk in a classroom room', () => {
  it('keeps messages to their seats, waits for approval, hides, mutes, and keeps what a team is typing', async () => {
    const facilitator = await device(1280, 900, '/class');
    await facilitator.getByRole('button', { name: /Open a room/ }).click();
    const teams = ['pm', 'sadrists', 'framework'];
    for (const seat of ['pm', 'sadrists', 'framework', 'iran', 'us'])
      await facilitator.locator(`#seat-${seat}`).selectOption(teams.includes(seat) ? 'person' : 'computer');
    await facilitator.locator('#room-seed').fill('20261207');
    await facilitator.locator('#room-auto').uncheck();
    await facilitator.getByRole('button', { name: 'Open the room' }).click();
    await facilitator.waitForSelector('body[data-class-view="console"]');
    const code = ((await facilitator.locator('h1').textContent()) ?? '').replace('Room ', '');

    const projector = await device(1920, 1080, `/class/${code}?projector`);
    await projector.waitForSelector('body[data-class-view="projector"]');
    const phones: Page[] = [];
    for (const seat of teams) {
      const link = await facilitator.locator(`[data-seat-link="${seat}"]`).getAttribute('href');
      const url = new URL(link!);
      const phone = await device(390, 844, url.pathname + url.hash);
      await phone.getByRole('button', { name: 'Join the class' }).click();
      await phone.waitForSelector('body[data-class-view="seat"]');
      phones.push(phone);
    }
    const [pm, sadrists, framework] = phones as [Page, Page, Page];
    await facilitator.getByRole('button', { name: 'Start the game' }).click();
    for (const phone of phones) await phone.waitForSelector('[data-seat-status="deciding"]');

    // The room asks for approval of public statements: every panel says so.
    await facilitator.locator('#talk-approve').check();
    await facilitator.locator('[data-talk-set]').click();
    for (const phone of phones) await phone.locator('[data-talk][data-approve="true"]').waitFor();
    expect(await pm.locator('[data-talk-rule]').textContent()).toContain('approval');

    // The Prime Minister writes to the Sadrists privately, and they answer.
    await say(pm, 'message', 'Call off the sit-ins and we back a recount.', ['sadrists']);
    await sadrists.locator('.said-text').filter({ hasText: 'Call off the sit-ins' }).waitFor();
    // Sent, the form is emptied for the next one.
    await expect.poll(() => pm.locator('#talk-message-text').inputValue()).toBe('');
    await say(sadrists, 'message', 'Only with a full manual recount.', ['pm']);
    await pm.locator('.said-text').filter({ hasText: 'Only with a full manual recount' }).waitFor();
    // Who and when: the seat, privately to whom, in which turn.
    expect(await pm.locator('[data-said] .said-head').first().textContent()).toContain(
      'Turn 1 · The Sadrist Movement (Muqtada al-Sadr), privately to The Prime Minister',
    );

    // A public statement waits for the facilitator: its seat sees it waiting, the projector does not see it.
    await say(sadrists, 'statement', 'We will accept the count if it is done by hand.', []);
    await sadrists.locator('[data-said][data-waiting="true"]').waitFor();
    await facilitator.locator('[data-approve]').waitFor();
    expect(await projector.locator('[data-projector-statements]').count()).toBe(0);
    await facilitator.locator('[data-approve]').click();
    await projector.locator('[data-projector-statements] li').filter({ hasText: 'done by hand' }).waitFor();
    await framework.locator('.said-text').filter({ hasText: 'done by hand' }).waitFor();
    // The third seat reads the statement, said after the messages, and never the messages; nor does the wall.
    expect(await framework.locator('[data-said][data-kind="message"]').count()).toBe(0);
    for (const page of [framework, projector]) {
      const text = await page.locator('body').textContent();
      expect(text).not.toContain('Call off the sit-ins');
      expect(text).not.toContain('full manual recount');
    }

    // The Framework's team starts a message to the Prime Minister, and is still typing when the Sadrists decide and
    // the Prime Minister addresses it openly.
    await framework.locator('#talk-message-to-pm').check();
    await framework.locator('#talk-message-text').click();
    await framework.keyboard.type('We will not accept a recou');
    await decideWithReason(sadrists, 'A recount by hand calms the street.');
    await facilitator.locator('[data-seat="sadrists"] [data-status="submitted"]').waitFor();
    await say(pm, 'statement', 'The Framework is welcome at the table.', ['framework']);
    await framework.locator('.said-text').filter({ hasText: 'welcome at the table' }).waitFor();
    expect(
      await framework.evaluate(() => ({
        text: document.querySelector<HTMLTextAreaElement>('#talk-message-text')?.value,
        focus: document.activeElement?.id,
        ticked: document.querySelector<HTMLInputElement>('#talk-message-to-pm')?.checked,
        count: document.querySelector('#talk-message-text-count')?.textContent,
      })),
    ).toEqual({
      text: 'We will not accept a recou',
      focus: 'talk-message-text',
      ticked: true,
      count: '26 of 1,000 characters',
    });
    await framework.keyboard.type('nt.');

    // The facilitator hides the Sadrists' answer, with a reason: it leaves the Prime Minister's list.
    const answer = facilitator.locator('[data-said]').filter({ hasText: 'full manual recount' });
    const n = await answer.getAttribute('data-said');
    await facilitator.locator(`#hide-reason-${n}`).fill('Off the exercise’s subject.');
    await facilitator.locator(`[data-hide="${n}"]`).click();
    await pm.locator(`[data-said="${n}"]`).waitFor({ state: 'detached' });
    await facilitator
      .locator(`[data-said="${n}"][data-hidden="true"]`)
      .filter({ hasText: 'Off the exercise’s subject.' })
      .waitFor();

    // The facilitator mutes the Framework's device: its message is refused in one sentence, and stays typed.
    const frameworkDevice = facilitator
      .locator('[data-device]')
      .filter({ hasText: 'Coordination Framework' });
    await frameworkDevice.locator('[data-mute]').click();
    await frameworkDevice.locator('[data-mute][aria-pressed="true"]').waitFor();
    await framework.locator('[data-talk-form="message"] button[type="submit"]').click();
    const refused = framework.locator('[data-talk-form="message"] [role="alert"]');
    await refused.filter({ hasText: 'muted' }).waitFor();
    expect(await refused.textContent()).toBe(
      'The facilitator has muted this device: it cannot publish statements or send messages.',
    );
    expect(await framework.locator('#talk-message-text').inputValue()).toBe('We will not accept a recount.');
    expect(await pm.locator('.said-text').filter({ hasText: 'We will not accept' }).count()).toBe(0);

    for (const page of [pm, framework, facilitator]) expect(await a11yProblems(page)).toEqual([]);

    // The turn resolves; the after-action report has the Sadrists' reason and what was said (the hidden answer
    // marked as hidden, with why).
    await facilitator.getByRole('button', { name: 'Resolve the turn now' }).click();
    await sadrists.waitForSelector('.seat-bar[data-turn="1"]');
    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.locator('[data-export="html"]').click(),
    ]);
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report).toContain('The team\'s reason: <bdi dir="auto">A recount by hand calms the street.</bdi>');
    expect(report).toContain('We will accept the count if it is done by hand.');
    expect(report).toContain('Call off the sit-ins and we back a recount.');
    expect(report).toMatch(/full manual recount\.<\/bdi> <span class="reason">\(hidden by the facilitator/);

    // The replay of the room, turn 1: the facilitator's view has the reason and everything said, the hidden answer
    // marked; the Framework's view has only what it could read, in the order it was said.
    const [tab] = await Promise.all([
      facilitator.context().waitForEvent('page'),
      facilitator.locator('[data-replay-room]').click(),
    ]);
    await tab.locator('[data-replay-where]').waitFor();
    await tab.locator('#replay-as').selectOption('facilitator');
    await tab.locator('[data-reason]').filter({ hasText: 'A recount by hand calms the street.' }).waitFor();
    expect(await tab.locator('[data-said-section] [data-said]').count()).toBe(4);
    expect(await tab.locator('[data-said-section] [data-hidden="true"]').textContent()).toContain(
      'Off the exercise’s subject.',
    );
    await tab.locator('#replay-as').selectOption('framework');
    await tab.locator('[data-said-section]').waitFor();
    expect(await tab.locator('[data-said-section] .said-text').allTextContents()).toEqual([
      'We will accept the count if it is done by hand.',
      'The Framework is welcome at the table.',
    ]);
    expect(errors).toEqual([]);
  }, 240_000);
});
