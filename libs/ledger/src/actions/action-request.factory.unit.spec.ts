// The request classes made from the descriptors: each command's example body passes its own class, a wrong
// value is refused with the field's message, and the classes keep the names OpenAPI knows them by.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { actionCommands, RECORDING_TASKS, type ActionCommand } from '@ledger/domain';
import { actionRequestClass } from './action-request.factory';
import { importColumnsOf, IMPORTABLE_COMMANDS } from './action-import';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/** A body of the command's field examples; a field sent only for some values of another, when it holds one. */
function exampleBody(command: ActionCommand): Record<string, unknown> {
  const body: Record<string, unknown> = { occurredAt: '2026-11-20T09:30:00+07:00' };
  for (const field of command.fields) body[field.name] = field.example;
  for (const field of command.fields)
    if (field.onlyWhen && !field.onlyWhen.values.includes(body[field.onlyWhen.field] as string))
      delete body[field.name];
  return body;
}

async function problemsOf(command: ActionCommand, body: Record<string, unknown>) {
  const errors = await validate(plainToInstance(actionRequestClass(command), body), OPTIONS);
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })),
  );
}

describe('request classes made from the descriptors', () => {
  it.each(actionCommands.map(({ command }) => [command.type, command] as const))(
    "%s: the example body passes the command's own request class",
    async (_type, command) => {
      expect(await problemsOf(command, exampleBody(command))).toEqual([]);
    },
  );

  it.each(actionCommands.map(({ command }) => [command.type, command] as const))(
    '%s: a required field left out is refused, naming it',
    async (_type, command) => {
      for (const field of command.fields.filter((f) => f.required)) {
        const body = exampleBody(command);
        delete body[field.name];
        const problems = await problemsOf(command, body);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.every((p) => p.field === field.name)).toBe(true);
      }
    },
  );

  it('refuses a field no command has', async () => {
    const { command } = actionCommands[0];
    expect(await problemsOf(command, { ...exampleBody(command), extra: 1 })).toEqual([
      { field: 'extra', message: 'property extra should not exist' },
    ]);
  });

  it('refuses with the messages the routes have always used', async () => {
    const register = actionCommands.find(({ command }) => command.type === 'RegisterHousingCase')!.command;
    expect(
      await problemsOf(register, {
        ...exampleBody(register),
        householdHeadCitizenId: '12345',
        commune: '-x',
        householdHeadName: ' ',
        contactPhone: '12',
      }),
    ).toEqual([
      {
        field: 'householdHeadCitizenId',
        message: 'householdHeadCitizenId must be a 12-digit citizen id (CCCD)',
      },
      { field: 'commune', message: 'commune must be an org unit code' },
      { field: 'householdHeadName', message: 'householdHeadName must not be blank' },
      { field: 'contactPhone', message: 'contactPhone must be a Vietnamese phone number such as 0912345678' },
    ]);
    const latrine = actionCommands.find(
      ({ command }) => command.type === 'RecordHygienicLatrineCompletion',
    )!.command;
    expect(
      await problemsOf(latrine, {
        ...exampleBody(latrine),
        facilityKind: 'school',
        householdHeadCitizenId: '058123456789',
      }),
    ).toEqual([
      {
        field: 'householdHeadCitizenId',
        message:
          'householdHeadCitizenId is only sent when facilityKind is household; send facilityCode instead',
      },
      {
        field: 'facilityCode',
        message:
          '$property must be a facility code (2-64 letters, digits, . _ -), never a citizen id'.replace(
            '$property',
            'facilityCode',
          ),
      },
    ]);
  });

  it('names each class after its command, once', () => {
    const names = actionCommands.map(({ command }) => actionRequestClass(command).name);
    expect(names).toEqual(actionCommands.map(({ command }) => `${command.type}Request`));
    expect(actionRequestClass(actionCommands[0].command)).toBe(actionRequestClass(actionCommands[0].command));
  });
});

describe('CSV import read from the descriptors', () => {
  it('keeps the action names and columns of the files imported so far', () => {
    expect([...IMPORTABLE_COMMANDS.keys()]).toEqual(
      expect.arrayContaining([
        'housing_registered',
        'housing_funding_approved',
        'housing_construction_started',
        'housing_completed',
        'subsidy_paid',
      ]),
    );
    const columnsOf = (name: string) => importColumnsOf(IMPORTABLE_COMMANDS.get(name)!.command);
    expect(columnsOf('housing_registered')).toMatchObject({
      occurredAt: 'occurred_at',
      evidence: 'evidence_ref',
      caseId: 'case_id',
      householdHeadCitizenId: 'citizen_id',
      commune: 'commune',
      category: 'category',
    });
    expect(columnsOf('housing_funding_approved')).toMatchObject({
      amountVnd: 'amount_vnd',
      source: 'funding_source',
    });
    expect(columnsOf('housing_completed')).toMatchObject({
      floorAreaM2: 'floor_area_m2',
      occupants: 'occupants',
    });
    expect(columnsOf('subsidy_paid')).toMatchObject({
      beneficiaryCitizenId: 'citizen_id',
      programme: 'programme',
      period: 'period',
      amountVnd: 'amount_vnd',
      method: 'method',
    });
    expect(IMPORTABLE_COMMANDS.size).toBe(actionCommands.length);
  });
});

describe('recording rights', () => {
  it('names only recording tasks of ACTIONS, and gives every task to some agency', () => {
    const file = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', '..', 'seeds', 'recording-rights.json'), 'utf8'),
    ) as { rights: Array<{ actions: string[] }> };
    const named = new Set(file.rights.flatMap((r) => r.actions));
    expect([...named].filter((task) => !RECORDING_TASKS.includes(task))).toEqual([]);
    expect(RECORDING_TASKS.filter((task) => !named.has(task))).toEqual([]);
  });
});
