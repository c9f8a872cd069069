import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/texts';
import { botHarness, buttonData, cardTitle, submitData } from '../support/bot-harness';
import { all, saysExactly, textMatches, titleMatches, type Check } from '../support/reply-checks';

type Expectation = Check;

const MENTION = {
  type: 'mention',
  mentioned: { id: 'bot', name: 'Absentismus-Bot' },
  text: '<at>Absentismus-Bot</at>',
};

const conversations: { name: string; steps: [string | Record<string, unknown>, Expectation][] }[] = [
  {
    name: 'answers where the Versäumnisanzeige goes, by school type',
    steps: [
      [
        'Wohin schicke ich die Versäumnisanzeige?',
        all(
          titleMatches(/Versäumnisanzeige/),
          textMatches(/Bezirksregierung Arnsberg/),
          textMatches(/Schulamt/),
          textMatches(/Quelle: .* · Stand/),
        ),
      ],
    ],
  },
  {
    name: 'shows "Jetzt tun" on the first screen and "Danach" behind "Mehr anzeigen" for a step',
    steps: [
      [
        'Ein Kind fehlt heute unentschuldigt, was jetzt?',
        all(textMatches(/Jetzt tun/), textMatches(/Mehr anzeigen/), textMatches(/Danach/)),
      ],
    ],
  },
  {
    name: 'says an out-of-scope question is not its matter and offers examples',
    steps: [
      [
        'Wie wird das Wetter morgen?',
        all(titleMatches(new RegExp(TEXTS.outOfScopeTitle)), (r) =>
          expect(submitData(r[0]).some((d) => d.verb === 'ask')).toBe(true),
        ),
      ],
    ],
  },
  {
    name: 'puts child protection first whenever danger is signalled',
    steps: [
      [
        'Das Kind fehlt oft und hat blaue Flecken am Arm',
        all(titleMatches(/Kinderschutz/), textMatches(/Kinderschutz geht vor/), textMatches(/50-12345/)),
      ],
    ],
  },
  {
    name: 'answers "hilfe" and "help" with the help card',
    steps: [
      ['hilfe', titleMatches(new RegExp(TEXTS.helpTitle))],
      ['Help', titleMatches(new RegExp(TEXTS.helpTitle))],
    ],
  },
  {
    name: 'refuses overlong messages politely',
    steps: [['x'.repeat(2001), saysExactly(TEXTS.tooLong(2000))]],
  },
  {
    name: 'answers empty and non-text messages clearly',
    steps: [
      [{ type: 'message', text: '   ' }, saysExactly(TEXTS.emptyMessage)],
      [
        { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/x.png' }] },
        saysExactly(TEXTS.nonText),
      ],
    ],
  },
  {
    name: 'follows up by typing a button title',
    steps: [
      ['Wie läuft die Anhörung?', titleMatches(/Anhörung/)],
      ['Nächster Schritt', titleMatches(/Versäumnisanzeige/)],
      ['Zuständige Stelle', textMatches(/Bezirksregierung|Schulamt|Schulaufsicht/)],
    ],
  },
  {
    name: 'shows a contact card when an agency button is clicked',
    steps: [
      [
        { type: 'message', value: { verb: 'show', ref: 'agency:kubdo' } },
        all(titleMatches(/KUBDO|Kontakt- und Beratungsverbund/i), textMatches(/tel:/)),
      ],
    ],
  },
  {
    name: 'answers stale, forged or unknown card payloads in German, without crashing',
    steps: [
      [{ type: 'message', value: { verb: 'show', ref: 'agency:gibt-es-nicht' } }, saysExactly(TEXTS.unknownEntry)],
      [{ type: 'message', value: { verb: 'show', ref: 42 } }, saysExactly(TEXTS.staleAction)],
      [{ type: 'message', value: { verb: 'loeschen', ref: 'step:anhoerung' } }, saysExactly(TEXTS.staleAction)],
      [
        { type: 'message', value: { verb: 'followup', what: 'next', ref: 'agency:kubdo' } },
        saysExactly(TEXTS.noFollowUp),
      ],
    ],
  },
  {
    name: 'answers the example-question buttons',
    steps: [
      [
        { type: 'message', value: { verb: 'ask', q: 'Wohin schicke ich die Versäumnisanzeige?' } },
        titleMatches(/Versäumnisanzeige/),
      ],
    ],
  },
];

describe('Conversations', () => {
  it.each(conversations)('$name', async ({ steps }) => {
    const { say } = botHarness();
    for (const [userSays, botReplies] of steps) botReplies(await say(userSays as string));
  });

  it('strips the @mention in group chats and answers', async () => {
    const { say } = botHarness({ conversationType: 'groupChat' });
    const replies = await say({
      type: 'message',
      text: '<at>Absentismus-Bot</at> Wohin schicke ich die Versäumnisanzeige?',
      entities: [MENTION],
      recipient: { id: 'bot', name: 'Absentismus-Bot' },
    });
    expect(cardTitle(replies[0])).toMatch(/Versäumnisanzeige/);
  });

  it('welcomes once on install, with example questions as buttons', async () => {
    const { say } = botHarness();
    const install = { type: 'installationUpdate', action: 'add', recipient: { id: 'bot', name: 'Bot' } };
    const added = {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Bot' }],
      recipient: { id: 'bot', name: 'Bot' },
    };
    const first = await say(install);
    expect(cardTitle(first[0])).toBe(TEXTS.welcomeTitle);
    expect(submitData(first[0]).filter((d) => d.verb === 'ask')).toHaveLength(TEXTS.exampleQuestions.length);
    expect(await say(added)).toEqual([]);
  });

  it('keeps two teachers in one group chat apart', async () => {
    const { say } = botHarness({ conversationType: 'groupChat' });
    const a = { id: 'teacher-a', name: 'A' };
    const b = { id: 'teacher-b', name: 'B' };
    await say('Wie läuft die Anhörung?', a);
    await say('Was ist Schulangst?', b);
    expect(cardTitle((await say('Nächster Schritt', a))[0])).toMatch(/Versäumnisanzeige/);
    expect((await say('Nächster Schritt', b))[0]?.text).toBe(TEXTS.noFollowUp);
  });
});

describe('Every command in the Teams manifest', () => {
  const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../manifest/manifest.template.json'), 'utf8')) as {
    bots: { commandLists: { commands: { title: string }[] }[] }[];
  };
  const titles = [...new Set(manifest.bots[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.title)))];

  it.each(titles)('"%s" is handled by the bot', async (title) => {
    const replies = await botHarness().say(title);
    expect(replies.length).toBeGreaterThan(0);
    expect(cardTitle(replies[0])).not.toBe(TEXTS.unsureTitle);
    expect(replies[0]?.text).not.toBe(TEXTS.errorApology);
  });

  it('the help card offers the guide and the directory as buttons that work', async () => {
    const { say } = botHarness();
    const help = await say('hilfe');
    expect(cardTitle((await say({ type: 'message', value: buttonData(help, TEXTS.buttons.startGuide) }))[0])).toBe(
      'Was ist passiert?',
    );
    expect(cardTitle((await say({ type: 'message', value: buttonData(help, TEXTS.buttons.directory) }))[0])).toBe(
      TEXTS.directory.title,
    );
  });
});

describe('A step answer', () => {
  it('offers the guided dialog as a button that starts it', async () => {
    const { say } = botHarness();
    const answer = await say('Wie läuft die Anhörung?');
    const guide = await say({ type: 'message', value: buttonData(answer, TEXTS.buttons.startGuide) });
    expect(cardTitle(guide[0])).toBe('Was ist passiert?');
  });
});
