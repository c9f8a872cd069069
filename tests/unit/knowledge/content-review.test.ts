import { describe, expect, it } from 'vitest';
import { entryAsText } from '../../../src/cards/plain-text';
import type { Agency, Step } from '../../../src/knowledge/schema';
import { realCore } from '../../support/bot-harness';

/** The faults a review against the fact sheet found (#13); each stays fixed. */
const { knowledge, engine, guide } = realCore();
const agency = (id: string) => knowledge.byRef(`agency:${id}`) as Agency;
const step = (id: string) => knowledge.byRef(`step:${id}`) as Step;
/** What users read: every entry as text and every dialog note. */
const shown = [
  ...knowledge.entries.flatMap((e) => entryAsText(e, knowledge)),
  ...guide.flow.nodes.flatMap((n) => (n.kind === 'outcome' ? [...n.notes, ...n.rules.flatMap((r) => r.notes)] : [])),
].join('\n');

describe('content review against the fact sheet', () => {
  it('4: the Schulaufsicht bodies are named exactly (Hauptschulen → Schulamt; Förderschulen Sehen/Hören → Arnsberg)', () => {
    expect(agency('bezirksregierung').title).not.toMatch(/weiterführende Schulen/);
    expect(agency('bezirksregierung').summary).toMatch(/Sehen/);
    expect(agency('schulaufsicht').title).toMatch(/meisten Förderschulen|außer/);
  });

  it('5: the child-protection hotline is not said to be reachable around the clock', () => {
    const hotline = [step('kinderschutz'), agency('jugendamt')].flatMap((e) => entryAsText(e, knowledge)).join(' ');
    expect(hotline).not.toMatch(/rund um die Uhr|24 Stunden/);
    expect(hotline).toMatch(/nicht bestätigt|älteren Quelle/);
  });

  it('8: "Kann die Polizei … morgens abholen?" says the Ordnungsamt does it and the police role is unconfirmed', () => {
    const top = engine.ask('Kann die Polizei einen Schüler morgens zu Hause abholen und zur Schule bringen?')
      .candidates[0];
    expect(top?.ref).toBe('step:zwangszufuehrung');
    expect(step('zwangszufuehrung').summary).toMatch(/Ordnungsamt/);
    expect(entryAsText(step('zwangszufuehrung'), knowledge).join(' ')).toMatch(/Polizei.*(nicht belegt|nicht bestätigt|unsicher)/i);
  });

  it('9: KUBDO’s hotline and people carry their year and are marked unconfirmed', () => {
    const kubdo = agency('kubdo');
    expect(kubdo.contact.unconfirmed).toBe(true);
    expect(kubdo.contact.people.every((p) => /Stand \d{4}/.test(p))).toBe(true);
    expect(shown).not.toMatch(/Schulleitung entscheidet über die Einschaltung des Jugendamts/);
  });

  it('10: no two agencies send the user to each other when neither has a phone', () => {
    const circles = knowledge.agencies.flatMap((a) =>
      a.ask.filter((b) => agency(b)?.ask.includes(a.id as (typeof a.ask)[number])).map((b) => `${a.id} ↔ ${b}`),
    );
    expect(circles).toEqual([]);
  });

  it('11: no broken or repeated wording, no labels for children like "Schulverweigerer"', () => {
    for (const fault of [/Sie nehmen Sie/, /Danach: Danach/, /wenn das das/, /Quelle: [^\n]*Quelle:/, /\bSchulverweigerer\b/])
      expect(shown).not.toMatch(fault);
    expect(knowledge.steps.filter((s) => /\(Schritt \d+\)/.test(s.title)).map((s) => s.id)).toEqual([]);
  });
});
