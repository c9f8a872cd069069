import { Application } from '@microsoft/teams-ai/lib/Application';
import type { TurnContext } from 'botbuilder';
import type { BotTurnState } from './turn-state';

/**
 * teams-ai 1.7 starts its typing timer on every message even with `startTypingTimer: false` (run() calls
 * it unconditionally), and the timer is shared by all concurrent turns. Our replies take milliseconds,
 * so the option is honoured here: no timer, no extra send hook per turn.
 */
export class BotApplication extends Application<BotTurnState> {
  override startTypingTimer(context: TurnContext): void {
    if (this.options.startTypingTimer) super.startTypingTimer(context);
  }
}
