import { setMaxListeners } from 'node:events';
import type { DeliveryWorkerOptions } from './delivery-options';
import type { DeliveryJob, SendOutcome } from './model';
import { conversationGone, DEFAULT_RETRY, nextState, postponed, type RetryOptions } from './retry-policy';
import { SendSlots } from './send-slots';

export type { DeliveryWorkerOptions, Sender } from './delivery-options';

/** Pacing waits up to this long keep the send slot. */
const HOLD_MS = 200;
/** A job held by the gate (paused broadcast) is looked at again after this long. */
export const GATE_RECHECK_MS = 10_000;

/** Claims due jobs, paces, sends, records the outcome. One instance per process. */
export class DeliveryWorker {
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly maxHeld: number;
  private readonly pollMs: number;
  private readonly retry: RetryOptions;
  private readonly tasks = new Set<Promise<void>>();
  private readonly slots: SendSlots;
  private readonly halt = new AbortController(); // stop or crash: stop waiting
  private readonly kill = new AbortController(); // crash: abandon sends
  private idle = new AbortController();
  private woken = false;
  private onWire = 0;
  private crashed = false;
  private sender = false;
  private loop?: Promise<void>;

  constructor(private readonly o: DeliveryWorkerOptions) {
    this.concurrency = o.concurrency ?? 8;
    this.leaseMs = o.leaseMs ?? 60_000;
    this.maxHeld = o.maxHeld ?? 8 * this.concurrency;
    this.pollMs = o.pollMs ?? 1_000;
    this.retry = { ...DEFAULT_RETRY, ...o.retry };
    setMaxListeners(0, this.halt.signal, this.kill.signal); // one listener per held job
    this.slots = new SendSlots(this.concurrency, this.halt.signal);
  }

  /** Sends currently on the wire. */
  get inFlight(): number {
    return this.onWire;
  }

  /** Started and neither stopped nor crashed (for /readyz). */
  get running(): boolean {
    return !!this.loop && !this.halt.signal.aborted;
  }

  /** This instance holds the sender's role (or needs none) and claims jobs. */
  get sending(): boolean {
    return this.sender && this.running;
  }

  start(): void {
    if (this.loop) throw new Error(`delivery worker ${this.o.owner} was already started`);
    this.loop = this.run();
  }

  /** New jobs were queued: claim now instead of after the poll interval. */
  wake(): void {
    this.woken = true;
    this.idle.abort();
  }

  /** Lets sends in flight finish and hands held jobs back; resolves when all is recorded. */
  async stop(): Promise<void> {
    this.halt.abort();
    await this.loop;
    await Promise.all([...this.tasks]);
    await this.o.role?.release();
  }

  /** Test helper: dies now. Nothing more is recorded; leases of held and in-flight jobs just expire. */
  crash(): void {
    this.crashed = true;
    this.kill.abort();
    this.halt.abort();
  }

  /** Resolves when no job of the broadcast is pending (in any worker). */
  async drain(broadcastId: string): Promise<void> {
    while ((await this.o.outbox.report(broadcastId)).pending > 0) await this.o.clock.sleep(Math.min(this.pollMs, 100));
  }

  private async run(): Promise<void> {
    while (!this.halt.signal.aborted) {
      const room = this.maxHeld - this.tasks.size;
      let claimed: DeliveryJob[] = [];
      if (!(await this.holdsRole())) {
        await this.pause();
        continue;
      }
      await this.o.onTick?.().catch((err: unknown) => {
        this.o.logger.warn({ intent: 'delivery', owner: this.o.owner, err: String(err) }, 'tick failed');
      });
      if (room >= Math.ceil(this.maxHeld / 4) || this.tasks.size === 0) {
        try {
          claimed = await this.o.outbox.claim(this.o.clock.now(), room, this.leaseMs, this.o.owner);
        } catch (err) {
          this.o.logger.warn({ intent: 'delivery', owner: this.o.owner, err: String(err) }, 'claim failed');
        }
      }
      for (const job of claimed) this.track(job);
      await this.pause();
    }
  }

  /** Takes or keeps the sender's role; a store that cannot answer counts as "not now". */
  private async holdsRole(): Promise<boolean> {
    if (!this.o.role) return (this.sender = true);
    try {
      this.sender = await this.o.role.hold();
    } catch (err) {
      this.o.logger.warn({ intent: 'delivery', owner: this.o.owner, err: String(err) }, 'sender role not checked');
      this.sender = false;
    }
    return this.sender;
  }

  /** Waits for the poll interval, a finished task, `wake()` or shutdown. */
  private async pause(): Promise<void> {
    if (this.woken) return void (this.woken = false);
    this.idle = new AbortController();
    await this.o.clock.sleep(this.pollMs, AbortSignal.any([this.idle.signal, this.halt.signal]));
    this.woken = false;
  }

