// What the compiler cannot check about ACTIONS, and what it can (a missing command or event entry).
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { aggregateForStream, aggregates, currentSchemaVersions } from '../corrections/aggregate-registry';
import { planAggregates } from '../plan/plan-aggregates';
import { accountAggregate } from '../accounts/account.aggregate';
import { housingAction } from '../housing/housing.action';
import { defineAction, type AnyActionDescriptor, type Label } from './action-descriptor';
import { ACTION_CATALOGUE } from './action-catalogue';
import {
  ACTION_EVENT_CATALOGUE,
  ACTION_EVENT_TYPES,
  actionCommands,
  commandPath,
  RECORDING_TASKS,
  ACTION_SUPPORT_KINDS,
} from './action-lists';
import { ACTIONS } from './actions';
import { MONEY_VND, PATTERN_RULES } from './field-types';

const actions: readonly AnyActionDescriptor[] = ACTIONS;
const labelled = (label: Label) => label.vi.trim() !== '' && label.en.trim() !== '';

describe('ACTIONS', () => {
  it('names every action once, with a label in Vietnamese and English', () => {
    expect(new Set(actions.map((a) => a.name)).size).toBe(actions.length);
    for (const action of actions) expect([action.name, labelled(action.label)]).toEqual([action.name, true]);
  });

  it('labels every event type of every action aggregate, and every field of its data, in both languages', () => {
    const unlabelled: string[] = [];
    for (const action of actions) {
      for (const type of action.aggregate.eventTypes) {
        if (type === EVENT_CORRECTED) continue;
        const event = action.events[type];
        if (!event || !labelled(event.label)) unlabelled.push(type);
        else
          for (const [field, label] of Object.entries(event.fields as Record<string, Label>))
            if (!labelled(label)) unlabelled.push(`${type}.${field}`);
      }
      // and no label for an event the aggregate never writes
      for (const type of Object.keys(action.events))
        if (!action.aggregate.eventTypes.includes(type))
          unlabelled.push(`${type} (not written by ${action.name})`);
    }
    expect(unlabelled).toEqual([]);
  });

  it('gives every command a route, a label and a summary, and no two commands the same route', () => {
    const paths = actionCommands.map(({ command }) => commandPath(command));
    expect(new Set(paths).size).toBe(paths.length);
    for (const { command } of actionCommands) {
      expect(labelled(command.label)).toBe(true);
      expect(command.summary.length).toBeGreaterThan(10);
      expect(command.route.resource).toMatch(/^[a-z]+(-[a-z]+)*$/);
      if (command.route.step) expect(command.route.step).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('opens a stream on each resource with exactly one command, the others being steps on it', () => {
    const resources = new Map<string, number>();
    for (const { command } of actionCommands)
      if (!command.route.step)
        resources.set(command.route.resource, (resources.get(command.route.resource) ?? 0) + 1);
    for (const { command } of actionCommands) {
      expect(resources.get(command.route.resource)).toBe(1);
      // a new stream names its org unit; a step belongs to the case's own
      expect(command.orgUnitField === undefined).toBe(command.route.step !== undefined);
      if (command.orgUnitField) expect(command.fields.map((f) => f.name)).toContain(command.orgUnitField);
    }
  });

  it('gives every request field a label, and an enum its values', () => {
    for (const { command } of actionCommands)
      for (const field of command.fields) {
        expect([command.type, field.name, labelled(field.label)]).toEqual([command.type, field.name, true]);
        if (field.type === 'enum') expect(field.values?.length).toBeGreaterThan(0);
        if (field.onlyWhen) expect(command.fields.map((f) => f.name)).toContain(field.onlyWhen.field);
      }
  });

  it('seals personal data only on a command whose citizen id names the person it belongs to', () => {
    for (const { command } of actionCommands) {
      const sealed = command.fields.findIndex((f) => f.sealed);
      const person = command.fields.findIndex((f) => f.type === 'citizenId' && f.required);
      if (sealed >= 0) expect([command.type, person >= 0 && person < sealed]).toEqual([command.type, true]);
    }
  });

  it('names the recording task after the aggregate, once per action', () => {
    for (const action of actions) expect(action.recordingTask).toBe(action.aggregate.name);
    expect(new Set(RECORDING_TASKS).size).toBe(actions.length);
  });

  it('keeps stream prefixes apart, so a stream belongs to one aggregate', () => {
    const prefixes = aggregates.map((a) => a.streamPrefix);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
    for (const action of actions)
      expect(aggregateForStream(`${action.aggregate.streamPrefix}x`)).toBe(action.aggregate);
  });
});

describe('what is read from ACTIONS', () => {
  it('registers every action aggregate, then the plan aggregates, then accounts', () => {
    expect(aggregates).toEqual([...actions.map((a) => a.aggregate), ...planAggregates, accountAggregate]);
    for (const action of actions)
      for (const type of action.aggregate.eventTypes)
        expect(currentSchemaVersions[type]).toBe(action.aggregate.schemaVersions[type]);
  });

  it('gives the contribution rules every action event with its numeric, filterable and period fields', () => {
    const expected = Object.fromEntries(
      actions.flatMap((a) =>
        Object.entries(a.events).map(([type, e]) => [
          type,
          { numeric: e.numeric ?? [], filterable: e.filterable ?? [], period: e.period ?? [] },
        ]),
      ),
    );
    expect(ACTION_EVENT_CATALOGUE).toEqual(expected);
    expect(ACTION_EVENT_TYPES).toEqual(Object.keys(expected));
    for (const [type, fields] of Object.entries(ACTION_EVENT_CATALOGUE)) {
      const event = actions.find((a) => a.events[type])!.events[type];
      for (const field of [...fields.numeric, ...fields.filterable, ...fields.period])
        expect([type, Object.keys(event.fields)]).toEqual([type, expect.arrayContaining([field])]);
    }
  });

  it('gives the beneficiary history the support kind of every event that names a person or household', () => {
    expect(Object.keys(ACTION_SUPPORT_KINDS).sort()).toEqual(
      actions
        .flatMap((a) =>
          Object.entries(a.events)
            .filter(([, e]) => e.support)
            .map(([type]) => type),
        )
        .sort(),
    );
    for (const [type, kind] of Object.entries(ACTION_SUPPORT_KINDS)) {
      const event = actions.find((a) => a.events[type])!.events[type];
      expect([type, Object.keys(event.fields)]).toEqual([type, expect.arrayContaining([kind.refField])]);
    }
  });

  it('lists every action, command and event in the catalogue', () => {
    expect(ACTION_CATALOGUE.actions.map((a) => a.name)).toEqual(actions.map((a) => a.name));
    expect(ACTION_CATALOGUE.actions.flatMap((a) => a.commands.map((c) => c.path))).toEqual(
      actionCommands.map(({ command }) => commandPath(command)),
    );
    expect(ACTION_CATALOGUE.actions.flatMap((a) => a.eventTypes.map((e) => e.type))).toEqual(
      ACTION_EVENT_TYPES,
    );
  });

  it('gives a form what it checks before sending and shows: the pattern of each text kind, the bounds of an amount, every allowed value in words', () => {
    const fields = ACTION_CATALOGUE.actions.flatMap((a) => a.commands.flatMap((c) => c.fields));
    for (const field of fields) {
      const rule = (PATTERN_RULES as Record<string, { pattern: RegExp } | undefined>)[field.type];
      expect(field.pattern).toBe(rule?.pattern.source);
      if (field.pattern) expect(new RegExp(field.pattern).test(String(field.example))).toBe(true);
      if (field.type === 'moneyVnd') {
        expect(field).toMatchObject({ min: MONEY_VND.min, max: MONEY_VND.max });
      }
    }
    for (const field of fields.filter((f) => f.values)) {
      expect(Object.keys(field.valueLabels ?? {}).sort()).toEqual([...field.values!].sort());
    }
    expect(fields.some((f) => f.type === 'citizenId' && new RegExp(f.pattern!).test('05812345678'))).toBe(
      false,
    );
  });
});

describe('defineAction', () => {
  it('does not compile without an entry for every command and every event of the aggregate', () => {
    const { HouseHandedOver: _event, ...events } = housingAction.events;
    const { HandOverHouse: _command, ...commands } = housingAction.commands;
    // @ts-expect-error: the HouseHandedOver event has no entry
    const withoutEvent = defineAction({ ...housingAction, events });
    // @ts-expect-error: the HandOverHouse command has no entry
    const withoutCommand = defineAction({ ...housingAction, commands });
    const handedOver = housingAction.events.HouseHandedOver;
    const wrongField = defineAction({
      ...housingAction,
      events: {
        ...housingAction.events,
        // @ts-expect-error: numeric names a field the event does not have
        HouseHandedOver: { ...handedOver, numeric: ['amountVnd'] },
      },
    });
    expect([withoutEvent, withoutCommand, wrongField].every((d) => d.name === 'housing')).toBe(true);
  });
});
