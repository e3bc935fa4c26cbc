// The after-action report shows the reason a team gave with its decision as the team's words: text, never markup.
import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/present/report-html.ts';
import { reportData } from '../../src/sim/report.ts';
import { bundledScenario } from '../helpers/bundled.ts';
import { LiveGame } from '../helpers/play.ts';

describe('the report and a decision’s reason', () => {
  it('shows the team’s reason beside its decision, escaped, and nothing for a decision without one', async () => {
    const c = await bundledScenario();
    const [actor, other] = c.playableIds as [string, string];
    const game = new LiveGame(c, 5).start([actor, other]);
    const option = game.state.offers[actor]!.options[0]!;
    const reason = 'We <i>must</i> keep the street calm & "wait".';
    expect(
      game.run({
        by: { seat: actor, as: 'person' },
        command: { type: 'decision.submit', actor, option, reason },
      }),
    ).toBe(true);
    const otherOption = game.state.offers[other]!.options[0]!;
    game.run({
      by: { seat: other, as: 'person' },
      command: { type: 'decision.submit', actor: other, option: otherOption },
    });
    game.computersDecide();
    expect(game.run({ by: { facilitator: true }, command: { type: 'turn.resolve' } })).toBe(true);

    const data = reportData(c, game.state, game.record);
    expect(data.decisions.find((r) => r.actor === actor)?.reason).toBe(reason);
    expect(data.decisions.find((r) => r.actor === other)).not.toHaveProperty('reason');
    const html = reportHtml(c.scenario, data);
    expect(html).toContain(
      'The team\'s reason: <bdi dir="auto">We &lt;i&gt;must&lt;/i&gt; keep the street calm &amp; &quot;wait&quot;.</bdi>',
    );
    expect(html).not.toContain('<i>must</i>');
    expect(html.match(/The team's reason/g)).toHaveLength(1);
  });
});
