// Turns an action command into the request the write path executes: citizen ids into their pseudonymous
// references, personal data sealed under the person's key, the plan's own checks, then the open-a-case or
// step-on-a-case request of the aggregate. Used by the command handler (one write) and by the upload (many).
import { Inject, Injectable } from '@nestjs/common';
import { requirePrintableName, type PlanModel, type RequestField } from '@ledger/domain';
import { PLAN_MODEL } from '../read/projections.providers';
import { PSEUDONYMIZER, Pseudonymizer } from '../pseudonym/pseudonymizer';
import { PERSONAL_KEYS, type PersonalKeyStore } from '../personal-data/personal-key-store.port';
import { sealPersonalData, type PersonalData } from '../personal-data/personal-data-seal';
import type { ExecuteRequest } from '../write/aggregate-command-executor';
import { openCase, stepOnCase } from '../write/aggregate-command';
import type { RecordActionCommand } from './record-action.command';

@Injectable()
export class ActionExecuteRequests {
  constructor(
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
    @Inject(PERSONAL_KEYS) private readonly keys: PersonalKeyStore,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
  ) {}

  async requestOf({
    action,
    command,
    streamId,
    body,
    context,
  }: RecordActionCommand): Promise<ExecuteRequest> {
    const domain: Record<string, unknown> = { type: command.type, [command.idField]: streamId };
    const sealed: Record<string, string> = {};
    let person: string | undefined;
    for (const field of command.fields) {
      const value = body[field.name];
      if (field.newId || value === undefined) continue;
      if (field.sealed) {
        const text = field.trim && typeof value === 'string' ? value.trim() : (value as string);
        // A name is checked for control and bidirectional characters before it is sealed: once sealed, nothing
        // downstream can look inside it.
        if (field.type === 'personName') requirePrintableName(text, field.name);
        sealed[field.name] = text;
        continue;
      }
      const stored = this.stored(field, value);
      if (field.type === 'citizenId') person ??= stored as string;
      domain[field.storedAs ?? field.name] = stored;
    }
    domain.occurredAt = body.occurredAt;
    command.checkAgainstPlan?.(this.plan, domain);
    if (Object.keys(sealed).length > 0 && person !== undefined) {
      // Sealed here, so that the name and phone never reach the decider, the store or a projection in clear.
      // The client's event id as salt: a retry with the same id seals to the same bytes and is a retry.
      domain.personal = sealPersonalData(
        sealed as PersonalData,
        person,
        await this.keys.keyFor(person),
        context.eventId,
      );
    }
    const aggregate = action.aggregate;
    return {
      ...(command.orgUnitField
        ? openCase(aggregate, domain as never, context, body[command.orgUnitField] as string)
        : stepOnCase(aggregate, domain as never, context)),
      // The answer names the indicators the events moved.
      indicatorRules: this.plan.rules,
    };
  }

  private stored(field: RequestField, value: unknown): unknown {
    if (field.type === 'citizenId') return this.pseudonyms.reference(value as string);
    return field.trim && typeof value === 'string' ? value.trim() : value;
  }
}
