import type { Locator, Page } from 'playwright-core';

/** Every bot reply here is an Adaptive Card; the Playground renders each one as `.ac-adaptiveCard`. */
export const CARD = '.ac-adaptiveCard';
/** The compose box (its "Type a message..." placeholder is only a label). */
export const EDITOR = '[data-lexical-editor="true"]';

const REPLY_TIMEOUT_MS = 15_000;
/** A turn is over when no further card arrived for this long (the bot answers in ~300 ms). */
const QUIET_MS = 700;

/** What a person sees of one card. */
export interface Reply {
  readonly card: Locator;
  /** The first heading. */
  readonly title: string;
  readonly text: string;
  /** Accessible names of the card's buttons. */
  readonly buttons: string[];
  readonly links: string[];
}

/** The Playground's personal chat, driven through its UI like a person would. */
export class ChatPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url, { timeout: 30_000 });
    await this.page.locator(EDITOR).waitFor({ state: 'visible', timeout: 30_000 });
  }

  cardCount(): Promise<number> {
    return this.page.locator(CARD).count();
  }

  /** Types into the compose box and presses Enter; returns the cards the bot sent in reply. */
  async say(text: string): Promise<Reply[]> {
    const before = await this.cardCount();
    const box = this.page.locator(EDITOR);
    await box.click();
    await box.pressSequentially(text);
    await box.press('Enter');
    return this.repliesAfter(before);
  }

  /** Clicks the button named `name` on `reply`'s card; returns the cards the bot sent in reply. */
  async click(reply: Reply, name: string | RegExp): Promise<Reply[]> {
    const before = await this.cardCount();
    const button = reply.card.getByRole('button', { name, exact: typeof name === 'string' });
    await button.first().click();
    return this.repliesAfter(before);
  }

  /** Clicks a button that changes the card in place (e.g. "Mehr anzeigen"); returns the card as it is now. */
  async expand(reply: Reply, name: string): Promise<Reply> {
    await reply.card.getByRole('button', { name, exact: true }).first().click();
    await this.page.waitForTimeout(200);
    return readCard(reply.card);
  }

  /** The part of the card a person sees without scrolling, at the current viewport. */
  async visibleText(reply: Reply): Promise<string> {
    const bottom = this.page.viewportSize()?.height ?? 0;
    const seen: string[] = [];
    for (const node of await reply.card.locator('p, [role="heading"], li, button').all()) {
      const box = await node.boundingBox();
      if (box && box.height > 0 && box.y >= 0 && box.y + box.height <= bottom)
        seen.push((await node.innerText()).trim());
    }
    return seen.join('\n');
  }

  /** A picture of the whole card: the viewport grows to fit it (the chat otherwise clips tall cards). */
  async screenshotCard(reply: Reply, path: string): Promise<void> {
    const viewport = this.page.viewportSize() ?? { width: 1280, height: 900 };
    const box = await reply.card.boundingBox();
    const height = Math.min(Math.max(viewport.height, Math.ceil((box?.height ?? 0) + 400)), 8_000);
    await this.page.setViewportSize({ width: viewport.width, height });
    try {
      await reply.card.scrollIntoViewIfNeeded();
      await reply.card.screenshot({ path });
    } finally {
      await this.page.setViewportSize(viewport);
    }
  }

  /** The cards after the first `before` ones, once at least one arrived and the chat has gone quiet. */
  async repliesAfter(before: number): Promise<Reply[]> {
    await this.page.waitForFunction(`document.querySelectorAll('${CARD}').length > ${before}`, undefined, {
      timeout: REPLY_TIMEOUT_MS,
      polling: 100,
    });
    let count = await this.cardCount();
    let quietSince = Date.now();
    const giveUp = Date.now() + REPLY_TIMEOUT_MS;
    while (Date.now() - quietSince < QUIET_MS && Date.now() < giveUp) {
      await this.page.waitForTimeout(100);
      const now = await this.cardCount();
      if (now !== count) [count, quietSince] = [now, Date.now()];
    }
    const cards = Array.from({ length: count - before }, (_, i) => this.page.locator(CARD).nth(before + i));
    return Promise.all(cards.map(readCard));
  }
}

async function readCard(card: Locator): Promise<Reply> {
  await card.scrollIntoViewIfNeeded();
  const heading = card.locator('[role="heading"]').first();
  const title = (await heading.count()) > 0 ? (await heading.innerText()).trim() : '';
  const buttons = await Promise.all(
    (await card.getByRole('button').all()).map(async (b) =>
      ((await b.getAttribute('aria-label')) ?? (await b.innerText())).trim(),
    ),
  );
  const links = await Promise.all(
    (await card.locator('a[href]').all()).map(async (a) => (await a.getAttribute('href')) ?? ''),
  );
  return { card, title, text: await card.innerText(), buttons, links };
}