  private track(job: DeliveryJob): void {
    const task: Promise<void> = this.process(job)
      .catch((err: unknown) => this.o.logger.warn({ intent: 'delivery', err: String(err) }, 'delivery job crashed'))
      .finally(() => {
        this.tasks.delete(task);
        this.wake();
      });
    this.tasks.add(task);
  }

  private async process(job: DeliveryJob): Promise<void> {
    const { clock } = this.o;
    const sendBy = clock.now() + this.leaseMs / 2;
    const early = await this.gate(job);
    if (early !== 'go') return this.gated(job, early);
    const subscription = await this.o.subscriptions.get(job.conversationId);
    if (!subscription) return this.record({ ...job, state: 'removed', reason: 'unsubscribed', updatedAt: clock.now() });
    const wait = await this.paced(job, subscription.tenantId, sendBy);
    if (wait === 'hold' || wait === 'drop') return this.gated(job, wait);
    if (typeof wait === 'number') return this.record(postponed(job, wait, clock.now()), false);
    // Nothing is awaited between the pacing reservation and the wire: a delay there (a store read) would let
    // sends reach Teams closer together than they were paced.
    let outcome: SendOutcome;
    this.onWire++;
    try {
      outcome = await this.o.sender.send(job, subscription, this.kill.signal);
    } catch (err) {
      outcome = { kind: 'transient', reason: `sender error ${(err as Error).name}` };
    } finally {
      this.onWire--;
      this.o.pacer.settle(job.conversationId, subscription.tenantId, wait.reservedAt, clock.now());
      this.slots.release();
    }
    if (this.crashed) return;
    const next = nextState(job, outcome, clock.now(), this.retry);
    if (outcome.kind !== 'ok') this.o.logger.debug(this.logFields(next, outcome), 'delivery attempt not ok');
    if (conversationGone(job, outcome)) {
      await this.o.subscriptions.remove(job.conversationId).catch((err: unknown) => {
        this.o.logger.warn({ ...this.logFields(next), err: String(err) }, 'subscription not removed');
      });
    }
    await this.record(next);
  }

  private gate(job: DeliveryJob): Promise<'go' | 'hold' | 'drop'> {
    return job.action === 'send' && this.o.gate ? this.o.gate(job) : Promise.resolve('go');
  }

  /** A paused broadcast's job waits; a cancelled one's is marked as not sent. */
  private gated(job: DeliveryJob, verdict: 'hold' | 'drop'): Promise<void> {
    const now = this.o.clock.now();
    if (verdict === 'hold') return this.record(postponed(job, now + GATE_RECHECK_MS, now), false);
    return this.record({ ...job, state: 'removed', reason: 'cancelled', updatedAt: now });
  }

  /**
   * Takes a send slot (FIFO) and a pacing reservation: its time with the slot held, the gate's 'hold' or 'drop' (slot
   * freed), or the time the job should be due again. Short waits keep the slot (fair order); long ones free it.
   */
  private async paced(
    job: DeliveryJob,
    tenantId: string | undefined,
    sendBy: number,
  ): Promise<{ reservedAt: number } | 'hold' | 'drop' | number> {
    const { clock, pacer } = this.o;
    let holding = false;
    for (;;) {
      if (!holding && !(holding = await this.slots.acquire())) return job.notBefore;
      // Asked again right before the reservation: a pause or cancel may have come while it waited.
      const verdict = await this.gate(job).catch(() => 'go' as const);
      if (verdict !== 'go') {
        this.slots.release();
        return verdict;
      }
      const now = clock.now();
      const late = now > sendBy || this.halt.signal.aborted;
      const at = late ? Infinity : pacer.reserve(job.conversationId, tenantId, now);
      if (at <= now) return { reservedAt: now };
      if (at > sendBy || at - now > HOLD_MS) {
        this.slots.release();
        holding = false;
      }
      if (at > sendBy) return late ? now : at;
      await clock.sleep(at - now, this.halt.signal);
    }
  }

  /** Writes the job's new state and releases its lease (unless crashed); reports progress if it moved. */
  private async record(job: DeliveryJob, progressed = true): Promise<void> {
    if (this.crashed) return;
    try {
      await this.o.outbox.finish(job, this.o.owner);
    } catch (err) {
      return void this.o.logger.warn({ ...this.logFields(job), err: String(err) }, 'delivery result not recorded');
    }
    if (job.state === 'failed' || job.state === 'removed') this.o.logger.info(this.logFields(job), 'delivery ended');
    if (job.state !== 'pending') this.o.onFinished?.(job);
    // progress reporting must never stop delivery
    if (progressed)
      Promise.resolve(job.broadcastId)
        .then((id) => this.o.onProgress?.(id))
        .catch(() => undefined);
  }

  private logFields(job: DeliveryJob, outcome?: SendOutcome) {
    const { broadcastId, conversationId, action, state, attempts, reason } = job;
    return { intent: 'delivery', broadcastId, conversationId, action, state, attempts, reason, outcome: outcome?.kind };
  }
}
