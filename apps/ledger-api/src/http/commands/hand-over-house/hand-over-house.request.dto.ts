import { RecordActionRequest } from '@ledger/ledger/http';

/** Only the shared fields: when it happened, the evidence, the optional client id. */
export class HandOverHouseRequest extends RecordActionRequest {}
