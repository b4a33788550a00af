// A household is named by its head's citizen id (stored only as an HMAC reference), a school or health
// station by its code (stored as it is). Each kind takes exactly one of the two fields, so a citizen id can
// never end up stored in clear as a facility code.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { LATRINE_FACILITY_KINDS, type LatrineFacilityKind, REQUEST_EXAMPLES } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

const isKnownKind = (kind: unknown): kind is LatrineFacilityKind =>
  (LATRINE_FACILITY_KINDS as readonly unknown[]).includes(kind);

/** Refuses the field when facilityKind is a known kind that does not take it (an unknown kind is refused on its own). */
function OnlyForFacilityKinds(kinds: readonly LatrineFacilityKind[], instead: string) {
  return ValidateBy({
    name: 'onlyForFacilityKinds',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => {
        const kind = (args?.object as { facilityKind?: unknown } | undefined)?.facilityKind;
        return !isKnownKind(kind) || kinds.includes(kind);
      },
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} is only sent when facilityKind is ${kinds.join(' or ')}; send ${instead} instead`,
    },
  });
}

export class RecordHygienicLatrineCompletionRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the new latrine record; defaults to the event id',
  })
  @IsOptional()
  @IsUUID('all')
  latrineId?: string;

  @ApiProperty({ enum: LATRINE_FACILITY_KINDS })
  @IsIn(LATRINE_FACILITY_KINDS)
  facilityKind!: LatrineFacilityKind;

  @ApiPropertyOptional({
    example: '058123456789',
    description:
      'Household only (required then, refused otherwise): citizen id (CCCD, 12 digits) of the household head. ' +
      'Never stored: only its HMAC reference is recorded as facilityRef.',
  })
  @ValidateIf(
    (o: RecordHygienicLatrineCompletionRequest) =>
      o.facilityKind === 'household' || o.householdHeadCitizenId !== undefined,
  )
  @OnlyForFacilityKinds(['household'], 'facilityCode')
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  householdHeadCitizenId?: string;

  @ApiPropertyOptional({
    example: 'TH-PHUOC-HOA',
    description: 'School or health station only (required then, refused for a household): its official code',
  })
  @ValidateIf(
    (o: RecordHygienicLatrineCompletionRequest) =>
      (isKnownKind(o.facilityKind) && o.facilityKind !== 'household') || o.facilityCode !== undefined,
  )
  @OnlyForFacilityKinds(['school', 'health_station'], 'householdHeadCitizenId')
  @Matches(/^(?!\d{12}$)[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, {
    message: '$property must be a facility code (2-64 letters, digits, . _ -), never a citizen id',
  })
  facilityCode?: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;
}
