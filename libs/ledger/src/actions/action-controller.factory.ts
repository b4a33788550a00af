// Builds the controller of one action command from its descriptor: POST /<resource> opens a stream (its id from
// the body, else the event id, else a new UUID), POST /<resource>/{id}/<step> is a step on one. Each route
// states its access rule, validates the body with the command's request class and answers as every write does.
import { Body, Controller, Param, Post, Res, type Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ACTIONS, type ActionCommand, type AnyActionDescriptor } from '@ledger/domain';
import { Allow } from '../http/access-rule.decorator';
import { commandContext, WriteContext, type RequestContext } from '../http/command-context.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiCommandResponse, CommandResponse, respond } from '../http/command-response';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { actionRequestClass, type ActionRequestBody } from './action-request.factory';
import { RecordActionCommand } from './record-action.command';

const RECORDING_ROLES = ['officer', 'supervisor'] as const;
const RECORDING_RULE =
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units';

export function actionController(action: AnyActionDescriptor, command: ActionCommand): Type {
  const Request = actionRequestClass(command);
  const step = command.route.step;

  class ActionHttpController {
    constructor(private readonly commands: CommandBus) {}

    async record(...args: unknown[]): Promise<CommandResponse> {
      const [pathId, body, request, response] = (step ? args : [undefined, ...args]) as [
        string | undefined,
        ActionRequestBody,
        RequestContext,
        Response,
      ];
      const context = commandContext(request, body);
      const streamId =
        pathId ?? (body[command.idField] as string | undefined) ?? context.eventId ?? randomUUID();
      const result = await this.commands.execute(
        new RecordActionCommand(action, command, streamId, body, context),
      );
      return respond(response, result, command.returnsCaseId ? { caseId: streamId } : {});
    }
  }
  Object.defineProperty(ActionHttpController, 'name', { value: `${command.type}HttpController` });
  Reflect.defineMetadata('design:paramtypes', [CommandBus], ActionHttpController);

  const prototype = ActionHttpController.prototype;
  const types: unknown[] = [];
  if (step) {
    Param('id', UuidParamPipe)(prototype, 'record', types.length);
    types.push(String);
  }
  Body()(prototype, 'record', types.length);
  types.push(Request);
  WriteContext()(prototype, 'record', types.length);
  types.push(Object);
  Res({ passthrough: true })(prototype, 'record', types.length);
  types.push(Object);
  Reflect.defineMetadata('design:paramtypes', types, prototype, 'record');
  Reflect.defineMetadata('design:returntype', Promise, prototype, 'record');

  const method = Object.getOwnPropertyDescriptor(prototype, 'record') as PropertyDescriptor;
  for (const decorate of [
    ApiCommandResponse(),
    // A step on a case that is not recorded is 404; the write context declares 400, 409, 412 and 503.
    ...(step ? [ApiProblems(404)] : []),
    ApiOperation({ summary: command.summary, operationId: operationIdOf(command) }),
    step ? Post(`:id/${step}`) : Post(),
  ])
    decorate(prototype, 'record', method);
  const classDecorators: ClassDecorator[] = [
    Controller(command.route.resource),
    Allow(RECORDING_ROLES, RECORDING_RULE),
    ApiTags(action.apiTag),
  ];
  for (const decorate of classDecorators) decorate(ActionHttpController);
  return ActionHttpController;
}

/** The command's type as a verb: RegisterHousingCase -> registerHousingCase. */
export function operationIdOf(command: ActionCommand): string {
  return command.type.charAt(0).toLowerCase() + command.type.slice(1);
}

/** The controllers of every command of the actions of one feature. */
export function actionControllers(feature: AnyActionDescriptor['feature']): Type[] {
  const actions: readonly AnyActionDescriptor[] = ACTIONS;
  return actions
    .filter((action) => action.feature === feature)
    .flatMap((action) => Object.values(action.commands).map((command) => actionController(action, command)));
}
