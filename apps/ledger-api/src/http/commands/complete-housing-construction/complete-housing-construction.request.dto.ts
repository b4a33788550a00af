import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsPositive, Max, Min } from 'class-validator';
import { RecordActionRequest } from '@ledger/ledger/http';

export class CompleteHousingConstructionRequest extends RecordActionRequest {
  @ApiProperty({ example: 42.5, description: 'Floor area in m2' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(1000)
  floorAreaM2!: number;

  @ApiProperty({ minimum: 1, maximum: 50, example: 4 })
  @IsInt()
  @Min(1)
  @Max(50)
  occupants!: number;
}
