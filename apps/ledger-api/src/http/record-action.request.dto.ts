// The fields every "record an action" body shares live beside the request classes made from the descriptors.
export { EvidenceRefDto, RecordActionRequest } from '@ledger/ledger';
