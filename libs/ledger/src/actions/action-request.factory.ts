// Builds the request class of one action command from its fields: class-validator decorators with the
// messages of PATTERN_RULES and the field's bounds, and the OpenAPI property of each field. The class extends
// RecordActionRequest (id, occurredAt, evidence) and is named <CommandType>Request, so OpenAPI keeps its
// schema names. Built once per command.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import {
  MONEY_VND,
  PATTERN_RULES,
  PERSON_NAME,
  PRINTABLE_NAME,
  type ActionCommand,
  type FieldCondition,
  type RequestField,
} from '@ledger/domain';
import { RecordActionRequest } from '../http/record-action.request.dto';

/** A validated body: the shared fields and the command's own, by name. */
export type ActionRequestBody = RecordActionRequest & Record<string, unknown>;

export type ActionRequestClass = new () => ActionRequestBody;

const FINITE = { allowNaN: false, allowInfinity: false };

/** Refuses the field when the other field holds a known value that does not take it. */
function OnlyWhen(condition: FieldCondition, known: readonly string[]): PropertyDecorator {
  return ValidateBy({
    name: 'onlyWhen',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => {
        const other = (args?.object as Record<string, unknown> | undefined)?.[condition.field];
        return !known.includes(other as string) || condition.values.includes(other as string);
      },
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} is only sent when ${condition.field} is ${condition.values.join(' or ')}; ` +
        `send ${condition.instead} instead`,
    },
  });
}

/** The validators of a field, in the order a hand-written class would list them. */
function validators(field: RequestField, command: ActionCommand): PropertyDecorator[] {
  const out: PropertyDecorator[] = [];
  if (field.onlyWhen) {
    const { field: other, values } = field.onlyWhen;
    const known = command.fields.find((f) => f.name === other)?.values ?? [];
    out.push(
      ValidateIf(
        (o: Record<string, unknown>) => values.includes(o[other] as string) || o[field.name] !== undefined,
      ),
      OnlyWhen(field.onlyWhen, known),
    );
  } else if (!field.required) {
    out.push(IsOptional());
  }
  switch (field.type) {
    case 'uuid':
      out.push(IsUUID('all'));
      break;
    case 'personName':
      out.push(
        IsString({ message: PERSON_NAME.textMessage }),
        Length(1, PERSON_NAME.maxLength, { message: PERSON_NAME.lengthMessage }),
        Matches(/\S/, { message: PERSON_NAME.blankMessage }),
      );
      break;
    case 'text':
      out.push(IsString(), MinLength(1), MaxLength(field.maxLength ?? 200));
      break;
    case 'enum':
      out.push(IsIn(field.values ?? []));
      break;
    case 'moneyVnd':
      out.push(IsInt(), Min(MONEY_VND.min), Max(MONEY_VND.max));
      break;
    case 'integer':
      out.push(IsInt());
      if (field.min !== undefined) out.push(Min(field.min));
      if (field.max !== undefined) out.push(Max(field.max));
      break;
    case 'number':
      out.push(
        IsNumber(
          field.maxDecimalPlaces !== undefined
            ? { ...FINITE, maxDecimalPlaces: field.maxDecimalPlaces }
            : FINITE,
        ),
      );
      if (field.positive) out.push(IsPositive());
      if (field.min !== undefined) out.push(Min(field.min));
      if (field.max !== undefined) out.push(Max(field.max));
      break;
    default: {
      const rule = PATTERN_RULES[field.type];
      out.push(Matches(rule.pattern, { message: rule.message }));
    }
  }
  return out;
}

/**
 * Whether OpenAPI shows the field's example: those of every field a request sends, so that together they are
 * a valid request (a field sent only for some values of another, when the other's example is one of them).
 */
function showsExample(field: RequestField, command?: ActionCommand): boolean {
  if (field.documentExample === false) return false;
  if (!field.onlyWhen || !command) return true;
  const other = command.fields.find((f) => f.name === field.onlyWhen?.field);
  return other === undefined || field.onlyWhen.values.includes(String(other.example));
}

/** The OpenAPI property of a field (of `command`, whose other fields' examples decide whether it shows its own). */
export function apiPropertyOf(field: RequestField, command?: ActionCommand): ApiPropertyOptions {
  const numeric = ['integer', 'number', 'moneyVnd'].includes(field.type);
  const options: Record<string, unknown> = { type: numeric ? Number : String };
  if (field.type === 'enum') options.enum = field.values;
  if (field.type === 'uuid') options.format = 'uuid';
  if (field.type === 'integer') {
    if (field.min !== undefined) options.minimum = field.min;
    if (field.max !== undefined) options.maximum = field.max;
  }
  if (field.type === 'text') options.maxLength = field.maxLength ?? 200;
  if (showsExample(field, command)) options.example = field.example;
  if (field.help) options.description = field.help;
  if (field.type === 'personName')
    Object.assign(options, {
      minLength: 1,
      maxLength: PERSON_NAME.maxLength,
      pattern: PRINTABLE_NAME.pattern,
      description: [field.help, PRINTABLE_NAME.rule].filter(Boolean).join(' '),
    });
  return options as ApiPropertyOptions;
}

const classes = new Map<ActionCommand, ActionRequestClass>();

/** The request class of a command (the same class on every call). */
export function actionRequestClass(command: ActionCommand): ActionRequestClass {
  const known = classes.get(command);
  if (known) return known;
  const Request = class extends RecordActionRequest {} as unknown as ActionRequestClass;
  Object.defineProperty(Request, 'name', { value: `${command.type}Request` });
  for (const field of command.fields) {
    // Decorators written above a property are applied bottom-up; applying them in reverse keeps the order of
    // the problems a refused body lists.
    const decorators = [
      field.required && !field.onlyWhen
        ? ApiProperty(apiPropertyOf(field, command))
        : ApiPropertyOptional(apiPropertyOf(field, command)),
      ...validators(field, command),
    ];
    for (const decorate of decorators.reverse()) decorate(Request.prototype, field.name);
  }
  classes.set(command, Request);
  return Request;
}
