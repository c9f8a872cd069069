import { createHash } from 'node:crypto';
import type { Condition, Flow, FlowNode, OutcomeNode, QuestionNode } from './flow-schema';

/** Where a teacher is in the guide. Plain data: stored in the bot's state, validated when read. */
export interface DialogState {
  readonly node: string;
  /** slot → option value */
  readonly answers: Readonly<Record<string, string>>;
  /** Snapshots before each answer, for "Zurück". */
  readonly history: readonly { readonly node: string; readonly answers: Readonly<Record<string, string>> }[];
  /** Slots taken from the teacher's own text. */
  readonly prefilled: readonly string[];
  readonly updatedAt: number;
  /** The flow's fingerprint when the dialog began: a changed flow (a new knowledge version) restarts it. */
  readonly flow?: string;
}

export type Answers = Readonly<Record<string, string>>;

export const holds = (when: Condition, answers: Answers): boolean =>
  Object.entries(when).every(([slot, values]) => values.includes(answers[slot] ?? ''));
const holdsNone = (unless: Condition, answers: Answers): boolean =>
  Object.entries(unless).every(([slot, values]) => !values.includes(answers[slot] ?? ''));
export const ruleApplies = (rule: { when: Condition; unless: Condition }, answers: Answers) =>
  holds(rule.when, answers) && holdsNone(rule.unless, answers);

/** The pure guide: moves through the flow graph; no SDK, no I/O. */
export function createFlowEngine(flow: Flow) {
  const fingerprint = createHash('sha256').update(JSON.stringify(flow)).digest('hex').slice(0, 16);
  const nodes = new Map<string, FlowNode>(flow.nodes.map((n) => [n.id, n]));
  const node = (id: string): FlowNode => {
    const n = nodes.get(id);
    if (!n) throw new Error(`flow node "${id}" does not exist`);
    return n;
  };

  /** Follows branches and questions already answered until a question to ask or an outcome. */
  function settle(id: string, answers: Record<string, string>): string {
    for (let guard = 0; guard <= nodes.size; guard++) {
      const n = node(id);
      if (n.kind === 'outcome') return id;
      if (n.kind === 'branch') {
        id = n.cases.find((c) => holds(c.when, answers))?.next ?? n.otherwise;
        continue;
      }
      const option = n.options.find((o) => o.value === answers[n.slot]);
      if (!option) return id;
      for (const [slot, value] of Object.entries(option.sets)) answers[slot] ??= value;
      id = option.next;
    }
    throw new Error('flow does not settle (cycle?)');
  }

  return {
    flow,
    fingerprint,
    node,
    start(prefill: Answers = {}, now = Date.now()): DialogState {
      const answers = { ...prefill };
      return {
        node: settle(flow.start, answers),
        answers,
        history: [],
        prefilled: Object.keys(prefill),
        updatedAt: now,
        flow: fingerprint,
      };
    },

    /** Answers the current question; undefined when the value is not one of its options. */
    choose(state: DialogState, value: string, now = Date.now()): DialogState | undefined {
      const current = nodes.get(state.node);
      if (current?.kind !== 'question') return undefined;
      const option = current.options.find((o) => o.value === value);
      if (!option) return undefined;
      const answers = { ...option.sets, ...state.answers, [current.slot]: value };
      return {
        node: settle(option.next, answers),
        answers,
        history: [...state.history, { node: state.node, answers: state.answers }],
        prefilled: state.prefilled,
        updatedAt: now,
        flow: fingerprint,
      };
    },

    /** Straight to the child-protection outcome, keeping "Zurück" to where the teacher was. */
    safety(state: DialogState | undefined, now = Date.now()): DialogState {
      const history = state ? [...state.history, { node: state.node, answers: state.answers }] : [];
      return {
        node: flow.safety,
        answers: state?.answers ?? {},
        history,
        prefilled: state?.prefilled ?? [],
        updatedAt: now,
        flow: fingerprint,
      };
    },

    back(state: DialogState, now = Date.now()): DialogState {
      const previous = state.history.at(-1);
      if (!previous) return { ...state, updatedAt: now };
      return {
        ...state,
        node: previous.node,
        answers: previous.answers,
        history: state.history.slice(0, -1),
        updatedAt: now,
      };
    },

    current(state: DialogState): QuestionNode | OutcomeNode | undefined {
      const n = nodes.get(state.node);
      return n && n.kind !== 'branch' ? n : undefined;
    },

    /**
     * The step the dialog leads to once `doneStep` is told done ("Was wurde schon unternommen?" → its answer's way
     * on), when every way on shares it: after the class conference the written request, not the support offers.
     */
    stepAfter(doneStep: string): string | undefined {
      const option = flow.nodes
        .flatMap((n) => (n.kind === 'question' ? n.options : []))
        .find((o) => o.done === doneStep);
      if (!option) return undefined;
      const steps = new Set(this.ahead({ ...this.start(), node: option.next, answers: {} }).map((o) => o.step));
      const [step] = steps;
      // "Nach der Anzeige": its outcome tells what follows the same step – no step after it.
      return steps.size === 1 && step !== doneStep ? step : undefined;
    },

    /**
     * The outcomes every way on from the dialog's question can reach (the answers given decide what they can):
     * when they all share one step, the case already names its next step and the questions only refine it.
     */
    ahead(state: DialogState): OutcomeNode[] {
      const reached = new Map<string, OutcomeNode>();
      const seen = new Set<string>();
      const visit = (id: string) => {
        if (seen.has(id)) return;
        seen.add(id);
        const n = node(id);
        if (n.kind === 'outcome') reached.set(n.id, n);
        else if (n.kind === 'branch') {
          const decided = n.cases.every((c) => Object.keys(c.when).every((slot) => slot in state.answers));
          if (decided) visit(n.cases.find((c) => holds(c.when, state.answers))?.next ?? n.otherwise);
          else [...n.cases.map((c) => c.next), n.otherwise].forEach(visit);
        } else {
          const chosen = n.options.find((o) => o.value === state.answers[n.slot]);
          (chosen ? [chosen] : n.options).forEach((o) => visit(o.next));
        }
      };
      visit(state.node);
      return [...reached.values()];
    },

    /** The question nodes (for pre-filling and summaries). */
    questions: flow.nodes.filter((n): n is QuestionNode => n.kind === 'question'),
  };
}

export type FlowEngine = ReturnType<typeof createFlowEngine>;
