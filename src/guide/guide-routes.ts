import type { Application } from '@microsoft/teams-ai/lib/Application';
import type { Logger } from '../shared/logger';
import { TEXTS } from '../texts';
import type { TurnContext } from 'botbuilder';
import { say } from '../turn/reply';
import { saveUserSlot, userSlot, type BotTurnState } from '../turn/turn-state';
import { GuidePayload } from '../cards/actions';
import type { GuideService, GuideTurn } from './guide-service';

const START =
  /^\s*(was tun|was nun|fall|fall klären|fall klaeren|geführter fall|gefuehrter fall|leitfaden starten)\s*[?!.]*\s*$/i;
const CONTROLS = [
  { action: 'back', pattern: /^\s*zur(ü|ue)ck\s*[.!]*\s*$/i },
  { action: 'restart', pattern: /^\s*(neu starten|neustart|von vorn|von vorne)\s*[.!]*\s*$/i },
  { action: 'cancel', pattern: /^\s*(abbrechen|abbruch|stopp?|beenden)\s*[.!]*\s*$/i },
  { action: 'summary', pattern: /^\s*zusammenfassung\s*[.!]*\s*$/i },
] as const;

/** The guide's buttons and typed commands. Free text reaches it through the answer catch-all. */
export function registerGuideRoutes(app: Application<BotTurnState>, service: GuideService, logger: Logger): void {
  app.adaptiveCards.actionSubmit('guide', async (context, state, data) => {
    const payload = GuidePayload.safeParse(data);
    if (!payload.success) {
      logger.warn({ intent: 'guide', problem: 'invalid-payload' }, 'guide payload rejected');
      return void (await context.sendActivity(TEXTS.staleAction));
    }
    await act(context, state, service.press(payload.data, userSlot(state).dialog));
  });
  app.message(START, async (context, state) => act(context, state, service.start()));
  for (const { action, pattern } of CONTROLS)
    app.message(pattern, async (context, state) =>
      act(context, state, service.control(action, userSlot(state).dialog)),
    );
}

/** Free text for the answer catch-all: the guide decides (open question, case, or question), this sends. */
export const guideText = (service: GuideService) => (context: TurnContext, state: BotTurnState, typed: string) =>
  act(context, state, service.text(typed, userSlot(state).dialog));

/** Keeps or ends the dialog the turn left, then says its replies in order. */
async function act(context: TurnContext, state: BotTurnState, turn: GuideTurn): Promise<void> {
  if (turn.dialog !== undefined) saveUserSlot(state, { dialog: turn.dialog ?? undefined });
  for (const said of turn.replies) await say(context, state, said);
}
