import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MEASUREMENT_METHODS, type MeasurementMethod, INDICATOR_KEY_PATTERN, INDICATOR_KEY_RULE, REQUEST_EXAMPLES } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

const FINITE = { allowNaN: false, allowInfinity: false };

export class RecordMeasurementRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the new measurement; defaults to the event id',
  })
  @IsOptional()
  @IsUUID('all')
  measurementId?: string;

  @ApiProperty({
    example: REQUEST_EXAMPLES.measuredIndicatorKey,
    description: 'Key of a measured or qualitative indicator of the plan',
  })
  @Matches(INDICATOR_KEY_PATTERN, { message: `indicatorKey must be ${INDICATOR_KEY_RULE}` })
  indicatorKey!: string;

  @ApiProperty({
    example: REQUEST_EXAMPLES.orgUnit,
    description: 'Org unit code the figure is for (a commune or the district)',
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'orgUnit must be an org unit code' })
  orgUnit!: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.period })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period!: string;

  @ApiProperty({ example: 18.5, description: 'The figure, in the unit of the indicator (a rate in %)' })
  @IsNumber(FINITE)
  value!: number;

  @ApiPropertyOptional({ example: 37, description: 'Counted cases, when the figure is a ratio of counts' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  numerator?: number;

  @ApiPropertyOptional({
    example: 200,
    description: 'Population counted; with a numerator, above 0 and at least the numerator',
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  denominator?: number;

  @ApiProperty({ enum: MEASUREMENT_METHODS })
  @IsIn(MEASUREMENT_METHODS)
  method!: MeasurementMethod;

  @ApiProperty({ example: 'Điều tra dinh dưỡng 2026, TTYT huyện Bác Ái', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source!: string;
}
