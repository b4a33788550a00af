// How every write answers: 201 with the event ids and positions, the stream's revision as ETag (send it
// back as If-Match for the next step), and Location of the stream for a new case.
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { Type } from '@nestjs/common';
import type { Response } from 'express';
import type { CommandResult } from '..';

export class IndicatorMovedResponse {
  @ApiProperty({ example: 'houses_built' }) key!: string;
  @ApiProperty({ enum: ['value', 'numerator', 'denominator', 'measurement'] }) part!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'What it added (negative: took back); for a measurement, the value set (null: withdrawn)',
  })
  change!: number | null;
}

export class CommandResponse {
  @ApiProperty() stream!: string;
  @ApiProperty({ type: [String] }) eventIds!: string[];
  @ApiProperty({ type: [Number] }) positions!: number[];
  @ApiProperty({ description: 'Revision of the stream after this command (also the ETag)' })
  revision!: number;
  @ApiProperty({ description: 'True when this id was already recorded: nothing new was appended' })
  replayed!: boolean;
  @ApiPropertyOptional() caseId?: string;
  @ApiPropertyOptional({
    type: [IndicatorMovedResponse],
    description: "The indicators the events moved, by the plan's contribution rules (actions only)",
  })
  indicators?: IndicatorMovedResponse[];
  @ApiPropertyOptional({
    description:
      'Pseudonymous reference of the person the action is for (HMAC of the citizen id): GET /beneficiaries/{ref}/history',
  })
  beneficiaryRef?: string;
  @ApiPropertyOptional({
    description: 'Pseudonymous reference of the household (housing, clean water, latrine)',
  })
  householdRef?: string;
  @ApiPropertyOptional() traineeRef?: string;
  @ApiPropertyOptional() workerRef?: string;
  @ApiPropertyOptional() borrowerRef?: string;
  @ApiPropertyOptional({
    description:
      'A correction of a verified action, or its approval: the correction proposal (POST /corrections/{proposalId}/approvals)',
  })
  proposalId?: string;
  @ApiPropertyOptional({ description: 'True when the correction waits for a second person to approve it' })
  pendingApproval?: boolean;
}

export function respond(
  response: Response,
  result: CommandResult,
  extra: { caseId?: string } = {},
): CommandResponse {
  response.setHeader('ETag', `"${result.revision}"`);
  response.setHeader('Location', `/streams/${encodeURIComponent(result.stream)}`);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return { ...result, ...extra };
}

/** The headers `respond` sets, as OpenAPI declares them. */
export const COMMAND_RESPONSE_HEADERS = {
  ETag: {
    description:
      'The stream revision after this write, quoted ("3"): send it as If-Match with the next write',
    schema: { type: 'string' },
  },
  Location: { description: 'The stream written to: GET it for its events', schema: { type: 'string' } },
  'Idempotent-Replayed': {
    description: '"true" when this event id was recorded before: nothing new was appended',
    schema: { type: 'string' },
  },
};

/** The answer of a write that goes through `respond`: its body and headers (201 unless told). */
export const ApiCommandResponse = (options: { status?: number; type?: Type; description?: string } = {}) =>
  ApiResponse({
    status: options.status ?? 201,
    type: options.type ?? CommandResponse,
    description: options.description ?? 'Recorded: the event ids and positions, and the stream revision',
    headers: COMMAND_RESPONSE_HEADERS,
  });
