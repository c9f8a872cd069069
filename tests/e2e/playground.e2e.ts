import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type ChildExit, type Stack } from '../../scripts/dev';
import { loadKnowledgeOrThrow } from '../../src/knowledge/loader';
import type { Agency } from '../../src/knowledge/schema';
import { telHref } from '../../src/cards/adaptive';
import { TEXTS } from '../../src/texts';
import { assertChromium, launchBrowser, type Browser } from './browser';
import { ChatPage, type Reply } from './chat-page';

const ROOT = resolve(__dirname, '../..');
const OUT_DIR = join(ROOT, 'test-results', 'e2e');

const knowledge = loadKnowledgeOrThrow(join(ROOT, 'knowledge'));
const kubdo = knowledge.byRef('agency:kubdo') as Agency;
const arnsberg = knowledge.byRef('agency:bezirksregierung') as Agency;
const kubdoPhone = kubdo.contact.phone[0]!.number;

/** What must be visible on the last card of a reply. */
interface Expectation {
  readonly title?: string | RegExp;
  readonly texts?: readonly string[];
  readonly buttons?: readonly string[];
  readonly links?: readonly string[];
}
/** One user action (none = wait for what the bot sends by itself) and what the bot must show. */
type Step = ({ say: string } | { click: string | RegExp } | { expand: string } | { wait: true }) & {
  expect: Expectation;
};

// The conversation, as a person would have it. Clicks go to the last card of the previous step.
// `phone`: the chat at a phone's width (390 px); the first screen must show what to do, not the card's end.
const PHONE = { width: 390, height: 844 };
const scenarios: readonly { name: string; steps: readonly Step[]; phone?: boolean }[] = [
  {
    name: 'welcome card when the chat opens',
    steps: [
      {
        wait: true,
        expect: { title: TEXTS.welcomeTitle, texts: [TEXTS.welcomePrivacy], buttons: TEXTS.exampleQuestions },
      },
    ],
  },
  {
    name: 'hilfe, then an example-question button',
    steps: [
      { say: 'hilfe', expect: { title: TEXTS.helpTitle, buttons: TEXTS.exampleQuestions } },
      { click: 'Kontakt KUBDO', expect: { title: kubdo.short_title, texts: [kubdoPhone] } },
    ],
  },
  {
    name: 'a question, then the agency button on the answer',
    steps: [
      {
        say: 'Wohin schicke ich die Versäumnisanzeige?',
        expect: {
          title: /Versäumnisanzeige/,
          texts: ['Bezirksregierung Arnsberg', TEXTS.labels.todoNow, TEXTS.labels.contact],
          buttons: [TEXTS.buttons.more, TEXTS.buttons.responsibleAgency],
        },
      },
      { click: TEXTS.buttons.responsibleAgency, expect: { buttons: [arnsberg.short_title] } },
      { click: arnsberg.short_title, expect: { title: arnsberg.short_title, texts: [TEXTS.labels.contact] } },
      { expand: TEXTS.buttons.more, expect: { texts: [TEXTS.labels.role, TEXTS.labels.contactWhen] } },
    ],
  },
  {
    name: 'the guided dialog, by clicking',
    steps: [
      {
        say: 'Was tun?',
        expect: { texts: [TEXTS.guide.label, 'Was ist passiert?'], buttons: ['Unentschuldigtes Fehlen'] },
      },
      { click: 'Unentschuldigtes Fehlen', expect: { texts: ['Was wurde schon unternommen?'] } },
      { click: 'Anhörung ist erfolgt', expect: { texts: ['Welche Schulform?'], buttons: ['Gymnasium'] } },
      {
        click: 'Gymnasium',
        expect: {
          title: 'Schritt 10: Versäumnisanzeige an die Bezirksregierung Arnsberg',
          buttons: [TEXTS.guide.summary, TEXTS.guide.back, TEXTS.guide.restart],
        },
      },
    ],
  },
  {
    name: 'a contact lookup',
    steps: [
      {
        say: 'Kontakt KUBDO',
        expect: {
          title: kubdo.short_title,
          texts: ['KUBDO', kubdoPhone],
          links: [telHref(kubdoPhone)],
        },
      },
    ],
  },
  {
    name: 'a first answer on a phone',
    phone: true,
    steps: [
      {
        say: 'Ein Kind fehlt heute ohne Entschuldigung, was jetzt?',
        expect: { texts: [TEXTS.labels.todoNow], buttons: [TEXTS.buttons.more] },
      },
    ],
  },
  {
    name: 'the list of all agencies',
    steps: [
      { say: 'Liste aller Stellen', expect: { title: TEXTS.directory.title, buttons: ['Schule & Schulaufsicht (4)'] } },
    ],
  },
];

