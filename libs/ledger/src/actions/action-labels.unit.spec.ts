import { ACTIONS } from '@ledger/domain';
import { ACTION_LABELS } from './action-labels';

describe('GET /actions/labels', () => {
  it("names every action and every event it writes, with the descriptors' labels", () => {
    expect(ACTION_LABELS.actions.map((a) => a.name)).toEqual(ACTIONS.map((a) => a.name));
    for (const action of ACTIONS) {
      const listed = ACTION_LABELS.actions.find((a) => a.name === action.name)!;
      expect(listed.label).toEqual(action.label);
      expect(Object.fromEntries(listed.eventTypes.map((e) => [e.type, e.label]))).toEqual(
        Object.fromEntries(Object.entries(action.events).map(([type, event]) => [type, event.label])),
      );
    }
  });

  it('holds words only: no route, no field name', () => {
    const keys = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) {
          keys.add(key);
          walk(v);
        }
    };
    walk(ACTION_LABELS);
    expect([...keys].sort()).toEqual(['actions', 'en', 'eventTypes', 'label', 'name', 'type', 'vi']);
  });
});