let stack: Stack | undefined;
let browser: Browser | undefined;
let chat: ChatPage;
const stackLog: string[] = [];
let stackExit: ChildExit | undefined;
let welcomeCards = 0;
/** The bot's own data folder: every run starts with a fresh conversation (and its welcome). */
const dataDir = mkdtempSync(join(tmpdir(), 'e2e-bot-data-'));

describe('the bot in the Microsoft 365 Agents Playground (real browser)', () => {
  beforeAll(async () => {
    rmSync(OUT_DIR, { recursive: true, force: true });
    mkdirSync(OUT_DIR, { recursive: true });
    assertChromium();
    // Ephemeral ports: runs next to a `npm run dev` stack.
    stack = await startStack({
      botPort: 0,
      playgroundPort: 0,
      botEnv: { DATA_DIR: dataDir },
      onLine: (source, line) => stackLog.push(`[${source}] ${line}`),
    });
    void stack.exited.then((exit) => (stackExit = exit));
    browser = await launchBrowser();
    chat = new ChatPage(browser.page);
    await chat.open(stack.playgroundUrl);
  });

  afterEach(async ({ task }) => {
    const failed = task.result?.state === 'fail';
    const index = scenarios.findIndex((s) => s.name === task.name) + 1;
    const file = `${String(index).padStart(2, '0')}-${slug(task.name)}${failed ? '-FAILED' : ''}.png`;
    await browser?.page.screenshot({ path: join(OUT_DIR, file) }).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    writeFileSync(join(OUT_DIR, 'stack.log'), `${stackLog.join('\n')}\n`);
  });

  for (const scenario of scenarios) {
    it(scenario.name, async ({ annotate }) => {
      const desktop = browser!.page.viewportSize()!;
      if (scenario.phone) await browser!.page.setViewportSize(PHONE);
      let last: Reply | undefined;
      for (const step of scenario.steps) {
        const replies = await act(step, last).catch((err: Error) => {
          throw stackExit ? stackDied(stackExit) : err;
        });
        if ('wait' in step) welcomeCards = replies.length;
        else expect(replies, `one reply card to ${describeStep(step)}`).toHaveLength(1);
        last = replies.at(-1)!;
        expectCard(last, step.expect, describeStep(step));
      }
      if (last && scenario.phone) {
        // What a teacher sees first when the card arrives: its top, with what to do now – not its end.
        await last.card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await browser!.page.screenshot({ path: join(OUT_DIR, `phone-390-${slug(scenario.name)}.png`) });
        const seen = await chat.visibleText(last);
        expect(seen, 'first screen at 390 px').toContain(TEXTS.labels.todoNow);
        expect(seen, 'first screen at 390 px').not.toContain(TEXTS.labels.goodToKnow);
        await browser!.page.setViewportSize(desktop);
      }
      if (last) await chat.screenshotCard(last, join(OUT_DIR, `card-${slug(scenario.name)}.png`));
      if ('wait' in scenario.steps[0]! && welcomeCards > 1) {
        // Guard: installationUpdate and conversationUpdate arrive together; the welcome must go out once.
        await annotate(`welcome card shown ${welcomeCards}× (expected once)`, 'warning');
      }
    });
  }
});

function act(step: Step, last: Reply | undefined): Promise<Reply[]> {
  if (stackExit) return Promise.reject(stackDied(stackExit));
  if ('say' in step) return chat.say(step.say);
  if ('click' in step || 'expand' in step) {
    if (!last) throw new Error(`step "${describeStep(step)}" needs a card from the step before`);
    if ('expand' in step) return chat.expand(last, step.expand).then((card) => [card]);
    return chat.click(last, step.click);
  }
  return chat.repliesAfter(0);
}

const stackDied = (exit: ChildExit) =>
  new Error(
    `The ${exit.source} process exited (code ${exit.code}, signal ${exit.signal}). Last output:\n` +
      stackLog.slice(-25).join('\n'),
  );

function expectCard(reply: Reply, want: Expectation, context: string): void {
  const where = `${context}: card "${reply.title}" with buttons [${reply.buttons.join(' | ')}]`;
  if (typeof want.title === 'string') expect(reply.title, where).toBe(want.title);
  else if (want.title) expect(reply.title, where).toMatch(want.title);
  for (const text of want.texts ?? []) expect(reply.text, where).toContain(text);
  for (const button of want.buttons ?? []) expect(reply.buttons, where).toContain(button);
  for (const link of want.links ?? []) expect(reply.links, where).toContain(link);
}

function describeStep(step: Step): string {
  if ('say' in step) return `say "${step.say}"`;
  if ('click' in step) return `click "${String(step.click)}"`;
  if ('expand' in step) return `open "${step.expand}" on the card`;
  return 'open the chat';
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
